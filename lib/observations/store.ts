// The observation log (background only): observed client posts, tracked from
// "to discuss" to "discussed with the client" to "shared with the team" (or no
// action). Post URLs and notes are sealed: URLs carry handles. The client is
// kept by keyed hash only.
import { loadSettings } from '../settings';
import type { SiteId } from '../sites/types';
import { hashKey, openOrNull, sealOrNull } from '../keyring/sealing';
import { db, write } from '../db/connection';
import { newId, type ClientRecord, type ObservationRecord } from '../db/schema';
import { StoreError } from '../db/errors';
import { dataKey, requireDataKey } from '../keyring/keyring';
import {
  compareNewestFirst,
  countByFilter,
  matchesFilter,
  pageOf,
  type ObservationPageRequest,
} from './paging';
import {
  type ObservationFilter,
  type ObservationPage,
  type ObservationStatus,
  type ObservationView,
} from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createObservation(input: {
  platform: SiteId;
  keys: string[];
  postUrl: string | null;
  note: string;
  urgent: boolean;
}): Promise<ObservationRecord> {
  const key = await dataKey();
  // A note needs the list unlocked; an urgent observation never waits for that.
  if (!key && input.note.trim() && !input.urgent) throw new StoreError('locked');
  const record: ObservationRecord = {
    id: newId(),
    createdAt: Date.now(),
    platform: input.platform,
    clientKeyHash: input.keys[0] ? await hashKey(input.keys[0]) : null,
    sealedPostUrl: input.postUrl ? await sealOrNull(key, input.postUrl) : null,
    sealedNote: input.note.trim() ? await sealOrNull(key, input.note.trim()) : null,
    status: 'to-discuss',
    discussedAt: null,
    sharedAt: null,
    closedAt: null,
    urgent: input.urgent,
  };
  const database = await db();
  await write(() => database.add('observations', record));
  return record;
}

/** The clients behind these key hashes, read in one transaction (a page has many rows, few people). */
async function clientsByHash(hashes: (string | null)[]): Promise<Map<string, ClientRecord>> {
  const unique = [...new Set(hashes.filter((h): h is string => h !== null))];
  if (unique.length === 0) return new Map();
  const index = (await db()).transaction('clients').store.index('keyHashes');
  const found = await Promise.all(unique.map((h) => index.get(h)));
  const clients = new Map<string, ClientRecord>();
  unique.forEach((h, i) => {
    const client = found[i];
    if (client) clients.set(h, client);
  });
  return clients;
}

async function view(
  record: ObservationRecord,
  key: CryptoKey | null,
  clients: Map<string, ClientRecord>,
): Promise<ObservationView> {
  const client = record.clientKeyHash ? clients.get(record.clientKeyHash) : undefined;
  const keyIndex = client ? client.keyHashes.indexOf(record.clientKeyHash as string) : -1;
  const [clientLabel, clientKey, postUrl, note] = await Promise.all([
    client ? openOrNull(key, client.sealedLabel) : null,
    client && keyIndex >= 0 ? openOrNull(key, client.sealedKeys[keyIndex] ?? null) : null,
    openOrNull(key, record.sealedPostUrl),
    openOrNull(key, record.sealedNote),
  ]);
  return {
    id: record.id,
    createdAt: record.createdAt,
    platform: record.platform,
    clientLabel: clientLabel || null,
    clientKey,
    postUrl,
    note,
    status: record.status,
    discussedAt: record.discussedAt,
    sharedAt: record.sharedAt,
    urgent: record.urgent,
  };
}

/** Views of these records, with one batched look-up of their clients. */
async function views(
  records: ObservationRecord[],
  key: CryptoKey | null,
): Promise<ObservationView[]> {
  const clients = await clientsByHash(records.map((r) => r.clientKeyHash));
  return Promise.all(records.map((r) => view(r, key, clients)));
}

/**
 * Every observation at once, newest first. The options page never asks for this
 * (it reads a page at a time: observationPage); tests and tools do.
 */
export async function listObservations(): Promise<{
  observations: ObservationView[];
  locked: boolean;
}> {
  const records = await liveRecords();
  records.sort(compareNewestFirst);
  const key = await dataKey();
  return { observations: await views(records, key), locked: !key };
}

