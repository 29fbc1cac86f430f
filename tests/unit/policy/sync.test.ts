// The cached policy follows managed storage, but an empty answer is doubted for
// a grace period after the browser starts: Chromium answers {} for the first few
// seconds, and clearing the cache then would switch the policy off.
// WXT's fakeBrowser implements storage.managed as a plain in-memory area;
// answers it cannot give (rejecting, or empty then a policy) are stubbed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  POLICY_GRACE_MS,
  adoptManagedNow,
  readManaged,
  startPolicySync,
  syncPolicy,
} from '../../../lib/policy/sync';
import { STORAGE_ITEMS } from '../../../lib/storage-items';

const POLICY = { agencyName: 'Northside', clientTerm: 'recoveree', requirePassphrase: true };
const OLD_POLICY = { agencyName: 'Northside', clientTerm: 'participant' };

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function cachePolicy(policy: unknown, seenAt = 1) {
  await fakeBrowser.storage.local.set({ [STORAGE_ITEMS.agencyPolicy.key]: { policy, seenAt } });
}

async function cached(): Promise<{ policy?: unknown; seenAt?: number } | undefined> {
  const { key } = STORAGE_ITEMS.agencyPolicy;
  return (await fakeBrowser.storage.local.get(key))[key] as
    { policy?: unknown; seenAt?: number } | undefined;
}

async function settled(): Promise<unknown> {
  const { key } = STORAGE_ITEMS.policySettled;
  return (await fakeBrowser.storage.session.get(key))[key];
}

/** Every write of the cached policy, in order. */
function watchCacheWrites(): unknown[] {
  const writes: unknown[] = [];
  fakeBrowser.storage.onChanged.addListener((changes, area) => {
    const change = changes[STORAGE_ITEMS.agencyPolicy.key];
    if (area === 'local' && change) writes.push((change.newValue as { policy?: unknown }).policy);
  });
  return writes;
}

/** A promise with a flag telling whether it has settled yet. */
function track(promise: Promise<unknown>) {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error) => {
      state.done = true;
      state.error = error;
    },
  );
  return state;
}

describe('readManaged', () => {
  it('gives what managed storage holds', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    expect(await readManaged()).toEqual(POLICY);
  });

  it('counts a rejection (Firefox with no policy for Clearline) as empty', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    expect(await readManaged()).toEqual({});
  });

  it('counts an undefined answer as empty', async () => {
    // Not a documented answer, but readManaged() guards against it.
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation(
      async () => undefined as unknown as Record<string, unknown>,
    );
    expect(await readManaged()).toEqual({});
  });
});

