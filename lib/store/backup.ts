// One encrypted file holding all of Clearline's data (the HMAC secret included,
// or the hashes would mean nothing elsewhere). Import replaces everything in one
// transaction, or changes nothing: a corrupt file, a wrong passphrase, a newer
// format, a file that contradicts itself or a locked list is refused before the
// database is touched. Export and import share one size limit, so every file
// Clearline writes is one it can read back.
import * as v from 'valibot';
import {
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  deriveKey,
  fromBase64,
  open,
  openBytes,
  randomBytes,
  seal,
  toBase64,
  type Sealed,
} from '../crypto';
import { hmacSecret } from '../keyring/sealing';
import { db, write } from '../db/connection';
import type { ClientRecord, DecisionRecord, ObservationRecord } from '../db/schema';
import { STORAGE_ITEMS } from '../storage-items';
import { withUserSettingsLock } from '../settings';
import { OBSERVATION_STATUSES } from '../observations/types';
import { SITE_IDS } from '../sites/registry';
import { StoreError } from '../db/errors';
import { requireDataKey } from '../keyring/keyring';
import { BACKUP_MAX_BYTES, PASSPHRASE_MIN_LENGTH } from './types';

export const BACKUP_FORMAT = 'clearline-backup';
/**
 * The file's version. 1: the encrypted data is JSON. 2: it is gzip-compressed
 * JSON (long notes shrink several times over). Both are read; 2 is written.
 */
export const BACKUP_VERSION = 2;
const READABLE_VERSIONS = [1, 2] as const;
/** The decrypted data's own shape, unchanged since version 1. */
const DATA_VERSION = 1;
/** A file unpacks to at most this much: a small file must not unpack into gigabytes. */
const MAX_UNPACKED_BYTES = 4 * BACKUP_MAX_BYTES;
/** Above this a file could make the import spin for minutes: refuse it as corrupt. */
const MAX_ITERATIONS = 10_000_000;
/** AES-GCM's IV, as lib/crypto.ts seals with (openBytes checks it). */
const IV_BYTES = 12;

const base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const keyHash = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/));
const isoDate = v.pipe(v.string(), v.isoDate());
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));

const OuterSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.picklist(READABLE_VERSIONS),
  exportedAt: v.pipe(v.string(), v.isoTimestamp()),
  kdf: v.strictObject({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(
      v.number(),
      v.integer(),
      v.minValue(PBKDF2_ITERATIONS),
      v.maxValue(MAX_ITERATIONS),
    ),
    salt: base64,
  }),
  cipher: v.strictObject({ name: v.literal('AES-GCM'), iv: base64 }),
  data: base64,
});

const InnerSchema = v.strictObject({
  version: v.literal(DATA_VERSION),
  hmacSecret: base64,
  clients: v.array(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
      keyHashes: v.pipe(v.array(keyHash), v.minLength(1), v.maxLength(16)),
      profileKeys: v.array(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
      label: v.pipe(v.string(), v.maxLength(1000)),
      note: v.pipe(v.string(), v.maxLength(20_000)),
      dischargedOn: v.nullable(isoDate),
      addedAt: time,
    }),
  ),
  decisions: v.array(
    v.strictObject({
      keyHash,
      profileKey: v.nullable(v.pipe(v.string(), v.maxLength(200))),
      decidedAt: time,
    }),
  ),
  /** The coach's own setting choices; each is checked again by the settings module when read. */
  settings: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), v.unknown()), {}),
  /** The privacy self-audit: results and history (settings results only). */
  audit: v.optional(
    v.strictObject({
      items: v.array(
        v.strictObject({
          itemId: v.pipe(v.string(), v.maxLength(64)),
          platform: v.picklist(SITE_IDS),
          page: v.nullable(
            v.strictObject({
              result: v.picklist(['pass', 'fail', 'unknown']),
              observed: v.pipe(v.string(), v.maxLength(100)),
              at: time,
            }),
          ),
          confirmedAt: v.nullable(time),
        }),
      ),
      history: v.pipe(
        v.array(
          v.strictObject({
            at: time,
            scores: v.array(
              v.strictObject({
                platform: v.picklist(SITE_IDS),
                passed: count,
                confirmed: count,
                total: count,
                failed: count,
                couldNotCheck: count,
              }),
            ),
            replacedConfirmations: v.optional(
              v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100)),
            ),
          }),
        ),
        v.maxLength(500),
      ),
    }),
    { items: [], history: [] },
  ),
  /** The observation log (added with it; older files have none). */
  observations: v.optional(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
        createdAt: time,
        platform: v.picklist(SITE_IDS),
        clientKeyHash: v.nullable(keyHash),
        postUrl: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
        note: v.nullable(v.pipe(v.string(), v.maxLength(5000))),
        status: v.picklist(OBSERVATION_STATUSES),
        discussedAt: v.nullable(time),
        sharedAt: v.nullable(time),
        closedAt: v.nullable(time),
        urgent: v.boolean(),
      }),
    ),
    [],
  ),
});
type BackupData = v.InferOutput<typeof InnerSchema>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON.parse that refuses any key that could reach an object's prototype. */
export function parseJsonStrictly(text: string): unknown {
  return JSON.parse(text, (key, value: unknown) => {
    if (FORBIDDEN_KEYS.has(key)) throw new Error(`forbidden key ${key}`);
    return value;
  });
}

