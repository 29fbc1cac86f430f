// One encrypted file holding all of Clearline's data (the HMAC secret included,
// or the hashes would mean nothing elsewhere). Import replaces everything in one
// transaction, or changes nothing: a corrupt file, a wrong passphrase, a newer
// format or a locked list is refused before the database is touched.
import * as v from 'valibot';
import {
  PBKDF2_ITERATIONS,
  SALT_BYTES,
  deriveKey,
  fromBase64,
  open,
  randomBytes,
  seal,
  sealBytes,
  toBase64,
} from '../crypto';
import { db, hmacSecret, write } from './client-list';
import type { ClientRecord, DecisionRecord, ObservationRecord } from './db';
import { browser } from '../browser';
import { STORAGE_ITEMS } from '../storage-items';
import { USER_SETTINGS_VERSION, withUserSettingsLock } from '../settings';
import { OBSERVATION_STATUSES } from '../observations/types';
import { StoreError } from './errors';
import { requireDataKey } from './keyring';
import { BACKUP_MAX_BYTES, PASSPHRASE_MIN_LENGTH } from './types';

export const BACKUP_FORMAT = 'clearline-backup';
export const BACKUP_VERSION = 1;
/** Above this a file could make the import spin for minutes: refuse it as corrupt. */
const MAX_ITERATIONS = 10_000_000;

const base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const keyHash = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/));
const isoDate = v.pipe(v.string(), v.isoDate());
const time = v.pipe(v.number(), v.integer(), v.minValue(0));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000));

const OuterSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT),
  version: v.literal(BACKUP_VERSION),
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
  version: v.literal(BACKUP_VERSION),
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
          platform: v.picklist(['facebook', 'instagram']),
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
                platform: v.picklist(['facebook', 'instagram']),
                passed: count,
                confirmed: count,
                total: count,
                failed: count,
                couldNotCheck: count,
              }),
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
        platform: v.picklist(['facebook', 'instagram']),
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

export async function exportBackup(
  passphrase: string,
  now = new Date(),
): Promise<{ fileName: string; contents: string }> {
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) throw new StoreError('passphrase-too-short');
  const key = await requireDataKey();
  const database = await db();
  const secret = await hmacSecret();
  const clients = await database.getAll('clients');
  const decisions = await database.getAll('decisions');
  const observations = await database.getAll('observations');
  const auditItems = await database.getAll('auditItems');
  const auditHistory = await database.getAll('auditHistory');
  const settingsKey = STORAGE_ITEMS.userSettings.key;
  const storedSettings = (await browser.storage.local.get(settingsKey))[settingsKey] as
    { values?: Record<string, unknown> } | undefined;
  const openSafe = async (sealed: ClientRecord['sealedLabel']) =>
    sealed ? open(key, sealed) : null;
  const data: BackupData = {
    version: BACKUP_VERSION,
    hmacSecret: secret,
    clients: await Promise.all(
      clients.map(async (c) => ({
        id: c.id,
        keyHashes: c.keyHashes,
        profileKeys: await Promise.all(c.sealedKeys.map(openSafe)),
        label: (await openSafe(c.sealedLabel)) ?? '',
        note: (await openSafe(c.sealedNote)) ?? '',
        dischargedOn: c.dischargedOn,
        addedAt: c.addedAt,
      })),
    ),
    decisions: await Promise.all(
      decisions.map(async (d) => ({
        keyHash: d.keyHash,
        profileKey: await openSafe(d.sealedKey),
        decidedAt: d.decidedAt,
      })),
    ),
    observations: await Promise.all(
      observations.map(async ({ sealedPostUrl, sealedNote, ...o }) => ({
        ...o,
        postUrl: await openSafe(sealedPostUrl),
        note: await openSafe(sealedNote),
      })),
    ),
    settings: storedSettings?.values ?? {},
    audit: { items: auditItems, history: auditHistory },
  };
  const salt = randomBytes(SALT_BYTES);
  const fileKey = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const sealed = await sealBytes(fileKey, new TextEncoder().encode(JSON.stringify(data)));
  const file: v.InferOutput<typeof OuterSchema> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: sealed.iv },
    data: sealed.data,
  };
  return {
    fileName: `clearline-backup-${now.toISOString().slice(0, 10)}.json`,
    contents: JSON.stringify(file, null, 2),
  };
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
  const { kdf, cipher, data } = outer.output;
  let plain: string;
  try {
    const fileKey = await deriveKey(passphrase, fromBase64(kdf.salt), kdf.iterations);
    plain = await open(fileKey, { iv: cipher.iv, data });
  } catch {
    // GCM cannot tell a wrong passphrase from a changed file; a wrong passphrase is far likelier.
    throw new StoreError('backup-wrong-passphrase');
  }
  let innerRaw: unknown;
  try {
    innerRaw = parseJsonStrictly(plain);
  } catch {
    throw new StoreError('backup-corrupt');
  }
  if ((readVersion(innerRaw) ?? 0) > BACKUP_VERSION) throw new StoreError('backup-newer-version');
  const inner = v.safeParse(InnerSchema, innerRaw);
  if (!inner.success) throw new StoreError('backup-corrupt');
  const backup = inner.output;
  // One person per key and per id, one display key per hash, a usable secret.
  const hashes = backup.clients.flatMap((c) => c.keyHashes);
  const ids = backup.clients.map((c) => c.id);
  const consistent =
    new Set(hashes).size === hashes.length &&
    new Set(ids).size === ids.length &&
    backup.clients.every((c) => c.profileKeys.length === c.keyHashes.length) &&
    fromBase64(backup.hmacSecret).length === 32;
  if (!consistent) throw new StoreError('backup-corrupt');
  return backup;
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
  await withUserSettingsLock(() =>
    browser.storage.local.set({
      [STORAGE_ITEMS.userSettings.key]: { version: USER_SETTINGS_VERSION, values: backup.settings },
    }),
  );
  return { clients: clients.length, decisions: decisions.length };
}
