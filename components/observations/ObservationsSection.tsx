// The observation log on the options page: posts the coach saved for follow-up
// (and urgent ones, from "Risk of harm"), newest first, each tracked until it is
// talked through with the person and, where needed, shared with the team. The
// supervision summary it exports holds counts only.
//
// The log is read a page at a time (lib/observations/paging.ts): the background
// filters, orders and counts, and sends one page of rows with their client's
// label. A coach with 20,000 observations gets 50 rows, not 20,000.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging';
import type { ObservationPageRequest, ObservationPosition } from '../../lib/observations/paging';
import {
  OBSERVATION_FILTERS,
  type ObservationFilter,
  type ObservationPage,
  type ObservationView,
} from '../../lib/observations/types';
import type { MessageKey } from '../../lib/i18n';
import { downloadText } from '../shared/download';
import { RequestOutcome } from '../shared/RequestOutcome';
import { ObservationItem } from './ObservationItem';
import { summaryFileNames } from './words';
import { useAction, useLoad } from '../shared/useBackground';
import { describeError, todayIso } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

const FILTER_WORDS: Record<ObservationFilter, MessageKey> = {
  all: 'observationsFilterAll',
  'to-discuss': 'observationsFilterToDiscuss',
  urgent: 'observationsFilterUrgent',
  closed: 'observationsFilterClosed',
};

const position = (o: ObservationView): ObservationPosition => ({
  createdAt: o.createdAt,
  id: o.id,
});

