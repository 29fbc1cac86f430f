// The client list and the "not a client" answers: background only. Profiles are
// kept as keyed hashes; labels, notes and the profile keys themselves are sealed
// with the data key. Content scripts get a verdict, never the list.
import { seal, type Sealed } from '../crypto';
import { adapterForUrl, ALL_HOST_MATCHES } from '../sites';
import type { ProfileKey } from '../sites/types';
import { newId, type ClientRecord, type DecisionRecord } from '../db/schema';
import { db, write } from '../db/connection';
import { StoreError } from '../db/errors';
import { dataKey, requireDataKey } from '../keyring/keyring';
import { forgetHmacKey, hashKey, openOrNull, sealOrNull } from '../keyring/sealing';
import type { ClientChange, ClientView, DecisionView, Verdict } from './types';

/** A profile address as a coach might paste it, normalized to a profile key, or null. */
export function profileKeyFromAddress(address: string): ProfileKey | null {
  let text = address.trim();
  if (!text) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol === 'http:') url.protocol = 'https:';
  if (ALL_HOST_MATCHES.includes(`https://www.${url.hostname}/*`))
    url.hostname = `www.${url.hostname}`;
  return adapterForUrl(url)?.profileKeyFromUrl(url) ?? null;
}

function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

export function clientStatus(
  dischargedOn: string | null,
  formerClientYears: number,
  today = new Date().toISOString().slice(0, 10),
): ClientView['status'] {
  if (!dischargedOn) return 'current';
  return today < addYears(dischargedOn, formerClientYears) ? 'former' : 'former-past-window';
}

async function clientView(
  record: ClientRecord,
  key: CryptoKey | null,
  formerClientYears: number,
): Promise<ClientView> {
  const keys = key ? await Promise.all(record.sealedKeys.map((s) => openOrNull(key, s))) : null;
  return {
    id: record.id,
    profileKeys: keys ? keys.filter((k): k is string => k !== null) : null,
    label: key ? ((await openOrNull(key, record.sealedLabel)) ?? '') : null,
    note: key ? ((await openOrNull(key, record.sealedNote)) ?? '') : null,
    dischargedOn: record.dischargedOn,
    status: clientStatus(record.dischargedOn, formerClientYears),
    addedAt: record.addedAt,
  };
}

export async function findClient(keyHashes: string[]): Promise<ClientRecord | undefined> {
  const database = await db();
  for (const keyHash of keyHashes) {
    const found = await database.getFromIndex('clients', 'keyHashes', keyHash);
    if (found) return found;
  }
  return undefined;
}

/**
 * What a content script may know about the profile(s) on its page. Read-only:
 * a page's guess about which keys belong together never changes the list; only
 * the coach's own answer (markClient) records a second key for a client.
 */
export async function verdict(keys: string[], formerClientYears: number): Promise<Verdict> {
  const unique = [...new Set(keys)];
  const hashes = await Promise.all(unique.map(hashKey));
  const client = await findClient(hashes);
  if (client) {
    const status = clientStatus(client.dischargedOn, formerClientYears);
    return status === 'current' ? 'client' : status === 'former' ? 'former-client' : 'unknown';
  }
  const database = await db();
  for (const keyHash of hashes) {
    if (await database.get('decisions', keyHash)) return 'not-client';
  }
  return 'unknown';
}

/** Adds a client record; an earlier "not a client" answer for its key no longer applies. */
async function insertClient(record: ClientRecord): Promise<void> {
  const database = await db();
  await write(async () => {
    const tx = database.transaction(['clients', 'decisions'], 'readwrite');
    await tx.objectStore('clients').add(record);
    for (const keyHash of record.keyHashes) await tx.objectStore('decisions').delete(keyHash);
    await tx.done;
  });
}

export async function listClients(
  formerClientYears: number,
): Promise<{ clients: ClientView[]; locked: boolean }> {
  const key = await dataKey();
  const records = await (await db()).getAll('clients');
  records.sort((a, b) => a.addedAt - b.addedAt);
  return {
    clients: await Promise.all(records.map((r) => clientView(r, key, formerClientYears))),
    locked: !key,
  };
}

