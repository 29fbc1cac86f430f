// A fresh, empty world for each store test: a new in-memory IndexedDB, an empty
// fake browser, and no cached connection.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closeConnection } from '../../../lib/db/connection';
import { DB_NAME } from '../../../lib/db/schema';

export function freshWorld(): void {
  closeConnection();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
}

/** Everything Clearline has stored, as text: every IndexedDB store and both storage areas. */
export async function rawDump(): Promise<string> {
  const dump: Record<string, unknown> = {};
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const database = request.result;
      const names = [...database.objectStoreNames];
      if (names.length === 0) {
        database.close();
        return resolve();
      }
      const tx = database.transaction(names, 'readonly');
      for (const name of names) {
        const all = tx.objectStore(name).getAll();
        all.onsuccess = () => (dump[name] = all.result);
      }
      tx.oncomplete = () => {
        database.close();
        resolve();
      };
    };
  });
  dump.local = await fakeBrowser.storage.local.get(null);
  dump.session = await fakeBrowser.storage.session.get(null);
  return JSON.stringify(dump);
}

/** A data key's raw bytes, to compare keys: the extension itself never reads them back. */
export async function exportRawKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}
