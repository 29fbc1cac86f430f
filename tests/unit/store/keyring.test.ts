import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { open, seal, toBase64 } from '../../../lib/crypto';
import { db } from '../../../lib/db/connection';
import { openClearlineDB } from '../../../lib/db/schema';
import {
  dataKey,
  forgetKeyring,
  lock,
  lockState,
  removePassphrase,
  setPassphrase,
  unlock,
} from '../../../lib/keyring/keyring';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { exportRawKey, freshWorld } from './setup';

beforeEach(freshWorld);
const PASS = 'correct horse battery';

/** The keyring as stored in the extension's IndexedDB. */
async function storedKeyring(): Promise<Record<string, unknown> | undefined> {
  return (await (await db()).get('keyring', 'dataKey'))?.value as
    Record<string, unknown> | undefined;
}

const rawOf = async (key: CryptoKey | null) => toBase64(await exportRawKey(key!));

describe('keyring', () => {
  it('starts open, in the extension database: nothing in storage.local', async () => {
    expect(await lockState()).toEqual({ hasPassphrase: false, locked: false });
    expect(await storedKeyring()).toMatchObject({ kind: 'open', version: 2 });
    expect(await fakeBrowser.storage.local.get(STORAGE_ITEMS.legacyKeyring.key)).toEqual({});
  });

  it('a passphrase brings a NEW data key; while unlocked it lives in session storage only', async () => {
    const before = await dataKey();
    const oldRaw = await rawOf(before);
    await setPassphrase(null, PASS);
    const after = await dataKey();
    expect(await rawOf(after)).not.toBe(oldRaw);
    const stored = JSON.stringify(await storedKeyring());
    expect(stored).toContain('"wrapped"');
    expect(stored).not.toContain('"dataKey"');
    expect(stored).not.toContain(oldRaw);
    expect((await fakeBrowser.storage.session.get(null))[STORAGE_ITEMS.unlockedDataKey.key]).toBe(
      await rawOf(after),
    );
    await lock();
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: true });
    expect(await dataKey()).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    // The new key is what the passphrase unwraps.
    await unlock(PASS);
    expect(await rawOf(await dataKey())).toBe(await rawOf(after));
  });

  it('every change and removal makes another new key', async () => {
    const keys = [await rawOf(await dataKey())];
    await setPassphrase(null, PASS);
    keys.push(await rawOf(await dataKey()));
    await setPassphrase(PASS, 'another long one');
    keys.push(await rawOf(await dataKey()));
    await removePassphrase('another long one');
    keys.push(await rawOf(await dataKey()));
    expect(new Set(keys).size).toBe(4);
    expect(await storedKeyring()).toMatchObject({ kind: 'open', dataKey: keys[3] });
  });

  it('a wrong passphrase fails authentication and changes nothing', async () => {
    await setPassphrase(null, PASS);
    const key = await rawOf(await dataKey());
    const keyring = await storedKeyring();
    await lock();
    await expect(unlock('correct horse battery!')).rejects.toThrow('wrong-passphrase');
    await expect(unlock('')).rejects.toThrow('wrong-passphrase');
    await expect(setPassphrase('not it at all', 'another long one')).rejects.toThrow(
      'wrong-passphrase',
    );
    await expect(setPassphrase(null, 'another long one')).rejects.toThrow('wrong-passphrase');
    await expect(removePassphrase('not it at all')).rejects.toThrow('wrong-passphrase');
    expect(await storedKeyring()).toEqual(keyring);
    expect((await lockState()).locked).toBe(true);
    expect(await unlock(PASS)).toEqual({ hasPassphrase: true, locked: false });
    expect(await rawOf(await dataKey())).toBe(key);
  });

  it('wraps with PBKDF2-SHA-256, at least 600,000 iterations and a random 16-byte salt', async () => {
    await setPassphrase(null, PASS);
    const first = (await storedKeyring()) as { iterations: number; salt: string };
    await setPassphrase(PASS, PASS);
    const second = (await storedKeyring()) as { salt: string };
    expect(first.iterations).toBeGreaterThanOrEqual(600_000);
    expect(atob(first.salt)).toHaveLength(16);
    expect(first.salt).not.toBe(second.salt);
  });

  it('refuses a short passphrase and unlocking when there is none', async () => {
    await expect(setPassphrase(null, 'short')).rejects.toThrow('passphrase-too-short');
    await expect(unlock(PASS)).rejects.toThrow('no-passphrase');
  });

  it('a damaged keyring is an error, never silently replaced', async () => {
    await (await db()).put('keyring', { name: 'dataKey', value: { kind: 'open', dataKey: 5 } });
    await expect(dataKey()).rejects.toThrow(/damaged/);
    await expect(setPassphrase(null, PASS)).rejects.toThrow(/damaged/);
    expect(await storedKeyring()).toEqual({ kind: 'open', dataKey: 5 });
  });

  it('"Erase all" forgets the keyring: the next use starts a new one', async () => {
    await setPassphrase(null, PASS);
    await forgetKeyring();
    expect(await storedKeyring()).toBeUndefined();
    expect(await lockState()).toEqual({ hasPassphrase: false, locked: false });
  });
});

