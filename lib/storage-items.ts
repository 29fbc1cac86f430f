// Every item Clearline keeps in browser storage, declared once. IndexedDB (the
// client list and logs) belongs to the background alone and is declared in lib/store.

export const STORAGE_ITEMS = {
  /** The coach's own setting choices: storage.local, { version, values }. */
  userSettings: { area: 'local', key: 'userSettings' },
  /** What the content script last reported for a tab: storage.session (never seen by pages). */
  pageStatus: {
    area: 'session',
    prefix: 'pageStatus:',
    key: (tabId: number) => `pageStatus:${tabId}`,
  },
} as const;
