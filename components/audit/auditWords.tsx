// The privacy check's words and small pieces, shared by the options section, the
// popup line and the printable report, so all three say the same thing the same
// way. "Couldn't check" is its own state everywhere: never shown or counted as good.
import type { MessageKey } from '../../lib/i18n';
import { AUDIT_ITEMS, type AuditItem } from '../../lib/audit/checklist';
import type { AuditItemState, AuditScore, AuditView, ItemResult } from '../../lib/audit/types';
import { SITE_WORDS } from '../../lib/page-kind-words';
import { SITE_IDS, type SiteId } from '../../lib/sites/registry';
import { formatMoment, withClientWords, type Ui } from '../shared/pageWords';
import { usePage } from '../shared/PageContext';

export const PLATFORMS: readonly SiteId[] = SITE_IDS;

const RESULT_KEYS: Record<Exclude<ItemResult, 'confirmed'>, MessageKey> = {
  pass: 'auditResultPass',
  fail: 'auditResultFail',
  'could-not-check': 'auditResultUnknown',
};

/** Only these count toward the score: a page pass, or the coach's own check. */
export const isGood = (result: ItemResult) => result === 'pass' || result === 'confirmed';

/** "9 of 12, 3 confirmed by you", or "9 of 12" when nothing was confirmed by hand. */
export function scoreLine(ui: Ui, score: AuditScore): string {
  return score.confirmed > 0
    ? ui.t(
        'auditScoreLineConfirmed',
        String(score.passed),
        String(score.total),
        String(score.confirmed),
      )
    : ui.t('auditScoreLine', String(score.passed), String(score.total));
}

/** An item's result in words; a confirmation says when. */
export function resultWords(ui: Ui, state: Pick<AuditItemState, 'result' | 'at'>): string {
  if (state.result === 'confirmed') {
    return state.at === null
      ? ui.t('auditResultConfirmedUndated')
      : ui.t('auditResultConfirmed', formatMoment(ui, state.at));
  }
  return ui.t(RESULT_KEYS[state.result]);
}

export const siteName = (ui: Ui, platform: SiteId) => ui.t(SITE_WORDS[platform]);

/** An item that the view does not mention has not been looked at: it is unknown, not good. */
function unseen(item: AuditItem): AuditItemState {
  return {
    itemId: item.id,
    platform: item.platform,
    result: 'could-not-check',
    observed: null,
    at: null,
    source: null,
  };
}

/** Each checklist item of a platform, in checklist order, with its state in the view. */
export function platformRows(
  view: AuditView,
  platform: SiteId,
): { item: AuditItem; state: AuditItemState }[] {
  const states = new Map(view.items.map((s) => [s.itemId, s]));
  return AUDIT_ITEMS.filter((i) => i.platform === platform).map((item) => ({
    item,
    state: states.get(item.id) ?? unseen(item),
  }));
}

/**
 * A platform's score as the background counted it; counted here from the items
 * only if the background sent none for it (so a missing score is never "0 of 0").
 */
export function scoreFor(view: AuditView, platform: SiteId): AuditScore {
  const given = view.scores.find((s) => s.platform === platform);
  if (given) return given;
  const rows = platformRows(view, platform);
  const count = (test: (r: ItemResult) => boolean) =>
    rows.filter(({ state }) => test(state.result)).length;
  return {
    platform,
    passed: count(isGood),
    confirmed: count((r) => r === 'confirmed'),
    total: rows.length,
    failed: count((r) => r === 'fail'),
    couldNotCheck: count((r) => r === 'could-not-check'),
  };
}

/** The first item of a platform, in checklist order, that needs a change or could not be checked. */
export function nextStep(view: AuditView, platform: SiteId) {
  return platformRows(view, platform).find(({ state }) => !isGood(state.result)) ?? null;
}

/**
 * Whether any item of the platform was ever looked at (on its page or confirmed
 * by hand). Before that, a score would read as a failing grade ("0 of 13") for a
 * check never made: say "Not checked yet" instead (ScoreBlock's `checked`).
 */
export function platformChecked(view: AuditView, platform: SiteId): boolean {
  return platformRows(view, platform).some(({ state }) => state.at !== null);
}

/**
 * A platform's score line and its counts of what needs attention (the platform
 * is named around it); "Not checked yet" when `checked` is false.
 */
export function ScoreBlock({ score, checked = true }: { score: AuditScore; checked?: boolean }) {
  const ui = usePage();
  if (!checked) {
    return (
      <div class="audit-score">
        <p
          class="audit-score-line audit-not-checked"
          data-testid="audit-score"
          data-platform={score.platform}
          data-checked="false"
        >
          {ui.t('auditNotCheckedYet')}
        </p>
      </div>
    );
  }
  return (
    <div class="audit-score">
      <p class="audit-score-line" data-testid="audit-score" data-platform={score.platform}>
        {scoreLine(ui, score)}
      </p>
      <p class="audit-counts" data-testid="audit-counts" data-platform={score.platform}>
        <span data-count="fail">{ui.t('auditCountFailed', String(score.failed))}</span>{' '}
        <span data-count="could-not-check">
          {ui.t('auditCountUnknown', String(score.couldNotCheck))}
        </span>
      </p>
    </div>
  );
}

/** What the checklist says about one item and what Clearline found: text only. */
export function ItemDetails({
  item,
  state,
  idPrefix,
}: {
  item: AuditItem;
  state: AuditItemState;
  /** Gives the title and the result ids (`<prefix>-title`, `<prefix>-result`) for aria-describedby. */
  idPrefix?: string;
}) {
  const ui = usePage();
  const { t } = ui;
  return (
    <>
      <p class="item-title" id={idPrefix && `${idPrefix}-title`}>
        {t(item.title)}
      </p>
      <p
        class={`audit-result audit-result-${state.result}`}
        id={idPrefix && `${idPrefix}-result`}
        data-testid="audit-result"
      >
        {resultWords(ui, state)}
      </p>
      {state.observed !== null && state.observed !== '' && (
        <p class="audit-observed">{t('auditObserved', state.observed)}</p>
      )}
      <p class="audit-recommended">{t('auditRecommended', t(item.recommended))}</p>
      <p class="hint audit-why">{withClientWords(ui, item.why)}</p>
    </>
  );
}

/** Past scores, newest first, at most `limit` of them. */
export function AuditHistory({
  view,
  limit = 10,
  headingLevel = 3,
}: {
  view: AuditView;
  limit?: number;
  headingLevel?: 2 | 3;
}) {
  const ui = usePage();
  const { t } = ui;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const snapshots = [...view.history].sort((a, b) => b.at - a.at).slice(0, limit);
  return (
    <div class="audit-history" data-testid="audit-history">
      <Heading>{t('auditHistoryHeading')}</Heading>
      {snapshots.length === 0 ? (
        <p class="muted">{t('auditHistoryEmpty')}</p>
      ) : (
        <ol class="audit-snapshots">
          {snapshots.map((snapshot) => (
            <li key={snapshot.at} data-testid="audit-snapshot" data-at={snapshot.at}>
              <span class="audit-snapshot-date">{formatMoment(ui, snapshot.at)}</span>
              {PLATFORMS.map((platform) => {
                const score = snapshot.scores.find((s) => s.platform === platform);
                return score ? (
                  <span key={platform} class="audit-snapshot-score" data-platform={platform}>
                    {t('auditPlatformScore', siteName(ui, platform), scoreLine(ui, score))}
                  </span>
                ) : null;
              })}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
