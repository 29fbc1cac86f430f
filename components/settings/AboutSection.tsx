// Two short Settings pages: whose rules apply (the agency's policy, or the coach's
// own choices when no agency manages Clearline), and what Clearline is: what it
// does and never does, its version, and where to look when a page is not recognized.
import { AgencyRules } from '../agency/AgencyRules';
import { browser } from '../../lib/browser';
import { usePage } from '../shared/PageContext';
import { withClientWords } from '../shared/pageWords';

export function AgencySection() {
  const ui = usePage();
  if (ui.settings.managed) return <AgencyRules />;
  return (
    <section class="section" aria-labelledby="agency-heading" data-testid="agency-none">
      <h2 id="agency-heading">{ui.t('agencyHeading')}</h2>
      <p>{ui.t('agencyNone')}</p>
    </section>
  );
}

export function AboutSection() {
  const ui = usePage();
  const { t } = ui;
  return (
    <section class="section" aria-labelledby="about-heading" data-testid="about">
      <h2 id="about-heading">{t('aboutHeading')}</h2>
      <p>{t('optionsPageIntro')}</p>
      <div class="card">
        <h3>{t('welcomeDoesHeading')}</h3>
        <ul>
          <li>{t('welcomeDoesAudit')}</li>
          <li>{withClientWords(ui, 'welcomeDoesPrompt')}</li>
          <li>{withClientWords(ui, 'welcomeDoesObserve')}</li>
        </ul>
      </div>
      <div class="card">
        <h3>{t('welcomeDoesNotHeading')}</h3>
        <ul>
          <li>{t('welcomeDoesNotSend')}</li>
          <li>{t('welcomeDoesNotDecide')}</li>
          <li>{t('welcomeDoesNotRead')}</li>
        </ul>
      </div>
      <p data-testid="about-version">{t('aboutVersion', browser.runtime.getManifest().version)}</p>
      <p>
        {t('aboutDiagnostics')}{' '}
        <a
          href={browser.runtime.getURL('/diagnostics.html')}
          target="_blank"
          rel="noreferrer"
          data-testid="about-diagnostics"
        >
          {t('aboutDiagnosticsLink')}
        </a>
      </p>
    </section>
  );
}
