// Clearline's cryptography, all from the browser's Web Crypto: keyed hashes of
// profile keys (HMAC-SHA-256), encryption of every free text (AES-GCM with a
// fresh 96-bit IV each time), and keys derived from a passphrase (PBKDF2-SHA-256).

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;
const IV_BYTES = 12;
export const SALT_BYTES = 16;
const KEY_BYTES = 32;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** `bytes` random bytes as URL-safe base64 without padding: record ids, nonces, frame secrets. */
export function randomToken(bytes = 16): string {
  return toBase64(randomBytes(bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Throws on anything that is not base64, so a corrupt record or file is caught early. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('not base64');
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function newSecret(): Uint8Array<ArrayBuffer> {
  return randomBytes(KEY_BYTES);
}

/** The per-install secret as an HMAC key: profile keys are stored only as these hashes. */
export function importHmacKey(secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function keyedHash(hmacKey: CryptoKey, text: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(text)));
  return toBase64(mac).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random AES-GCM data key. Extractable: it is kept raw (no passphrase) or wrapped. */
export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
}

/** Encrypted text: base64 IV and ciphertext (with GCM's tag). */
export interface Sealed {
  iv: string;
  data: string;
}

export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes));
  return { iv: toBase64(iv), data: toBase64(data) };
}

/** Throws if the key is wrong or the data was changed: GCM authenticates. */
export async function openBytes(key: CryptoKey, sealed: Sealed): Promise<Uint8Array<ArrayBuffer>> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== IV_BYTES) throw new Error('bad IV');
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, fromBase64(sealed.data)),
  );
}

export function seal(key: CryptoKey, text: string): Promise<Sealed> {
  return sealBytes(key, encoder.encode(text));
}

export async function open(key: CryptoKey, sealed: Sealed): Promise<string> {
  return decoder.decode(await openBytes(key, sealed));
}

/** An AES-GCM key from a passphrase; the same passphrase and salt give the same key. */
export async function deriveKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations = PBKDF2_ITERATIONS,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    encoder.encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
