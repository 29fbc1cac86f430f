// The supervision summary: how often the boundary prompt appeared in the last 30
// days and how it was answered, per kind of action. Counts only, no identities.
import type { MessageKey } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging';
import { COUNTER_NAMES, type CounterName, type PromptCounters } from '../../lib/prompt/counters';
import { PROMPT_ACTIONS, type PromptAction } from '../../lib/settings/definitions';
import { ACTION_LABELS } from '../settings/settingControls';
import { useLoad } from '../shared/useBackground';
import { describeError, withClientWords } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

const DAYS = 30;
const COLUMN_WORDS: Record<CounterName, MessageKey> = {
  shown: 'countsShown',
  cancelled: 'countsCancelled',
  continued: 'countsContinued',
  markedClient: 'countsMarkedClient',
  notClient: 'countsNotClient',
  blocked: 'countsStopped',
};

/** Sums the last `days` days (by date string, newest included) per action and counter. */
export function sumRecent(counters: PromptCounters, today: string, days = DAYS) {
  const from = new Date(`${today}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - (days - 1));
  const first = from.toISOString().slice(0, 10);
  const totals = Object.fromEntries(
    PROMPT_ACTIONS.map((a) => [a, Object.fromEntries(COUNTER_NAMES.map((c) => [c, 0]))]),
  ) as Record<PromptAction, Record<CounterName, number>>;
  for (const [date, day] of Object.entries(counters)) {
    if (date < first || date > today) continue;
    for (const action of PROMPT_ACTIONS) {
      for (const name of COUNTER_NAMES) totals[action][name] += day[action]?.[name] ?? 0;
    }
  }
  return totals;
}

export function PromptCountsSection() {
  const ui = usePage();
  const { t } = ui;
  const counts = useLoad(() => sendMessage('getPromptCounts', {}));
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 10);
  return (
    <section class="section" aria-labelledby="counts-heading" data-testid="prompt-counts">
      <h2 id="counts-heading">{t('countsHeading')}</h2>
      <p class="hint">{t('countsIntro')}</p>
      <p>
        <a href="summary.html" target="_blank" data-testid="open-summary">
          {t('summaryOpen')}
        </a>
      </p>
      {counts.result.state === 'error' && (
        <p role="alert" class="error">
          {t('countsLoadFailed', describeError(ui, counts.result.error))}
        </p>
      )}
      {counts.result.state === 'ready' &&
        (() => {
          const totals = sumRecent(counts.result.value, today);
          const any = PROMPT_ACTIONS.some((a) => COUNTER_NAMES.some((c) => totals[a][c] > 0));
          if (!any) return <p>{t('countsEmpty')}</p>;
          const asked = PROMPT_ACTIONS.reduce((sum, a) => sum + totals[a].shown, 0);
          return (
            <>
              <p data-testid="counts-total">{t('countsTotal', String(asked))}</p>
              <table class="counts">
                <thead>
                  <tr>
                    <th scope="col">{t('countsAction')}</th>
                    {COUNTER_NAMES.map((c) => (
                      <th scope="col" key={c}>
                        {withClientWords(ui, COLUMN_WORDS[c])}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {PROMPT_ACTIONS.map((a) => (
                    <tr key={a} data-action={a}>
                      <th scope="row">{t(ACTION_LABELS[a])}</th>
                      {COUNTER_NAMES.map((c) => (
                        <td key={c} data-counter={c}>
                          {totals[a][c]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          );
        })()}
    </section>
  );
}
