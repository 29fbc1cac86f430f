// The data key and the lock. Without a passphrase the raw data key sits in
// storage.local: a dump of the database shows nothing readable, but someone with
// the whole browser profile could decrypt. With a passphrase the data key is
// wrapped by a PBKDF2-derived key, and while unlocked the raw key lives only in
// storage.session (memory, cleared on browser restart, not visible to content
// scripts), so a restarted service worker stays unlocked.
import * as v from 'valibot';
import { browser } from '../browser';
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
import { STORAGE_ITEMS } from '../storage-items';
import { StoreError } from './errors';
import { PASSPHRASE_MIN_LENGTH, type LockState } from './types';

const sealedSchema = v.strictObject({ iv: v.string(), data: v.string() });
const KeyringSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('open'), version: v.literal(1), dataKey: v.string() }),
  v.strictObject({
    kind: v.literal('wrapped'),
    version: v.literal(1),
    salt: v.string(),
    iterations: v.pipe(v.number(), v.integer(), v.minValue(PBKDF2_ITERATIONS)),
    wrapped: sealedSchema,
  }),
]);
type Keyring = v.InferOutput<typeof KeyringSchema>;

const local = browser.storage.local;
const session = browser.storage.session;

async function readKeyring(): Promise<Keyring | null> {
  const { key } = STORAGE_ITEMS.keyring;
  const raw = (await local.get(key))[key];
  if (raw === undefined) return null;
  const parsed = v.safeParse(KeyringSchema, raw);
  // A damaged keyring must never be silently replaced: that would orphan every label.
  if (!parsed.success) throw new Error('the stored encryption key is damaged');
  return parsed.output;
}

async function readSessionKey(): Promise<CryptoKey | null> {
  const { key } = STORAGE_ITEMS.unlockedDataKey;
  const raw = (await session.get(key))[key];
  return typeof raw === 'string' ? importDataKey(fromBase64(raw)) : null;
}

async function keepUnlocked(raw: Uint8Array<ArrayBuffer>): Promise<void> {
  await session.set({ [STORAGE_ITEMS.unlockedDataKey.key]: toBase64(raw) });
}

function checkNewPassphrase(passphrase: string) {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) throw new StoreError('passphrase-too-short');
}

async function unwrap(keyring: Keyring & { kind: 'wrapped' }, passphrase: string) {
  const wrappingKey = await deriveKey(passphrase, fromBase64(keyring.salt), keyring.iterations);
  try {
    return await openBytes(wrappingKey, keyring.wrapped);
  } catch {
    throw new StoreError('wrong-passphrase');
  }
}

async function wrap(raw: Uint8Array<ArrayBuffer>, passphrase: string): Promise<Keyring> {
  const salt = randomBytes(SALT_BYTES);
  const wrappingKey = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  return {
    kind: 'wrapped',
    version: 1,
    salt: toBase64(salt),
    iterations: PBKDF2_ITERATIONS,
    wrapped: await sealBytes(wrappingKey, raw),
  };
}

/** The first use makes a fresh random data key, kept open (no passphrase yet). */
async function ensureKeyring(): Promise<Keyring> {
  const existing = await readKeyring();
  if (existing) return existing;
  const created: Keyring = { kind: 'open', version: 1, dataKey: toBase64(newSecret()) };
  await local.set({ [STORAGE_ITEMS.keyring.key]: created });
  return created;
}

export async function lockState(): Promise<LockState> {
  const keyring = await ensureKeyring();
  if (keyring.kind === 'open') return { hasPassphrase: false, locked: false };
  return { hasPassphrase: true, locked: (await readSessionKey()) === null };
}

/** The data key, or null while locked. */
export async function dataKey(): Promise<CryptoKey | null> {
  const keyring = await ensureKeyring();
  if (keyring.kind === 'open') return importDataKey(fromBase64(keyring.dataKey));
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
  if (keyring.kind === 'open') throw new StoreError('no-passphrase');
  await keepUnlocked(await unwrap(keyring, passphrase));
  return lockState();
}

export async function lock(): Promise<LockState> {
  await session.remove(STORAGE_ITEMS.unlockedDataKey.key);
  return lockState();
}

/** Sets the first passphrase (current null) or changes it; the data key itself never changes. */
export async function setPassphrase(current: string | null, next: string): Promise<LockState> {
  checkNewPassphrase(next);
  const keyring = await ensureKeyring();
  let raw: Uint8Array<ArrayBuffer>;
  if (keyring.kind === 'open') raw = fromBase64(keyring.dataKey);
  else {
    if (current === null) throw new StoreError('wrong-passphrase');
    raw = await unwrap(keyring, current);
  }
  await local.set({ [STORAGE_ITEMS.keyring.key]: await wrap(raw, next) });
  await keepUnlocked(raw);
  return lockState();
}

export async function removePassphrase(current: string): Promise<LockState> {
  const keyring = await ensureKeyring();
  if (keyring.kind === 'open') throw new StoreError('no-passphrase');
  const raw = await unwrap(keyring, current);
  const opened: Keyring = { kind: 'open', version: 1, dataKey: toBase64(raw) };
  await local.set({ [STORAGE_ITEMS.keyring.key]: opened });
  await session.remove(STORAGE_ITEMS.unlockedDataKey.key);
  return lockState();
}

/** Part of "Erase all": the next use starts a new keyring. */
export async function forgetKeyring(): Promise<void> {
  await local.remove(STORAGE_ITEMS.keyring.key);
  await session.remove(STORAGE_ITEMS.unlockedDataKey.key);
}
