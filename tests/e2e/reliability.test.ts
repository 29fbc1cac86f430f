// Heavy use in a real browser: storage.local full to its quota, two options tabs
// changing things at once, and a 4,000-client backup with notes at full length
// going out through the options page and back in.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { fillLocalStorage, startClearline, type Clearline } from './clearline';
import { catchDownloads } from './downloads';
import {
  clientEditAlert,
  clientRows,
  eraseAll,
  exportBackup,
  importBackup,
  saveClientEdit,
  showSettingsPage,
  startClientEdit,
  storedClients,
} from './options-page';
import { choose, pageSaw, waitForPrompt, waitForPromptGone } from './prompt-page';
import { BACKUP_MAX_BYTES, NOTE_MAX_LENGTH } from '../../lib/store/types';

let clearline: Clearline;
const downloads = mkdtempSync(join(tmpdir(), 'clearline-reliability-'));
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function options(): Promise<Page> {
  const page = await clearline.openExtensionPage('options.html');
  await page.waitForSelector('form[data-testid="add-client"]');
  await page.waitForSelector('[data-testid="lock-state"][data-locked]');
  return page;
}

/** Submits the add form and waits for its outcome: the new row, or an alert. */
async function addClientAndWait(page: Page, url: string, label: string) {
  const before = (await clientRows(page)).length;
  await page.bringToFront();
  await page.type('form[data-testid="add-client"] input[name="profileUrl"]', url);
  await page.type('form[data-testid="add-client"] input[name="label"]', label);
  await page.click('form[data-testid="add-client"] button[type="submit"]');
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('li[data-testid="client"]').length > n ||
      document.querySelector('form[data-testid="add-client"] [role="alert"]'),
    { timeout: 15_000, polling: 100 },
    before,
  );
  return {
    rows: (await clientRows(page)).length - before,
    alert: await page.$eval(
      'form[data-testid="add-client"]',
      (form) => form.querySelector('[role="alert"]')?.textContent ?? null,
    ),
  };
}

describe('storage.local full to its quota', () => {
  let filler: string[] = [];
  let optionsPage: Page;
  beforeAll(async () => {
    optionsPage = await options();
    filler = await fillLocalStorage(optionsPage);
    // Really full: not even a counter's few bytes fit any more.
    await expect(
      optionsPage.evaluate(() => chrome.storage.local.set({ probe: 'a few bytes' })),
    ).rejects.toThrow(/quota/i);
  }, 120_000);
  afterAll(async () => {
    await optionsPage.evaluate((keys: string[]) => chrome.storage.local.remove(keys), filler);
    await optionsPage.close();
  });

  it('Cancel and Escape still close the boundary prompt, and the tab is not blocked', async () => {
    const page = await clearline.openSite('https://www.facebook.com/alex.rivera.demo');
    const addFriend = '[role="main"] [aria-label="Add friend"]';

    await page.click(addFriend);
    await choose(await waitForPrompt(page), 'Cancel');
    await waitForPromptGone(page);
    expect(await pageSaw(page)).toBe(0);

    await page.click(addFriend);
    const frame = await waitForPrompt(page);
    await frame.waitForFunction(() => document.hasFocus());
    await page.keyboard.press('Escape');
    await waitForPromptGone(page);
    expect(await pageSaw(page)).toBe(0);

    // Not blocked: the next click asks again, and Continue reaches the page once.
    await page.click(addFriend);
    await choose(await waitForPrompt(page), 'Continue');
    await waitForPromptGone(page);
    await page.waitForFunction(
      () => (window as unknown as { __pageSaw: { clicks: unknown[] } }).__pageSaw.clicks.length > 0,
    );
    expect(await pageSaw(page)).toBe(1);
    await page.close();
  });

  it('adding a client says it is added, and it is', async () => {
    const result = await addClientAndWait(
      optionsPage,
      'https://www.facebook.com/jordan.full.demo',
      'J.F.',
    );
    expect(result).toEqual({ rows: 1, alert: null });
    expect((await storedClients(optionsPage)).map((c) => c.label)).toContain('J.F.');
  });
});

