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
import type { Sealed } from '../crypto';

export const DB_NAME = 'clearline';
export const DB_VERSION = 4;

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

export interface MetaRecord {
  name: 'hmacSecret';
  /** base64 */
  value: string;
}

/** One privacy-audit item: what a settings page last showed, and the coach's own confirmation. */
export interface AuditItemRecord {
  itemId: string;
  platform: 'facebook' | 'instagram';
  page: { result: 'pass' | 'fail' | 'unknown'; observed: string; at: number } | null;
  confirmedAt: number | null;
}

/** The scores after a change, for the audit's history. */
export interface AuditHistoryRecord {
  at: number;
  scores: import('../audit/types').AuditScore[];
}

export interface ClearlineDB extends DBSchema {
  clients: { key: string; value: ClientRecord; indexes: { keyHashes: string } };
  decisions: { key: string; value: DecisionRecord };
  meta: { key: string; value: MetaRecord };
  auditItems: { key: string; value: AuditItemRecord };
  auditHistory: { key: number; value: AuditHistoryRecord };
  observations: { key: string; value: ObservationRecord };
}

/** An observed client post, tracked until it is discussed and shared. Free text sealed. */
export interface ObservationRecord {
  id: string;
  createdAt: number;
  platform: 'facebook' | 'instagram';
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

/** Each step takes a database from version n - 1 to n, in the upgrade transaction. */
export const MIGRATIONS: Record<
  number,
  (db: IDBPDatabase<ClearlineDB>, tx: UpgradeTx) => Promise<void> | void
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
};

export interface OpenHooks {
  /** An older connection (another Clearline page) keeps the upgrade from running. */
  onBlocked(detail: string): void;
  /** A newer version wants to upgrade: we let go so it can. */
  onBlocking(): void;
}

export function openClearlineDB(
  hooks: OpenHooks,
  version = DB_VERSION,
): Promise<IDBPDatabase<ClearlineDB>> {
  return openDB<ClearlineDB>(DB_NAME, version, {
    async upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step += 1) {
        const migrate = MIGRATIONS[step];
        if (!migrate) throw new Error(`no migration to database version ${step}`);
        await migrate(db, tx);
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
}
