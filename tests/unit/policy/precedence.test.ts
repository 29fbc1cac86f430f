// Effective settings: defaults < the coach's choices < the agency's policy, key
// by key; what the agency sets is locked; allowUserChanges:false drops the
// coach's layer and locks everything.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SettingLockedError,
  USER_SETTINGS_VERSION,
  loadSettings,
  saveUserSetting,
  settingsWith,
  watchSettings,
  type SettingKey,
  type Settings,
} from '../../../lib/settings';
import { STORAGE_ITEMS } from '../../../lib/storage-items';

beforeEach(() => fakeBrowser.reset());

/** For each setting, a valid value the coach might choose and another the agency might. */
const CHOICES: { [K in SettingKey]: { user: Settings[K]; agency: Settings[K] } } = {
  platforms: {
    user: { facebook: false, instagram: true },
    agency: { facebook: true, instagram: false },
  },
  promptMode: {
    user: { friend: 'off', follow: 'off', message: 'off' },
    agency: { friend: 'block-clients', follow: 'reason', message: 'remind' },
  },
  promptScope: { user: 'clients-only', agency: 'clients-only' },
  workHours: {
    user: { days: [0, 6], start: '10:00', end: '14:00' },
    agency: { days: [1, 2, 3], start: '09:00', end: '17:30' },
  },
  formerClientYears: { user: 1, agency: 5 },
  observationReminderHours: { user: 2, agency: 48 },
  auditIntervalDays: { user: 7, agency: 90 },
  idleLockMinutes: { user: 5, agency: 30 },
  retentionDays: { user: 30, agency: 365 },
  clientTerm: { user: 'participant', agency: 'recoveree' },
  locale: { user: 'en', agency: 'es' },
  remindOnReact: { user: true, agency: true },
  crisisProtocol: { user: 'Call my supervisor.', agency: 'Call 911, then 988.' },
};

async function cachePolicy(policy: unknown) {
  await fakeBrowser.storage.local.set({
    [STORAGE_ITEMS.agencyPolicy.key]: { policy, seenAt: Date.now() },
  });
}

async function storeUser(values: Record<string, unknown>) {
  await fakeBrowser.storage.local.set({
    [STORAGE_ITEMS.userSettings.key]: { version: USER_SETTINGS_VERSION, values },
  });
}

