import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { open, seal, toBase64 } from '../../../lib/crypto';
import {
  dataKey,
  lock,
  lockState,
  removePassphrase,
  setPassphrase,
  unlock,
} from '../../../lib/store/keyring';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { freshWorld } from './setup';

beforeEach(freshWorld);
const PASS = 'correct horse battery';

describe('keyring', () => {
  it('starts open: a random data key in storage.local, nothing locked', async () => {
    expect(await lockState()).toEqual({ hasPassphrase: false, locked: false });
    const stored = (await fakeBrowser.storage.local.get(STORAGE_ITEMS.keyring.key))[
      STORAGE_ITEMS.keyring.key
    ];
    expect(stored).toMatchObject({ kind: 'open', version: 1 });
  });

  it('a passphrase wraps the same data key; while unlocked it lives in session storage only', async () => {
    const before = await dataKey();
    const sealed = await seal(before!, 'a label');
    await setPassphrase(null, PASS);
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).toContain('"wrapped"');
    expect(stored).not.toContain('"dataKey"');
    expect(
      (await fakeBrowser.storage.session.get(null))[STORAGE_ITEMS.unlockedDataKey.key],
    ).toEqual(expect.any(String));
    expect(await open((await dataKey())!, sealed)).toBe('a label');
    await lock();
    expect(await lockState()).toEqual({ hasPassphrase: true, locked: true });
    expect(await dataKey()).toBeNull();
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it('a wrong passphrase fails authentication and leaves the list locked', async () => {
    await setPassphrase(null, PASS);
    await lock();
    await expect(unlock('correct horse battery!')).rejects.toThrow('wrong-passphrase');
    await expect(unlock('')).rejects.toThrow('wrong-passphrase');
    expect((await lockState()).locked).toBe(true);
    expect(await unlock(PASS)).toEqual({ hasPassphrase: true, locked: false });
  });

  it('wraps with PBKDF2-SHA-256, at least 600,000 iterations and a random 16-byte salt', async () => {
    await setPassphrase(null, PASS);
    const read = async () =>
      (await fakeBrowser.storage.local.get(STORAGE_ITEMS.keyring.key))[
        STORAGE_ITEMS.keyring.key
      ] as {
        iterations: number;
        salt: string;
      };
    const first = await read();
    await setPassphrase(PASS, PASS);
    const second = await read();
    expect(first.iterations).toBeGreaterThanOrEqual(600_000);
    expect(atob(first.salt)).toHaveLength(16);
    expect(first.salt).not.toBe(second.salt);
  });

  it('changing needs the current passphrase; removing it keeps the data readable', async () => {
    const sealed = await seal((await dataKey())!, 'a note');
    await setPassphrase(null, PASS);
    await expect(setPassphrase('not it at all', 'another long one')).rejects.toThrow(
      'wrong-passphrase',
    );
    await expect(setPassphrase(null, 'another long one')).rejects.toThrow('wrong-passphrase');
    await setPassphrase(PASS, 'another long one');
    await lock();
    await expect(unlock(PASS)).rejects.toThrow('wrong-passphrase');
    await expect(removePassphrase(PASS)).rejects.toThrow('wrong-passphrase');
    await removePassphrase('another long one');
    expect(await lockState()).toEqual({ hasPassphrase: false, locked: false });
    expect(await open((await dataKey())!, sealed)).toBe('a note');
  });

  it('refuses a short passphrase and unlocking when there is none', async () => {
    await expect(setPassphrase(null, 'short')).rejects.toThrow('passphrase-too-short');
    await expect(unlock(PASS)).rejects.toThrow('no-passphrase');
  });

  it('a damaged keyring is an error, never silently replaced', async () => {
    await fakeBrowser.storage.local.set({
      [STORAGE_ITEMS.keyring.key]: { kind: 'open', dataKey: 5 },
    });
    await expect(dataKey()).rejects.toThrow(/damaged/);
    expect(
      (await fakeBrowser.storage.local.get(STORAGE_ITEMS.keyring.key))[STORAGE_ITEMS.keyring.key],
    ).toEqual({
      kind: 'open',
      dataKey: 5,
    });
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
