// The printable privacy check (report.html): the coach's own settings results for
// both platforms and the history, for a supervisor or a file. It holds settings
// results only, never anything about clients, and says so at the bottom.
import { useEffect, useState } from 'preact/hooks';
import {
  AuditHistory,
  ItemDetails,
  PLATFORMS,
  ScoreBlock,
  platformChecked,
  platformRows,
  scoreFor,
  siteName,
} from '../../components/audit/auditWords';
import { Button } from '../../components/shared/buildingBlocks';
import { useLoad } from '../../components/shared/useBackground';
import { PageProvider, usePage } from '../../components/shared/PageContext';
import { useSettings } from '../../components/shared/useSettings';
import { describeError, formatMoment, withClientWords } from '../../components/shared/pageWords';
import { AUDIT_ITEMS } from '../../lib/audit/checklist';
import type { AuditView } from '../../lib/audit/types';
import { sendMessage } from '../../lib/messaging';
import { STORAGE_ITEMS } from '../../lib/storage-items';

export function ReportApp() {
  const ui = useSettings();
  const { t } = ui;
  const audit = useLoad(() => sendMessage('getAudit', {}));
  const [madeAt] = useState(() => Date.now());
  // Whose report, for a supervisor: the coach's own name (as entered for the summary) and the agency.
  const [coach, setCoach] = useState<string | null>(null);
  useEffect(() => {
    void STORAGE_ITEMS.coachName.getValue().then((name) => setCoach(name?.trim() || null));
  }, []);
  const agency = ui.settings.agency.agencyName?.trim() || null;
  useEffect(() => {
    document.title = t('reportTitle');
  }, [t]);

  const result = audit.result;
  return (
    <PageProvider value={ui}>
      <div class="report-main" data-testid="audit-report">
        <main>
          <header class="report-header">
            <h1>{t('reportTitle')}</h1>
            {coach && <p data-testid="report-coach">{t('summaryCoachLine', coach)}</p>}
            {agency && <p data-testid="report-agency">{t('summaryAgencyLine', agency)}</p>}
            <p data-testid="report-date">{t('reportDate', formatMoment(ui, madeAt))}</p>
            <Button extraClass="no-print" onClick={() => window.print()}>
              {t('reportPrint')}
            </Button>
          </header>
          {result.state === 'loading' && <p class="muted">{t('loading')}</p>}
          {result.state === 'error' && (
            <p role="alert" class="error">
              {t('auditLoadFailed', describeError(ui, result.error))}
            </p>
          )}
          {result.state === 'ready' && (
            <>
              {result.value.lastAuditAt !== null && (
                <p data-testid="audit-last">
                  {t('auditLastChecked', formatMoment(ui, result.value.lastAuditAt))}
                </p>
              )}
              <FixFirst view={result.value} />
              {PLATFORMS.map((platform) => (
                <section
                  key={platform}
                  class="report-platform"
                  data-platform={platform}
                  aria-labelledby={`report-${platform}`}
                >
                  <h2 id={`report-${platform}`}>{siteName(ui, platform)}</h2>
                  <ScoreBlock
                    score={scoreFor(result.value, platform)}
                    checked={platformChecked(result.value, platform)}
                  />
                  <ul class="items">
                    {platformRows(result.value, platform).map(({ item, state }) => (
                      <li
                        key={item.id}
                        class="item audit-item"
                        data-testid="audit-item"
                        data-item-id={item.id}
                        data-result={state.result}
                      >
                        <ItemDetails item={item} state={state} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              <section class="report-history">
                <AuditHistory view={result.value} headingLevel={2} />
              </section>
            </>
          )}
        </main>
        <footer class="report-footer">
          <p>{withClientWords(ui, 'reportFooter')}</p>
        </footer>
      </div>
    </PageProvider>
  );
}

/** What needs a change, first, each with the way to its setting (readings only: never a confirmation). */
function FixFirst({ view }: { view: AuditView }) {
  const ui = usePage();
  const { t } = ui;
  const failing = view.items.filter((s) => s.result === 'fail');
  return (
    <section
      class="report-fix-first"
      aria-labelledby="report-fix-first"
      data-testid="report-fix-first"
    >
      <h2 id="report-fix-first">{t('summaryFixFirstHeading')}</h2>
      {failing.length === 0 ? (
        <p>{t('summaryFixNothing')}</p>
      ) : (
        <ol>
          {failing.map((state) => {
            const item = AUDIT_ITEMS.find((i) => i.id === state.itemId);
            if (!item) return null;
            return (
              <li key={item.id} data-item-id={item.id}>
                {siteName(ui, item.platform)}: {t(item.title)}
                {state.observed ? ` (${t('auditObserved', state.observed)})` : ''}{' '}
                <a href={item.link} target="_blank" rel="noreferrer">
                  {t('auditOpenSettings')}
                </a>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