/** Bytes through a (de)compression stream; unpacking stops past `limit` bytes. */
async function throughStream(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  limit = Infinity,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new StoreError('backup-too-large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Base64 in blocks: a byte at a time (crypto.ts's toBase64, made for short texts) takes many seconds on tens of megabytes. */
function blockBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += 0x8000) {
    parts.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  }
  return btoa(parts.join(''));
}

/** sealBytes (lib/crypto.ts) for the whole file: the same AES-GCM with a fresh 96-bit IV, base64 in blocks. */
async function sealFile(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, bytes));
  return { iv: toBase64(iv), data: blockBase64(data) };
}

/** Opens every sealed text of a list at once: one batch, not one record after another. */
async function openAll(key: CryptoKey, sealed: (Sealed | null)[]): Promise<(string | null)[]> {
  return Promise.all(sealed.map((s) => (s ? open(key, s) : null)));
}

export async function exportBackup(
  passphrase: string,
  now = new Date(),
): Promise<{ fileName: string; contents: string }> {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) throw new StoreError('passphrase-too-short');
  const key = await requireDataKey();
  const database = await db();
  const secret = await hmacSecret();
  // One read transaction for every store: a consistent picture, read side by side.
  const tx = database.transaction(
    ['clients', 'decisions', 'observations', 'auditItems', 'auditHistory'],
    'readonly',
  );
  const [clients, decisions, observations, auditItems, auditHistory] = await Promise.all([
    tx.objectStore('clients').getAll(),
    tx.objectStore('decisions').getAll(),
    tx.objectStore('observations').getAll(),
    tx.objectStore('auditItems').getAll(),
    tx.objectStore('auditHistory').getAll(),
  ]);
  // Settings no version wrote go without: a backup carries none rather than fail.
  const settings = await STORAGE_ITEMS.userSettings.getValue().catch(() => ({}));
  // Every sealed text of the list in one batch, then put back in place by position.
  const [keys, labels, notes, decisionKeys, postUrls, observationNotes] = await Promise.all([
    openAll(
      key,
      clients.flatMap((c) => c.sealedKeys),
    ),
    openAll(
      key,
      clients.map((c) => c.sealedLabel),
    ),
    openAll(
      key,
      clients.map((c) => c.sealedNote),
    ),
    openAll(
      key,
      decisions.map((d) => d.sealedKey),
    ),
    openAll(
      key,
      observations.map((o) => o.sealedPostUrl),
    ),
    openAll(
      key,
      observations.map((o) => o.sealedNote),
    ),
  ]);
  let keyAt = 0;
  const data: BackupData = {
    version: DATA_VERSION,
    hmacSecret: secret,
    clients: clients.map((c, i) => ({
      id: c.id,
      keyHashes: c.keyHashes,
      profileKeys: c.sealedKeys.map(() => keys[keyAt++] ?? null),
      label: labels[i] ?? '',
      note: notes[i] ?? '',
      dischargedOn: c.dischargedOn,
      addedAt: c.addedAt,
    })),
    decisions: decisions.map((d, i) => ({
      keyHash: d.keyHash,
      profileKey: decisionKeys[i] ?? null,
      decidedAt: d.decidedAt,
    })),
    observations: observations.map(({ sealedPostUrl: _url, sealedNote: _note, ...o }, i) => ({
      ...o,
      postUrl: postUrls[i] ?? null,
      note: observationNotes[i] ?? null,
    })),
    settings,
    audit: { items: auditItems, history: auditHistory },
  };
  const packed = await throughStream(
    new TextEncoder().encode(JSON.stringify(data)),
    new CompressionStream('gzip'),
  );
  const salt = randomBytes(SALT_BYTES);
  const fileKey = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const sealed = await sealFile(fileKey, packed);
  const file: v.InferOutput<typeof OuterSchema> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: sealed.iv },
    data: sealed.data,
  };
  const contents = JSON.stringify(file, null, 2);
  // The same limit import applies: never hand the coach a file Clearline would refuse.
  if (contents.length > BACKUP_MAX_BYTES) throw new StoreError('backup-too-large-to-export');
  return { fileName: `clearline-backup-${now.toISOString().slice(0, 10)}.json`, contents };
}

function readVersion(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const version = (value as Record<string, unknown>).version;
  return typeof version === 'number' ? version : null;
}

