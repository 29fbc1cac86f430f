// The data key and the lock. The keyring lives in the extension's own IndexedDB
// (background only, never readable by a content script), in the same database
// as the data. Without a passphrase the raw data key is kept there: anyone with
// a copy of the browser profile, or of the database alone, can decrypt and read
// the whole list. With a passphrase such a copy holds only hashes, ciphertext
// and the sealed key: the data key is wrapped by a PBKDF2-derived key, and while
// unlocked the raw key lives only in storage.session (memory, cleared on browser
// restart, not visible to content scripts), so a restarted service worker stays
// unlocked.
//
// Setting, changing or removing the passphrase makes a NEW data key and re-seals
// everything under it (reseal.ts): copies of an old key that the
// browser's files may still hold then open nothing written since. Under the
// agency's requirePassphrase no open key is ever written: until the first
// passphrase there is no data key at all, and free text waits for it.
import * as v from 'valibot';
import {
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  deriveKey,
  fromBase64,
  importDataKey,
  newSecret,
  openBytes,
  randomBytes,
  sealBytes,
  toBase64,
} from '../crypto';
import { loadSettings } from '../settings';
import { STORAGE_ITEMS } from '../storage-items';
import { db, write } from '../db/connection';
import { StoreError } from '../db/errors';
import { finishReasonSwaps, replaceDataKey } from './reseal';
import { PASSPHRASE_MIN_LENGTH, type LockState } from '../store/types';

const sealedSchema = v.strictObject({ iv: v.string(), data: v.string() });
const wrappedFields = {
  kind: v.literal('wrapped'),
  salt: v.string(),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(PBKDF2_ITERATIONS)),
  wrapped: sealedSchema,
};
const KeyringSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('open'), version: v.literal(2), dataKey: v.string() }),
  v.strictObject({
    ...wrappedFields,
    version: v.literal(2),
    /**
     * Something was sealed under an open (unwrapped) data key on this profile
     * before this passphrase: copies of that key and of what it sealed may remain
     * in the browser's files. The options page says so; "Erase all" clears it.
     */
    openBefore: v.boolean(),
  }),
]);
/** Version 1, kept in storage.local until database version 5 moved it here. */
const KeyringV1Schema = v.variant('kind', [
  v.strictObject({ kind: v.literal('open'), version: v.literal(1), dataKey: v.string() }),
  v.strictObject({ ...wrappedFields, version: v.literal(1) }),
]);
export type Keyring = v.InferOutput<typeof KeyringSchema>;
type Wrapped = Keyring & { kind: 'wrapped' };

const { unlockedDataKey } = STORAGE_ITEMS;

function parseKeyring(raw: unknown): Keyring {
  const current = v.safeParse(KeyringSchema, raw);
  if (current.success) return current.output;
  const old = v.safeParse(KeyringV1Schema, raw);
  // A damaged keyring must never be silently replaced: that would orphan every label.
  if (!old.success) throw new Error('the stored encryption key is damaged');
  // Version 1 always began open (its first use made an open key), so a
  // passphrase set then came after an open period.
  return old.output.kind === 'open'
    ? { ...old.output, version: 2 }
    : { ...old.output, version: 2, openBefore: true };
}

async function readKeyring(): Promise<Keyring | null> {
  const stored = await (await db()).get('keyring', 'dataKey');
  return stored ? parseKeyring(stored.value) : null;
}

/** The agency's requirePassphrase: then no open data key may ever be written. */
async function passphraseRequired(): Promise<boolean> {
  return (await loadSettings()).agency.requirePassphrase === true;
}

async function readSessionKey(): Promise<CryptoKey | null> {
  const raw = await unlockedDataKey.getValue();
  return typeof raw === 'string' ? importDataKey(fromBase64(raw)) : null;
}

async function keepUnlocked(raw: Uint8Array<ArrayBuffer>): Promise<void> {
  await unlockedDataKey.setValue(toBase64(raw));
}

function checkNewPassphrase(passphrase: string) {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) throw new StoreError('passphrase-too-short');
}

async function unwrap(keyring: Wrapped, passphrase: string) {
  const wrappingKey = await deriveKey(passphrase, fromBase64(keyring.salt), keyring.iterations);
  try {
    return await openBytes(wrappingKey, keyring.wrapped);
  } catch {
    throw new StoreError('wrong-passphrase');
  }
}

async function wrap(
  raw: Uint8Array<ArrayBuffer>,
  passphrase: string,
): Promise<Omit<Wrapped, 'openBefore'>> {
  const salt = randomBytes(SALT_BYTES);
  const wrappingKey = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  return {
    kind: 'wrapped',
    version: 2,
    salt: toBase64(salt),
    iterations: PBKDF2_ITERATIONS,
    wrapped: await sealBytes(wrappingKey, raw),
  };
}

// A key change runs alone, and every other use of the keyring waits for it:
// whatever is sealed after a change is sealed under the new key.
let changing: Promise<unknown> = Promise.resolve();

function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = changing.then(work);
  changing = run.catch(() => undefined);
  return run;
}

/**
 * The keyring, made on first use: a fresh random data key, kept open (no
 * passphrase yet). Null when the agency requires a passphrase and none is set:
 * then nothing is sealed until the coach sets one, and no open key is written.
 */
