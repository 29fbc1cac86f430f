// What the agency's policy says to the coach, in the agency's own words: its
// name, its rules in short, the link to the full policy and who to ask. Shown
// on the welcome and options pages, and as one line in the popup.
import { usePage } from '../shared/PageContext';

export function AgencyRules({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, settings } = usePage();
  if (!settings.managed) return null;
  const { agencyName, policyText, policyUrl, supervisorContact } = settings.agency;
  const name = agencyName?.trim();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      class="section agency-rules"
      aria-labelledby="agency-heading"
      data-testid="agency-rules"
    >
      <Heading id="agency-heading">
        {name ? t('agencyHeadingNamed', name) : t('agencyHeading')}
      </Heading>
      <p>{t('agencyManagedIntro')}</p>
      {policyText?.trim() && (
        <p class="agency-policy-text" data-testid="agency-policy-text">
          {policyText.trim()}
        </p>
      )}
      {policyUrl && (
        <p>
          <a href={policyUrl} target="_blank" rel="noreferrer" data-testid="agency-policy-link">
            {t('agencyPolicyLink')}
          </a>
        </p>
      )}
      {supervisorContact?.trim() && (
        <p data-testid="agency-supervisor">{t('agencySupervisor', supervisorContact.trim())}</p>
      )}
    </section>
  );
}

/** The popup's one line: whose rules apply. */
export function AgencyLine() {
  const { t, settings } = usePage();
  if (!settings.managed) return null;
  const name = settings.agency.agencyName?.trim();
  return (
    <p class="agency-line" data-testid="agency-line">
      {name ? t('agencyLineNamed', name) : t('agencyLine')}
    </p>
  );
}
