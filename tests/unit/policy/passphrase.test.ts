// requirePassphrase: the client list is refused until the coach sets a
// passphrase, which then cannot be removed; "Erase all" keeps the agency policy.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings } from '../../../lib/settings';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { StoreError } from '../../../lib/db/errors';
import { storeHandlers } from '../../../lib/background/store-handlers';
import * as keyring from '../../../lib/keyring/keyring';
import { ERASE_CONFIRMATION, PASSPHRASE_MIN_LENGTH } from '../../../lib/store/types';
import { freshWorld } from '../store/setup';

beforeEach(freshWorld);

const ctx = { tabId: undefined, senderUrl: 'chrome-extension://ours/options.html' };
const client = {
  profileUrl: 'https://www.facebook.com/jane.doe.demo',
  label: 'J.D.',
  note: '',
  dischargedOn: null,
};
const PASS = 'a long enough passphrase';

async function cachePolicy(policy: unknown) {
  await fakeBrowser.storage.local.set({
    [STORAGE_ITEMS.agencyPolicy.key]: { policy, seenAt: Date.now() },
  });
}

async function cachedPolicy(): Promise<unknown> {
  const { key } = STORAGE_ITEMS.agencyPolicy;
  return ((await fakeBrowser.storage.local.get(key))[key] as { policy?: unknown } | undefined)
    ?.policy;
}

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe.each([
  ['the string "true"', 'true'],
  ['"yes"', 'yes'],
])('requirePassphrase given as %s (a policy typo Firefox passes on)', (_label, value) => {
  beforeEach(() => cachePolicy({ requirePassphrase: value }));

  it('is required all the same: the client list is refused until a passphrase is set', async () => {
    expect((await refusal(storeHandlers.listClients({}, ctx))).code).toBe('passphrase-required');
    expect(await storeHandlers.getLockState({}, ctx)).toMatchObject({ passphraseRequired: true });
    expect((await loadSettings()).ignored).toContainEqual({
      source: 'agency',
      key: 'requirePassphrase',
      reason: expect.stringMatching(/strictest value \(true\)/),
    });
  });
});

describe('requirePassphrase', () => {
  beforeEach(() => cachePolicy({ requirePassphrase: true }));

  it('the test passphrase is long enough', () => {
    expect([...PASS].length).toBeGreaterThanOrEqual(PASSPHRASE_MIN_LENGTH);
  });

  it('refuses the client list until a passphrase is set', async () => {
    expect((await refusal(storeHandlers.addClient(client, ctx))).code).toBe('passphrase-required');
    expect((await refusal(storeHandlers.listClients({}, ctx))).code).toBe('passphrase-required');
    expect((await refusal(storeHandlers.exportBackup({ passphrase: PASS }, ctx))).code).toBe(
      'passphrase-required',
    );
    expect(await storeHandlers.getLockState({}, ctx)).toEqual({
      hasPassphrase: false,
      locked: false,
      passphraseRequired: true,
    });
  });

  it('works once a passphrase is set', async () => {
    await keyring.setPassphrase(null, PASS);
    expect(await storeHandlers.getLockState({}, ctx)).toEqual({
      hasPassphrase: true,
      locked: false,
      passphraseRequired: false,
    });
    const added = await storeHandlers.addClient(client, ctx);
    expect(added.label).toBe('J.D.');
    const { clients } = await storeHandlers.listClients({}, ctx);
    expect(clients.map((c) => c.id)).toEqual([added.id]);
  });

  it('while locked it is the lock, not the policy, that stands in the way', async () => {
    await keyring.setPassphrase(null, PASS);
    await storeHandlers.lock({}, ctx);
    expect(await storeHandlers.getLockState({}, ctx)).toEqual({
      hasPassphrase: true,
      locked: true,
      passphraseRequired: false,
    });
    const { locked } = await storeHandlers.listClients({}, ctx);
    expect(locked).toBe(true);
  });

  it('the passphrase cannot be removed, and stays set', async () => {
    await storeHandlers.setPassphrase({ current: null, next: PASS }, ctx);
    expect((await refusal(storeHandlers.removePassphrase({ current: PASS }, ctx))).code).toBe(
      'passphrase-required-by-agency',
    );
    expect(await keyring.lockState()).toEqual({ hasPassphrase: true, locked: false });
  });

  it('a short passphrase is still refused', async () => {
    expect(
      (await refusal(storeHandlers.setPassphrase({ current: null, next: 'short' }, ctx))).code,
    ).toBe('passphrase-too-short');
    expect((await storeHandlers.getLockState({}, ctx)).passphraseRequired).toBe(true);
  });

  it('applies as soon as the cached policy says so', async () => {
    await cachePolicy({});
    await storeHandlers.addClient(client, ctx);
    await cachePolicy({ requirePassphrase: true });
    expect((await refusal(storeHandlers.listClients({}, ctx))).code).toBe('passphrase-required');
  });
});

