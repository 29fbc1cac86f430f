// requirePassphrase first run as a coach sees it: Chromium with the agency's
// policy file (requirePassphrase: true), a fresh profile, and Clearline's pages
// used as a coach would. The welcome page and the popup lead to one guided step
// on the options page; nothing says the list "never locks"; the coach types a
// passphrase and clicks; then the list is protected: it locks, unlocks, and the
// popup no longer asks. No key is written before the passphrase.
//
// Set FIRSTRUN_SHOTS=/some/dir to also save screenshots of the step (options page
// at 1280 and 380 px, popup; English and Spanish; light and dark).
//
// Needs root for the policy file (tests/e2e/policy-file.ts); removed afterwards.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import {
  addClient,
  clientRows,
  lockNow,
  showSettingsPage,
  storedClients,
  unlock,
  waitForLock,
} from './options-page';
import { isRoot, removePolicy, waitForManaged, warnIfNotRoot, writePolicy } from './policy-file';

warnIfNotRoot('the requirePassphrase first-run e2e tests');

const POLICY = { agencyName: 'Northside Recovery Services', requirePassphrase: true };
const PASS = 'blue kettle morning';
const SHOTS = process.env.FIRSTRUN_SHOTS;
// Every way of saying the list goes without a passphrase, in both languages.
const NEVER_LOCKS =
  /never locks|no longer locks|no passphrase|is optional|nunca se bloquea|ya no se bloquea|no tiene frase|es opcional/i;
const INTRO =
  'Your agency asks you to protect your client list with a passphrase: choose one to start.';

const profileDir = mkdtempSync(join(tmpdir(), 'clearline-firstrun-profile-'));
let clearline: Clearline;

const mainText = (page: Page) => page.$eval('main', (el) => (el as HTMLElement).innerText);

/** The keyring record in the extension's own database: null until one is written. */
const storedKeyring = (page: Page) =>
  page.evaluate(async () => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('clearline');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = database.transaction('keyring').objectStore('keyring').get('dataKey');
      request.onsuccess = () => resolve(request.result?.value ?? null);
      request.onerror = () => reject(request.error);
    });
    database.close();
    return value as { kind: string; openBefore?: boolean } | null;
  });

async function seriousProblems(page: Page): Promise<string[]> {
  const results = await new AxePuppeteer(page).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

async function setLanguage(locale: 'en' | 'es') {
  const options = await clearline.openExtensionPage('options.html#prompts');
  await options.waitForSelector('select[name="locale"]');
  await options.select('select[name="locale"]', locale === 'en' ? 'browser' : 'es');
  await options.waitForFunction((l) => document.documentElement.lang === l, {}, locale);
  await options.close();
}

async function openPopup(): Promise<{ popup: Page; site: Page }> {
  const site = await clearline.openSite('https://www.facebook.com/');
  const popup = await clearline.openPopupFor(site);
  await popup.bringToFront();
  return { popup, site };
}

/** Screenshots of the step as it first appears, when FIRSTRUN_SHOTS names a folder. */
async function shoot(locale: 'en' | 'es') {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const options = await clearline.openExtensionPage('options.html');
    await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await options.waitForSelector('[data-testid="first-step"][data-state="todo"]');
    await options.waitForSelector('[data-testid="lock-state"][data-passphrase-required="true"]');
    for (const width of [1280, 380]) {
      await options.setViewport({ width, height: 900 });
      await options.screenshot({ path: join(SHOTS, `options-${width}-${locale}-${scheme}.png`) });
    }
    // Further down, the list waits for the step and says so.
    const clients = await options.$('section[aria-labelledby="clients-heading"]');
    await clients!.screenshot({ path: join(SHOTS, `options-list-${locale}-${scheme}.png`) });
    await options.close();
    const { popup, site } = await openPopup();
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await popup.setViewport({ width: 352, height: 600 });
    await popup.waitForSelector('[data-testid="popup-first-step"]');
    await popup.waitForSelector('[data-testid="page-status"]:not([data-state="loading"])');
    await popup.screenshot({ path: join(SHOTS, `popup-${locale}-${scheme}.png`), fullPage: true });
    await Promise.all([popup.close(), site.close()]);
  }
}