export async function addClient(
  input: { profileUrl: string; label: string; note: string; dischargedOn: string | null },
  formerClientYears: number,
): Promise<ClientView> {
  const profileKey = profileKeyFromAddress(input.profileUrl);
  if (!profileKey) throw new StoreError('invalid-profile-url');
  const key = await dataKey();
  // A label or note cannot be sealed without the key: ask for the passphrase first.
  if (!key && (input.label.trim() || input.note.trim())) throw new StoreError('locked');
  const keyHash = await hashKey(profileKey);
  if (await findClient([keyHash])) throw new StoreError('already-a-client');
  const record: ClientRecord = {
    id: newId(),
    keyHashes: [keyHash],
    sealedKeys: [await sealOrNull(key, profileKey)],
    sealedLabel: await sealOrNull(key, input.label.trim()),
    sealedNote: await sealOrNull(key, input.note.trim()),
    dischargedOn: input.dischargedOn,
    addedAt: Date.now(),
  };
  await insertClient(record);
  return clientView(record, key, formerClientYears);
}

const sameSealed = (a: Sealed | null, b: Sealed | null) =>
  a === b || (a !== null && b !== null && a.iv === b.iv && a.data === b.data);

/**
 * Applies a client edit field by field (ClientChange). A field changes only if it
 * still holds the value the coach started from; otherwise nothing is written and
 * the edit is refused as 'changed-elsewhere', so another tab's edit is never
 * overwritten unseen. Fields the edit does not name keep whatever is stored now.
 */
export async function updateClient(
  change: ClientChange,
  formerClientYears: number,
): Promise<ClientView> {
  const database = await db();
  const seen = await database.get('clients', change.id);
  if (!seen) throw new StoreError('not-found');
  const touchesText = change.label !== undefined || change.note !== undefined;
  const key = touchesText ? await requireDataKey() : await dataKey();
  // Unreadable text shows as empty on the page (clientView): compare it the same way.
  const current = async (sealed: Sealed | null) => (await openOrNull(key, sealed)) ?? '';
  if (change.label && (await current(seen.sealedLabel)) !== change.label.from)
    throw new StoreError('changed-elsewhere');
  if (change.note && (await current(seen.sealedNote)) !== change.note.from)
    throw new StoreError('changed-elsewhere');
  // Sealed before the transaction opens: it would close while waiting on crypto.
  const sealedLabel = change.label ? await seal(key as CryptoKey, change.label.to.trim()) : null;
  const sealedNote = change.note ? await seal(key as CryptoKey, change.note.to.trim()) : null;
  const updated = await write(async () => {
    const tx = database.transaction('clients', 'readwrite');
    const fresh = await tx.store.get(change.id);
    if (!fresh) throw new StoreError('not-found');
    // Written by someone else between the check above and now: stale as well.
    const stale =
      (change.label && !sameSealed(fresh.sealedLabel, seen.sealedLabel)) ||
      (change.note && !sameSealed(fresh.sealedNote, seen.sealedNote)) ||
      (change.dischargedOn && fresh.dischargedOn !== change.dischargedOn.from);
    if (stale) throw new StoreError('changed-elsewhere');
    if (sealedLabel) fresh.sealedLabel = sealedLabel;
    if (sealedNote) fresh.sealedNote = sealedNote;
    if (change.dischargedOn) fresh.dischargedOn = change.dischargedOn.to;
    await tx.store.put(fresh);
    await tx.done;
    return fresh;
  });
  return clientView(updated, key, formerClientYears);
}

export async function removeClient(id: string): Promise<void> {
  const database = await db();
  if (!(await database.get('clients', id))) throw new StoreError('not-found');
  await write(() => database.delete('clients', id));
}

