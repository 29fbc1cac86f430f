// Every item Clearline keeps in browser storage, declared once, with its type and
// what it reads as while nothing is stored. IndexedDB (the client list and logs)
// belongs to the background alone and is declared in lib/store.
//
// Not WXT's storage.defineItem, for two reasons: it reads each item from storage
// as soon as it is defined, in every context that imports this file, and content
// scripts have no storage.session; and it keeps an item's version in a separate
// "key$" entry, while the coach's settings have carried theirs inside the value
// ({ version, values }) since the first release, so installed copies have no such
// entry. These items use the same keys and values as before: nothing to move.
import { browser, type Storage } from './browser';
import type { TabPageStatus } from './messaging';
import type { PostReminderCounters, PromptCounters, StoredReason } from './prompt/counters';
import type { OpenPrompt } from './prompt/types';
import type { StoreProblem } from './store/types';

type Area = 'local' | 'session';

export interface StorageItem<T, Key extends string = string> {
  readonly area: Area;
  /** The key in its storage area, as installed copies have it. */
  readonly key: Key;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back after each change to the item, made in any context; returns the unwatch. */
  watch(onChange: () => void): () => void;
}

// Each area named in the code, never looked up by a computed name: the security
// review's search for such a lookup finds none that could reach storage.sync
// (docs/security-review.md, section 6).
function storageArea(area: Area): Storage.StorageArea {
  return area === 'local' ? browser.storage.local : browser.storage.session;
}