/**
 * One page of the log for the options page. The filter, the order and the
 * counts are worked out here on the records' plain fields; only the page's rows
 * are decrypted and only their clients looked up, so the cost of a page is one
 * read of the store, whatever its size.
 */
export async function observationPage(
  filter: ObservationFilter,
  request: ObservationPageRequest,
): Promise<ObservationPage> {
  const records = await liveRecords();
  const { rows, start } = pageOf(records, filter, request);
  const key = await dataKey();
  return {
    observations: await views(rows, key),
    start,
    counts: countByFilter(records),
    locked: !key,
  };
}

/** How many observations each filter holds (after a change on the page). */
export async function observationCounts(): Promise<Record<ObservationFilter, number>> {
  return countByFilter(await liveRecords());
}

export async function updateObservation(change: {
  id: string;
  status?: ObservationStatus;
  note?: string;
}): Promise<ObservationView> {
  const database = await db();
  const record = await database.get('observations', change.id);
  if (!record) throw new StoreError('not-found');
  const now = Date.now();
  if (change.note !== undefined) {
    const key = await requireDataKey();
    record.sealedNote = change.note.trim() ? await sealOrNull(key, change.note.trim()) : null;
  }
  if (change.status !== undefined) {
    record.status = change.status;
    if (change.status === 'discussed') record.discussedAt ??= now;
    if (change.status === 'shared') record.sharedAt ??= now;
    record.closedAt = change.status === 'shared' || change.status === 'no-action' ? now : null;
  }
  await write(() => database.put('observations', record));
  const [updated] = await views([record], await dataKey());
  return updated as ObservationView;
}

export async function deleteObservation(id: string): Promise<void> {
  const database = await db();
  if (!(await database.get('observations', id))) throw new StoreError('not-found');
  await write(() => database.delete('observations', id));
}

/**
 * Every observation still kept. Closed ones (marked "Shared with the team" or
 * "No action": the log's Closed filter) whose marking is older than the
 * retention setting (default 180 days) are deleted on the way: one read of the
 * store serves both. "To discuss" and "Discussed with them" are never purged:
 * one talked through with the person may still await a decision to share it.
 */
async function readKept(now = Date.now()): Promise<{ kept: ObservationRecord[]; purged: number }> {
  const { values } = await loadSettings();
  const cutoff = now - values.retentionDays * DAY_MS;
  const database = await db();
  const kept: ObservationRecord[] = [];
  const old: ObservationRecord[] = [];
  for (const r of await database.getAll('observations'))
    (matchesFilter(r, 'closed') && r.closedAt !== null && r.closedAt < cutoff ? old : kept).push(r);
  if (old.length > 0) {
    await write(async () => {
      const tx = database.transaction('observations', 'readwrite');
      await Promise.all([...old.map((r) => tx.store.delete(r.id)), tx.done]);
    });
  }
  return { kept, purged: old.length };
}

const liveRecords = async (now = Date.now()) => (await readKept(now)).kept;

/** Deletes closed observations (shared or no action) past the retention setting; returns how many went. */
export async function purgeClosed(now = Date.now()): Promise<number> {
  return (await readKept(now)).purged;
}

export interface ToDiscuss {
  count: number;
  urgent: number;
  oldestAt: number | null;
}

/** Still to discuss among these records, and the oldest of them. */
export function toDiscussOf(records: readonly ObservationRecord[]): ToDiscuss {
  let count = 0;
  let urgent = 0;
  let oldestAt: number | null = null;
  for (const r of records) {
    if (r.status !== 'to-discuss') continue;
    count += 1;
    if (r.urgent) urgent += 1;
    if (oldestAt === null || r.createdAt < oldestAt) oldestAt = r.createdAt;
  }
  return { count, urgent, oldestAt };
}

/** Still to discuss, and the oldest of them (for the badge and the reminder). */
export async function toDiscuss(): Promise<ToDiscuss> {
  return toDiscussOf(await (await db()).getAll('observations'));
}

/**
 * The reminder's one read: purges what is past retention and says what is
 * still to discuss, from a single pass over the store.
 */
export async function purgeAndCountToDiscuss(now = Date.now()): Promise<ToDiscuss> {
  return toDiscussOf(await liveRecords(now));
}