/** Reads and decrypts a backup file; throws a StoreError and touches nothing on any problem. */
export async function readBackup(contents: string, passphrase: string): Promise<BackupData> {
  if (new TextEncoder().encode(contents).length > BACKUP_MAX_BYTES)
    throw new StoreError('backup-too-large');
  let outerRaw: unknown;
  try {
    outerRaw = parseJsonStrictly(contents);
  } catch {
    throw new StoreError('backup-corrupt');
  }
  if ((readVersion(outerRaw) ?? 0) > BACKUP_VERSION) throw new StoreError('backup-newer-version');
  const outer = v.safeParse(OuterSchema, outerRaw);
  if (!outer.success) throw new StoreError('backup-corrupt');
  const { version, kdf, cipher, data } = outer.output;
  let opened: Uint8Array<ArrayBuffer>;
  try {
    const fileKey = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
    opened = await openBytes(fileKey, { iv: cipher.iv, data });
  } catch {
    // GCM cannot tell a wrong passphrase from a changed file; a wrong passphrase is far likelier.
    throw new StoreError('backup-wrong-passphrase');
  }
  let innerRaw: unknown;
  try {
    const plain =
      version === 1
        ? opened
        : await throughStream(opened, new DecompressionStream('gzip'), MAX_UNPACKED_BYTES);
    innerRaw = parseJsonStrictly(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError('backup-corrupt');
  }
  if ((readVersion(innerRaw) ?? 0) > DATA_VERSION) throw new StoreError('backup-newer-version');
  const inner = v.safeParse(InnerSchema, innerRaw);
  if (!inner.success) throw new StoreError('backup-corrupt');
  const backup = inner.output;
  // One display key per hash and a usable secret, or the file is damaged.
  const wellFormed =
    backup.clients.every((c) => c.profileKeys.length === c.keyHashes.length) &&
    fromBase64(backup.hmacSecret).length === 32;
  if (!wellFormed) throw new StoreError('backup-corrupt');
  if (!consistent(backup)) throw new StoreError('backup-inconsistent');
  return backup;
}

const allDifferent = (values: unknown[]) => new Set(values).size === values.length;

/**
 * Whether the file agrees with itself. The database would merge duplicates
 * silently (the last one wins), so each is refused instead: one record per
 * client id, per key, per "not a client" answer, per observation and per audit
 * item; and nobody both a client and "not a client".
 */
function consistent(backup: BackupData): boolean {
  const clientHashes = backup.clients.flatMap((c) => c.keyHashes);
  const decisionHashes = backup.decisions.map((d) => d.keyHash);
  const clientKeys = new Set(clientHashes);
  return (
    allDifferent(backup.clients.map((c) => c.id)) &&
    allDifferent(clientHashes) &&
    allDifferent(decisionHashes) &&
    decisionHashes.every((hash) => !clientKeys.has(hash)) &&
    allDifferent(backup.observations.map((o) => o.id)) &&
    allDifferent(backup.audit.items.map((i) => i.itemId))
  );
}

/** Replaces all Clearline data with the backup's, in one transaction. */
export async function importBackup(
  contents: string,
  passphrase: string,
): Promise<{ clients: number; decisions: number }> {
  const backup = await readBackup(contents, passphrase);
  const key = await requireDataKey();
  // Seal everything before the transaction opens: it would close while waiting on crypto.
  const sealText = (text: string | null) => (text === null ? null : seal(key, text));
  const clients: ClientRecord[] = await Promise.all(
    backup.clients.map(async (c) => ({
      id: c.id,
      keyHashes: c.keyHashes,
      sealedKeys: await Promise.all(c.profileKeys.map(sealText)),
      sealedLabel: await seal(key, c.label),
      sealedNote: await seal(key, c.note),
      dischargedOn: c.dischargedOn,
      addedAt: c.addedAt,
    })),
  );
  const decisions: DecisionRecord[] = await Promise.all(
    backup.decisions.map(async (d) => ({
      keyHash: d.keyHash,
      sealedKey: await sealText(d.profileKey),
      decidedAt: d.decidedAt,
    })),
  );
  const observations: ObservationRecord[] = await Promise.all(
    backup.observations.map(async ({ postUrl, note, ...o }) => ({
      ...o,
      sealedPostUrl: await sealText(postUrl),
      sealedNote: await sealText(note),
    })),
  );
  const database = await db();
  await write(async () => {
    const tx = database.transaction(
      ['clients', 'decisions', 'meta', 'observations', 'auditItems', 'auditHistory'],
      'readwrite',
    );
    const work = [
      tx.objectStore('auditItems').clear(),
      tx.objectStore('auditHistory').clear(),
      ...backup.audit.items.map((i) => tx.objectStore('auditItems').put(i)),
      ...backup.audit.history.map((h) => tx.objectStore('auditHistory').add(h)),
      tx.objectStore('clients').clear(),
      tx.objectStore('decisions').clear(),
      tx.objectStore('meta').clear(),
      tx.objectStore('observations').clear(),
      ...observations.map((o) => tx.objectStore('observations').put(o)),
      tx.objectStore('meta').put({ name: 'hmacSecret', value: backup.hmacSecret }),
      ...clients.map((c) => tx.objectStore('clients').put(c)),
      ...decisions.map((d) => tx.objectStore('decisions').put(d)),
    ];
    await Promise.all([...work, tx.done]);
  });
  // Settings live in storage.local, outside the database's transaction: written
  // last, after everything else is in. Values are checked again whenever read.
  // Under the settings lock, so a save in an open options tab cannot interleave.
  await withUserSettingsLock(() => STORAGE_ITEMS.userSettings.setValue(backup.settings));
  return { clients: clients.length, decisions: decisions.length };
}
