import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveUserSetting, watchSettings } from '../../lib/settings';
import { STORAGE_ITEMS } from '../../lib/storage-items';

beforeEach(() => fakeBrowser.reset());

/** Lets storage events reach their listeners. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('what installed copies have stored', () => {
  it('every item keeps its area and key: an update finds its data where it was', () => {
    const layout = Object.fromEntries(
      Object.entries(STORAGE_ITEMS).map(([name, item]) => [
        name,
        'prefix' in item
          ? `${item.area}:${item.prefix}*`
          : `${item.area}:${'key' in item ? item.key : ''}`,
      ]),
    );
    expect(layout).toEqual({
      userSettings: 'local:userSettings',
      agencyPolicy: 'local:agencyPolicy',
      managedPolicy: 'managed:',
      welcomeShown: 'local:welcomeShown',
      policySettled: 'session:policySettled',
      legacyKeyring: 'local:keyring',
      storageFiller: 'local:clearlineFiller',
      unlockedDataKey: 'session:unlockedDataKey',
      storeProblems: 'session:storeProblems',
      prompt: 'session:prompt:*',
      promptCounters: 'local:promptCounters',
      coachName: 'local:coachName',
      postReminderCounters: 'local:postReminderCounters',
      promptReasons: 'local:promptReasons',
      auditNotifiedFor: 'local:auditNotifiedFor',
      observationNotifiedFor: 'local:observationNotifiedFor',
      listVersion: 'local:listVersion',
      pageStatus: 'session:pageStatus:*',
    });
  });

  it('settings saved by an earlier version are read, and a save keeps them in the same layout', async () => {
    await fakeBrowser.storage.local.set({
      userSettings: { version: 1, values: { idleLockMinutes: 5, clientTerm: 'participant' } },
      agencyPolicy: { policy: { retentionDays: 90 }, seenAt: 1 },
    });
    const loaded = await loadSettings();
    expect(loaded.values).toMatchObject({
      idleLockMinutes: 5,
      clientTerm: 'participant',
      retentionDays: 90,
    });
    expect(loaded.sources).toMatchObject({ idleLockMinutes: 'user', retentionDays: 'agency' });

    await saveUserSetting('formerClientYears', 2);
    // The same keys, no version entry of its own beside them ("userSettings$").
    expect(await fakeBrowser.storage.local.get(null)).toEqual({
      userSettings: {
        version: 1,
        values: { idleLockMinutes: 5, clientTerm: 'participant', formerClientYears: 2 },
      },
      agencyPolicy: { policy: { retentionDays: 90 }, seenAt: 1 },
    });
  });

  it('unversioned settings are migrated when read, and reading writes nothing', async () => {
    await fakeBrowser.storage.local.set({ userSettings: { idleLockMinutes: 9 } });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect((await loadSettings()).values.idleLockMinutes).toBe(9);
    expect(await STORAGE_ITEMS.userSettings.getValue()).toEqual({ idleLockMinutes: 9 });
    expect(set).not.toHaveBeenCalled();
    await saveUserSetting('retentionDays', 60);
    expect((await fakeBrowser.storage.local.get('userSettings')).userSettings).toEqual({
      version: 1,
      values: { idleLockMinutes: 9, retentionDays: 60 },
    });
  });

  it('settings from a newer version are read as they are: unknown keys reported, not dropped', async () => {
    await fakeBrowser.storage.local.set({
      userSettings: { version: 7, values: { idleLockMinutes: 5, futureSetting: true } },
    });
    expect(STORAGE_ITEMS.userSettings.migrate({ version: 7, values: { a: 1 } })).toEqual({
      version: 7,
      values: { a: 1 },
    });
    const loaded = await loadSettings();
    expect(loaded.values.idleLockMinutes).toBe(5);
    expect(loaded.ignored).toContainEqual({
      source: 'user',
      key: 'futureSetting',
      reason: 'unknown setting',
    });
  });

  it('values a stored item was written with read back as they were', async () => {
    await fakeBrowser.storage.local.set({
      promptCounters: { '2026-01-02': { friend: { shown: 3 } } },
      listVersion: 1700000000000,
      welcomeShown: true,
      auditNotifiedFor: 0,
    });
    await fakeBrowser.storage.session.set({ 'pageStatus:4': { url: 'https://www.facebook.com/' } });
    expect(await STORAGE_ITEMS.promptCounters.getValue()).toEqual({
      '2026-01-02': { friend: { shown: 3 } },
    });
    expect(await STORAGE_ITEMS.listVersion.getValue()).toBe(1700000000000);
    expect(await STORAGE_ITEMS.welcomeShown.getValue()).toBe(true);
    // Zero is a moment (no audit yet), not a missing value.
    expect(await STORAGE_ITEMS.auditNotifiedFor.getValue()).toBe(0);
    expect(await STORAGE_ITEMS.pageStatus.item(4).getValue()).toEqual({
      url: 'https://www.facebook.com/',
    });
  });
});

describe('nothing stored', () => {
  it('each read gets its own empty value: what one caller adds is not seen by the next', async () => {
    const counters = await STORAGE_ITEMS.promptCounters.getValue();
    counters['2026-01-02'] = { friend: { shown: 1 } };
    (await STORAGE_ITEMS.promptReasons.getValue()).push({
      date: '2026-01-02',
      category: 'friend',
      sealed: null,
    });
    expect(await STORAGE_ITEMS.promptCounters.getValue()).toEqual({});
    expect(await STORAGE_ITEMS.promptReasons.getValue()).toEqual([]);
    expect(await STORAGE_ITEMS.welcomeShown.getValue()).toBe(false);
    expect(await STORAGE_ITEMS.agencyPolicy.getValue()).toBeNull();
    expect(await STORAGE_ITEMS.legacyKeyring.getValue()).toBeUndefined();
    expect(await STORAGE_ITEMS.pageStatus.item(1).getValue()).toBeNull();
  });
});

describe('watch', () => {
  it('calls back for its own key in its own area only, from any context, until unwatched', async () => {
    const onChange = vi.fn();
    const unwatch = STORAGE_ITEMS.listVersion.watch(onChange);
    await fakeBrowser.storage.local.set({ listVersion: 2 });
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    await fakeBrowser.storage.session.set({ listVersion: 3 });
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    await STORAGE_ITEMS.listVersion.removeValue();
    expect(onChange).toHaveBeenCalledTimes(2);
    unwatch();
    await STORAGE_ITEMS.listVersion.setValue(4);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('a family calls back for a change to any member', async () => {
    const onChange = vi.fn();
    const unwatch = STORAGE_ITEMS.pageStatus.watch(onChange);
    await fakeBrowser.storage.session.set({ 'pageStatus:1': { url: 'a' } });
    await fakeBrowser.storage.session.set({ 'prompt:x': {} });
    expect(onChange).toHaveBeenCalledTimes(1);
    await STORAGE_ITEMS.pageStatus.removeAll();
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(await STORAGE_ITEMS.pageStatus.entries()).toEqual([]);
    expect(await STORAGE_ITEMS.prompt.entries()).toEqual([['prompt:x', {}]]);
    unwatch();
  });

  it('settings: either layer changing brings fresh effective settings', async () => {
    const seen: number[] = [];
    const unwatch = watchSettings(
      (settings) => seen.push(settings.values.retentionDays),
      (error) => {
        throw error;
      },
    );
    await saveUserSetting('retentionDays', 60);
    await vi.waitFor(() => expect(seen).toEqual([60]));
    await STORAGE_ITEMS.agencyPolicy.setValue({ policy: { retentionDays: 30 }, seenAt: 2 });
    await vi.waitFor(() => expect(seen).toEqual([60, 30]));
    await fakeBrowser.storage.local.set({ listVersion: 5 });
    unwatch();
    await saveUserSetting('idleLockMinutes', 5);
    await settle();
    expect(seen).toEqual([60, 30]);
  });

  it('managed storage: any change there', async () => {
    const onChange = vi.fn();
    const unwatch = STORAGE_ITEMS.managedPolicy.watch(onChange);
    await fakeBrowser.storage.local.set({ agencyPolicy: { policy: {} } });
    await fakeBrowser.storage.managed.set({ clientTerm: 'recoveree' });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(await STORAGE_ITEMS.managedPolicy.getValue()).toEqual({ clientTerm: 'recoveree' });
    unwatch();
  });
});
