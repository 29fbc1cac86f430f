// Every item Clearline keeps in browser storage, declared once. IndexedDB (the
// client list and logs) belongs to the background alone and is declared in lib/store.

export const STORAGE_ITEMS = {
  /** The coach's own setting choices: storage.local, { version, values }. */
  userSettings: { area: 'local', key: 'userSettings' },
  /**
   * The last agency policy seen in storage.managed, as received: { policy, seenAt }.
   * Every context reads policy from here, so it applies from the first moment
   * after a restart, before managed storage answers (lib/policy/sync.ts).
   */
  agencyPolicy: { area: 'local', key: 'agencyPolicy' },
  /** The welcome page has opened once on this profile: never again, whatever "install" events say. */
  welcomeShown: { area: 'local', key: 'welcomeShown' },
  /** Set once managed storage has answered in this browser session: an empty answer is then final. */
  policySettled: { area: 'session', key: 'policySettled' },
  /**
   * Where database version 4 and older kept the keyring (the data key). A content
   * script can read storage.local, so the keyring now lives in the extension's
   * IndexedDB (lib/store/db.ts, store "keyring"); this is read only to move an old
   * one there and then wipe it (overwritten, removed, flushed: retireLegacyKeyring).
   */
  legacyKeyring: { area: 'local', key: 'keyring' },
  /** Random filler written and removed at once, to push a wiped value out of LevelDB's log. */
  storageFiller: { area: 'local', key: 'clearlineFiller' },
  /** The unwrapped data key while the list is unlocked: memory only, gone on browser restart. */
  unlockedDataKey: { area: 'session', key: 'unlockedDataKey' },
  /** Problems with the local database, for the options page. */
  storeProblems: { area: 'session', key: 'storeProblems' },
  /** An open boundary prompt, by its one-time nonce: which tab, which action, which person. */
  prompt: { area: 'session', prefix: 'prompt:', key: (nonce: string) => `prompt:${nonce}` },
  /** Content-free counts per day and action kind, for supervision: no identities. */
  promptCounters: { area: 'local', key: 'promptCounters' },
  /** Reasons written in "reason" mode, sealed with the data key, with date and action kind only. */
  promptReasons: { area: 'local', key: 'promptReasons' },
  /** The last-audit moment the re-audit notification was shown for (one per due period). */
  auditNotifiedFor: { area: 'local', key: 'auditNotifiedFor' },
  /** The oldest waiting observation the follow-up notification was shown for. */
  observationNotifiedFor: { area: 'local', key: 'observationNotifiedFor' },
  /** Bumped on every change to the client list, so open tabs drop their cached verdicts. */
  listVersion: { area: 'local', key: 'listVersion' },
  /** What the content script last reported for a tab: storage.session (never seen by pages). */
  pageStatus: {
    area: 'session',
    prefix: 'pageStatus:',
    key: (tabId: number) => `pageStatus:${tabId}`,
  },
} as const;
