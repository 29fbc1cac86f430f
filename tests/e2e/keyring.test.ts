// The keyring in a real browser: clients added with no passphrase, then a
// passphrase set from the options page as a coach would. The data key must
// change, everything must be re-sealed under the new one, no current data key
// may be at rest unwrapped in any file of the profile, and storage.local (which
// content scripts can read) must hold no keyring at all.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import {
  addClient,
  clientRows,
  eraseAll,
  lockNow,
  setPassphrase,
  unlock,
  waitForLock,
} from './options-page';

const profileDir = mkdtempSync(join(tmpdir(), 'clearline-keyring-profile-'));
let clearline: Clearline;
const PASS = 'green ladder evening';

interface Sealed {
  iv: string;
  data: string;
}

beforeAll(async () => {
  clearline = await startClearline({ userDataDir: profileDir });
});
afterAll(async () => {
  await clearline?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

async function options(): Promise<Page> {
  const page = await clearline.openExtensionPage('options.html');
  await page.waitForSelector('form[data-testid="add-client"]');
  return page;
}

/**
 * The keyring and every sealed text, read from an extension page: it shares the
 * background's origin, so it can open the extension's IndexedDB (a content
 * script, on facebook.com's origin, cannot).
 */
function readDatabase(page: Page) {
  return page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('clearline');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = (name: string) =>
      new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
    const keyring = (await all('keyring')) as { name: string; value: Record<string, unknown> }[];
    const clients = (await all('clients')) as Record<string, unknown>[];
    const decisions = (await all('decisions')) as Record<string, unknown>[];
    const observations = (await all('observations')) as Record<string, unknown>[];
    database.close();
    const sealed: unknown[] = [];
    for (const c of clients)
      sealed.push(...(c.sealedKeys as unknown[]), c.sealedLabel, c.sealedNote);
    for (const d of decisions) sealed.push(d.sealedKey);
    for (const o of observations) sealed.push(o.sealedPostUrl, o.sealedNote);
    return {
      keyring: keyring.find((r) => r.name === 'dataKey')?.value ?? null,
      sealed: sealed.filter((s) => s !== null),
    };
  });
}

async function opens(rawKey: Buffer, sealed: Sealed): Promise<boolean> {
  const bytes = (b: Buffer) => new Uint8Array(b);
  const key = await crypto.subtle.importKey('raw', bytes(rawKey), 'AES-GCM', false, ['decrypt']);
  return crypto.subtle
    .decrypt(
      { name: 'AES-GCM', iv: bytes(Buffer.from(sealed.iv, 'base64')) },
      key,
      bytes(Buffer.from(sealed.data, 'base64')),
    )
    .then(
      () => true,
      () => false,
    );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Every file of the profile that holds the key, as base64 text or as its raw 32 bytes. */
function filesHolding(rawKey: Buffer): string[] {
  const needles = [Buffer.from(rawKey.toString('base64')), rawKey];
  return filesUnder(profileDir)
    .filter((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return false; // a socket or lock file
      }
      return needles.some((n) => bytes.includes(n));
    })
    .map((file) => file.slice(profileDir.length));
}

describe('keyring', () => {
  let oldKey: Buffer;
  let newKey: Buffer;
  let sealedAfter: Sealed[];

  it('without a passphrase: an open key, in the extension database, not in storage.local', async () => {
    const page = await options();
    await addClient(page, {
      url: 'facebook.com/alex.rivera.demo',
      label: 'A.R.',
      note: 'Prefers texts after 10am',
    });
    await addClient(page, { url: 'instagram.com/maria.lopez.demo', label: 'M.L.', note: 'Court' });
    const { keyring, sealed } = await readDatabase(page);
    expect(keyring).toMatchObject({ kind: 'open' });
    oldKey = Buffer.from(keyring!.dataKey as string, 'base64');
    expect(oldKey).toHaveLength(32);
    for (const s of sealed) expect(await opens(oldKey, s as Sealed)).toBe(true);
    // What a content script could read: storage.local (same API, same area).
    const local = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local)).not.toContain('keyring');
    expect(JSON.stringify(local)).not.toContain(oldKey.toString('base64'));
    await page.close();
  });

  it('setting a passphrase makes a new key and re-seals every record under it', async () => {
    const page = await options();
    await setPassphrase(page, PASS);
    // While unlocked, the new raw key is in storage.session (memory) only.
    newKey = Buffer.from(
      await page.evaluate(async () => {
        const { unlockedDataKey } = await chrome.storage.session.get('unlockedDataKey');
        return unlockedDataKey as string;
      }),
      'base64',
    );
    expect(newKey).toHaveLength(32);
    expect(newKey.equals(oldKey)).toBe(false);
    // The options page says what the open period before it means.
    const note = await page.waitForSelector('[data-testid="passphrase-open-before"]');
    expect(await note!.evaluate((el) => el.textContent)).toContain('Erase all Clearline data');
    await lockNow(page);

    const { keyring, sealed } = await readDatabase(page);
    expect(keyring).toMatchObject({ kind: 'wrapped', openBefore: true });
    expect(JSON.stringify(keyring)).not.toContain(newKey.toString('base64'));
    sealedAfter = sealed as Sealed[];
    expect(sealedAfter.length).toBe(6);
    for (const s of sealedAfter) {
      expect(await opens(oldKey, s)).toBe(false);
      expect(await opens(newKey, s)).toBe(true);
    }
    const local = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local)).not.toContain('keyring');
    expect(JSON.stringify(local)).not.toContain(newKey.toString('base64'));
  });

  it('after a restart: no file of the profile holds the new key; the list opens with the passphrase', async () => {
    await clearline.close();
    const withNewKey = filesHolding(newKey);
    const withOldKey = filesHolding(oldKey);
    // Reported, not asserted: Chromium's IndexedDB may keep the replaced open key
    // in its LevelDB files (see docs/data-protection.md). It opens nothing current.
    console.log(`profile files holding the old (replaced) data key: ${JSON.stringify(withOldKey)}`);
    expect(withNewKey).toEqual([]);

    clearline = await startClearline({ userDataDir: profileDir });
    const page = await options();
    await waitForLock(page, true);
    await unlock(page, PASS);
    await waitForLock(page, false);
    await page.waitForFunction(
      () => document.querySelectorAll('li[data-testid="client"]').length === 2,
    );
    const rows = await clientRows(page);
    expect(rows[0]).toContain('A.R.');
    expect(rows[0]).toContain('Prefers texts after 10am');
    expect(rows[1]).toContain('M.L.');
    // Nothing was re-sealed behind our back: the records are the ones checked above.
    const { sealed } = await readDatabase(page);
    expect(sealed).toEqual(sealedAfter);
  });

  it('"Erase all", then a restart: reports which files still hold the old key', async () => {
    const page = await options();
    await eraseAll(page);
    await clearline.close();
    // Reported, not asserted: whether the browser's files let go of a removed value
    // is up to its LevelDB compaction, not to Clearline (docs/data-protection.md).
    console.log(
      `after "Erase all", files holding the old key: ${JSON.stringify(filesHolding(oldKey))}`,
    );
    expect(filesHolding(newKey)).toEqual([]);
    clearline = await startClearline({ userDataDir: profileDir });
  });
});
