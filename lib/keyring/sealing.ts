// Sealing under the data key, and hashing under the install's HMAC secret: what
// every store (client list, observations) does to what it keeps, in one place
// below them all.
import {
  fromBase64,
  importHmacKey,
  keyedHash,
  newSecret,
  open,
  seal,
  toBase64,
  type Sealed,
} from '../crypto';
import { db, write } from '../db/connection';

let hmac: { secret: string; key: CryptoKey } | null = null;

/** The per-install HMAC secret (base64), made on first use. It stays readable while locked so matching works. */
export async function hmacSecret(): Promise<string> {
  const database = await db();
  const stored = await database.get('meta', 'hmacSecret');
  if (stored) return stored.value;
  const secret = toBase64(newSecret());
  try {
    // add, not put: two first uses at once must agree on one secret.
    await database.add('meta', { name: 'hmacSecret', value: secret });
  } catch (error) {
    const existing = await database.get('meta', 'hmacSecret');
    if (existing) return existing.value;
    return write(() => Promise.reject(error));
  }
  return secret;
}

async function hmacKey(): Promise<CryptoKey> {
  const secret = await hmacSecret();
  // Re-read every time: an import replaces the secret.
  if (hmac?.secret !== secret) hmac = { secret, key: await importHmacKey(fromBase64(secret)) };
  return hmac.key;
}

export async function hashKey(key: string): Promise<string> {
  return keyedHash(await hmacKey(), key);
}

export const sealOrNull = async (key: CryptoKey | null, text: string): Promise<Sealed | null> =>
  key ? seal(key, text) : null;

export const openOrNull = async (
  key: CryptoKey | null,
  sealed: Sealed | null,
): Promise<string | null> => {
  if (!key || !sealed) return null;
  try {
    return await open(key, sealed);
  } catch {
    // Damaged or from another key: show it as unreadable rather than fail the whole list.
    return null;
  }
};

/** After "Erase all": the key of a secret that is gone leaves memory too. */
export function forgetHmacKey(): void {
  hmac = null;
}