async function ensureKeyring(): Promise<Keyring | null> {
  await changing;
  return ensureKeyringNow();
}

/** ensureKeyring without waiting: for the key change itself, which holds the turn. */
async function ensureKeyringNow(): Promise<Keyring | null> {
  // A key change interrupted after its commit still owes storage.local its reasons
  // (best effort: until it succeeds the swaps wait in the database).
  await finishReasonSwaps().catch(() => undefined);
  const existing = await readKeyring();
  if (existing) return existing;
  if (await passphraseRequired()) return null;
  const created: Keyring = { kind: 'open', version: 2, dataKey: toBase64(newSecret()) };
  try {
    // add, not put: two first uses at once must agree on one key.
    await (await db()).add('keyring', { name: 'dataKey', value: created });
  } catch (error) {
    const winner = await readKeyring();
    if (winner) return winner;
    // A full disk or a broken database: reported and explained like any write.
    return write(() => Promise.reject(error));
  }
  return created;
}

export async function lockState(): Promise<LockState> {
  const keyring = await ensureKeyring();
  if (keyring?.kind !== 'wrapped') return { hasPassphrase: false, locked: false };
  const locked = (await readSessionKey()) === null;
  return keyring.openBefore
    ? { hasPassphrase: true, locked, openBefore: true }
    : { hasPassphrase: true, locked };
}

/**
 * The data key, or null while locked. Also null under requirePassphrase before
 * the first passphrase, even if an open key from before the policy exists:
 * nothing new is sealed under an open key once the agency asks for a passphrase.
 */
export async function dataKey(): Promise<CryptoKey | null> {
  const keyring = await ensureKeyring();
  if (!keyring) return null;
  if (keyring.kind === 'open') {
    if (await passphraseRequired()) return null;
    return importDataKey(fromBase64(keyring.dataKey));
  }
  return readSessionKey();
}

/** The data key, or a "locked" refusal the coach can act on. */
export async function requireDataKey(): Promise<CryptoKey> {
  const key = await dataKey();
  if (!key) throw new StoreError('locked');
  return key;
}

export async function unlock(passphrase: string): Promise<LockState> {
  const keyring = await ensureKeyring();
  if (keyring?.kind !== 'wrapped') throw new StoreError('no-passphrase');
  await keepUnlocked(await unwrap(keyring, passphrase));
  return lockState();
}

export async function lock(): Promise<LockState> {
  await changing;
  await unlockedDataKey.removeValue();
  return lockState();
}

/** The raw data key the keyring holds now: needs the current passphrase when there is one. */
async function currentRaw(
  keyring: Keyring | null,
  current: string | null,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!keyring) return null;
  if (keyring.kind === 'open') return fromBase64(keyring.dataKey);
  if (current === null) throw new StoreError('wrong-passphrase');
  return unwrap(keyring, current);
}

/**
 * Sets the first passphrase (current null) or changes it. Either way a new data
 * key replaces the old one and every sealed record is re-sealed under it, in the
 * same transaction as the new keyring: all of it, or (on any failure) none.
 */
export async function setPassphrase(current: string | null, next: string): Promise<LockState> {
  checkNewPassphrase(next);
  await exclusive(async () => {
    // Read inside the turn: a change just before this one has replaced the key.
    const keyring = await ensureKeyringNow();
    const oldRaw = await currentRaw(keyring, current);
    const newRaw = newSecret();
    const wrapped = await wrap(newRaw, next);
    const wasOpen = keyring?.kind === 'open';
    const priorOpen = keyring?.kind === 'wrapped' && keyring.openBefore;
    await replaceDataKey(
      oldRaw && (await importDataKey(oldRaw)),
      await importDataKey(newRaw),
      // Only an open key that actually sealed something leaves anything to warn about.
      (resealed): Keyring => ({ ...wrapped, openBefore: priorOpen || (wasOpen && resealed > 0) }),
    );
    await keepUnlocked(newRaw);
  });
  return lockState();
}

/** Removes the passphrase: the list is then kept under a new, open data key. */
export async function removePassphrase(current: string): Promise<LockState> {
  // The handler refuses this too; here it guards the one place that writes keyrings.
  if (await passphraseRequired()) throw new StoreError('passphrase-required-by-agency');
  await exclusive(async () => {
    const keyring = await ensureKeyringNow();
    if (keyring?.kind !== 'wrapped') throw new StoreError('no-passphrase');
    const oldRaw = await unwrap(keyring, current);
    const newRaw = newSecret();
    await replaceDataKey(await importDataKey(oldRaw), await importDataKey(newRaw), (): Keyring => ({
      kind: 'open',
      version: 2,
      dataKey: toBase64(newRaw),
    }));
    await unlockedDataKey.removeValue();
  });
  return lockState();
}

/** Part of "Erase all": the next use starts a new keyring, with no open period behind it. */
export async function forgetKeyring(): Promise<void> {
  await exclusive(async () => {
    const database = await db();
    const tx = database.transaction('keyring', 'readwrite');
    await Promise.all([tx.store.clear(), tx.done]);
    await unlockedDataKey.removeValue();
  });
}
