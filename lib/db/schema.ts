// The IndexedDB schema, owned by the background alone (a content script's
// IndexedDB would belong to facebook.com). Versions migrate step by step; each
// step is kept forever so any older database reaches the current shape.
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { randomBytes, randomToken, toBase64, type Sealed } from '../crypto';
import { STORAGE_ITEMS } from '../storage-items';
import type { SiteId } from '../sites/registry';
import type { AuditScore } from '../audit/types';

/** A new record's id: 96 random bits, URL-safe. */
export function newId(): string {
  return randomToken(12);
}

export const DB_NAME = 'clearline';
export const DB_VERSION = 5;

/** A client: identified only by keyed hashes; every free text sealed. */
export interface ClientRecord {
  id: string;
  /** HMAC-SHA-256 of each normalized profile key this person has shown. */
  keyHashes: string[];
  /** The profile keys themselves, sealed, for display; null for a key learned while locked. */
  sealedKeys: (Sealed | null)[];
  sealedLabel: Sealed | null;
  sealedNote: Sealed | null;
  /** YYYY-MM-DD; plain because matching must work while locked, and a date names no one. */
  dischargedOn: string | null;
  addedAt: number;
}

/** A "not a client" answer. */
export interface DecisionRecord {
  keyHash: string;
  sealedKey: Sealed | null;
  decidedAt: number;
}

/**
 * The keyring store (lib/keyring/keyring.ts): the data key, wrapped when there is a
 * passphrase, and the re-sealed prompt reasons a key change still has to write to
 * storage.local. Here, not in storage.local, because a content script can read
 * storage.local but never the extension's own IndexedDB.
 */
export type KeyringStoreRecord =
  | { name: 'dataKey'; value: unknown }
  | { name: 'reasonSwaps'; value: { from: Sealed; to: Sealed }[] };

export interface MetaRecord {
  name: 'hmacSecret';
  /** base64 */
  value: string;
}

/** One privacy-audit item: what a settings page last showed, and the coach's own confirmation. */
export interface AuditItemRecord {
  itemId: string;
  platform: SiteId;
  page: { result: 'pass' | 'fail' | 'unknown'; observed: string; at: number } | null;
  confirmedAt: number | null;
}

/** The scores after a change, for the audit's history. */
export interface AuditHistoryRecord {
  at: number;
  scores: AuditScore[];
  /** Items whose confirmation by hand a reading of the settings page replaced. */
  replacedConfirmations?: string[];
}

export interface ClearlineDB extends DBSchema {
  clients: { key: string; value: ClientRecord; indexes: { keyHashes: string } };
  decisions: { key: string; value: DecisionRecord };
  meta: { key: string; value: MetaRecord };
  auditItems: { key: string; value: AuditItemRecord };
  auditHistory: { key: number; value: AuditHistoryRecord };
  observations: { key: string; value: ObservationRecord };
  keyring: { key: KeyringStoreRecord['name']; value: KeyringStoreRecord };
}

/** An observed client post, tracked until it is discussed and shared. Free text sealed. */
export interface ObservationRecord {
  id: string;
  createdAt: number;
  platform: SiteId;
  /** The client, by keyed hash only; null when the post's author was not known. */
  clientKeyHash: string | null;
  sealedPostUrl: Sealed | null;
  sealedNote: Sealed | null;
  status: 'to-discuss' | 'discussed' | 'shared' | 'no-action';
  discussedAt: number | null;
  sharedAt: number | null;
  /** When it stopped needing anything (shared or no action): the retention clock starts here. */
  closedAt: number | null;
  urgent: boolean;
}

/** Version 1 kept one profile key per client; kept here for its migration. */
export interface ClientRecordV1 {
  id: string;
  keyHash: string;
  sealedKey: Sealed | null;
  sealedLabel: Sealed | null;
  sealedNote: Sealed | null;
  dischargedOn: string | null;
  addedAt: number;
}

type UpgradeTx = IDBPTransaction<ClearlineDB, StoreNames<ClearlineDB>[], 'versionchange'>;

/** What a step may need from outside the database, read before the upgrade starts. */
export interface MigrationContext {
  /** The keyring as version 4 and older kept it, in storage.local (undefined if none). */
  legacyKeyring: unknown;
}

/** Each step takes a database from version n - 1 to n, in the upgrade transaction. */
export const MIGRATIONS: Record<
  number,
  (db: IDBPDatabase<ClearlineDB>, tx: UpgradeTx, context: MigrationContext) => Promise<void> | void
