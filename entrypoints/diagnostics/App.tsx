// The diagnostics page (diagnostics.html?tabId=N), opened from the popup when
// Clearline did not recognize a page: what it looked for on that tab and what it
// found, the page's kind and language, the path with every name and id hidden,
// and the versions. "Copy for a support email" puts the same text on the
// clipboard; nothing is ever sent, and the page says so.
import { useEffect, useState } from 'preact/hooks';
import { Button, Notice, Section, StatusLine } from '../../components/shared/buildingBlocks';
import { useLoad } from '../../components/shared/useBackground';
import { useSettings } from '../../components/shared/useSettings';
import { describeError, type Ui } from '../../components/shared/pageWords';
import { browser } from '../../lib/browser';
import {
  browserVersion,
  redactedPath,
  type DiagnosticCheck,
  type DiagnosticsReport,
} from '../../lib/diagnostics';
import type { MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import { PAGE_KIND_WORDS, SITE_WORDS } from '../../lib/page-kind-words';
import { controlWords } from '../../components/page-status/UnrecognizedNote';

const CHECK_WORDS: Record<DiagnosticCheck, MessageKey> = {
  language: 'diagnosticsCheckLanguage',
  'profile-controls': 'diagnosticsCheckProfileControls',
};

async function loadReport(): Promise<DiagnosticsReport | null> {
  const named = new URLSearchParams(location.search).get('tabId');
  if (named === null || !/^\d+$/.test(named)) return null;
  const tabId = Number(named);
  const status = await sendMessage('getPageStatus', { tabId });
  if (!status) return null;
  const { controls } = await sendMessage('getUnrecognizedControls', { tabId });
  return {
    site: status.site,
    pageKind: status.pageKind,
    path: redactedPath(new URL(status.url)),
    lang: status.diagnostics.lang,
    checks: status.diagnostics.checks,
    unrecognized: controls,
    extensionVersion: browser.runtime.getManifest().version,
    browser: browserVersion(navigator.userAgent),
  };
}

/** The facts as label/value rows: shown on the page and copied, the same words. */
function rows(ui: Ui, report: DiagnosticsReport): [string, string][] {
  const { t } = ui;
  return [
    [t('diagnosticsSite'), t(SITE_WORDS[report.site])],
    [t('diagnosticsPageKind'), t(PAGE_KIND_WORDS[report.pageKind])],
    [t('diagnosticsPath'), report.path],
    [t('diagnosticsLanguage'), report.lang || t('diagnosticsLanguageNone')],
  ];
}

function checkWords(ui: Ui, id: DiagnosticCheck, found: boolean): [string, string] {
  return [ui.t(CHECK_WORDS[id]), ui.t(found ? 'diagnosticsFound' : 'diagnosticsNotFound')];
}

function versionRows(ui: Ui, report: DiagnosticsReport): [string, string][] {
  return [
    [ui.t('diagnosticsVersion'), report.extensionVersion],
    [ui.t('diagnosticsBrowser'), report.browser],
  ];
}

/** The text for a support email: the page's facts, the checks and the versions. */
export function diagnosticsText(ui: Ui, report: DiagnosticsReport): string {
  const line = ([label, value]: [string, string]) => `${label}: ${value}`;
  return [
    ui.t('diagnosticsTitle'),
    '',
    ...rows(ui, report).map(line),
    '',
    ui.t('diagnosticsChecksHeading'),
    ...report.checks.map((c) => `- ${line(checkWords(ui, c.id, c.found))}`),
    ...(report.unrecognized.length > 0
      ? [
          '',
          ui.t('diagnosticsUnrecognizedHeading'),
          ...report.unrecognized.map((c) => `- ${controlWords(ui.t, c)}`),
        ]
      : []),
    '',
    ...versionRows(ui, report).map(line),
  ].join('\n');
}

function Facts({ items, testId }: { items: [string, string][]; testId: string }) {
  return (
    <dl class="facts" data-testid={testId}>
      {items.map(([label, value]) => (
        <div key={label} class="fact">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DiagnosticsApp() {
  const { t, words, locale } = useSettings();
  const ui: Ui = { t, words, locale };
  const report = useLoad(loadReport);
  const [copy, setCopy] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  useEffect(() => {
    document.title = t('diagnosticsTitle');
  }, [t]);

  const result = report.result;
  const copyText = (value: DiagnosticsReport) => {
    navigator.clipboard.writeText(diagnosticsText(ui, value)).then(
      () => setCopy({ ok: true }),
      (error: unknown) => setCopy({ ok: false, error }),
    );
  };

  return (
    <main class="report-main diagnostics-main" data-testid="diagnostics">
      <h1>{t('diagnosticsTitle')}</h1>
      <p>{t('diagnosticsIntro')}</p>
      {result.state === 'loading' && <p class="muted">{t('loading')}</p>}
      {result.state === 'error' && (
        <p role="alert" class="error">
          {t('errorUnexpected', describeError(ui, result.error))}
        </p>
      )}
      {result.state === 'ready' && result.value === null && (
        <Notice tone="info" testId="diagnostics-none">
          <p>{t('diagnosticsNoPage')}</p>
        </Notice>
      )}
      {result.state === 'ready' &&
        result.value !== null &&
        (() => {
          const value = result.value;
          const missing = value.checks.filter((c) => !c.found);
          return (
            <>
              <Section id="diagnostics-page" heading={t('diagnosticsPageHeading')}>
                <Facts items={rows(ui, value)} testId="diagnostics-page-facts" />
              </Section>
              <Section id="diagnostics-checks" heading={t('diagnosticsChecksHeading')}>
                <ul class="checks" data-testid="diagnostics-checks">
                  {value.checks.map((c) => (
                    <li key={c.id} data-check={c.id} data-found={String(c.found)}>
                      <StatusLine tone={c.found ? 'ok' : 'warning'}>
                        {checkWords(ui, c.id, c.found).join(': ')}
                      </StatusLine>
                    </li>
                  ))}
                </ul>
                {missing.length === 0 && value.unrecognized.length === 0 && (
                  <StatusLine tone="ok">{t('diagnosticsAllFound')}</StatusLine>
                )}
              </Section>
              {value.unrecognized.length > 0 && (
                <Section
                  id="diagnostics-unrecognized"
                  heading={t('diagnosticsUnrecognizedHeading')}
                >
                  <p>{t('popupButtonsUnrecognized')}</p>
                  <ul class="checks" data-testid="diagnostics-unrecognized">
                    {value.unrecognized.map((c) => (
                      <li key={`${c.role} ${c.words}`}>
                        <StatusLine tone="warning">{controlWords(t, c)}</StatusLine>
                      </li>
                    ))}
                  </ul>
                  <p class="hint">{t('unrecognizedNamesHidden')}</p>
                </Section>
              )}
              <Section id="diagnostics-about" heading={t('diagnosticsAboutHeading')}>
                <Facts items={versionRows(ui, value)} testId="diagnostics-versions" />
              </Section>
              <div class="diagnostics-copy">
                <Button variant="primary" onClick={() => copyText(value)} data-testid="copy">
                  {t('diagnosticsCopy')}
                </Button>
                <p class="hint">{t('diagnosticsNothingSent')}</p>
                <p role="status" aria-live="polite" class="ok" data-testid="copy-status">
                  {copy?.ok ? t('diagnosticsCopied') : ''}
                </p>
                {copy && !copy.ok && (
                  <p role="alert" class="error">
                    {t('diagnosticsCopyFailed', describeError(ui, copy.error))}
                  </p>
                )}
              </div>
            </>
          );
        })()}
    </main>
  );
}