/** Records "not a client" for a profile (the boundary prompt's answer). */
export async function recordNotClient(profileKey: string): Promise<void> {
  const keyHash = await hashKey(profileKey);
  if (await findClient([keyHash])) return; // a marked client stays a client
  const record: DecisionRecord = {
    keyHash,
    sealedKey: await sealOrNull(await dataKey(), profileKey),
    decidedAt: Date.now(),
  };
  const database = await db();
  await write(() => database.put('decisions', record));
}

export async function listDecisions(): Promise<DecisionView[]> {
  const key = await dataKey();
  const records = await (await db()).getAll('decisions');
  records.sort((a, b) => b.decidedAt - a.decidedAt);
  return Promise.all(
    records.map(async (r) => ({
      id: r.keyHash,
      profileKey: await openOrNull(key, r.sealedKey),
      decidedAt: r.decidedAt,
    })),
  );
}

export async function removeDecision(id: string): Promise<void> {
  const database = await db();
  if (!(await database.get('decisions', id))) throw new StoreError('not-found');
  await write(() => database.delete('decisions', id));
}

/** Empties every store in one transaction. The HMAC secret goes too: a fresh one is made on next use. */
export async function clearDatabase(): Promise<void> {
  const database = await db();
  await write(async () => {
    const stores = [
      'clients',
      'decisions',
      'meta',
      'auditItems',
      'auditHistory',
      'observations',
    ] as const;
    const tx = database.transaction([...stores], 'readwrite');
    await Promise.all(stores.map((name) => tx.objectStore(name).clear()));
    await tx.done;
  });
  forgetHmacKey();
}

/**
 * Marks the person behind these keys as a client (the prompt's "This person is a
 * client"): one record with every key the page showed. A label needs the list
 * unlocked; without one, a locked list still records the client.
 */
export async function markClient(keys: string[], label: string): Promise<void> {
  const [first, ...others] = [...new Set(keys)];
  if (!first) throw new StoreError('invalid-profile-url');
  if (!(await findClient([await hashKey(first)]))) {
    const key = await dataKey();
    const keyHash = await hashKey(first);
    const record: ClientRecord = {
      id: newId(),
      keyHashes: [keyHash],
      sealedKeys: [await sealOrNull(key, first)],
      sealedLabel: await sealOrNull(key, key ? label.trim() : ''),
      sealedNote: await sealOrNull(key, ''),
      dischargedOn: null,
      addedAt: Date.now(),
    };
    await insertClient(record);
  }
  // The page's other keys for this person join the same record: the coach said who this is.
  if (others.length > 0) await linkKeys(first, others);
}

/** Records more keys for the client who has `known`, skipping keys another client already has. */
async function linkKeys(known: string, more: string[]): Promise<void> {
  const client = await findClient([await hashKey(known)]);
  if (!client) return;
  const key = await dataKey();
  const additions = await Promise.all(
    more.map(async (profileKey) => ({
      keyHash: await hashKey(profileKey),
      sealedKey: await sealOrNull(key, profileKey),
    })),
  );
  const database = await db();
  await write(async () => {
    const tx = database.transaction(['clients', 'decisions'], 'readwrite');
    const clients = tx.objectStore('clients');
    const fresh = await clients.get(client.id);
    if (fresh) {
      for (const { keyHash, sealedKey } of additions) {
        // Never merge two people: a key another client has stays theirs.
        if (await clients.index('keyHashes').getKey(keyHash)) continue;
        fresh.keyHashes.push(keyHash);
        fresh.sealedKeys.push(sealedKey);
        await tx.objectStore('decisions').delete(keyHash);
      }
      await clients.put(fresh);
    }
    await tx.done;
  });
}

/** The label of the client behind these keys, when the list is unlocked and one is set. */
export async function clientLabelFor(keys: string[]): Promise<string | null> {
  const key = await dataKey();
  if (!key || keys.length === 0) return null;
  const client = await findClient(await Promise.all(keys.map(hashKey)));
  return (client && (await openOrNull(key, client.sealedLabel))) || null;
}
