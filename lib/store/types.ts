// What the background tells Clearline's own pages about the client list. Types
// only: the store itself lives in the background and never leaves it.

/** How the background sees a profile: never more than this reaches a content script. */
export type Verdict = 'client' | 'former-client' | 'not-client' | 'unknown';

/** A client as the options page shows it. Free text is null while the list is locked. */
export interface ClientView {
  id: string;
  /** The normalized profile keys (fb:jane.doe, fb:id:100...), or null while locked. */
  profileKeys: string[] | null;
  label: string | null;
  note: string | null;
  /** YYYY-MM-DD, or null for a current client. */
  dischargedOn: string | null;
  /** current; former (inside the look-back window); former-past-window (no longer counted). */
  status: 'current' | 'former' | 'former-past-window';
  addedAt: number;
}

/** One field's edit: the value the coach started from, and the new one. */
export interface FieldChange<T> {
  from: T;
  to: T;
}

/**
 * An edit of a client, field by field. Each field changes only if it still holds
 * `from`: a label edited in one tab and a note in another both land, while an
 * edit of a field another tab changed meanwhile is refused ('changed-elsewhere').
 */
export interface ClientChange {
  id: string;
  label?: FieldChange<string>;
  note?: FieldChange<string>;
  dischargedOn?: FieldChange<string | null>;
}

/** A "not a client" answer, as the options page shows it. */
export interface DecisionView {
  id: string;
  /** The normalized profile key, or null while locked. */
  profileKey: string | null;
  decidedAt: number;
}

export interface LockState {
  hasPassphrase: boolean;
  locked: boolean;
  /** The agency requires a passphrase (policy requirePassphrase) and none is set yet. */
  passphraseRequired?: boolean;
  /**
   * Before this passphrase the list was kept under an open data key: copies of
   * that key and of what it sealed may remain in the browser's files.
   */
  openBefore?: boolean;
}

/** A problem with the local database, shown on the options page; nothing is dropped silently. */
export interface StoreProblem {
  kind: 'blocked' | 'quota' | 'open-failed' | 'write-failed';
  detail: string;
  at: number;
}

/**
 * Reasons a request about the client list can be refused. Each has a message
 * in the locale files as `error_<code>` (dashes become underscores).
 */
export const STORE_ERRORS = [
  'locked',
  'wrong-passphrase',
  'passphrase-too-short',
  'no-passphrase',
  'passphrase-required',
  'passphrase-required-by-agency',
  'invalid-profile-url',
  'already-a-client',
  'not-found',
  'changed-elsewhere',
  'confirmation-mismatch',
  'backup-too-large',
  'backup-too-large-to-export',
  'backup-corrupt',
  'backup-inconsistent',
  'backup-newer-version',
  'backup-wrong-passphrase',
  'storage-quota',
  'storage-unavailable',
] as const;
export type StoreErrorCode = (typeof STORE_ERRORS)[number];

export const PASSPHRASE_MIN_LENGTH = 8;
export const LABEL_MAX_LENGTH = 100;
export const NOTE_MAX_LENGTH = 2000;
/**
 * The one size limit of a backup file, on both sides: import refuses a bigger
 * file before parsing it, and export refuses to write one (so every file it
 * writes can be imported). 4,000 clients with notes at their longest fit: about
 * 2 MB of everyday text, 12 MB of random letters, 25 MB of random CJK once packed.
 * Well under the 64 MiB a runtime message can carry.
 */
export const BACKUP_MAX_BYTES = 32 * 1024 * 1024;
/** What the coach types to confirm "Erase all"; the background checks it too. */
export const ERASE_CONFIRMATION = 'ERASE';
