// A new data key for everything: every text sealed under the old key is opened
// and sealed again under the new one, and written in ONE IndexedDB transaction
// together with the new keyring. Either the whole list moves to the new key or
// (on any failure) nothing changes. Background only.
//
// What is sealed with the data key (grep for seal( and sealBytes(): clients
// (sealedKeys, sealedLabel, sealedNote), "not a client" answers (sealedKey),
// observations (sealedPostUrl, sealedNote), and the prompt reasons kept in
// storage.local (lib/prompt/counters.ts). Backups have their own key.
import type { StoredReason } from '../prompt/counters';
import { openBytes, sealBytes, type Sealed } from '../crypto';
import { STORAGE_ITEMS } from '../storage-items';
import { db, write } from '../db/connection';
import type { ClientRecord, DecisionRecord, ObservationRecord } from '../db/schema';
import { StoreError } from '../db/errors';

type Swap = { from: Sealed; to: Sealed };

/** How often the list may change under a key change before it gives up (and changes nothing). */
const ATTEMPTS = 3;

const swapId = (sealed: Sealed) => `${sealed.iv}:${sealed.data}`;

class ListChanged extends Error {}

/** The sealed texts, re-sealed; counts how many really moved to the new key. */
class Resealer {
  moved = 0;
  constructor(
    private readonly oldKey: CryptoKey | null,
    private readonly newKey: CryptoKey,
  ) {}

  async one(sealed: Sealed | null): Promise<Sealed | null> {
    if (!sealed || !this.oldKey) return sealed;
    let plain: Uint8Array<ArrayBuffer>;
    try {
      plain = await openBytes(this.oldKey, sealed);
    } catch {
      // Damaged, or sealed under a key that is long gone: no key Clearline holds
      // opens it now (the list shows it as unreadable), so it stays as it was.
      return sealed;
    }
    this.moved += 1;
    return sealBytes(this.newKey, plain);
  }
}

async function readReasons(): Promise<StoredReason[]> {
  const stored: unknown = await STORAGE_ITEMS.promptReasons.getValue();
  return Array.isArray(stored) ? (stored as StoredReason[]) : [];
}

/**
 * Replaces the data key. `nextKeyring` gets the number of texts that moved to the
 * new key and returns the keyring to store (already wrapped, or open). The prompt
 * reasons live in storage.local, outside any IndexedDB transaction: their new
 * seals are committed with the keyring as "swaps" and written to storage.local
 * right after (finishReasonSwaps), or at the next use if the browser stops first.
 */
export async function replaceDataKey(
  oldKey: CryptoKey | null,
  newKey: CryptoKey,
  nextKeyring: (moved: number) => unknown,
): Promise<void> {
  const database = await db();
  await write(async () => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      // Crypto cannot run inside a transaction (it would commit while waiting):
      // read a snapshot, re-seal it outside, then write it back only if nothing
      // changed in between (checked inside the writing transaction).
      const read = database.transaction(['clients', 'decisions', 'observations'], 'readonly');
      const [clients, decisions, observations] = await Promise.all([
        read.objectStore('clients').getAll(),
        read.objectStore('decisions').getAll(),
        read.objectStore('observations').getAll(),
      ]);
      await read.done;
      const snapshot = JSON.stringify([clients, decisions, observations]);

      const resealer = new Resealer(oldKey, newKey);
      const one = (s: Sealed | null) => resealer.one(s);
      const nextClients: ClientRecord[] = await Promise.all(
        clients.map(async (c) => ({
          ...c,
          sealedKeys: await Promise.all(c.sealedKeys.map(one)),
          sealedLabel: await one(c.sealedLabel),
          sealedNote: await one(c.sealedNote),
        })),
      );
      const nextDecisions: DecisionRecord[] = await Promise.all(
        decisions.map(async (d) => ({ ...d, sealedKey: await one(d.sealedKey) })),
      );
      const nextObservations: ObservationRecord[] = await Promise.all(
        observations.map(async (o) => ({
          ...o,
          sealedPostUrl: await one(o.sealedPostUrl),
          sealedNote: await one(o.sealedNote),
        })),
      );
      const swaps: Swap[] = [];
      for (const reason of await readReasons()) {
        const to = await one(reason.sealed);
        if (reason.sealed && to && to !== reason.sealed) swaps.push({ from: reason.sealed, to });
      }
      const keyring = nextKeyring(resealer.moved);

      const tx = database.transaction(
        ['clients', 'decisions', 'observations', 'keyring'],
        'readwrite',
      );
      const writes: Promise<unknown>[] = [];
      try {
        const now = await Promise.all([
          tx.objectStore('clients').getAll(),
          tx.objectStore('decisions').getAll(),
          tx.objectStore('observations').getAll(),
        ]);
        if (JSON.stringify(now) !== snapshot) throw new ListChanged();
        for (const c of nextClients) writes.push(tx.objectStore('clients').put(c));
        for (const d of nextDecisions) writes.push(tx.objectStore('decisions').put(d));
        for (const o of nextObservations) writes.push(tx.objectStore('observations').put(o));
        const keyringStore = tx.objectStore('keyring');
        writes.push(keyringStore.put({ name: 'dataKey', value: keyring }));
        writes.push(
          swaps.length > 0
            ? keyringStore.put({ name: 'reasonSwaps', value: swaps })
            : keyringStore.delete('reasonSwaps'),
        );
        await Promise.all([...writes, tx.done]);
      } catch (error) {
        // Nothing of this attempt is kept: the old key and the old seals stand.
        try {
          tx.abort();
        } catch {
          // Already ended (a failed request aborts it by itself).
        }
        // The writes made before the failure now fail with the abort: expected, not news.
        for (const w of writes) w.catch(() => undefined);
        await tx.done.catch(() => undefined);
        if (error instanceof ListChanged) continue;
        throw error;
      }
      // Committed: the key change is done. Should storage.local refuse the reasons
      // now, the swaps wait in the database and the next use of the keyring retries.
      await finishReasonSwaps().catch(() => undefined);
      return;
    }
    throw new StoreError('storage-unavailable');
  });
}

/** Writes the prompt reasons' new seals to storage.local, then forgets the swaps. */
export async function finishReasonSwaps(): Promise<void> {
  const database = await db();
  const pending = await database.get('keyring', 'reasonSwaps');
  if (pending?.name !== 'reasonSwaps') return;
  const swaps = new Map(pending.value.map((s) => [swapId(s.from), s.to]));
  const reasons = await readReasons();
  if (reasons.length > 0) {
    // Swapped one by one: a reason kept meanwhile (already under the new key) stays as it is.
    await STORAGE_ITEMS.promptReasons.setValue(
      reasons.map((r) => {
        const to = r.sealed && swaps.get(swapId(r.sealed));
        return to ? { ...r, sealed: to } : r;
      }),
    );
  }
  await database.delete('keyring', 'reasonSwaps');
}
