// What every Clearline page section needs to speak: the translator, the agency's
// word for the people served and the page's language, plus the one place where a
// refused request becomes a sentence the coach can act on.
import type { Locale, MessageKey, Translate } from '../../lib/i18n';
import { MessageError } from '../../lib/messaging';
import { PASSPHRASE_MIN_LENGTH, STORE_ERRORS, type StoreErrorCode } from '../../lib/store/types';

export interface Ui {
  t: Translate;
  /** The agency's word for the people served, in the page's language. */
  words: { one: string; many: string };
  locale: Locale;
}

/**
 * A sentence kept as a function of the page's words rather than as text, so a
 * message already on screen follows a change of language or of the agency's word.
 */
export type Sentence = (ui: Ui) => string;

/**
 * Messages that name the people served take the singular word as $1 and the
 * plural as $2; each locale picks the form its grammar needs ("Your $CLIENT$
 * list" is singular in English, "Tu lista de $CLIENT$" plural in Spanish).
 * Further substitutions start at $3.
 */
export function withClientWords(ui: Ui, key: MessageKey, ...rest: string[]): string {
  return ui.t(key, ui.words.one, ui.words.many, ...rest);
}

const ERROR_KEYS: Record<StoreErrorCode, MessageKey> = {
  locked: 'error_locked',
  'wrong-passphrase': 'error_wrong_passphrase',
  'passphrase-too-short': 'error_passphrase_too_short',
  'no-passphrase': 'error_no_passphrase',
  'passphrase-required': 'error_passphrase_required',
  'passphrase-required-by-agency': 'error_passphrase_required_by_agency',
  'invalid-profile-url': 'error_invalid_profile_url',
  'already-a-client': 'error_already_a_client',
  'not-found': 'error_not_found',
  'changed-elsewhere': 'error_changed_elsewhere',
  'confirmation-mismatch': 'error_confirmation_mismatch',
  'backup-too-large': 'error_backup_too_large',
  'backup-too-large-to-export': 'error_backup_too_large_to_export',
  'backup-corrupt': 'error_backup_corrupt',
  'backup-inconsistent': 'error_backup_inconsistent',
  'backup-newer-version': 'error_backup_newer_version',
  'backup-wrong-passphrase': 'error_backup_wrong_passphrase',
  'storage-quota': 'error_storage_quota',
  'storage-unavailable': 'error_storage_unavailable',
};

/** The store's reason for refusing a request, when it gave one of the known codes. */
export function errorCode(error: unknown): StoreErrorCode | null {
  if (!(error instanceof MessageError)) return null;
  return (STORE_ERRORS as readonly string[]).includes(error.reason)
    ? (error.reason as StoreErrorCode)
    : null;
}

/** A sentence for any failure: the mapped text for a known code, else the plain detail. */
export function describeError(ui: Ui, error: unknown): string {
  const code = errorCode(error);
  // error_* messages take the client words as $1/$2 and the passphrase minimum as $3.
  if (code) return withClientWords(ui, ERROR_KEYS[code], String(PASSPHRASE_MIN_LENGTH));
  const detail =
    error instanceof MessageError
      ? error.reason
      : error instanceof Error
        ? error.message
        : String(error);
  return ui.t('errorUnexpected', detail);
}

/** YYYY-MM-DD as a date in the page's language; the day is a calendar day, not an instant. */
export function formatDay(ui: Ui, isoDay: string, addYears = 0): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDay;
  const date = new Date(Date.UTC(y + addYears, m - 1, d));
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(ui.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ms since the epoch) as a local date in the page's language. */
export function formatMoment(ui: Ui, at: number, withTime = false): string {
  return new Intl.DateTimeFormat(ui.locale, {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(new Date(at));
}

/** Today as YYYY-MM-DD in the coach's own time zone (a discharge date cannot be later). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// The address a coach would paste, rebuilt from a stored profile key: coaches know
// people by their profile's address, never by Clearline's internal `fb:` keys.
const PROFILE_ADDRESSES: Record<string, (rest: string) => string> = {
  fb: (rest) =>
    rest.startsWith('id:')
      ? `https://www.facebook.com/profile.php?id=${rest.slice(3)}`
      : `https://www.facebook.com/${rest}`,
  ig: (rest) => `https://www.instagram.com/${rest}`,
};

/** A profile as the coach knows it: its address, or "A profile" for a site without one. */
export function profileWords(ui: Ui, key: string): string {
  const colon = key.indexOf(':');
  const address = colon > 0 ? PROFILE_ADDRESSES[key.slice(0, colon)] : undefined;
  return address ? address(key.slice(colon + 1)) : ui.t('profileWithoutAddress');
}
