// The privacy self-audit, background side: what settings pages showed, what the
// coach confirmed by hand, the score, the history, and when to re-audit.
import { loadSettings } from '../settings';
import { SITE_IDS, type SiteId } from '../sites/registry';
import { db, write } from '../db/connection';
import type { AuditItemRecord } from '../db/schema';
import { AUDIT_ITEMS, AUDIT_ITEM_IDS, type AuditItem } from './checklist';
import type { AuditFinding, AuditItemState, AuditScore, AuditView, ItemResult } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_HISTORY = 200;

/**
 * What the settings page showed decides whenever it could be read: a reading
 * (pass or fail) always wins, so one click on "I checked this" can never turn a
 * setting Clearline saw as wrong into a pass. A confirmation by hand stands only
 * where the page could not be read; without either, the item could not be
 * checked. Never a pass by default.
 */
export function itemResult(record: AuditItemRecord | undefined): ItemResult {
  const page = record?.page;
  if (page && page.result !== 'unknown') return page.result;
  if ((record?.confirmedAt ?? null) !== null) return 'confirmed';
  return 'could-not-check';
}

/** Refused: the coach may confirm by hand only a setting Clearline could not read. */
export class AuditError extends Error {
  constructor(readonly code: 'read-from-page') {
    super(code);
    this.name = 'AuditError';
  }
}

export function scoreOf(platform: SiteId, states: AuditItemState[]): AuditScore {
  const mine = states.filter((s) => s.platform === platform);
  const count = (r: ItemResult) => mine.filter((s) => s.result === r).length;
  return {
    platform,
    passed: count('pass') + count('confirmed'),
    confirmed: count('confirmed'),
    total: mine.length,
    failed: count('fail'),
    couldNotCheck: count('could-not-check'),
  };
}

function stateOf(item: AuditItem, record: AuditItemRecord | undefined): AuditItemState {
  const itemId = item.id;
  const result = itemResult(record);
  const fromPage = result === 'pass' || result === 'fail';
  return {
    itemId,
    platform: item.platform,
    result,
    // What the page showed goes only with a reading: never beside a confirmation by hand.
    observed: fromPage ? record?.page?.observed || null : null,
    at: fromPage ? (record?.page?.at ?? null) : (record?.confirmedAt ?? record?.page?.at ?? null),
    source: fromPage ? 'page' : result === 'confirmed' ? 'manual' : null,
  };
}

async function records(): Promise<Map<string, AuditItemRecord>> {
  const all = await (await db()).getAll('auditItems');
  return new Map(all.map((r) => [r.itemId, r]));
}

export async function auditView(now = Date.now()): Promise<AuditView> {
  const byId = await records();
  const items = AUDIT_ITEMS.map((i) => stateOf(i, byId.get(i.id)));
  const scores = SITE_IDS.map((p) => scoreOf(p, items));
  const history = (await (await db()).getAll('auditHistory')).reverse();
  const times = [...byId.values()].flatMap((r) => [r.page?.at ?? 0, r.confirmedAt ?? 0]);
  const lastAuditAt = times.length && Math.max(...times) > 0 ? Math.max(...times) : null;
  const { values } = await loadSettings();
  // The interval counts from the first check: before one, nothing is due (no
  // reminder, no badge on day one); the pages invite the first check calmly instead.
  const reauditDue = lastAuditAt !== null && now - lastAuditAt >= values.auditIntervalDays * DAY_MS;
  return { items, scores, history, lastAuditAt, reauditDue };
}

/**
 * Appends the scores to the history when they changed since the last entry, or
 * when a reading replaced a confirmation by hand (the history says which).
 */
async function remember(now: number, replacedConfirmations: string[] = []): Promise<void> {
  const view = await auditView(now);
  const database = await db();
  const keys = await database.getAllKeys('auditHistory');
  const last = keys.length
    ? await database.get('auditHistory', keys[keys.length - 1] as number)
    : undefined;
  const same = last && JSON.stringify(last.scores) === JSON.stringify(view.scores);
  if (same && replacedConfirmations.length === 0) return;
  await write(async () => {
    const tx = database.transaction('auditHistory', 'readwrite');
    await tx.store.add({
      at: now,
      scores: view.scores,
      ...(replacedConfirmations.length ? { replacedConfirmations } : {}),
    });
    const excess = keys.length + 1 - MAX_HISTORY;
    for (const key of keys.slice(0, Math.max(0, excess))) await tx.store.delete(key);
    await tx.done;
  });
}

/** Records what a settings page showed. Returns how many items it read. */
export async function recordFindings(
  platform: SiteId,
  findings: AuditFinding[],
  now = Date.now(),
): Promise<number> {
  const byId = await records();
  const readings: AuditItemRecord[] = [];
  const replaced: string[] = [];
  for (const finding of findings) {
    const item = AUDIT_ITEMS.find((i) => i.id === finding.itemId);
    // Only this platform's known items: a content script cannot write the other site's results.
    if (!item || item.platform !== platform || !AUDIT_ITEM_IDS.has(finding.itemId)) continue;
    const confirmedAt = byId.get(finding.itemId)?.confirmedAt ?? null;
    // A reading replaces a confirmation by hand; a page that could not be read keeps it.
    const read = finding.result !== 'unknown';
    if (read && confirmedAt !== null) replaced.push(item.id);
    // Recorded even when unchanged: the time says when the setting was last seen.
    readings.push({
      itemId: item.id,
      platform,
      page: { result: finding.result, observed: finding.observed, at: now },
      confirmedAt: read ? null : confirmedAt,
    });
  }
  if (readings.length === 0) return 0;
  const database = await db();
  await write(async () => {
    const tx = database.transaction('auditItems', 'readwrite');
    await Promise.all([...readings.map((r) => tx.store.put(r)), tx.done]);
  });
  await remember(now, replaced);
  return readings.length;
}

export async function confirmItem(
  itemId: string,
  confirmed: boolean,
  now = Date.now(),
): Promise<AuditView> {
  const item = AUDIT_ITEMS.find((i) => i.id === itemId);
  if (!item) throw new Error('unknown audit item');
  const old = (await records()).get(itemId);
  const result = itemResult(old);
  if (confirmed && (result === 'pass' || result === 'fail')) throw new AuditError('read-from-page');
  const next: AuditItemRecord = {
    itemId,
    platform: item.platform,
    page: old?.page ?? null,
    confirmedAt: confirmed ? now : null,
  };
  const database = await db();
  await write(() => database.put('auditItems', next));
  await remember(now);
  return auditView(now);
}

/** The audit for supervision: results and history, no client data. */
export async function exportAudit(
  now = new Date(),
): Promise<{ fileName: string; contents: string }> {
  const view = await auditView(now.getTime());
  const contents = JSON.stringify(
    {
      format: 'clearline-privacy-check',
      version: 1,
      exportedAt: now.toISOString(),
      scores: view.scores,
      items: view.items.map((s, index) => {
        const item = AUDIT_ITEMS[index] as AuditItem; // view.items follows AUDIT_ITEMS
        return {
          ...s,
          at: s.at === null ? null : new Date(s.at).toISOString(),
          link: item.link,
          check: item.check,
        };
      }),
      history: view.history.map((h) => ({
        at: new Date(h.at).toISOString(),
        scores: h.scores,
        ...(h.replacedConfirmations ? { replacedConfirmations: h.replacedConfirmations } : {}),
      })),
      lastAuditAt: view.lastAuditAt === null ? null : new Date(view.lastAuditAt).toISOString(),
    },
    null,
    2,
  );
  return { fileName: `clearline-privacy-check-${now.toISOString().slice(0, 10)}.json`, contents };
}
