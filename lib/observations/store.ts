// The observation log (background only): observed client posts, tracked from
// "to discuss" to "discussed with the client" to "shared with the team" (or no
// action). Post URLs and notes are sealed: URLs carry handles. The client is
// kept by keyed hash only.
import { loadSettings } from '../settings';
import type { SiteId } from '../sites/types';
import {
  db,
  findClient,
  hashKey,
  newId,
  openOrNull,
  sealOrNull,
  write,
} from '../store/client-list';
import type { ObservationRecord } from '../store/db';
import { StoreError } from '../store/errors';
import { dataKey, requireDataKey } from '../store/keyring';
import {
  OBSERVATION_STATUSES,
  type ObservationStatus,
  type ObservationSummary,
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

async function view(record: ObservationRecord, key: CryptoKey | null): Promise<ObservationView> {
  const client = record.clientKeyHash ? await findClient([record.clientKeyHash]) : undefined;
  const keyIndex = client ? client.keyHashes.indexOf(record.clientKeyHash as string) : -1;
  return {
    id: record.id,
    createdAt: record.createdAt,
    platform: record.platform,
    clientLabel: client ? (await openOrNull(key, client.sealedLabel)) || null : null,
    clientKey:
      client && keyIndex >= 0 ? await openOrNull(key, client.sealedKeys[keyIndex] ?? null) : null,
    postUrl: await openOrNull(key, record.sealedPostUrl),
    note: await openOrNull(key, record.sealedNote),
    status: record.status,
    discussedAt: record.discussedAt,
    sharedAt: record.sharedAt,
    urgent: record.urgent,
  };
}

export async function listObservations(): Promise<{
  observations: ObservationView[];
  locked: boolean;
}> {
  await purgeClosed();
  const key = await dataKey();
  const records = await (await db()).getAll('observations');
  records.sort((a, b) => b.createdAt - a.createdAt);
  return { observations: await Promise.all(records.map((r) => view(r, key))), locked: !key };
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
  return view(record, await dataKey());
}

export async function deleteObservation(id: string): Promise<void> {
  const database = await db();
  if (!(await database.get('observations', id))) throw new StoreError('not-found');
  await write(() => database.delete('observations', id));
}

/** Closed observations go after the retention setting (default 180 days). */
export async function purgeClosed(now = Date.now()): Promise<number> {
  const { values } = await loadSettings();
  const cutoff = now - values.retentionDays * DAY_MS;
  const database = await db();
  const old = (await database.getAll('observations')).filter(
    (r) => r.closedAt !== null && r.closedAt < cutoff,
  );
  if (old.length === 0) return 0;
  await write(async () => {
    const tx = database.transaction('observations', 'readwrite');
    await Promise.all([...old.map((r) => tx.store.delete(r.id)), tx.done]);
  });
  return old.length;
}

/** Still to discuss, and the oldest of them (for the badge and the reminder). */
export async function toDiscuss(): Promise<{
  count: number;
  urgent: number;
  oldestAt: number | null;
}> {
  const open = (await (await db()).getAll('observations')).filter((r) => r.status === 'to-discuss');
  return {
    count: open.length,
    urgent: open.filter((r) => r.urgent).length,
    oldestAt: open.length ? Math.min(...open.map((r) => r.createdAt)) : null,
  };
}

/** Counts and times only: no handle, label, note or URL. */
export async function summarize(): Promise<ObservationSummary> {
  const all = await (await db()).getAll('observations');
  const byStatus = Object.fromEntries(OBSERVATION_STATUSES.map((s) => [s, 0])) as Record<
    ObservationStatus,
    number
  >;
  for (const r of all) byStatus[r.status] += 1;
  const hours = all
    .filter((r) => r.discussedAt !== null)
    .map((r) => ((r.discussedAt as number) - r.createdAt) / 3_600_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median =
    hours.length === 0
      ? null
      : hours.length % 2
        ? (hours[mid] as number)
        : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return {
    byStatus,
    urgent: all.filter((r) => r.urgent).length,
    medianHoursToDiscussion: median === null ? null : Math.round(median * 10) / 10,
  };
}
