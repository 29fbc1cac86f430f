// The popup's privacy check line: on Facebook or Instagram, that platform's score
// and the one next thing to look at; elsewhere, the way to the privacy check.
// Before a first check there is no score to show, only "Not checked yet" and
// the way to start: a score of zero would read as an alarm on day one.
import type { SiteId } from '../../lib/sites/types';
import { browser } from '../../lib/browser';
import { sendMessage } from '../../lib/messaging';
import { Button, Notice, StatusLine } from '../shared/buildingBlocks';
import { useLoad } from '../shared/useBackground';
import { describeError } from '../shared/pageWords';
import { ScoreBlock, isGood, nextStep, resultWords, scoreFor, siteName } from './auditWords';
import { AUDIT_ITEMS } from '../../lib/audit/checklist';
import type { AuditView } from '../../lib/audit/types';
import { usePage } from '../shared/PageContext';

/** The items the agency requires that are not at the recommended value yet. */
function RequiredItems({ view, required }: { view: AuditView; required: readonly string[] }) {
  const ui = usePage();
  const { t } = ui;
  if (required.length === 0) return null;
  const states = new Map(view.items.map((s) => [s.itemId, s.result]));
  const missing = AUDIT_ITEMS.filter(
    (item) => required.includes(item.id) && !isGood(states.get(item.id) ?? 'could-not-check'),
  );
  return (
    <div data-testid="audit-required" data-missing={missing.map((i) => i.id).join(' ')}>
      {missing.length === 0 ? (
        <p class="ok">{t('auditRequiredAllDone')}</p>
      ) : (
        <>
          <p class="warning">{t('auditRequiredMissing', String(missing.length))}</p>
          <ul>
            {missing.map((item) => (
              <li key={item.id} data-item-id={item.id}>
                {siteName(ui, item.platform)}: {t(item.title)}{' '}
                <a href={item.link} target="_blank" rel="noreferrer">
                  {t('auditOpenSiteSettings', siteName(ui, item.platform))}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function AuditPopup({
  platform,
  required = [],
}: {
  platform: SiteId | null;
  /** Item ids the agency's policy requires (requiredAuditItems). */
  required?: readonly string[];
}) {
  const ui = usePage();
  const { t } = ui;
  const audit = useLoad(() => sendMessage('getAudit', {}));
  const result = audit.result;
  const checkUrl = browser.runtime.getURL('/options.html#privacy');
  const openCheck = () => {
    browser.tabs.create({ url: checkUrl }).catch(() => undefined);
  };

  if (result.state === 'loading') return null;
  // Away from the two sites, with nothing due, a link is all there is to say.
  const justLink =
    result.state === 'ready' && !platform && !result.value.reauditDue && required.length === 0;
  const neverChecked = result.state === 'ready' && result.value.lastAuditAt === null;
  return (
    <section
      class="audit-popup"
      aria-labelledby={justLink ? undefined : 'audit-popup-heading'}
      data-testid="audit-popup"
      data-state={result.state}
    >
      {!justLink && <h3 id="audit-popup-heading">{t('auditHeading')}</h3>}
      {result.state === 'error' && (
        <p class="warning" data-testid="audit-popup-error">
          {t('auditLoadFailed', describeError(ui, result.error))}
        </p>
      )}
      {neverChecked && (
        <>
          <StatusLine tone="info" data-testid="audit-not-checked">
            {t('auditPopupNotChecked')}
          </StatusLine>
          {/* What the agency requires is said from the first day, before any check. */}
          {result.state === 'ready' && <RequiredItems view={result.value} required={required} />}
          <p>
            <Button variant="primary" extraClass="button-primary" onClick={openCheck}>
              {t('auditPopupFirstCheck')}
            </Button>
          </p>
        </>
      )}
      {result.state === 'ready' &&
        !neverChecked &&
        (() => {
          const view = result.value;
          const next = platform ? nextStep(view, platform) : null;
          return (
            <>
              {view.reauditDue && (
                <Notice tone="warning" testId="audit-popup-due" extraClass="audit-popup-due">
                  <p>{t('auditPopupDue')}</p>
                  <p>
                    <Button variant="primary" extraClass="button-primary" onClick={openCheck}>
                      {t('auditPopupOpen')}
                    </Button>
                  </p>
                </Notice>
              )}
              <RequiredItems view={view} required={required} />
              {platform && (
                <>
                  <p class="audit-platform-name">{siteName(ui, platform)}</p>
                  <ScoreBlock score={scoreFor(view, platform)} />
                  {next ? (
                    <p data-testid="audit-next" data-item-id={next.item.id}>
                      {t('auditPopupNext', t(next.item.title), resultWords(ui, next.state))}{' '}
                      <a href={next.item.link} target="_blank" rel="noreferrer">
                        {t('auditOpenSiteSettings', siteName(ui, next.item.platform))}
                      </a>
                    </p>
                  ) : (
                    // Stale results are no reason for "all checked": a due check says so above.
                    !view.reauditDue && (
                      <StatusLine tone="ok" data-testid="audit-all-checked">
                        {t('auditPopupAllChecked')}
                      </StatusLine>
                    )
                  )}
                </>
              )}
              {justLink && (
                <p>
                  <a href={checkUrl} target="_blank" rel="noreferrer">
                    {t('auditHeading')}
                  </a>
                </p>
              )}
            </>
          );
        })()}
    </section>
  );
}