describe('moving the keyring out of storage.local (database version 5)', () => {
  async function oldInstall(keyring: unknown) {
    // A database at version 4, and the keyring where version 4 kept it.
    (await openClearlineDB({ onBlocked: () => undefined, onBlocking: () => undefined }, 4)).close();
    await fakeBrowser.storage.local.set({ [STORAGE_ITEMS.legacyKeyring.key]: keyring });
  }

  it('an open keyring moves into the database; the storage.local copy is overwritten, then removed', async () => {
    const raw = toBase64(crypto.getRandomValues(new Uint8Array(32)));
    await oldInstall({ kind: 'open', version: 1, dataKey: raw });
    const writes: unknown[] = [];
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (STORAGE_ITEMS.legacyKeyring.key in items)
        writes.push(items[STORAGE_ITEMS.legacyKeyring.key]);
      return set(items);
    });

    expect(await rawOf(await dataKey())).toBe(raw);
    expect(await storedKeyring()).toEqual({ kind: 'open', version: 1, dataKey: raw });
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(
      STORAGE_ITEMS.legacyKeyring.key,
    );
    // Overwritten with random bytes of the same shape before it was removed.
    expect(writes).toHaveLength(1);
    const scrambled = writes[0] as { kind: string; version: number; dataKey: string };
    expect(scrambled).toMatchObject({ kind: 'open', version: 1 });
    expect(scrambled.dataKey).toHaveLength(raw.length);
    expect(scrambled.dataKey).not.toBe(raw);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(raw);
  });

  it('a wrapped keyring moves too, opens with its passphrase, and remembers the open period', async () => {
    await setPassphrase(null, PASS);
    const wrapped = { ...(await storedKeyring()), version: 1 } as Record<string, unknown>;
    delete wrapped.openBefore;
    const key = await rawOf(await dataKey());
    freshWorld();
    await oldInstall(wrapped);
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: true, openBefore: true });
    await unlock(PASS);
    expect(await rawOf(await dataKey())).toBe(key);
    expect(await fakeBrowser.storage.local.get(null)).not.toHaveProperty(
      STORAGE_ITEMS.legacyKeyring.key,
    );
  });
});

describe('encryption', () => {
  it('never repeats an IV', async () => {
    const key = (await dataKey())!;
    const ivs = new Set<string>();
    for (let i = 0; i < 2000; i += 1) ivs.add((await seal(key, 'same text')).iv);
    expect(ivs.size).toBe(2000);
  });

  it('detects tampering', async () => {
    const key = (await dataKey())!;
    const sealed = await seal(key, 'note');
    const bytes = Uint8Array.from(atob(sealed.data), (c) => c.charCodeAt(0));
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await expect(open(key, { ...sealed, data: toBase64(bytes) })).rejects.toThrow();
  });
});
