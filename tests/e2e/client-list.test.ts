// The client list in a real browser: add clients from the options page, lock,
// restart the browser, unlock; export, erase, import; and through all of it,
// not one network request from any Clearline context.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { catchDownloads } from './downloads';
import {
  addClient,
  clientRows,
  eraseAll,
  exportBackup,
  importBackup,
  lockNow,
  lockState,
  setPassphrase,
  showSettingsPage,
  unlock,
  waitForLock,
} from './options-page';

const profileDir = mkdtempSync(join(tmpdir(), 'clearline-kept-profile-'));
const downloads = mkdtempSync(join(tmpdir(), 'clearline-downloads-'));
let clearline: Clearline;
/** Requests seen by every browser session of this file; all must be empty. */
const allRequests: string[] = [];
const watched = new Set<string>();

async function restart() {
  await clearline.close();
  allRequests.push(...clearline.network.requests);
  clearline.network.watched.forEach((w) => watched.add(w));
  clearline = await startClearline({ userDataDir: profileDir });
}

async function options(): Promise<Page> {
  const page = await clearline.openExtensionPage('options.html');
  await page.waitForSelector('form[data-testid="add-client"]');
  return page;
}

beforeAll(async () => {
  clearline = await startClearline({ userDataDir: profileDir });
});
afterAll(async () => {
  await clearline?.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

const PASS = 'blue kettle morning';

describe('client list', () => {
  it('adds clients from the options page; markup in a label stays text', async () => {
    const page = await options();
    await addClient(page, {
      url: 'facebook.com/alex.rivera.demo',
      label: 'A.R.',
      note: 'Prefers texts after 10am',
    });
    await addClient(page, {
      url: 'https://www.instagram.com/maria.lopez.demo/',
      label: '<img src=x onerror="window.pwned=1">',
    });
    const rows = await clientRows(page);
    expect(rows[0]).toContain('A.R.');
    expect(rows[0]).toContain('https://www.facebook.com/alex.rivera.demo');
    expect(rows[0]).toContain('Prefers texts after 10am');
    expect(rows[1]).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.$('li[data-testid="client"] img')).toBeNull();
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

    // A bad address is explained and adds nothing.
    await page.$eval(
      'form[data-testid="add-client"] input[name="profileUrl"]',
      (el) => ((el as HTMLInputElement).value = ''),
    );
    await page.type(
      'form[data-testid="add-client"] input[name="profileUrl"]',
      'https://www.facebook.com/groups/recovery',
    );
    await page.click('form[data-testid="add-client"] button[type="submit"]');
    const error = await page.waitForSelector('[data-testid="add-client-error"]');
    expect(await error!.evaluate((e) => (e as HTMLElement).innerText)).toMatch(/profile/i);
    expect(await clientRows(page)).toHaveLength(2);
    await page.close();
  });

  it('sets a passphrase and locks: labels show as locked', async () => {
    const page = await options();
    expect(await lockState(page)).toEqual({ locked: false, hasPassphrase: false });
    await setPassphrase(page, PASS);
    await lockNow(page);
    await page.waitForFunction(() => !document.body.innerText.includes('A.R.'));
    const rows = await clientRows(page);
    expect(rows).toHaveLength(2);
    expect(rows.join(' ')).not.toContain('alex.rivera');
    await page.close();
  });

  it('stays locked across a browser restart; a wrong passphrase is refused; the popup unlocks', async () => {
    const page = await options();
    await setPassphrase(page, PASS).catch(() => undefined); // already set: the form now asks to change it
    await page.close();
    await restart();

    const popup = await clearline.openExtensionPage('popup.html');
    expect(await lockState(popup)).toEqual({ locked: true, hasPassphrase: true });
    await unlock(popup, 'not the passphrase');
    await popup.waitForSelector('[data-testid="lock-error"]', { timeout: 20_000 });
    expect((await lockState(popup)).locked).toBe(true);
    await unlock(popup, PASS);
    await waitForLock(popup, false);
    await popup.close();

    const page2 = await options();
    await page2.waitForFunction(() => document.body.innerText.includes('A.R.'), {
      timeout: 15_000,
    });
    expect((await clientRows(page2))[0]).toContain('https://www.facebook.com/alex.rivera.demo');
    await page2.close();
  });

  it('locks itself when the idle alarm fires', async () => {
    const page = await options();
    expect((await lockState(page)).locked).toBe(false);
    // The idle lock is an alarm set to the idle setting; fire it now instead of waiting minutes.
    await page.evaluate(() => chrome.alarms.create('idle-lock', { when: Date.now() + 100 }));
    // The open page notices by itself and stops showing the labels.
    await waitForLock(page, true);
    await page.waitForFunction(() => !document.body.innerText.includes('A.R.'));
    await unlock(page, PASS);
    await waitForLock(page, false);
    await page.close();
  });

  it('exports, erases everything, imports: the same clients come back', async () => {
    const page = await options();
    await page.waitForFunction(() => document.body.innerText.includes('A.R.'), { timeout: 15_000 });
    const before = await clientRows(page);
    const caught = await catchDownloads(clearline.browser, downloads);
    await exportBackup(page, 'backup passphrase 1');
    const [download] = await caught.finished(1);
    await caught.stop();
    expect(download!.name).toMatch(/\.json$/);
    const file = download!.path;
    const contents = readFileSync(file, 'utf8');
    expect(contents).not.toMatch(/alex|A\.R\.|Prefers/);

    await eraseAll(page);
    expect(await clientRows(page)).toEqual([]);
    expect(await lockState(page)).toEqual({ locked: false, hasPassphrase: false });

    // A wrong passphrase and a damaged file are explained and change nothing.
    await importBackup(page, file, 'wrong passphrase 2');
    await page.waitForSelector('[data-testid="import-error"]', { timeout: 20_000 });
    const damaged = join(downloads, 'damaged.json');
    writeFileSync(damaged, contents.slice(0, contents.length / 2));
    await importBackup(page, damaged, 'backup passphrase 1');
    await page.waitForFunction(
      () =>
        (
          document.querySelector('[data-testid="import-error"]') as HTMLElement | null
        )?.innerText.match(/damaged|corrupt|read/i),
      { timeout: 20_000 },
    );
    expect(await clientRows(page)).toEqual([]);

    await importBackup(page, file, 'backup passphrase 1');
    await page.waitForSelector('[data-testid="import-status"]:not(:empty)', { timeout: 20_000 });
    await showSettingsPage(page, 'clients');
    await page.waitForFunction(
      (n) => document.querySelectorAll('li[data-testid="client"]').length === n,
      { timeout: 15_000 },
      before.length,
    );
    expect(await clientRows(page)).toEqual(before);
    await page.close();
  });

  it('no Clearline context made a single network request in the whole session', async () => {
    await restart(); // folds the current session's record into allRequests
    allRequests.push(...clearline.network.requests);
    expect(allRequests).toEqual([]);
    // The watch really watched: the service worker and the pages used above.
    const contexts = [...watched].join('\n');
    expect(contexts).toContain('service_worker');
    expect(contexts).toContain('options.html');
    expect(contexts).toContain('popup.html');
  });
});
