import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { seal, toBase64 } from '../../../lib/crypto';
import { listClients, markClient, verdict } from '../../../lib/store/client-list';
import { hashKey } from '../../../lib/keyring/sealing';
import { closeConnection } from '../../../lib/db/connection';
import { DB_VERSION, openClearlineDB, type ClientRecordV1 } from '../../../lib/db/schema';
import { dataKey } from '../../../lib/keyring/keyring';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { exportRawKey, freshWorld } from './setup';

beforeEach(freshWorld);

describe('database migrations', () => {
  it('version 1 data reaches the current version intact', async () => {
    // Make the HMAC secret and data key as version 1 would have, then close.
    const keyHash = await hashKey('fb:jane.doe.demo');
    const key = (await dataKey())!;
    closeConnection();
    const { IDBFactory } = await import('fake-indexeddb');
    const secretDump = await new Promise<unknown[]>((resolve) => {
      const r = indexedDB.open('clearline');
      r.onsuccess = () => {
        const all = r.result.transaction('meta').objectStore('meta').getAll();
        all.onsuccess = () => {
          r.result.close();
          resolve(all.result);
        };
      };
    });
    globalThis.indexedDB = new IDBFactory();
    // Before database version 5 the keyring lived in storage.local.
    await fakeBrowser.storage.local.set({
      [STORAGE_ITEMS.legacyKeyring.key]: {
        kind: 'open',
        version: 1,
        dataKey: toBase64(await exportRawKey(key)),
      },
    });

    const v1 = await openClearlineDB(
      { onBlocked: () => undefined, onBlocking: () => undefined },
      1,
    );
    expect(v1.version).toBe(1);
    const record: ClientRecordV1 = {
      id: 'client-1',
      keyHash,
      sealedKey: await seal(key, 'fb:jane.doe.demo'),
      sealedLabel: await seal(key, 'J.D.'),
      sealedNote: await seal(key, 'Prefers mornings'),
      dischargedOn: '2025-03-04',
      addedAt: 1_700_000_000_000,
    };
    const raw = v1 as unknown as { put(store: string, value: unknown): Promise<unknown> };
    await raw.put('clients', record);
    for (const meta of secretDump) await raw.put('meta', meta);
    v1.close();

    expect(DB_VERSION).toBeGreaterThan(1);
    expect((await listClients(3)).clients).toEqual([
      {
        id: 'client-1',
        profileKeys: ['fb:jane.doe.demo'],
        label: 'J.D.',
        note: 'Prefers mornings',
        dischargedOn: '2025-03-04',
        status: 'former',
        addedAt: 1_700_000_000_000,
      },
    ]);
    expect(await verdict(['fb:jane.doe.demo'], 3)).toBe('former-client');
    // The new shape works: a second key joins the same client.
    await markClient(['fb:jane.doe.demo', 'fb:id:100012345678901'], '');
    expect(await verdict(['fb:id:100012345678901'], 3)).toBe('former-client');
  });
});