> = {
  1: (db) => {
    // Untyped on purpose: this is the version-1 shape.
    const raw = db as unknown as IDBPDatabase;
    raw
      .createObjectStore('clients', { keyPath: 'id' })
      .createIndex('keyHash', 'keyHash', { unique: true });
    raw.createObjectStore('decisions', { keyPath: 'keyHash' });
    raw.createObjectStore('meta', { keyPath: 'name' });
  },
  2: async (_db, tx) => {
    // One person can show two keys (fb:jane.doe and fb:id:100...): a list of hashes.
    const clients = tx.objectStore('clients');
    const raw = clients as unknown as { deleteIndex(name: string): void };
    raw.deleteIndex('keyHash');
    clients.createIndex('keyHashes', 'keyHashes', { unique: true, multiEntry: true });
    let cursor = await clients.openCursor();
    while (cursor) {
      const old = cursor.value as unknown as ClientRecordV1;
      const next: ClientRecord = {
        id: old.id,
        keyHashes: [old.keyHash],
        sealedKeys: [old.sealedKey],
        sealedLabel: old.sealedLabel,
        sealedNote: old.sealedNote,
        dischargedOn: old.dischargedOn,
        addedAt: old.addedAt,
      };
      await cursor.update(next);
      cursor = await cursor.continue();
    }
  },
  3: (db) => {
    // The privacy self-audit: settings results and their history (no client data).
    db.createObjectStore('auditItems', { keyPath: 'itemId' });
    db.createObjectStore('auditHistory', { autoIncrement: true });
  },
  4: (db) => {
    db.createObjectStore('observations', { keyPath: 'id' });
  },
  5: async (db, tx, { legacyKeyring }) => {
    // The keyring leaves storage.local, which content scripts can read. It is
    // copied as it was (keyring.ts reads both shapes); retireLegacyKeyring then
    // wipes the storage.local copy once this upgrade has committed.
    db.createObjectStore('keyring', { keyPath: 'name' });
    if (legacyKeyring !== undefined) {
      await tx.objectStore('keyring').put({ name: 'dataKey', value: legacyKeyring });
    }
  },
};

/** Random text of the same length, base64 where the original was: "same shape", no content. */
function scramble(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(value)) {
      const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
      return toBase64(randomBytes((value.length / 4) * 3 - padding));
    }
    return toBase64(randomBytes(value.length)).slice(0, value.length);
  }
  if (Array.isArray(value)) return value.map(scramble);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'kind' || k === 'version' ? v : scramble(v)]),
    );
  }
  return value;
}

/**
 * Chromium keeps storage.local in a LevelDB whose log still holds a removed
 * value, through restarts, until the log grows past its write buffer (4 MB) and
 * is compacted into a table. Writing and removing this much filler forces that:
 * in Chromium 156 the old key was then gone from every file of the profile.
 */
const FILLER_CHUNKS = 6;
const FILLER_CHUNK_CHARS = 1_000_000;

/**
 * Removes a storage.local keyring left by version 4 or older, once the database
 * holds it: overwritten first with random bytes of the same shape, then removed,
 * then pushed out of LevelDB's log by filler (see above).
 */
export async function retireLegacyKeyring(
  database: IDBPDatabase<ClearlineDB>,
  legacy: unknown,
): Promise<void> {
  // Never drop the only copy: the upgrade copied it, but check (add: a copy already there wins).
  if (!(await database.get('keyring', 'dataKey'))) {
    await database.add('keyring', { name: 'dataKey', value: legacy }).catch(() => undefined);
  }
  const { legacyKeyring, storageFiller } = STORAGE_ITEMS;
  await legacyKeyring.setValue(scramble(legacy));
  await legacyKeyring.removeValue();
  // Random, so that LevelDB's compression cannot shrink it below the write buffer.
  for (let i = 0; i < FILLER_CHUNKS; i += 1) {
    await storageFiller.setValue(scramble('A'.repeat(FILLER_CHUNK_CHARS)));
    await storageFiller.removeValue();
  }
}

export interface OpenHooks {
  /** An older connection (another Clearline page) keeps the upgrade from running. */
  onBlocked(detail: string): void;
  /** A newer version wants to upgrade: we let go so it can. */
  onBlocking(): void;
}

export async function openClearlineDB(
  hooks: OpenHooks,
  version = DB_VERSION,
): Promise<IDBPDatabase<ClearlineDB>> {
  // Read before the upgrade: awaiting anything but the database inside it would end it.
  const legacyKeyring = await STORAGE_ITEMS.legacyKeyring.getValue();
  const database = await openDB<ClearlineDB>(DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step += 1) {
        const migrate = MIGRATIONS[step];
        if (!migrate) throw new Error(`no migration to database version ${step}`);
        await migrate(db, tx, { legacyKeyring });
      }
    },
    blocked(currentVersion, blockedVersion) {
      hooks.onBlocked(
        `version ${currentVersion} is open elsewhere; version ${blockedVersion} waits`,
      );
    },
    blocking() {
      hooks.onBlocking();
    },
  });
  if (legacyKeyring !== undefined && database.objectStoreNames.contains('keyring')) {
    // The database holds the keyring now; a failure here (a full storage.local)
    // leaves the old copy for the next open to wipe, and must not close the list.
    await retireLegacyKeyring(database, legacyKeyring).catch(() => undefined);
  }
  return database;
}
