// The one connection to Clearline's database, and how writes report their
// failures. Below every store that uses it (client list, keyring, observations,
// audit), so that none of them has to import another to reach the database.
import type { IDBPDatabase } from 'idb';
import { STORAGE_ITEMS } from '../storage-items';
import { StoreError } from './errors';
import { reportProblem } from './problems';
import { openClearlineDB, type ClearlineDB } from './schema';

let connection: Promise<IDBPDatabase<ClearlineDB>> | null = null;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function db(): Promise<IDBPDatabase<ClearlineDB>> {
  // Through a promise: indexedDB.open() itself can throw (storage disabled, profile damaged).
  connection ??= Promise.resolve()
    .then(() =>
      openClearlineDB({
        onBlocked: (detail) => void reportProblem('blocked', detail),
        onBlocking: () => closeConnection(),
      }),
    )
    .catch(async (error: unknown) => {
      connection = null;
      await reportProblem('open-failed', describe(error));
      throw new StoreError('storage-unavailable');
    });
  return connection;
}

export function closeConnection(): void {
  const current = connection;
  connection = null;
  void current?.then((d) => d.close()).catch(() => undefined);
}

/** Runs a write; a full disk or any other failure is reported, never swallowed. */
export async function write<T>(work: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    if (error instanceof StoreError) throw error;
    const quota = error instanceof Error && error.name === 'QuotaExceededError';
    await reportProblem(quota ? 'quota' : 'write-failed', describe(error));
    throw new StoreError(quota ? 'storage-quota' : 'storage-unavailable');
  }
  await bumpListVersion();
  return result;
}

/**
 * Open tabs cache verdicts: tell them the list changed (a number, nothing about
 * anyone). Best effort, after the write is in: storage.local can be full while
 * IndexedDB is not, and a stored client must never be reported as a failure.
 * Tabs then learn of the change when they next load (their cache is per page).
 */
async function bumpListVersion(): Promise<void> {
  try {
    await STORAGE_ITEMS.listVersion.setValue(Date.now());
  } catch (error) {
    // Not a store problem to show: the change itself is saved.
    console.warn('Clearline: open tabs were not told of a list change', error);
  }
}