describe('two options tabs at once', () => {
  it('two settings changed at the same moment in two tabs both land', async () => {
    const [a, b] = [await options(), await options()];
    await showSettingsPage(a, 'prompts');
    await showSettingsPage(b, 'prompts');
    await a.waitForSelector('select[name="promptMode.friend"]');
    await b.waitForSelector('select[name="clientTerm"]');
    const stored = () =>
      a.evaluate(async () => {
        const s = (await chrome.storage.local.get('userSettings')).userSettings as
          { values?: Record<string, unknown> } | undefined;
        return s?.values ?? {};
      });
    // Several rounds: each pair is fired together, one in each tab.
    const rounds: [string, string][] = [
      ['reason', 'participant'],
      ['block-clients', 'recoveree'],
      ['remind', 'client'],
      ['reason', 'participant'],
    ];
    for (const [mode, term] of rounds) {
      await Promise.all([
        a.select('select[name="promptMode.friend"]', mode),
        b.select('select[name="clientTerm"]', term),
      ]);
      await expect
        .poll(async () => {
          const values = await stored();
          return [
            (values.promptMode as { friend?: string } | undefined)?.friend,
            values.clientTerm,
          ];
        })
        .toEqual([mode, term]);
    }
    await a.close();
    await b.close();
  });

  it('a label edited in one tab and a note in the other both land; a stale edit is refused', async () => {
    const a = await options();
    await addClientAndWait(a, 'https://www.facebook.com/two.tabs.demo', 'T.T.');
    const b = await options();
    const index = (await clientRows(b)).findIndex((row) => row.includes('T.T.'));
    expect(index).toBeGreaterThanOrEqual(0);

    // Both forms open on the same view of the client, then saved at the same moment.
    await startClientEdit(a, index, { label: 'Taylor T.' });
    await startClientEdit(b, index, { note: 'Prefers mornings' });
    await Promise.all([saveClientEdit(a, index), saveClientEdit(b, index)]);
    const find = async () => (await storedClients(a)).find((c) => c.label?.startsWith('T'));
    await expect
      .poll(async () => [(await find())?.label, (await find())?.note])
      .toEqual(['Taylor T.', 'Prefers mornings']);

    // Now both edit the label: the one saved second, from a view older than the first's save, is refused.
    for (const tab of [a, b]) {
      await tab.reload({ waitUntil: 'load' });
      await tab.waitForFunction(() => document.body.innerText.includes('Taylor T.'), {
        polling: 100, // not animation frames: one of the two tabs is in the background
      });
    }
    await startClientEdit(a, index, { label: 'T. Tee' });
    await startClientEdit(b, index, { label: 'Taylor Tee' });
    await saveClientEdit(a, index);
    await expect.poll(async () => (await find())?.label).toBe('T. Tee');
    await saveClientEdit(b, index);
    expect(await clientEditAlert(b, index)).toMatch(/changed in another tab.*Reload/);
    expect((await find())?.label).toBe('T. Tee');
    await a.close();
    await b.close();
  });
});

/** A backup file as Clearline 1 wrote it (plain JSON inside), to set a big list up at once. */
async function craftBackup(inner: unknown, passphrase: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    key,
    new TextEncoder().encode(JSON.stringify(inner)),
  );
  const b64 = (bytes: ArrayBuffer | Uint8Array) =>
    Buffer.from(bytes as ArrayBuffer).toString('base64');
  return JSON.stringify({
    format: 'clearline-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000, salt: b64(salt) },
    cipher: { name: 'AES-GCM', iv: b64(iv) },
    data: b64(data),
  });
}

describe('a 4,000-client backup', () => {
  it('goes out through the options page and back in, with every client intact', async () => {
    const PASS = 'four thousand notes';
    // Notes at their full length, of random letters: about as hard to pack as notes get.
    const letters = (n: number) =>
      Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) =>
        String.fromCharCode(97 + (b % 26)),
      ).join('');
    const hash = () =>
      Buffer.from(crypto.getRandomValues(new Uint8Array(32)))
        .toString('base64url')
        .slice(0, 43);
    const seed = join(downloads, 'seed.json');
    writeFileSync(
      seed,
      await craftBackup(
        {
          version: 1,
          hmacSecret: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
          clients: Array.from({ length: 4000 }, (_, i) => ({
            id: `client-${i}`,
            keyHashes: [hash()],
            profileKeys: [`fb:client.${i}`],
            label: `Client ${i}`,
            note: letters(NOTE_MAX_LENGTH),
            dischargedOn: null,
            addedAt: 1_700_000_000_000 + i,
          })),
          decisions: [],
        },
        PASS,
      ),
    );
    const page = await options();
    await importBackup(page, seed, PASS);
    await page.waitForSelector('[data-testid="import-status"]:not(:empty)', { timeout: 120_000 });
    const before = await storedClients(page);
    expect(before).toHaveLength(4000);

    const caught = await catchDownloads(clearline.browser, downloads);
    const started = Date.now();
    await exportBackup(page, PASS);
    await page.waitForSelector('[data-testid="export-status"]:not(:empty)', { timeout: 120_000 });
    console.log(`export of 4,000 clients: ${Date.now() - started} ms`);
    const [download] = await caught.finished(1, 60_000);
    await caught.stop();
    expect(download!.name).toMatch(/^clearline-backup.*\.json$/);
    const exported = download!.path;
    const contents = readFileSync(exported, 'utf8');
    expect(contents.length).toBeLessThanOrEqual(BACKUP_MAX_BYTES);
    expect(JSON.parse(contents)).toMatchObject({ format: 'clearline-backup', version: 2 });

    await eraseAll(page);
    expect(await storedClients(page)).toEqual([]);
    await importBackup(page, exported, PASS);
    await page.waitForSelector('[data-testid="import-status"]:not(:empty)', { timeout: 120_000 });
    expect(await page.$('[data-testid="import-error"]')).toBeNull();
    expect(await storedClients(page)).toEqual(before);
    await page.close();
  }, 300_000);
});
