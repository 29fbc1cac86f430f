// A new data key re-seals every kind of record, all in one transaction with the
// keyring, or nothing at all; under requirePassphrase no open key is ever written.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { open, type Sealed } from '../../../lib/crypto';
import { createObservation } from '../../../lib/observations/store';
import { keepReason, type StoredReason } from '../../../lib/prompt/counters';
import {
  addClient,
  listClients,
  listDecisions,
  markClient,
  recordNotClient,
} from '../../../lib/store/client-list';
import { db } from '../../../lib/db/connection';
import { storeProblems } from '../../../lib/db/problems';
import { dataKey, lock, lockState, setPassphrase, unlock } from '../../../lib/keyring/keyring';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { exportRawKey, freshWorld, rawDump } from './setup';

beforeEach(freshWorld);
const PASS = 'correct horse battery';

/** One of everything Clearline seals with the data key. */
async function fillEverything() {
  await addClient(
    {
      profileUrl: 'https://www.facebook.com/jane.doe.demo',
      label: 'J.D.',
      note: 'Prefers mornings',
      dischargedOn: null,
    },
    3,
  );
  await recordNotClient('ig:cousin.demo');
  await createObservation({
    platform: 'facebook',
    keys: ['fb:jane.doe.demo'],
    postUrl: 'https://www.facebook.com/jane.doe.demo/posts/1',
    note: 'Talk first',
    urgent: false,
  });
  await keepReason('friend', 'Team said yes', await dataKey());
}

/** Every sealed text in the database and in storage.local. */
async function everySealed(): Promise<Sealed[]> {
  const database = await db();
  const out: (Sealed | null)[] = [];
  for (const c of await database.getAll('clients'))
    out.push(...c.sealedKeys, c.sealedLabel, c.sealedNote);
  for (const d of await database.getAll('decisions')) out.push(d.sealedKey);
  for (const o of await database.getAll('observations')) out.push(o.sealedPostUrl, o.sealedNote);
  const { key } = STORAGE_ITEMS.promptReasons;
  const reasons = ((await fakeBrowser.storage.local.get(key))[key] ?? []) as StoredReason[];
  out.push(...reasons.map((r) => r.sealed));
  return out.filter((s): s is Sealed => s !== null);
}

async function opens(key: CryptoKey, sealed: Sealed): Promise<boolean> {
  return open(key, sealed).then(
    () => true,
    () => false,
  );
}

async function readable() {
  const { clients } = await listClients(3);
  const decisions = await listDecisions();
  return { clients, decisions };
}

describe('a new data key re-seals everything', () => {
  it('clients, "not a client" answers, observations and prompt reasons all move to the new key', async () => {
    await fillEverything();
    const oldKey = (await dataKey())!;
    const before = await everySealed();
    // Profile key, label, note; the decision's key; post URL, note; one reason.
    expect(before).toHaveLength(7);
    const shown = await readable();

    await setPassphrase(null, PASS);
    const newKey = (await dataKey())!;
    const after = await everySealed();
    expect(after).toHaveLength(7);
    for (const sealed of after) {
      expect(await opens(oldKey, sealed)).toBe(false);
      expect(await opens(newKey, sealed)).toBe(true);
    }
    expect(await open(newKey, after[after.length - 1]!)).toBe('Team said yes');
    expect(await readable()).toEqual(shown);
    // Nothing in the dump opens with the old key any more: not even a stray copy.
    const dump = await rawDump();
    expect(dump).not.toContain(JSON.stringify(before[0]));
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: false, openBefore: true });
  });

  it('changing the passphrase re-seals again under yet another key', async () => {
    await fillEverything();
    await setPassphrase(null, PASS);
    const second = (await dataKey())!;
    await setPassphrase(PASS, 'another long one');
    const third = (await dataKey())!;
    for (const sealed of await everySealed()) {
      expect(await opens(second, sealed)).toBe(false);
      expect(await opens(third, sealed)).toBe(true);
    }
    await lock();
    await unlock('another long one');
    expect((await readable()).clients[0]).toMatchObject({
      label: 'J.D.',
      note: 'Prefers mornings',
    });
  });

  it('with nothing sealed under the open key, there is no open period to warn about', async () => {
    await dataKey();
    await setPassphrase(null, PASS);
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: false });
  });

  it('all or nothing: a failed write changes nothing, and says so', async () => {
    await fillEverything();
    const oldKey = (await dataKey())!;
    const dumpBefore = await rawDump();
    // The keyring is the last write of the transaction: every record before it was already put.
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'keyring') throw new DOMException('disk I/O error', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(setPassphrase(null, PASS)).rejects.toThrow('storage-unavailable');
    vi.restoreAllMocks();
    expect((await storeProblems())[0]).toMatchObject({ kind: 'write-failed' });
    // Everything as it was, under the same open key.
    const without = (dump: string) => {
      // The problem report is the one thing that should have changed.
      const parsed = JSON.parse(dump) as { session: { storeProblems?: unknown } };
      expect(STORAGE_ITEMS.storeProblems.key).toBe('storeProblems');
      delete parsed.session.storeProblems;
      return parsed;
    };
    expect(without(await rawDump())).toEqual(without(dumpBefore));
    expect(await lockState()).toEqual({ hasPassphrase: false, locked: false });
    for (const sealed of await everySealed()) expect(await opens(oldKey, sealed)).toBe(true);
  });

  it('a key asked for while the key changes is the new key; what it seals stays readable', async () => {
    await fillEverything();
    const change = setPassphrase(null, PASS);
    // Both start while the change is under way (it has not even derived its key yet).
    const keyDuring = dataKey();
    const during = recordNotClient('fb:neighbor.demo');
    await Promise.all([change, during]);
    const newKey = (await dataKey())!;
    expect(await exportRawKey((await keyDuring)!)).toEqual(await exportRawKey(newKey));
    for (const sealed of await everySealed()) expect(await opens(newKey, sealed)).toBe(true);
    expect((await listDecisions()).map((d) => d.profileKey).sort()).toEqual([
      'fb:neighbor.demo',
      'ig:cousin.demo',
    ]);
  });

  it('prompt reasons storage.local refused right after the commit are swapped at the next use', async () => {
    await fillEverything();
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const spy = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (STORAGE_ITEMS.promptReasons.key in items) throw new Error('quota');
      return set(items);
    });
    await setPassphrase(null, PASS);
    spy.mockRestore();
    const newKey = (await dataKey())!;
    // dataKey() above already finished the swap.
    for (const sealed of await everySealed()) expect(await opens(newKey, sealed)).toBe(true);
    expect(await (await db()).get('keyring', 'reasonSwaps')).toBeUndefined();
  });
});

