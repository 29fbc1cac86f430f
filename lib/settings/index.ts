// The one way features read and change settings. Effective settings are layers
// merged key by key: defaults, then the coach's choices, then the agency's
// policy, which wins. A value that fails its schema is ignored and reported,
// never trusted and never thrown away.
import * as v from 'valibot';
import { browser } from '../browser';
import { STORAGE_ITEMS } from '../storage-items';
import { isManaged, readPolicy, type AgencyRules } from '../policy/schema';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  type SettingKey,
  type Settings,
} from './definitions';

export * from './definitions';

export const USER_SETTINGS_VERSION = 1;

export type SettingSource = 'default' | 'user' | 'agency';

/** One layer: values that may be partial and may be wrong; merge checks each. */
export type SettingsLayer = Readonly<Record<string, unknown>>;

export interface EffectiveSettings {
  values: Settings;
  sources: Record<SettingKey, SettingSource>;
  /** Keys of a layer that were ignored, with why, for the options page. */
  ignored: { source: SettingSource; key: string; reason: string }[];
  /** Keys the coach cannot change: set by the agency, or every key when it allows no changes. */
  locked: Record<SettingKey, boolean>;
  /** The agency's own keys (name, policy, rules); empty when not managed. */
  agency: AgencyRules;
  managed: boolean;
}

/** Effective settings from the coach's layer and the agency's raw policy (which wins). */
export function settingsWith(userValues: SettingsLayer, rawPolicy: unknown): EffectiveSettings {
  const policy = readPolicy(rawPolicy);
  const userMayChange = policy.agency.allowUserChanges !== false;
  const merged = mergeSettings([
    // When the agency allows no changes, the coach's earlier choices no longer apply.
    { source: 'user', values: userMayChange ? userValues : {} },
    { source: 'agency', values: policy.settings },
  ]);
  return {
    ...merged,
    ignored: [
      ...merged.ignored,
      ...policy.problems.map((p) => ({
        source: 'agency' as const,
        key: p.path,
        reason: p.message,
      })),
    ],
    locked: Object.fromEntries(
      SETTING_KEYS.map((k) => [k, !userMayChange || merged.sources[k] === 'agency']),
    ) as Record<SettingKey, boolean>,
    agency: policy.agency,
    managed: isManaged(rawPolicy),
  };
}

export function mergeSettings(
  layers: { source: SettingSource; values: SettingsLayer }[],
): Pick<EffectiveSettings, 'values' | 'sources' | 'ignored'> {
  const values = structuredClone(DEFAULT_SETTINGS) as Settings;
  const sources = Object.fromEntries(SETTING_KEYS.map((k) => [k, 'default'])) as Record<
    SettingKey,
    SettingSource
  >;
  const ignored: EffectiveSettings['ignored'] = [];
  for (const layer of layers) {
    for (const [key, raw] of Object.entries(layer.values)) {
      if (!Object.hasOwn(SETTING_SCHEMAS, key)) {
        ignored.push({ source: layer.source, key, reason: 'unknown setting' });
        continue;
      }
      const k = key as SettingKey;
      const parsed = v.safeParse(SETTING_SCHEMAS[k], raw);
      if (!parsed.success) {
        ignored.push({ source: layer.source, key, reason: v.summarize(parsed.issues) });
        continue;
      }
      (values as Record<SettingKey, unknown>)[k] = parsed.output;
      sources[k] = layer.source;
    }
  }
  return { values, sources, ignored };
}

interface StoredUserSettings {
  version: number;
  values: Record<string, unknown>;
}

/**
 * Brings stored user settings to the current version. Each step takes version
 * n to n + 1; a version newer than this build is read as-is (its unknown keys
 * are reported by merge) rather than thrown away.
 */
const MIGRATIONS: Record<number, (values: Record<string, unknown>) => Record<string, unknown>> = {
  // 0: settings written before versioning were a flat object of values.
  0: (values) => values,
};

export function migrateUserSettings(raw: unknown): StoredUserSettings {
  if (raw === undefined || raw === null) return { version: USER_SETTINGS_VERSION, values: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error('stored settings are not an object');
  }
  const record = raw as Record<string, unknown>;
  let version = typeof record.version === 'number' ? record.version : 0;
  let values = version === 0 ? { ...record } : ((record.values ?? {}) as Record<string, unknown>);
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    throw new Error('stored settings values are not an object');
  }
  while (version < USER_SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) throw new Error(`no migration from settings version ${version}`);
    values = step(values);
    version += 1;
  }
  return { version: Math.max(version, USER_SETTINGS_VERSION), values };
}

async function readUserLayer(): Promise<SettingsLayer> {
  const { key } = STORAGE_ITEMS.userSettings;
  const stored = await browser.storage.local.get(key);
  return migrateUserSettings(stored[key]).values;
}

/** Both layers in one read: the coach's, and the agency policy as last seen in managed storage (lib/policy/sync.ts keeps it). */
export async function loadSettings(): Promise<EffectiveSettings> {
  const user = STORAGE_ITEMS.userSettings.key;
  const policy = STORAGE_ITEMS.agencyPolicy.key;
  const stored = await browser.storage.local.get([user, policy]);
  const cached = stored[policy] as { policy?: unknown } | undefined;
  return settingsWith(migrateUserSettings(stored[user]).values, cached?.policy);
}

export class SettingLockedError extends Error {
  constructor(readonly key: SettingKey) {
    super(`${key} is set by the agency`);
    this.name = 'SettingLockedError';
  }
}

/**
 * The Web Lock that every read-modify-write of the coach's settings layer holds.
 * Web Locks are shared by every context of the extension's origin (each options
 * tab, the popup, the background), so two tabs saving two settings at once run
 * one after the other and neither undoes the other.
 */
const USER_SETTINGS_LOCK = 'clearline:userSettings';

/** A context's own queue, where Web Locks are missing (unit tests under Node). */
let queue: Promise<unknown> = Promise.resolve();

/** Runs `work` holding the settings lock: alone among every Clearline context. */
export function withUserSettingsLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return locks.request(USER_SETTINGS_LOCK, work);
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Saves one of the coach's choices after checking it; the stored layer keeps its
 * other keys. Each save reads and rewrites the whole layer, so it holds the
 * settings lock: two at once (two quick clicks, two tabs) could otherwise undo
 * each other.
 */
export function saveUserSetting<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  return withUserSettingsLock(() => saveNow(key, value));
}

async function saveNow<K extends SettingKey>(key: K, value: Settings[K]): Promise<void> {
  const parsed = v.safeParse(SETTING_SCHEMAS[key], value);
  if (!parsed.success) throw new Error(`${key}: ${v.summarize(parsed.issues)}`);
  if ((await loadSettings()).locked[key]) throw new SettingLockedError(key);
  const values = { ...(await readUserLayer()), [key]: parsed.output };
  await browser.storage.local.set({
    [STORAGE_ITEMS.userSettings.key]: { version: USER_SETTINGS_VERSION, values },
  });
}

/** Calls back with fresh effective settings whenever a layer changes. Returns an unsubscribe. */
export function watchSettings(
  onChange: (settings: EffectiveSettings) => void,
  onError: (error: unknown) => void,
): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (
      area === 'local' &&
      (STORAGE_ITEMS.userSettings.key in changes || STORAGE_ITEMS.agencyPolicy.key in changes)
    ) {
      loadSettings().then(onChange, onError);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
