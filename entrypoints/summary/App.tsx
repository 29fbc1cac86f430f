// The supervision summary (summary.html): figures for a period the coach chooses,
// in words and small charts, to print (or save as PDF through the browser's
// print) and bring to supervision. The coach's own name (optional) and the
// agency's are the only names on it: it never names a client.
import { useEffect, useState } from 'preact/hooks';
import { BarChart, TrendLine } from '../../components/supervision/charts';
import { PLATFORMS, siteName } from '../../components/audit/auditWords';
import { Button } from '../../components/shared/buildingBlocks';
import { downloadText } from '../../components/shared/download';
import { PageProvider } from '../../components/shared/PageContext';
import {
  describeError,
  formatDay,
  formatMoment,
  withClientWords,
} from '../../components/shared/pageWords';
import { useLoad } from '../../components/shared/useBackground';
import { useSettings } from '../../components/shared/useSettings';
import { ACTION_LABELS } from '../../components/settings/settingControls';
import { AUDIT_ITEMS } from '../../lib/audit/checklist';
import type { MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import { COUNTER_NAMES, type CounterName } from '../../lib/prompt/counters';
import { PROMPT_ACTIONS } from '../../lib/settings/definitions';
import { STORAGE_ITEMS } from '../../lib/storage-items';
import {
  lastDays,
  localDay,
  monthPeriod,
  type SummaryPeriod,
  type SupervisionFigures,
} from '../../lib/supervision/types';

type PeriodChoice = 'last30' | 'thisMonth' | 'lastMonth' | 'custom';

const PERIOD_WORDS: Record<PeriodChoice, MessageKey> = {
  last30: 'summaryPeriodLast30',
  thisMonth: 'summaryPeriodThisMonth',
  lastMonth: 'summaryPeriodLastMonth',
  custom: 'summaryPeriodCustom',
};
const COUNTER_WORDS: Record<CounterName, MessageKey> = {
  shown: 'countsShown',
  cancelled: 'countsCancelled',
  continued: 'countsContinued',
  markedClient: 'countsMarkedClient',
  notClient: 'countsNotClient',
  blocked: 'countsStopped',
};

function periodOf(choice: PeriodChoice, custom: SummaryPeriod, now = new Date()): SummaryPeriod {
  const month = localDay(now).slice(0, 7);
  if (choice === 'thisMonth') return { ...monthPeriod(month), to: localDay(now) };
  if (choice === 'lastMonth') {
    const previous = new Date(now.getFullYear(), now.getMonth() - 1, 15);
    return monthPeriod(localDay(previous).slice(0, 7));
  }
  if (choice === 'custom') return custom;
  return lastDays(30, now);
}

export function SummaryApp() {
  const ui = useSettings();
  const { t } = ui;
  const [choice, setChoice] = useState<PeriodChoice>('last30');
  const [custom, setCustom] = useState<SummaryPeriod>(() => lastDays(30));
  const [coach, setCoach] = useState<string | null>(null);
  const period = periodOf(choice, custom);
  const invalid = period.from > period.to;
  const summary = useLoad(() => sendMessage('exportSupervisionSummary', { period }));

  useEffect(() => {
    document.title = t('summaryTitle');
  }, [t]);
  useEffect(() => {
    void STORAGE_ITEMS.coachName.getValue().then((name) => setCoach(name ?? ''));
  }, []);
  useEffect(() => {
    if (!invalid) void summary.reload();
  }, [period.from, period.to]);

  const saveCoach = (name: string) => {
    setCoach(name);
    void STORAGE_ITEMS.coachName.setValue(name.trim() ? name.slice(0, 100) : null);
  };
  const result = summary.result;
  const figures = result.state === 'ready' ? result.value.figures : null;
  const agency = ui.settings.agency.agencyName?.trim() || null;

  return (
    <PageProvider value={ui}>
      <div class="report-main summary-main" data-testid="supervision-summary">
        <main>
          <header class="report-header">
            <h1>{t('summaryTitle')}</h1>
            <p>{withClientWords(ui, 'summaryIntro')}</p>
            {coach?.trim() && (
              <p data-testid="summary-coach">{t('summaryCoachLine', coach.trim())}</p>
            )}
            {agency && <p data-testid="summary-agency">{t('summaryAgencyLine', agency)}</p>}
            <p data-testid="summary-period">
              {t('summaryPeriodLine', formatDay(ui, period.from), formatDay(ui, period.to))}
            </p>
          </header>

          <form class="summary-controls no-print" onSubmit={(e) => e.preventDefault()}>
            <label>
              {t('summaryCoachLabel')}
              <input
                name="coachName"
                value={coach ?? ''}
                maxLength={100}
                autocomplete="name"
                onInput={(e) => saveCoach(e.currentTarget.value)}
              />
            </label>
            <label>
              {t('summaryPeriodLabel')}
              <select
                name="period"
                value={choice}
                onChange={(e) => setChoice(e.currentTarget.value as PeriodChoice)}
              >
                {(Object.keys(PERIOD_WORDS) as PeriodChoice[]).map((c) => (
                  <option key={c} value={c}>
                    {t(PERIOD_WORDS[c])}
                  </option>
                ))}
              </select>
            </label>
            {choice === 'custom' && (
              <>
                <label>
                  {t('summaryFrom')}
                  <input
                    type="date"
                    name="from"
                    value={custom.from}
                    onChange={(e) => setCustom({ ...custom, from: e.currentTarget.value })}
                  />
                </label>
                <label>
                  {t('summaryTo')}
                  <input
                    type="date"
                    name="to"
                    value={custom.to}
                    onChange={(e) => setCustom({ ...custom, to: e.currentTarget.value })}
                  />
                </label>
              </>
            )}
            {invalid && (
              <p role="alert" class="error">
                {t('summaryPeriodInvalid')}
              </p>
            )}
            <div class="field-row">
              <Button variant="primary" onClick={() => window.print()}>
                {t('reportPrint')}
              </Button>
              {(['csv', 'json'] as const).map((kind) => (
                <Button
                  key={kind}
                  disabled={result.state !== 'ready'}
                  onClick={() =>
                    result.state === 'ready' &&
                    downloadText(
                      `clearline-supervision-${period.from}-${period.to}.${kind}`,
                      result.value[kind],
                    )
                  }
                >
                  {t(kind === 'csv' ? 'summaryDownloadCsv' : 'summaryDownloadJson')}
                </Button>
              ))}
            </div>
          </form>

          {result.state === 'loading' && <p class="muted">{t('loading')}</p>}
          {result.state === 'error' && (
            <p role="alert" class="error">
              {describeError(ui, result.error)}
            </p>
          )}
          {figures && !invalid && <Figures figures={figures} />}
        </main>
        <footer class="report-footer">
          <p>{withClientWords(ui, 'summaryFooter')}</p>
          {figures && <p>{t('reportDate', formatMoment(ui, Date.parse(figures.exportedAt)))}</p>}
        </footer>
      </div>
    </PageProvider>
  );
}

function Figures({ figures }: { figures: SupervisionFigures }) {
  const ui = useSettings();
  const { t } = ui;
  const { observations, postReminders, privacyCheck } = figures;
  return (
    <>
      <section aria-labelledby="summary-prompts" data-testid="summary-prompts">
        <h2 id="summary-prompts">{t('countsHeading')}</h2>
        {PROMPT_ACTIONS.map((action) => (
          <div key={action} class="summary-figure" data-action={action}>
            <p>
              {t(
                'summaryAskedLine',
                t(ACTION_LABELS[action]),
                String(figures.prompts[action].shown),
              )}
            </p>
            <BarChart
              title={t(ACTION_LABELS[action])}
              testId={`summary-chart-${action}`}
              bars={COUNTER_NAMES.map((name) => ({
                label: withClientWords(ui, COUNTER_WORDS[name]),
                value: figures.prompts[action][name],
              }))}
            />
          </div>
        ))}
      </section>

      <section aria-labelledby="summary-reminders" data-testid="summary-reminders">
        <h2 id="summary-reminders">{t('summaryRemindersHeading')}</h2>
        <p>{t('summaryRemindersLine', String(postReminders.shown))}</p>
        <BarChart
          title={t('summaryRemindersHeading')}
          testId="summary-chart-reminders"
          bars={[
            { label: t('summaryReminderShown'), value: postReminders.shown },
            { label: t('summaryReminderClosed'), value: postReminders.closed },
            { label: t('summaryReminderNoted'), value: postReminders.noted },
            { label: t('summaryReminderUrgent'), value: postReminders.urgent },
          ]}
        />
      </section>

      <section aria-labelledby="summary-observations" data-testid="summary-observations">
        <h2 id="summary-observations">{t('observationsHeading')}</h2>
        <p>{t('summaryObservationsLine', String(observations.noted))}</p>
        <BarChart
          title={t('observationsHeading')}
          testId="summary-chart-observations"
          bars={[
            { label: t('summaryStatusToDiscuss'), value: observations.byStatus['to-discuss'] },
            { label: t('summaryStatusDiscussed'), value: observations.byStatus.discussed },
            { label: t('summaryStatusShared'), value: observations.byStatus.shared },
            { label: t('summaryStatusNoAction'), value: observations.byStatus['no-action'] },
            { label: t('summaryReminderUrgent'), value: observations.urgent },
          ]}
        />
        <p>
          {observations.medianHoursToDiscussion === null
            ? t('summaryMedianNone')
            : t('summaryMedianLine', String(observations.medianHoursToDiscussion))}
        </p>
        <p>{t('summarySharedFirstLine', String(observations.sharedBeforeDiscussion))}</p>
      </section>

      <section aria-labelledby="summary-privacy" data-testid="summary-privacy">
        <h2 id="summary-privacy">{t('auditHeading')}</h2>
        {PLATFORMS.map((platform) => {
          const score = privacyCheck.scores.find((s) => s.platform === platform);
          const trend = privacyCheck.trend.filter((p) => p.platform === platform);
          if (!score) return null;
          return (
            <div key={platform} class="summary-figure" data-platform={platform}>
              <h3>{siteName(ui, platform)}</h3>
              <p data-testid={`summary-score-${platform}`}>
                {/* No score before a first check: nothing was read or confirmed yet. */}
                {score.couldNotCheck === score.total
                  ? t('auditNotCheckedYet')
                  : t('auditScoreLine', String(score.passed), String(score.total))}
              </p>
              {trend.length > 0 && (
                <TrendLine
                  title={t('summaryTrendLabel')}
                  testId={`summary-trend-${platform}`}
                  total={score.total}
                  points={trend.map((p) => ({
                    label: formatMoment(ui, Date.parse(p.at)),
                    value: p.passed,
                  }))}
                />
              )}
            </div>
          );
        })}
        <h3>{t('summaryFixFirstHeading')}</h3>
        {privacyCheck.fixFirst.filter((f) => f.result === 'fail').length === 0 ? (
          <p>{t('summaryFixNothing')}</p>
        ) : (
          <ol data-testid="summary-fix-first">
            {privacyCheck.fixFirst
              .filter((f) => f.result === 'fail')
              .map((f) => {
                const item = AUDIT_ITEMS.find((i) => i.id === f.itemId);
                if (!item) return null;
                return (
                  <li key={f.itemId}>
                    {siteName(ui, f.platform)}: {t(item.title)}{' '}
                    <a href={item.link} target="_blank" rel="noreferrer" class="no-print">
                      {t('auditOpenSettings')}
                    </a>
                  </li>
                );
              })}
          </ol>
        )}
      </section>
    </>
  );
}
