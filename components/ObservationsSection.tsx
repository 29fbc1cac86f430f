// The observation log on the options page: posts the coach saved for follow-up
// (and urgent ones, from "Risk of harm"), newest first, each tracked until it is
// talked through with the person and, where needed, shared with the team. The
// supervision summary it exports holds counts only.
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../lib/messaging';
import type { ObservationView } from '../lib/observations/types';
import type { MessageKey } from '../lib/i18n';
import { downloadText } from './BackupSection';
import { Feedback } from './Feedback';
import { ObservationItem } from './observations/ObservationItem';
import {
  OBSERVATION_FILTERS,
  matchesFilter,
  summaryFileNames,
  type ObservationFilter,
} from './observations/words';
import { useAction, useLoad } from './useAsync';
import { describeError, todayIso, type Ui } from './ui';

const FILTER_WORDS: Record<ObservationFilter, MessageKey> = {
  all: 'observationsFilterAll',
  'to-discuss': 'observationsFilterToDiscuss',
  urgent: 'observationsFilterUrgent',
  closed: 'observationsFilterClosed',
};

export function ObservationsSection({ ui }: { ui: Ui }) {
  const { t } = ui;
  const list = useLoad(() => sendMessage('listObservations', {}));
  const [filter, setFilter] = useState<ObservationFilter>('all');
  const notice = useAction();
  const exporter = useAction();

  // Observations are added from the prompt in another tab: show them on coming back.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void list.reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const current = list.result.state === 'ready' ? list.result.value : null;
  const replace = (next: ObservationView) => {
    if (!current) return;
    list.set({
      ...current,
      observations: current.observations.map((o) => (o.id === next.id ? next : o)),
    });
  };
  const drop = (id: string) => {
    if (!current) return;
    list.set({ ...current, observations: current.observations.filter((o) => o.id !== id) });
  };

  const exportSummary = () =>
    exporter.run(async () => {
      const { csv, json } = await sendMessage('exportSupervisionSummary', {});
      const names = summaryFileNames(todayIso());
      downloadText(names.csv, csv);
      downloadText(names.json, json);
      return (ui) => ui.t('observationsExported', names.csv, names.json);
    });

  const shown = current ? current.observations.filter((o) => matchesFilter(o, filter)) : [];
  // Newest first, whatever order the background used.
  shown.sort((a, b) => b.createdAt - a.createdAt);

  return (
    <section
      class="section"
      id="observations"
      aria-labelledby="observations-heading"
      data-testid="observations"
    >
      <h2 id="observations-heading">{t('observationsHeading')}</h2>
      <p class="hint">{t('observationsIntro')}</p>
      {list.result.state === 'loading' && <p role="status">{t('loading')}</p>}
      {list.result.state === 'error' && (
        <div>
          <p role="alert" class="error" data-testid="observations-error">
            {t('observationsLoadFailed', describeError(ui, list.result.error))}
          </p>
          <button type="button" onClick={() => void list.reload()}>
            {t('observationsRetry')}
          </button>
        </div>
      )}
      {current && current.observations.length === 0 && (
        <p data-testid="observations-empty">{t('observationsEmpty')}</p>
      )}
      {current && current.observations.length > 0 && (
        <>
          {current.locked && <p class="hint">{t('observationsLockedHint')}</p>}
          <div class="field">
            <label for="observation-filter">{t('observationsFilterLabel')}</label>
            <select
              id="observation-filter"
              name="observationFilter"
              value={filter}
              onChange={(e) => setFilter(e.currentTarget.value as ObservationFilter)}
            >
              {OBSERVATION_FILTERS.map((f) => (
                <option value={f} key={f}>
                  {t(FILTER_WORDS[f])}
                </option>
              ))}
            </select>
          </div>
          {shown.length === 0 ? (
            <p data-testid="observations-filter-empty">{t('observationsFilterNone')}</p>
          ) : (
            <ul class="observations">
              {shown.map((o) => (
                <ObservationItem
                  key={o.id}
                  ui={ui}
                  observation={o}
                  locked={current.locked}
                  onUpdated={replace}
                  onDeleted={drop}
                  announce={(say) => notice.run(async () => say)}
                />
              ))}
            </ul>
          )}
        </>
      )}
      <Feedback ui={ui} action={notice} />
      <div class="field">
        <button type="button" disabled={exporter.busy} onClick={() => void exportSummary()}>
          {t('observationsExport')}
        </button>
        <p class="hint">{t('observationsExportHint')}</p>
      </div>
      <Feedback ui={ui} action={exporter} />
    </section>
  );
}