describe('syncPolicy', () => {
  it('keeps the cache through the grace period when managed storage answers {}, then clears it', async () => {
    await cachePolicy(POLICY);
    const writes = watchCacheWrites();
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const sync = track(syncPolicy());

    await vi.advanceTimersByTimeAsync(POLICY_GRACE_MS - 1_000);
    expect(sync.done).toBe(false);
    expect((await cached())?.policy).toEqual(POLICY);
    expect(await settled()).toBeUndefined();
    expect(writes).toEqual([]);
    // It kept asking, not waiting out the whole period in one go.
    expect(get.mock.calls.length).toBeGreaterThan(10);

    await vi.advanceTimersByTimeAsync(1_500);
    expect(sync.done).toBe(true);
    expect(sync.error).toBeUndefined();
    expect((await cached())?.policy).toEqual({});
    expect(await settled()).toBe(true);
    expect(writes).toEqual([{}]);
  });

  it('honours a shorter grace period', async () => {
    await cachePolicy(POLICY);
    const sync = track(syncPolicy(2_000));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await cached())?.policy).toEqual(POLICY);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(sync.done).toBe(true);
    expect((await cached())?.policy).toEqual({});
  });

  it('adopts a policy that arrives after a few empty answers, never clearing the cache first', async () => {
    await cachePolicy(OLD_POLICY);
    const writes = watchCacheWrites();
    let calls = 0;
    const get = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementation(async () => (++calls <= 3 ? {} : { ...POLICY }));
    const sync = track(syncPolicy());

    await vi.advanceTimersByTimeAsync(5_000);
    expect(sync.done).toBe(true);
    expect(sync.error).toBeUndefined();
    expect(get).toHaveBeenCalledTimes(4);
    expect((await cached())?.policy).toEqual(POLICY);
    expect(writes).toEqual([POLICY]);
    expect(await settled()).toBe(true);
  });

  it('adopts a policy at once when managed storage has one', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const sync = track(syncPolicy());
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.done).toBe(true);
    expect(await cached()).toEqual({ policy: POLICY, seenAt: Date.now() });
    expect(await settled()).toBe(true);
  });

  it('once settled in this session, an empty answer clears the cache at once', async () => {
    await cachePolicy(POLICY);
    await fakeBrowser.storage.session.set({ [STORAGE_ITEMS.policySettled.key]: true });
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const sync = track(syncPolicy());
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.done).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
    expect((await cached())?.policy).toEqual({});
  });

  it('a rejecting managed storage counts as empty: doubted in the grace period, then final', async () => {
    await cachePolicy(POLICY);
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));
    const sync = track(syncPolicy());
    await vi.advanceTimersByTimeAsync(POLICY_GRACE_MS / 2);
    expect((await cached())?.policy).toEqual(POLICY);
    await vi.advanceTimersByTimeAsync(POLICY_GRACE_MS);
    expect(sync.done).toBe(true);
    expect(sync.error).toBeUndefined();
    expect((await cached())?.policy).toEqual({});
    expect(await settled()).toBe(true);
  });

  it('a rejecting managed storage, once settled, clears at once', async () => {
    await cachePolicy(POLICY);
    await fakeBrowser.storage.session.set({ [STORAGE_ITEMS.policySettled.key]: true });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('no policy'));
    await syncPolicy();
    expect((await cached())?.policy).toEqual({});
  });

  it('with no cache and no policy, writes nothing to storage.local', async () => {
    const writes = watchCacheWrites();
    const sync = track(syncPolicy());
    await vi.advanceTimersByTimeAsync(POLICY_GRACE_MS + 1_000);
    expect(sync.done).toBe(true);
    expect(writes).toEqual([]);
    expect(await settled()).toBe(true);
  });
});

describe('adopting', () => {
  it('the same policy twice does not rewrite storage.local', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const writes = watchCacheWrites();
    await adoptManagedNow();
    const first = await cached();
    vi.advanceTimersByTime(60_000);
    await adoptManagedNow();
    await syncPolicy();
    expect(writes).toEqual([POLICY]);
    // seenAt is when the policy was first seen, not rewritten by each adoption.
    expect(await cached()).toEqual(first);
  });

  it('a changed policy is written again', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    const writes = watchCacheWrites();
    await adoptManagedNow();
    await fakeBrowser.storage.managed.set({ clientTerm: 'client' });
    await adoptManagedNow();
    expect(writes).toEqual([POLICY, { ...POLICY, clientTerm: 'client' }]);
  });

  it('adoptManagedNow adopts even an empty answer, at once', async () => {
    await cachePolicy(POLICY);
    const done = track(adoptManagedNow());
    await vi.advanceTimersByTimeAsync(0);
    expect(done.done).toBe(true);
    expect((await cached())?.policy).toEqual({});
    expect(await settled()).toBe(true);
  });

  it('startPolicySync follows managed storage changes', async () => {
    await fakeBrowser.storage.managed.set(POLICY);
    startPolicySync();
    await vi.advanceTimersByTimeAsync(0);
    expect((await cached())?.policy).toEqual(POLICY);

    await fakeBrowser.storage.managed.set({ clientTerm: 'client' });
    await vi.advanceTimersByTimeAsync(0);
    expect((await cached())?.policy).toEqual({ ...POLICY, clientTerm: 'client' });

    // The admin removes the policy: the change event is final, no grace period.
    await fakeBrowser.storage.managed.clear();
    await vi.advanceTimersByTimeAsync(0);
    expect((await cached())?.policy).toEqual({});
  });
});