describe('without the policy', () => {
  it.each([
    ['no policy', undefined],
    ['requirePassphrase false', { requirePassphrase: false }],
  ])('%s: no passphrase needed, and it can be removed', async (_label, policy) => {
    if (policy !== undefined) await cachePolicy(policy);
    expect((await storeHandlers.getLockState({}, ctx)).passphraseRequired).toBe(false);
    await storeHandlers.addClient(client, ctx);
    await storeHandlers.setPassphrase({ current: null, next: PASS }, ctx);
    expect(await storeHandlers.removePassphrase({ current: PASS }, ctx)).toEqual({
      hasPassphrase: false,
      locked: false,
    });
    expect((await storeHandlers.listClients({}, ctx)).clients).toHaveLength(1);
  });
});

describe('eraseAll', () => {
  const POLICY = { requirePassphrase: true, agencyName: 'Northside', clientTerm: 'participant' };

  it('erases the coach data but reads the agency policy back from managed storage', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    await cachePolicy(POLICY);
    await storeHandlers.setPassphrase({ current: null, next: PASS }, ctx);
    await storeHandlers.addClient(client, ctx);

    await storeHandlers.eraseAll({ confirmation: ERASE_CONFIRMATION }, ctx);

    expect(await cachedPolicy()).toEqual(POLICY);
    const settings = await loadSettings();
    expect(settings.agency).toMatchObject({ requirePassphrase: true, agencyName: 'Northside' });
    expect(settings.values.clientTerm).toBe('participant');
    // The passphrase went with everything else, and the policy asks for one again.
    expect(await storeHandlers.getLockState({}, ctx)).toEqual({
      hasPassphrase: false,
      locked: false,
      passphraseRequired: true,
    });
    expect((await refusal(storeHandlers.listClients({}, ctx))).code).toBe('passphrase-required');
    await storeHandlers.setPassphrase({ current: null, next: PASS }, ctx);
    expect((await storeHandlers.listClients({}, ctx)).clients).toEqual([]);
  });

  it('with the confirmation wrong, erases nothing and keeps the cache', async () => {
    await cachePolicy(POLICY);
    await expect(
      storeHandlers.eraseAll({ confirmation: ERASE_CONFIRMATION.toLowerCase() }, ctx),
    ).rejects.toThrow('confirmation-mismatch');
    expect(await cachedPolicy()).toEqual(POLICY);
  });

  it('erasing keeps the last policy seen even when managed storage does not answer', async () => {
    // Whether a policy was removed is for the policy sync to decide, never for erasing.
    await cachePolicy(POLICY);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));
    await storeHandlers.eraseAll({ confirmation: ERASE_CONFIRMATION }, ctx);
    expect((await loadSettings()).managed).toBe(true);
    expect((await storeHandlers.getLockState({}, ctx)).passphraseRequired).toBe(true);
  });
});
