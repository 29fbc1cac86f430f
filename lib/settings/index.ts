// The one way features read and change settings. Effective settings are layers
// merged key by key: defaults, then the coach's choices, then the agency's
// policy, which wins. A value that fails its schema is ignored and reported,
// never trusted and never thrown away.
import * as v from 'valibot';
import { STORAGE_ITEMS, type Versioned } from '../storage-items';
import { isManaged, readPolicy, type AgencyRules } from './agency-policy';
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  type SettingKey,
  type Settings,
} from './definitions';

export * from './definitions';

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

const { userSettings, agencyPolicy } = STORAGE_ITEMS;

/** The version of the coach's stored settings this build writes (lib/storage-items.ts migrates older ones). */
export const USER_SETTINGS_VERSION = userSettings.version;

/** Stored user settings brought to the current version; throws on what no version wrote. */
export function migrateUserSettings(raw: unknown): Versioned<Record<string, unknown>> {
  return userSettings.migrate(raw);
}

/** Both layers: the coach's, and the agency policy as last seen in managed storage (lib/policy/sync.ts keeps it). */
export async function loadSettings(): Promise<EffectiveSettings> {
  const [user, cached] = await Promise.all([userSettings.getValue(), agencyPolicy.getValue()]);
  return settingsWith(user, cached?.policy);
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
  await userSettings.setValue({ ...(await userSettings.getValue()), [key]: parsed.output });
}

/** Calls back with fresh effective settings whenever a layer changes. Returns an unsubscribe. */
export function watchSettings(
  onChange: (settings: EffectiveSettings) => void,
  onError: (error: unknown) => void,
): () => void {
  const reload = () => loadSettings().then(onChange, onError);
  const unwatchUser = userSettings.watch(reload);
  const unwatchPolicy = agencyPolicy.watch(reload);
  return () => {
    unwatchUser();
    unwatchPolicy();
  };
}
