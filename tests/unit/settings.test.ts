import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  clientWords,
  crisisProtocolText,
  loadSettings,
  mergeSettings,
  migrateUserSettings,
  saveUserSetting,
  USER_SETTINGS_VERSION,
} from '../../lib/settings';
import { STORAGE_ITEMS } from '../../lib/storage-items';
import * as v from 'valibot';

beforeEach(() => fakeBrowser.reset());

describe('defaults', () => {
  it('every setting has a default that passes its own schema', () => {
    for (const key of SETTING_KEYS) {
      expect(v.safeParse(SETTING_SCHEMAS[key], DEFAULT_SETTINGS[key]).success, key).toBe(true);
    }
  });

  it('match what the issues ask for', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      promptMode: { friend: 'remind', follow: 'remind', message: 'remind' },
      promptScope: 'unanswered',
      workHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' },
      formerClientYears: 3,
      observationReminderHours: 24,
      auditIntervalDays: 30,
      idleLockMinutes: 15,
      retentionDays: 180,
      clientTerm: 'client',
      locale: 'browser',
    });
    expect(crisisProtocolText('en', DEFAULT_SETTINGS)).toContain('988');
    expect(crisisProtocolText('es', DEFAULT_SETTINGS)).toContain('988');
  });
});

describe('merge', () => {
  it('later layers win key by key; sources say where each value came from', () => {
    const merged = mergeSettings([
      { source: 'user', values: { idleLockMinutes: 5, clientTerm: 'participant' } },
      { source: 'agency', values: { clientTerm: 'recoveree' } },
    ]);
    expect(merged.values.idleLockMinutes).toBe(5);
    expect(merged.values.clientTerm).toBe('recoveree');
    expect(merged.sources).toMatchObject({
      idleLockMinutes: 'user',
      clientTerm: 'agency',
      retentionDays: 'default',
    });
  });

  it('ignores and reports a bad value or an unknown key, and keeps the rest', () => {
    const merged = mergeSettings([
      {
        source: 'user',
        values: {
          idleLockMinutes: 'soon',
          retentionDays: -4,
          promptMode: { friend: 'block-clients', follow: 'remind', message: 'maybe' },
          workHours: { days: [1], start: '25:00', end: '18:00' },
          surprise: true,
          formerClientYears: 2,
        },
      },
    ]);
    expect(merged.values.idleLockMinutes).toBe(DEFAULT_SETTINGS.idleLockMinutes);
    expect(merged.values.retentionDays).toBe(DEFAULT_SETTINGS.retentionDays);
    expect(merged.values.promptMode).toEqual(DEFAULT_SETTINGS.promptMode);
    expect(merged.values.workHours).toEqual(DEFAULT_SETTINGS.workHours);
    expect(merged.values.formerClientYears).toBe(2);
    expect(merged.ignored.map((i) => i.key).sort()).toEqual(
      ['idleLockMinutes', 'promptMode', 'retentionDays', 'surprise', 'workHours'].sort(),
    );
  });

  it('is not fooled by __proto__ or constructor keys', () => {
    const layer = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2}') as Record<
      string,
      unknown
    >;
    const merged = mergeSettings([{ source: 'user', values: layer }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(merged.ignored.map((i) => i.key).sort()).toEqual(['__proto__', 'constructor']);
  });

  it('never shares the defaults object with callers', () => {
    const merged = mergeSettings([]);
    merged.values.promptMode.friend = 'off';
    expect(DEFAULT_SETTINGS.promptMode.friend).toBe('remind');
  });
});

describe('storage', () => {
  it('saves a choice, keeps the others, and reads it back', async () => {
    await saveUserSetting('idleLockMinutes', 30);
    await saveUserSetting('clientTerm', 'participant');
    const loaded = await loadSettings();
    expect(loaded.values).toMatchObject({ idleLockMinutes: 30, clientTerm: 'participant' });
    expect(loaded.sources.idleLockMinutes).toBe('user');
    const raw = await fakeBrowser.storage.local.get(STORAGE_ITEMS.userSettings.key);
    expect(raw[STORAGE_ITEMS.userSettings.key]).toEqual({
      version: USER_SETTINGS_VERSION,
      values: { idleLockMinutes: 30, clientTerm: 'participant' },
    });
  });

  it('refuses to save an invalid value and changes nothing', async () => {
    await saveUserSetting('idleLockMinutes', 30);
    // @ts-expect-error: a wrong type, as a broken caller might send
    await expect(saveUserSetting('idleLockMinutes', 'later')).rejects.toThrow(/idleLockMinutes/);
    expect((await loadSettings()).values.idleLockMinutes).toBe(30);
  });

  it('migrates unversioned settings and reports stored garbage instead of trusting it', async () => {
    expect(migrateUserSettings({ idleLockMinutes: 9 })).toEqual({
      version: 1,
      values: { idleLockMinutes: 9 },
    });
    expect(migrateUserSettings(undefined)).toEqual({ version: 1, values: {} });
    expect(() => migrateUserSettings('garbage')).toThrow(/not an object/);
    await fakeBrowser.storage.local.set({ [STORAGE_ITEMS.userSettings.key]: [1, 2] });
    await expect(loadSettings()).rejects.toThrow(/not an object/);
  });
});

describe('two tabs saving at once', () => {
  /** A stand-in for the browser's Web Locks: one holder per name, shared by every "tab" below. */
  function sharedLocks() {
    const tails = new Map<string, Promise<unknown>>();
    const names: string[] = [];
    return {
      names,
      request(name: string, work: () => Promise<unknown>) {
        names.push(name);
        const run = (tails.get(name) ?? Promise.resolve()).then(work);
        tails.set(
          name,
          run.catch(() => undefined),
        );
        return run;
      },
    };
  }

  /** Each options tab is a context of its own: its own copy of the settings module, one storage. */
  async function twoTabs() {
    vi.resetModules();
    const a = await import('../../lib/settings');
    vi.resetModules();
    const b = await import('../../lib/settings');
    expect(a.saveUserSetting).not.toBe(b.saveUserSetting);
    // A slow write, so that each save reads before the other has written (as two tabs can).
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await set(items);
    });
    return { a, b };
  }

  afterEach(() => vi.unstubAllGlobals());

  it('both settings land: every save holds the one settings lock', async () => {
    const locks = sharedLocks();
    vi.stubGlobal('navigator', { locks });
    const { a, b } = await twoTabs();
    await Promise.all([
      a.saveUserSetting('idleLockMinutes', 30),
      b.saveUserSetting('clientTerm', 'participant'),
    ]);
    expect((await loadSettings()).values).toMatchObject({
      idleLockMinutes: 30,
      clientTerm: 'participant',
    });
    expect(new Set(locks.names).size).toBe(1);
  });

  it('without a lock shared between them, one of the two is lost (what the lock prevents)', async () => {
    vi.stubGlobal('navigator', {});
    const { a, b } = await twoTabs();
    await Promise.all([
      a.saveUserSetting('idleLockMinutes', 30),
      b.saveUserSetting('clientTerm', 'participant'),
    ]);
    const { values } = await loadSettings();
    expect(values.idleLockMinutes === 30 && values.clientTerm === 'participant').toBe(false);
  });
});

describe('the word for the people served', () => {
  it('has a singular and plural in both languages', () => {
    expect(clientWords('en', 'participant')).toEqual({ one: 'participant', many: 'participants' });
    expect(clientWords('es', 'recoveree').many).toBe('personas en recuperación');
  });
});