describe('requirePassphrase: no open key, ever', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.local.set({
      [STORAGE_ITEMS.agencyPolicy.key]: { policy: { requirePassphrase: true }, seenAt: 1 },
    });
  });

  /** Every value written to the keyring store, whatever the path. */
  function watchKeyringWrites(): unknown[] {
    const written: unknown[] = [];
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
        this: IDBObjectStore,
        ...args: Parameters<IDBObjectStore['put']>
      ) {
        if (this.name === 'keyring') written.push(structuredClone(args[0]));
        return original.apply(this, args);
      });
    }
    return written;
  }

  it('before the first passphrase there is no data key: matching works, free text waits', async () => {
    const written = watchKeyringWrites();
    expect(await lockState()).toEqual({ hasPassphrase: false, locked: false });
    expect(await dataKey()).toBeNull();
    await recordNotClient('ig:cousin.demo');
    await markClient(['fb:jane.doe.demo'], 'J.D.');
    await createObservation({
      platform: 'facebook',
      keys: ['fb:jane.doe.demo'],
      postUrl: null,
      note: 'Urgent, no key yet',
      urgent: true,
    });
    await keepReason('friend', 'Team said yes', await dataKey());
    expect(written).toEqual([]);
    expect(await (await db()).getAll('keyring')).toEqual([]);
    expect(await everySealed()).toEqual([]);

    await setPassphrase(null, PASS);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ name: 'dataKey', value: { kind: 'wrapped' } });
    expect(JSON.stringify(written)).not.toContain('"open"');
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: false });
    // The hashes kept matching all along.
    const { verdict } = await import('../../../lib/store/client-list');
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('client');
    expect(await verdict(['ig:cousin.demo'], 3)).toBe('not-client');
  });

  it('an open key from before the policy seals nothing new, and is replaced by a wrapped one', async () => {
    await fakeBrowser.storage.local.remove(STORAGE_ITEMS.agencyPolicy.key);
    await recordNotClient('ig:cousin.demo');
    const oldRaw = await exportRawKey((await dataKey())!);
    await fakeBrowser.storage.local.set({
      [STORAGE_ITEMS.agencyPolicy.key]: { policy: { requirePassphrase: true }, seenAt: 1 },
    });
    expect(await dataKey()).toBeNull();
    const written = watchKeyringWrites();
    await setPassphrase(null, PASS);
    expect(JSON.stringify(written)).not.toContain('"open"');
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: false, openBefore: true });
    expect((await listDecisions()).map((d) => d.profileKey)).toEqual(['ig:cousin.demo']);
    expect(await rawDump()).not.toContain(btoa(String.fromCharCode(...oldRaw)));
  });
});
