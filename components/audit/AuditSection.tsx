// The privacy check on the options page: each platform's score, every checklist
// item with what Clearline saw and what is recommended, the guided walk through
// the settings pages, the history, and the report and export for supervision.
// Settings results only: nothing here is about clients.
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AuditItem } from '../../lib/audit/checklist';
import type { AuditItemState, AuditView } from '../../lib/audit/types';
import { browser } from '../../lib/browser';
import { sendMessage } from '../../lib/messaging';
import { downloadText } from '../shared/download';
import { RequestOutcome } from '../shared/RequestOutcome';
import { useAction, useLoad } from '../shared/useBackground';
import { describeError, formatMoment, withClientWords } from '../shared/pageWords';
import { AuditWalk } from './AuditWalk';
import { ConfirmButton } from './ConfirmButton';
import {
  AuditHistory,
  ItemDetails,
  PLATFORMS,
  ScoreBlock,
  platformChecked,
  platformRows,
  scoreFor,
  siteName,
} from './auditWords';
import { usePage } from '../shared/PageContext';

export function AuditSection() {
  const ui = usePage();
  const { t } = ui;
  const audit = useLoad(() => sendMessage('getAudit', {}));
  const [walking, setWalking] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const files = useAction();

  // The coach reads the settings pages in other tabs: look again on coming back.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void audit.reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const endWalk = () => {
    setWalking(false);
    void audit.reload();
    // The walk's buttons are gone; the button that started it takes the focus back.
    setTimeout(() => startButton.current?.focus(), 0);
  };
  const print = () =>
    void files.run(async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/report.html') });
      return null;
    });
  const exportFile = () =>
    void files.run(async () => {
      const { fileName, contents } = await sendMessage('exportAudit', {});
      downloadText(fileName, contents);
      return (ui) => ui.t('auditExportDone', fileName);
    });

  const result = audit.result;
  return (
    <section class="section audit" id="audit" aria-labelledby="audit-heading" data-testid="audit">
      <h2 id="audit-heading">{t('auditHeading')}</h2>
      <p>{withClientWords(ui, 'auditIntro')}</p>
      {result.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {result.state === 'error' && (
        <div role="alert" data-testid="audit-error">
          <p class="error">{t('auditLoadFailed', describeError(ui, result.error))}</p>
          <button type="button" onClick={() => void audit.reload()}>
            {t('tryAgain')}
          </button>
        </div>
      )}
      {result.state === 'ready' && (
        <>
          <AuditWhen view={result.value} />
          <ul class="audit-summary">
            {PLATFORMS.map((platform) => (
              <li key={platform} data-platform={platform}>
                <span class="audit-platform-name">{siteName(ui, platform)}</span>
                <ScoreBlock
                  score={scoreFor(result.value, platform)}
                  checked={platformChecked(result.value, platform)}
                />
              </li>
            ))}
          </ul>
          <div class="field-row audit-actions">
            {!walking && (
              <button
                type="button"
                class="button-primary"
                ref={startButton}
                onClick={() => setWalking(true)}
              >
                {t('auditStart')}
              </button>
            )}
            <button type="button" onClick={print} disabled={files.busy}>
              {t('auditPrint')}
            </button>
            <button type="button" onClick={exportFile} disabled={files.busy}>
              {t('auditExport')}
            </button>
          </div>
          <RequestOutcome action={files} statusTestId="audit-file-status" />
          {walking && <AuditWalk view={result.value} onView={audit.set} onDone={endWalk} />}
          {PLATFORMS.map((platform) => (
            <div class="audit-platform" key={platform} data-platform={platform}>
              <h3>{siteName(ui, platform)}</h3>
              <ul class="items">
                {platformRows(result.value, platform).map(({ item, state }) => (
                  <AuditItemRow key={item.id} item={item} state={state} onView={audit.set} />
                ))}
              </ul>
            </div>
          ))}
          <AuditHistory view={result.value} />
        </>
      )}
    </section>
  );
}

/** Whether a check is due, and when the last one was. */
function AuditWhen({ view }: { view: AuditView }) {
  const ui = usePage();
  const { t } = ui;
  return (
    <>
      {view.lastAuditAt === null && <p data-testid="audit-never">{t('auditNeverChecked')}</p>}
      {view.reauditDue && (
        <p role="status" class="warning audit-due" data-testid="audit-due">
          {t('auditDue')}
        </p>
      )}
      {view.lastAuditAt !== null && (
        <p class="muted" data-testid="audit-last">
          {t('auditLastChecked', formatMoment(ui, view.lastAuditAt))}
        </p>
      )}
    </>
  );
}

function AuditItemRow({
  item,
  state,
  onView,
}: {
  item: AuditItem;
  state: AuditItemState;
  onView: (view: AuditView) => void;
}) {
  const ui = usePage();
  const id = useId();
  return (
    <li
      class="item audit-item"
      data-testid="audit-item"
      data-item-id={item.id}
      data-result={state.result}
    >
      <ItemDetails item={item} state={state} idPrefix={id} />
      <div class="field-row audit-item-actions">
        <a href={item.link} target="_blank" rel="noreferrer" aria-describedby={`${id}-title`}>
          {ui.t('auditOpenSettings')}
        </a>
        <ConfirmButton state={state} describedBy={`${id}-title ${id}-result`} onView={onView} />
      </div>
    </li>
  );
}