describe.skipIf(!isRoot)('requirePassphrase first run as a coach sees it', () => {
  beforeAll(async () => {
    writePolicy(POLICY);
    clearline = await startClearline({ userDataDir: profileDir, keepWelcome: true });
  });
  afterAll(async () => {
    removePolicy();
    await clearline?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('the welcome page starts with the step; its button opens the step, ready to type', async () => {
    const target = await clearline.browser.waitForTarget(
      (t) => t.url() === `chrome-extension://${clearline.extensionId}/welcome.html`,
      { timeout: 20_000 },
    );
    const welcome = (await target.page()) as Page;
    await welcome.waitForSelector('[data-testid="welcome-first-step"]', { timeout: 30_000 });
    const text = await mainText(welcome);
    expect(text).toContain('First step: protect your list');
    expect(text).toContain(INTRO);
    expect(text).toContain('locked with the passphrase your agency asks you to choose');
    expect(text).not.toMatch(NEVER_LOCKS);
    expect(text).not.toContain('if you set one');
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await welcome.screenshot({ path: join(SHOTS, 'welcome-1280-en-light.png') });
    }

    await welcome.click('[data-testid="welcome-first-step-link"]');
    const opened = await clearline.browser.waitForTarget((t) =>
      t.url().endsWith('/options.html#first-step'),
    );
    const options = (await opened.page()) as Page;
    await options.bringToFront();
    await options.waitForSelector('[data-testid="first-step"][data-state="todo"]');
    await options.waitForFunction(
      () => document.activeElement?.getAttribute('name') === 'newPassphrase',
    );
    await Promise.all([options.close(), welcome.close()]);
  });

  it('the options page starts with the step; the list waits for it, and nothing says "never locks"', async () => {
    const options = await clearline.openExtensionPage('options.html');
    await waitForManaged(options, 'requirePassphrase', true);
    await options.waitForSelector('[data-testid="first-step"][data-state="todo"]');
    await options.waitForSelector('[data-testid="lock-state"][data-passphrase-required="true"]');
    // The first thing under the page's title and intro.
    expect(
      await options.$eval('main', (m) => m.querySelector(':scope > section, :scope > div')?.id),
    ).toBe('first-step');
    const step = await options.$eval('#first-step', (el) => (el as HTMLElement).innerText);
    expect(step).toContain('First step: protect your list');
    expect(step).toContain(INTRO);
    expect(step).toContain('New passphrase');
    expect(step).toContain('nobody can recover it');
    expect(await mainText(options)).not.toMatch(NEVER_LOCKS);
    // No client form that would only be refused, and no error in its place.
    expect(await options.$('form[data-testid="add-client"]')).toBeNull();
    expect(await options.$('[data-testid="clients-load-error"]')).toBeNull();
    expect(await options.$$('form[data-testid="passphrase-form"]')).toHaveLength(1);
    // Nothing was written under an open key, and there is no key at all yet.
    expect(await storedKeyring(options)).toBeNull();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await seriousProblems(options)).toEqual([]);
    }
    // "Choose a passphrase" in the client list brings the coach to the step.
    await options.click(
      'section[aria-labelledby="clients-heading"] [data-testid="passphrase-required"] button',
    );
    expect(await options.evaluate(() => document.activeElement?.getAttribute('name'))).toBe(
      'newPassphrase',
    );
    await options.close();
  });

  it('the popup starts with the step and one link to it; nothing to lock yet', async () => {
    const { popup, site } = await openPopup();
    await popup.waitForSelector('[data-testid="popup-first-step"]');
    await popup.waitForSelector('[data-testid="page-status"]:not([data-state="loading"])');
    const text = await mainText(popup);
    expect(text).toContain('First step: protect your list');
    expect(text).toContain(INTRO);
    expect(text).not.toMatch(NEVER_LOCKS);
    expect(await popup.$('[data-testid="lock-state"]')).toBeNull();
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      expect(await seriousProblems(popup)).toEqual([]);
    }
    await popup.click('[data-testid="popup-first-step-link"]');
    const opened = await clearline.browser.waitForTarget((t) =>
      t.url().endsWith('/options.html#first-step'),
    );
    const options = (await opened.page()) as Page;
    await options.waitForSelector('[data-testid="first-step"][data-state="todo"]');
    await Promise.all([options.close(), popup.close(), site.close()]);
    await shoot('en');
  }, 120_000);

  it('in Spanish too', async () => {
    await setLanguage('es');
    try {
      const options = await clearline.openExtensionPage('options.html');
      await options.waitForSelector('[data-testid="first-step"][data-state="todo"]');
      await options.waitForFunction(() => document.documentElement.lang === 'es');
      const text = await mainText(options);
      expect(text).toContain('Primer paso: protege tu lista');
      expect(text).toContain(
        'Tu agencia te pide proteger tu lista de clientes con una frase de contraseña: elige una para empezar.',
      );
      expect(text).toContain('Crear frase de contraseña');
      expect(text).not.toMatch(NEVER_LOCKS);
      await options.close();
      const { popup, site } = await openPopup();
      await popup.waitForSelector('[data-testid="popup-first-step"]');
      await popup.waitForFunction(() => document.documentElement.lang === 'es');
      const popupText = await mainText(popup);
      expect(popupText).toContain('Primer paso: protege tu lista');
      expect(popupText).toContain('Elegir una frase de contraseña');
      expect(popupText).not.toMatch(NEVER_LOCKS);
      await Promise.all([popup.close(), site.close()]);
      await shoot('es');
    } finally {
      await setLanguage('en');
    }
  }, 120_000);

  it('choosing a passphrase by typing and clicking: the list is protected and opens', async () => {
    const options = await clearline.openExtensionPage('options.html#first-step');
    await options.waitForSelector('[data-testid="first-step"][data-state="todo"]');
    await options.type('#first-step input[name="newPassphrase"]', PASS);
    await options.type('#first-step input[name="confirmPassphrase"]', PASS);
    await options.click('#first-step button[type="submit"]');
    await options.waitForSelector('[data-testid="first-step"][data-state="done"]', {
      timeout: 20_000,
    });
    expect(await options.$eval('#first-step', (el) => (el as HTMLElement).innerText)).toContain(
      'Done: your list is protected now.',
    );
    await waitForLock(options, false);
    expect(
      await options.$eval('[data-testid="lock-state"]', (el) => [
        el.getAttribute('data-has-passphrase'),
        (el as HTMLElement).innerText,
      ]),
    ).toEqual(['true', expect.stringContaining('Your list is unlocked.')]);
    // The first key ever written is wrapped by the passphrase, with no open period behind it.
    expect(await storedKeyring(options)).toMatchObject({ kind: 'wrapped', openBefore: false });
    if (SHOTS) {
      await options.setViewport({ width: 1280, height: 900 });
      await options.screenshot({ path: join(SHOTS, 'options-1280-en-light-done.png') });
    }

    // The list opens: a client with a label, sealed under the new key.
    await options.waitForSelector('form[data-testid="add-client"]');
    await addClient(options, { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' });
    expect((await storedClients(options)).map((c) => c.label)).toEqual(['A.R.']);
    expect(await mainText(options)).not.toMatch(NEVER_LOCKS);
    // The agency keeps the passphrase: it can be changed, never removed (on the protection page).
    await showSettingsPage(options, 'protection');
    expect(await options.$('[data-testid="passphrase-kept-by-agency"]')).not.toBeNull();
    expect(
      await options.$$eval('button', (buttons) => buttons.map((b) => b.textContent)),
    ).not.toContain('Remove passphrase');
    expect(await mainText(options)).not.toMatch(NEVER_LOCKS);
    await showSettingsPage(options, 'clients');

    // Locking works: the label is hidden until the passphrase is typed.
    await lockNow(options);
    await options.waitForFunction(() =>
      document.querySelector('li[data-testid="client"]')?.textContent?.includes('Locked'),
    );
    expect((await clientRows(options))[0]).not.toContain('A.R.');
    expect((await storedClients(options))[0]?.label).toBeNull();
    await unlock(options, 'not the passphrase');
    await options.waitForSelector('[data-testid="lock-error"]');
    await unlock(options, PASS);
    await waitForLock(options, false);
    await options.waitForFunction(() =>
      document.querySelector('li[data-testid="client"]')?.textContent?.includes('A.R.'),
    );
    await lockNow(options);
    await options.close();
  });

  it('the popup no longer asks: it says the list is locked and unlocks it', async () => {
    const { popup, site } = await openPopup();
    await popup.waitForSelector('[data-testid="lock-state"][data-locked="true"]');
    expect(await popup.$('[data-testid="popup-first-step"]')).toBeNull();
    const text = await mainText(popup);
    expect(text).toContain('Your list is locked.');
    expect(text).not.toMatch(NEVER_LOCKS);
    expect(text).not.toContain('First step');
    await popup.type('input[name="unlockPassphrase"]', PASS);
    await popup.click('[data-testid="lock-state"] button[type="submit"]');
    await popup.waitForSelector('[data-testid="lock-state"][data-locked="false"]', {
      timeout: 15_000,
    });
    await Promise.all([popup.close(), site.close()]);
  });

  it('no Clearline context made a network request', () => {
    expect(clearline.network.requests).toEqual([]);
    expect([...clearline.network.watched].join('\n')).toContain('options.html');
  });
});