describe('settingsWith', () => {
  it('covers every setting in the CHOICES table', () => {
    expect(Object.keys(CHOICES).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it.each(SETTING_KEYS)('%s: default < user < agency, with source and lock', (key) => {
    const { user, agency } = CHOICES[key];

    const none = settingsWith({}, undefined);
    expect(none.values[key]).toEqual(DEFAULT_SETTINGS[key]);
    expect(none.sources[key]).toBe('default');
    expect(none.locked[key]).toBe(false);

    const byUser = settingsWith({ [key]: user }, undefined);
    expect(byUser.values[key]).toEqual(user);
    expect(byUser.sources[key]).toBe('user');
    expect(byUser.locked[key]).toBe(false);

    const byAgency = settingsWith({ [key]: user }, { [key]: agency });
    expect(byAgency.values[key]).toEqual(agency);
    expect(byAgency.sources[key]).toBe('agency');
    expect(byAgency.locked[key]).toBe(true);
    // Only that key is locked.
    for (const other of SETTING_KEYS.filter((k) => k !== key)) {
      expect(byAgency.locked[other], other).toBe(false);
      expect(byAgency.sources[other], other).toBe('default');
    }

    const agencyOnly = settingsWith({}, { [key]: agency });
    expect(agencyOnly.values[key]).toEqual(agency);
    expect(agencyOnly.sources[key]).toBe('agency');
  });

  it('mixes the three layers key by key', () => {
    const effective = settingsWith(
      { idleLockMinutes: 5, clientTerm: 'participant', retentionDays: 30 },
      {
        clientTerm: 'recoveree',
        retentionDays: 90,
        agencyName: 'Northside',
        requirePassphrase: true,
      },
    );
    expect(effective.values).toEqual({
      ...DEFAULT_SETTINGS,
      idleLockMinutes: 5,
      clientTerm: 'recoveree',
      retentionDays: 90,
    });
    expect(effective.sources).toMatchObject({
      idleLockMinutes: 'user',
      clientTerm: 'agency',
      retentionDays: 'agency',
      auditIntervalDays: 'default',
    });
    expect(effective.locked).toMatchObject({
      idleLockMinutes: false,
      clientTerm: true,
      retentionDays: true,
      auditIntervalDays: false,
    });
    // The agency's own keys are not settings: they go to .agency.
    expect(effective.agency).toEqual({ agencyName: 'Northside', requirePassphrase: true });
    expect(effective.values).not.toHaveProperty('agencyName');
    expect(effective.managed).toBe(true);
    expect(effective.ignored).toEqual([]);
  });

  it.each([
    ['no policy', undefined],
    ['null', null],
    ['an empty policy', {}],
  ])('with %s: not managed, nothing locked, no agency keys', (_label, policy) => {
    const effective = settingsWith({ idleLockMinutes: 5 }, policy);
    expect(effective.managed).toBe(false);
    expect(effective.agency).toEqual({});
    expect(Object.values(effective.locked).every((locked) => !locked)).toBe(true);
    expect(effective.values.idleLockMinutes).toBe(5);
  });

  it('a policy with only agency keys is managed but locks no setting', () => {
    const effective = settingsWith({}, { agencyName: 'Northside' });
    expect(effective.managed).toBe(true);
    expect(Object.values(effective.locked).some(Boolean)).toBe(false);
  });

  it('bad policy keys are ignored with source agency; the user value stands and stays unlocked', () => {
    const effective = settingsWith(
      { promptScope: 'clients-only', idleLockMinutes: 5 },
      {
        promptScope: 'everyone',
        promptMode: { friend: 'nope', follow: 'remind', message: 'remind' },
        agencyName: 5,
        bogus: 1,
        retentionDays: 90,
      },
    );
    expect(effective.ignored).toEqual(
      expect.arrayContaining([
        { source: 'agency', key: 'promptScope', reason: expect.any(String) },
        { source: 'agency', key: 'promptMode.friend', reason: expect.any(String) },
        { source: 'agency', key: 'agencyName', reason: expect.any(String) },
        { source: 'agency', key: 'bogus', reason: expect.any(String) },
      ]),
    );
    expect(effective.ignored).toHaveLength(4);
    expect(effective.values.promptScope).toBe('clients-only');
    expect(effective.sources.promptScope).toBe('user');
    expect(effective.locked.promptScope).toBe(false);
    expect(effective.values.promptMode).toEqual(DEFAULT_SETTINGS.promptMode);
    expect(effective.locked.promptMode).toBe(false);
    expect(effective.values.retentionDays).toBe(90);
    expect(effective.locked.retentionDays).toBe(true);
    expect(effective.agency).toEqual({});
    expect(effective.managed).toBe(true);
  });

  it('a bad user value is ignored with source user and does not hide the agency value', () => {
    const effective = settingsWith({ idleLockMinutes: 0 }, { idleLockMinutes: 30 });
    expect(effective.values.idleLockMinutes).toBe(30);
    expect(effective.ignored).toEqual([
      { source: 'user', key: 'idleLockMinutes', reason: expect.any(String) },
    ]);
  });
});

describe('allowUserChanges', () => {
  const user = { idleLockMinutes: 5, clientTerm: 'participant', locale: 'es' };

  it('false drops the coach layer and locks every key', () => {
    const effective = settingsWith(user, { allowUserChanges: false, clientTerm: 'recoveree' });
    expect(effective.values).toEqual({ ...DEFAULT_SETTINGS, clientTerm: 'recoveree' });
    expect(effective.sources.idleLockMinutes).toBe('default');
    expect(effective.sources.locale).toBe('default');
    expect(effective.sources.clientTerm).toBe('agency');
    for (const key of SETTING_KEYS) expect(effective.locked[key], key).toBe(true);
    expect(effective.agency.allowUserChanges).toBe(false);
    // Dropping the coach's layer is not a problem to report.
    expect(effective.ignored).toEqual([]);
  });

  it('false alone: every value is its default, every key locked', () => {
    const effective = settingsWith(user, { allowUserChanges: false });
    expect(effective.values).toEqual(DEFAULT_SETTINGS);
    expect(Object.values(effective.locked).every(Boolean)).toBe(true);
  });

  it('true is the same as leaving it out', () => {
    const effective = settingsWith(user, { allowUserChanges: true, clientTerm: 'recoveree' });
    expect(effective.values.idleLockMinutes).toBe(5);
    expect(effective.values.locale).toBe('es');
    expect(effective.locked.idleLockMinutes).toBe(false);
    expect(effective.locked.clientTerm).toBe(true);
  });

  it('a bad value fails closed: the coach may change nothing, and it is reported', () => {
    const effective = settingsWith(user, { allowUserChanges: 'no' });
    expect(effective.values.idleLockMinutes).toBe(DEFAULT_SETTINGS.idleLockMinutes);
    expect(effective.locked.idleLockMinutes).toBe(true);
    expect(effective.ignored).toEqual([
      { source: 'agency', key: 'allowUserChanges', reason: expect.stringMatching(/strictest/) },
    ]);
  });
});

describe('loadSettings and saveUserSetting', () => {
  it('reads the cached policy from storage.local over the user layer', async () => {
    await storeUser({ idleLockMinutes: 5, clientTerm: 'participant' });
    await cachePolicy({ clientTerm: 'recoveree', agencyName: 'Northside' });
    const effective = await loadSettings();
    expect(effective.values.idleLockMinutes).toBe(5);
    expect(effective.values.clientTerm).toBe('recoveree');
    expect(effective.sources.clientTerm).toBe('agency');
    expect(effective.locked.clientTerm).toBe(true);
    expect(effective.agency).toEqual({ agencyName: 'Northside' });
    expect(effective.managed).toBe(true);
  });

  it('reads managed storage never: only the cache counts', async () => {
    await fakeBrowser.storage.managed.set({ clientTerm: 'recoveree' });
    const effective = await loadSettings();
    expect(effective.values.clientTerm).toBe('client');
    expect(effective.managed).toBe(false);
  });

  it('a cache without a policy is no policy', async () => {
    await fakeBrowser.storage.local.set({ [STORAGE_ITEMS.agencyPolicy.key]: { seenAt: 1 } });
    expect((await loadSettings()).managed).toBe(false);
  });

  it('saving a locked key rejects with SettingLockedError and changes nothing', async () => {
    await storeUser({ idleLockMinutes: 5 });
    await cachePolicy({ clientTerm: 'recoveree' });
    const before = await fakeBrowser.storage.local.get(null);
    const saving = saveUserSetting('clientTerm', 'participant');
    await expect(saving).rejects.toBeInstanceOf(SettingLockedError);
    await expect(saving).rejects.toMatchObject({ key: 'clientTerm' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('an unlocked key still saves, keeping the other user values', async () => {
    await storeUser({ idleLockMinutes: 5 });
    await cachePolicy({ clientTerm: 'recoveree' });
    await saveUserSetting('retentionDays', 60);
    const stored = await fakeBrowser.storage.local.get(STORAGE_ITEMS.userSettings.key);
    expect(stored[STORAGE_ITEMS.userSettings.key]).toEqual({
      version: USER_SETTINGS_VERSION,
      values: { idleLockMinutes: 5, retentionDays: 60 },
    });
    const effective = await loadSettings();
    expect(effective.values.retentionDays).toBe(60);
    expect(effective.values.clientTerm).toBe('recoveree');
  });

  it('with allowUserChanges:false no key saves', async () => {
    await cachePolicy({ allowUserChanges: false });
    const before = await fakeBrowser.storage.local.get(null);
    for (const key of ['retentionDays', 'idleLockMinutes'] as const) {
      await expect(saveUserSetting(key, 60)).rejects.toBeInstanceOf(SettingLockedError);
    }
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('once the agency lifts a key, the coach may save it again', async () => {
    await cachePolicy({ clientTerm: 'recoveree' });
    await expect(saveUserSetting('clientTerm', 'participant')).rejects.toBeInstanceOf(
      SettingLockedError,
    );
    await cachePolicy({});
    await saveUserSetting('clientTerm', 'participant');
    expect((await loadSettings()).values.clientTerm).toBe('participant');
  });
});

describe('watchSettings', () => {
  it('fires with fresh settings when the cached policy changes, and stops on unsubscribe', async () => {
    const onChange = vi.fn();
    const onError = vi.fn();
    const stop = watchSettings(onChange, onError);

    await cachePolicy({ clientTerm: 'recoveree' });
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    const settings = onChange.mock.calls[0]![0] as ReturnType<typeof settingsWith>;
    expect(settings.values.clientTerm).toBe('recoveree');
    expect(settings.locked.clientTerm).toBe(true);

    await cachePolicy({});
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    expect(onChange.mock.calls[1]![0].values.clientTerm).toBe('client');

    stop();
    await cachePolicy({ clientTerm: 'participant' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onError).not.toHaveBeenCalled();
  });

  it('ignores other items and other areas', async () => {
    const onChange = vi.fn();
    const stop = watchSettings(onChange, vi.fn());
    await fakeBrowser.storage.local.set({ [STORAGE_ITEMS.listVersion.key]: 2 });
    await fakeBrowser.storage.session.set({ [STORAGE_ITEMS.agencyPolicy.key]: { policy: {} } });
    await fakeBrowser.storage.managed.set({ clientTerm: 'recoveree' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });
});