export function ObservationsSection() {
  const ui = usePage();
  const { t } = ui;
  // What to ask for next. A ref, not state: a reload must use the query just set.
  const query = useRef<{ filter: ObservationFilter; page: ObservationPageRequest }>({
    filter: 'all',
    page: null,
  });
  const list = useLoad(() => sendMessage('getObservationPage', query.current));
  const [filter, setFilter] = useState<ObservationFilter>('all');
  const [moving, setMoving] = useState(false);
  const notice = useAction();
  const exporter = useAction();
  const listRef = useRef<HTMLUListElement>(null);
  // Which row takes the focus once the list has rendered: the first after a page
  // change, the one that took a deleted row's place after a delete.
  const focusRow = useRef<number | null>(null);

  const current = list.result.state === 'ready' ? list.result.value : null;
  const number = (n: number) => n.toLocaleString(ui.locale);

  /** The same page again: from its first row, or the newest page when it is the first. */
  const samePage = (page: ObservationPage | null): ObservationPageRequest => {
    const first = page?.observations[0];
    return page && page.start > 0 && first ? { direction: 'here', at: position(first) } : null;
  };

  // A page request in flight: local edits wait for it (a local set would drop its answer).
  const loading = useRef(false);
  const show = async (nextFilter: ObservationFilter, page: ObservationPageRequest) => {
    query.current = { filter: nextFilter, page };
    loading.current = true;
    setMoving(true);
    await list.reload();
    loading.current = false;
    setMoving(false);
  };

  // Observations are added from the prompt in another tab: show them on coming back,
  // on the page the coach was on (new ones appear on the newest page).
  const currentRef = useRef(current);
  currentRef.current = current;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible')
        void show(query.current.filter, samePage(currentRef.current));
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // A layout effect: it must see the list that just rendered, before anything else runs
  // (a deferred effect of the previous render could take the request meant for this one).
  useLayoutEffect(() => {
    const index = focusRow.current;
    if (index === null || list.result.state === 'loading') return;
    focusRow.current = null;
    const rows = listRef.current?.querySelectorAll<HTMLElement>(':scope > li');
    if (rows && rows.length > 0) rows[Math.min(index, rows.length - 1)]?.focus();
  }, [list.result]);

  const turnPage = (page: ObservationPageRequest) => {
    if (moving) return;
    // The new page's first row takes the focus (it reads who and when); the range
    // line below the filter announces where in the log the coach now is.
    focusRow.current = 0;
    void show(filter, page);
  };

  const changeFilter = (next: ObservationFilter) => {
    setFilter(next);
    void show(next, null);
  };

  // After a change the counts move; the rows stay where they are, so a row that
  // left the filter (marked discussed under "To discuss") stays in sight until the
  // coach turns the page. A failed count changes nothing: the row says it was saved.
  // While a page is being read, it brings both rows and counts: nothing to do here.
  const refreshCounts = async () => {
    const counts = await sendMessage('countObservations', {}).catch(() => null);
    const latest = currentRef.current;
    if (counts && latest && !loading.current) list.set({ ...latest, counts });
  };
  const replace = (next: ObservationView) => {
    if (!current || loading.current) return;
    list.set({
      ...current,
      observations: current.observations.map((o) => (o.id === next.id ? next : o)),
    });
    void refreshCounts();
  };
  const drop = (id: string) => {
    if (!current || loading.current) return;
    const index = current.observations.findIndex((o) => o.id === id);
    const rest = current.observations.filter((o) => o.id !== id);
    // The row that takes the deleted one's place gets the focus (its Delete button is gone).
    focusRow.current = Math.max(0, index);
    if (rest.length > 0) {
      list.set({ ...current, observations: rest });
      void refreshCounts();
    } else {
      // The page's last row went: read the page again rather than show an empty one.
      void show(filter, samePage(current));
    }
  };

  const exportSummary = () =>
    exporter.run(async () => {
      const { csv, json } = await sendMessage('exportSupervisionSummary', {});
      const names = summaryFileNames(todayIso());
      downloadText(names.csv, csv);
      downloadText(names.json, json);
      return (ui) => ui.t('observationsExported', names.csv, names.json);
    });

  const total = current ? current.counts[filter] : 0;
  const shown = current?.observations ?? [];
  const first = shown[0];
  const last = shown.at(-1);
  const hasNewer = current !== null && current.start > 0;
  const hasOlder = current !== null && current.start + shown.length < total;

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
          <button type="button" onClick={() => void show(filter, samePage(current))}>
            {t('observationsRetry')}
          </button>
        </div>
      )}
      {current && current.counts.all === 0 && (
        <p data-testid="observations-empty">{t('observationsEmpty')}</p>
      )}
      {current && current.counts.all > 0 && (
        <>
          {current.locked && <p class="hint">{t('observationsLockedHint')}</p>}
          <div class="field">
            <label for="observation-filter">{t('observationsFilterLabel')}</label>
            <select
              id="observation-filter"
              name="observationFilter"
              value={filter}
              onChange={(e) => changeFilter(e.currentTarget.value as ObservationFilter)}
            >
              {OBSERVATION_FILTERS.map((f) => (
                <option value={f} key={f}>
                  {t('observationsFilterCount', t(FILTER_WORDS[f]), number(current.counts[f]))}
                </option>
              ))}
            </select>
          </div>
          {/* Always in the page, so that a new range is announced (politely) when it changes. */}
          <p role="status" aria-live="polite" class="hint" data-testid="observations-range">
            {shown.length > 0 &&
              t(
                'observationsRange',
                number(current.start + 1),
                number(current.start + shown.length),
                number(total),
              )}
          </p>
          {shown.length === 0 ? (
            <p data-testid="observations-filter-empty">{t('observationsFilterNone')}</p>
          ) : (
            <ul class="observations" ref={listRef} aria-busy={moving}>
              {shown.map((o) => (
                <ObservationItem
                  key={o.id}
                  observation={o}
                  locked={current.locked}
                  onUpdated={replace}
                  onDeleted={drop}
                  announce={(say) => notice.run(async () => say)}
                />
              ))}
            </ul>
          )}
          {(hasNewer || hasOlder) && (
            <nav
              class="field-row observation-pages"
              aria-label={t('observationsPagesLabel')}
              data-testid="observation-pages"
            >
              <button
                type="button"
                disabled={!hasNewer || !first}
                onClick={() => first && turnPage({ direction: 'newer', at: position(first) })}
              >
                <span aria-hidden="true">← </span>
                {t('observationsNewer')}
              </button>
              <button
                type="button"
                disabled={!hasOlder || !last}
                onClick={() => last && turnPage({ direction: 'older', at: position(last) })}
              >
                {t('observationsOlder')}
                <span aria-hidden="true"> →</span>
              </button>
            </nav>
          )}
        </>
      )}
      <RequestOutcome action={notice} />
      <div class="field">
        <button type="button" disabled={exporter.busy} onClick={() => void exportSummary()}>
          {t('observationsExport')}
        </button>
        <p class="hint">{t('observationsExportHint')}</p>
        <p>
          <a href="summary.html" target="_blank">
            {t('summaryOpen')}
          </a>
        </p>
      </div>
      <RequestOutcome action={exporter} />
    </section>
  );
}