function watchArea(
  area: Area | 'managed',
  concerns: (key: string) => boolean,
  onChange: () => void,
): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, changedArea: string) => {
    if (changedArea === area && Object.keys(changes).some(concerns)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * `whenMissing` is a function so that each read gets its own empty value: callers
 * add to what they read (a count, a reason) and must never change a shared one.
 */
function defineItem<T, Key extends string = string>(
  area: Area,
  key: Key,
  whenMissing: () => T,
  read: (stored: unknown) => T = (stored) => stored as T,
): StorageItem<T, Key> {
  return {
    area,
    key,
    async getValue() {
      const stored: unknown = (await storageArea(area).get(key))[key];
      return stored === undefined || stored === null ? whenMissing() : read(stored);
    },
    setValue: (value) => storageArea(area).set({ [key]: value }),
    removeValue: () => storageArea(area).remove(key),
    watch: (onChange) => watchArea(area, (changed) => changed === key, onChange),
  };
}

/** One item per id (a prompt's nonce, a tab): the key is the prefix and the id. */
export interface StorageItemFamily<T, Id extends string | number> {
  readonly area: Area;
  readonly prefix: string;
  key(id: Id): string;
  item(id: Id): StorageItem<T | null>;
  /** Every stored member, with its key. */
  entries(): Promise<[string, T][]>;
  /** Removes the members under `keys` (as entries gives them), in one write. */
  remove(keys: string[]): Promise<void>;
  removeAll(): Promise<void>;
  /** Calls back after a change to any member. */
  watch(onChange: () => void): () => void;
}

function defineFamily<T, Id extends string | number>(
  area: Area,
  prefix: string,
): StorageItemFamily<T, Id> {
  const key = (id: Id) => `${prefix}${id}`;
  const entries = async () =>
    Object.entries(await storageArea(area).get(null)).filter(([k]) => k.startsWith(prefix)) as [
      string,
      T,
    ][];
  return {
    area,
    prefix,
    key,
    item: (id) => defineItem<T | null>(area, key(id), () => null),
    entries,
    async remove(keys) {
      if (keys.some((k) => !k.startsWith(prefix))) throw new Error(`not a ${prefix} key`);
      if (keys.length) await storageArea(area).remove(keys);
    },
    async removeAll() {
      const keys = (await entries()).map(([k]) => k);
      if (keys.length) await storageArea(area).remove(keys);
    },
    watch: (onChange) => watchArea(area, (changed) => changed.startsWith(prefix), onChange),
  };
}

export interface Versioned<T> {
  version: number;
  values: T;
}

/** One step, kept under the version it brings values to: migrations[n] takes n - 1 to n. */
type Migration = (values: Record<string, unknown>) => Record<string, unknown>;

export interface VersionedItem<Key extends string> extends StorageItem<
  Record<string, unknown>,
  Key
> {
  readonly version: number;
  /** Brings a stored value, of any version so far, to this one; throws on what no version wrote. */
  migrate(stored: unknown): Versioned<Record<string, unknown>>;
}

/**
 * Stored as { version, values }. Reads migrate in memory and write nothing back
 * (a content script reading settings never writes them); the next save stores
 * the current version. A version newer than this build is read as it is: merge
 * reports its unknown keys rather than throw them away.
 */
function defineVersionedItem<Key extends string>(
  area: Area,
  key: Key,
  /** What the item holds, in the coach's words, for the errors. */
  what: string,
  version: number,
  migrations: Record<number, Migration>,
): VersionedItem<Key> {
  function migrate(stored: unknown): Versioned<Record<string, unknown>> {
    if (stored === undefined || stored === null) return { version, values: {} };
    if (typeof stored !== 'object' || Array.isArray(stored)) {
      throw new Error(`stored ${what} are not an object`);
    }
    const record = stored as Record<string, unknown>;
    // Before versioning, the value was the values themselves: version 0.
    let from = typeof record.version === 'number' ? record.version : 0;
    let values = from === 0 ? { ...record } : ((record.values ?? {}) as Record<string, unknown>);
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new Error(`stored ${what} values are not an object`);
    }
    while (from < version) {
      const step = migrations[from + 1];
      if (!step) throw new Error(`no migration from ${what} version ${from}`);
      values = step(values);
      from += 1;
    }
    return { version: Math.max(from, version), values };
  }
  const item = defineItem(
    area,
    key,
    () => ({}),
    (stored) => migrate(stored).values,
  );
  return {
    ...item,
    version,
    migrate,
    setValue: (values) => storageArea(area).set({ [key]: { version, values } }),
  };
}

export interface CachedAgencyPolicy {
  policy?: unknown;
  seenAt?: number;
}

/** What the agency last put in managed storage, as the browser holds it now. */
export interface ManagedArea {
  readonly area: 'managed';
  /** Rejects in Firefox while no policy names Clearline (lib/policy/sync.ts: readManaged). */
  getValue(): Promise<Record<string, unknown>>;
  watch(onChange: () => void): () => void;
}

const managedArea: ManagedArea = {
  area: 'managed',
  getValue: async () => (await browser.storage.managed.get(null)) ?? {},
  watch: (onChange) => watchArea('managed', () => true, onChange),
};

export const STORAGE_ITEMS = {
  /**
   * The coach's own setting choices: storage.local, { version, values }. Values
   * may be partial and may be wrong: merge (lib/settings) checks each one.
   */
  userSettings: defineVersionedItem('local', 'userSettings', 'settings', 1, {
    1: (unversioned) => unversioned,
  }),
  /**
   * The last agency policy seen in storage.managed, as received: { policy, seenAt }.
   * Every context reads policy from here, so it applies from the first moment
   * after a restart, before managed storage answers (lib/policy/sync.ts).
   */
  agencyPolicy: defineItem('local', 'agencyPolicy', (): CachedAgencyPolicy | null => null),
  /** The agency's policy in the browser's managed storage; only lib/policy/sync.ts reads it. */
  managedPolicy: managedArea,
  /** The welcome page has opened once on this profile: never again, whatever "install" events say. */
  welcomeShown: defineItem('local', 'welcomeShown', (): boolean => false),
  /** Set once managed storage has answered in this browser session: an empty answer is then final. */
  policySettled: defineItem('session', 'policySettled', (): boolean => false),
  /**
   * Where database version 4 and older kept the keyring (the data key). A content
   * script can read storage.local, so the keyring now lives in the extension's
   * IndexedDB (lib/db/schema.ts, store "keyring"); this is read only to move an old
   * one there and then wipe it (overwritten, removed, flushed: retireLegacyKeyring).
   */
  legacyKeyring: defineItem('local', 'keyring', (): unknown => undefined),
  /** Random filler written and removed at once, to push a wiped value out of LevelDB's log. */
  storageFiller: defineItem('local', 'clearlineFiller', (): unknown => null),
  /** The unwrapped data key (base64) while the list is unlocked: memory only, gone on browser restart. */
  unlockedDataKey: defineItem('session', 'unlockedDataKey', (): unknown => null),
  /** Problems with the local database, for the options page, newest first. */
  storeProblems: defineItem('session', 'storeProblems', (): StoreProblem[] => []),
  /** An open boundary prompt, by its one-time nonce: which tab, which action, which person. */
  prompt: defineFamily<OpenPrompt, string>('session', 'prompt:'),
  /** Content-free counts per day and action kind, for supervision: no identities. */
  promptCounters: defineItem('local', 'promptCounters', (): PromptCounters => ({})),
  /** The coach's own name for the supervision summary, as they entered it (optional). */
  coachName: defineItem('local', 'coachName', (): string | null => null),
  /** Content-free counts per day of the observed-post reminder and its answers. */
  postReminderCounters: defineItem(
    'local',
    'postReminderCounters',
    (): PostReminderCounters => ({}),
  ),
  /** Reasons written in "reason" mode, sealed with the data key, with date and action kind only. */
  promptReasons: defineItem('local', 'promptReasons', (): StoredReason[] => []),
  /** The last-audit moment the re-audit notification was shown for (one per due period). */
  auditNotifiedFor: defineItem('local', 'auditNotifiedFor', (): number | null => null),
  /** The oldest waiting observation the follow-up notification was shown for. */
  observationNotifiedFor: defineItem('local', 'observationNotifiedFor', (): number | null => null),
  /** Bumped on every change to the client list, so open tabs drop their cached verdicts. */
  listVersion: defineItem('local', 'listVersion', (): number => 0),
  /** What the content script last reported for a tab: storage.session (never seen by pages). */
  pageStatus: defineFamily<TabPageStatus, number>('session', 'pageStatus:'),
} as const;
