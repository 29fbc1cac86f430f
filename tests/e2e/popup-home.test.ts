// The popup as the coach's home, in a real browser: on a page whose language and
// buttons Clearline does not recognize it says so and links to the diagnostics
// page, which lists what failed and copies a support text that names no one; on
// a recognized page the note is absent; observations still to discuss are counted,
// with the way to the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { popupReport, startClearline, type Clearline } from './clearline';
import { addClient, lockNow, setPassphrase, showSettingsPage, unlock } from './options-page';
import { choose, waitForPrompt } from './prompt-page';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
});

const CZECH_PROFILE = 'https://www.facebook.com/tomas.novak.demo?locale=cs_CZ';

async function activePopup(site: Page): Promise<Page> {
  const popup = await clearline.openPopupFor(site);
  await popup.waitForSelector('[data-testid="page-status"][data-state="active"]', {
    timeout: 10_000,
  });
  return popup;
}

/** Clicks a link that opens a new tab, and returns that tab once it has loaded. */
async function followToNewTab(page: Page, selector: string, urlPart: string): Promise<Page> {
  const target = clearline.browser.waitForTarget((t) => t.url().includes(urlPart), {
    timeout: 10_000,
  });
  await page.click(selector);
  const opened = await (await target).page();
  if (!opened) throw new Error(`${urlPart} did not open as a page`);
  await opened.waitForSelector('body');
  return opened;
}

describe('a page Clearline does not recognize', () => {
  it('the popup says so and the diagnostics page lists what was not found', async () => {
    const site = await clearline.openSite(CZECH_PROFILE);
    const popup = await activePopup(site);
    const report = await popupReport(popup);
    expect(report).toMatchObject({ site: 'facebook', pageKind: 'profile' });
    const note = await popup.waitForSelector('[data-testid="page-unrecognized"]');
    expect(await note!.evaluate((el) => (el as HTMLElement).innerText)).toContain(
      "Clearline could not find this page's buttons",
    );

    const diagnostics = await followToNewTab(
      popup,
      '[data-testid="see-checks"]',
      '/diagnostics.html',
    );
    await diagnostics.waitForSelector('[data-testid="diagnostics-checks"]');
    const checks = await diagnostics.$$eval('[data-testid="diagnostics-checks"] li', (items) =>
      items.map((li) => [li.getAttribute('data-check'), li.getAttribute('data-found')]),
    );
    expect(checks).toEqual([
      ['language', 'false'],
      ['profile-controls', 'false'],
    ]);
    const pageText = await diagnostics.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(pageText).toContain('Page language');
    expect(pageText).toMatch(/Page language\s+cs/);
    expect(pageText).toMatch(/Address \(names and numbers hidden\)\s+\/…/);
    expect(pageText).toMatch(/Clearline version\s+\d+\.\d+\.\d+/);
    expect(pageText).toMatch(/Browser\s+Chromium \d+/);
    expect(pageText).toContain('Nothing is sent automatically');

    await clearline.browser
      .defaultBrowserContext()
      .overridePermissions(`chrome-extension://${clearline.extensionId}`, [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    await diagnostics.click('[data-testid="copy"]');
    await diagnostics.waitForFunction(
      () => document.querySelector('[data-testid="copy-status"]')?.textContent !== '',
    );
    const copied = await diagnostics.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('What Clearline checked on this page');
    expect(copied).toContain('Page language: cs');
    expect(copied).toContain('- A language Clearline reads (English or Spanish): Not found');
    expect(copied).toContain(
      'Profile buttons (Add friend, Message, Follow, Edit profile): Not found',
    );
    // Nobody's name, username, id or address, and no query.
    for (const bit of ['tomas', 'novak', 'Tomáš', 'Novák', 'locale', 'facebook.com', 'http']) {
      expect(copied.toLowerCase(), bit).not.toContain(bit.toLowerCase());
    }
    await Promise.all([diagnostics.close(), popup.close(), site.close()]);
  });

  it('in Spanish too', async () => {
    const options = await clearline.openExtensionPage('options.html#prompts');
    await options.waitForSelector('select[name="locale"]');
    await options.select('select[name="locale"]', 'es');
    // Saved once the page itself has switched language.
    await options.waitForFunction(() => document.documentElement.lang === 'es');
    try {
      const site = await clearline.openSite(CZECH_PROFILE);
      const popup = await activePopup(site);
      const note = await popup.waitForSelector('[data-testid="page-unrecognized"]');
      expect(await note!.evaluate((el) => (el as HTMLElement).innerText)).toContain(
        'Clearline no encontró los botones de esta página',
      );
      const diagnostics = await followToNewTab(
        popup,
        '[data-testid="see-checks"]',
        '/diagnostics.html',
      );
      await diagnostics.waitForSelector('[data-testid="diagnostics-checks"]');
      const text = await diagnostics.$eval('main', (el) => (el as HTMLElement).innerText);
      expect(text).toContain('Qué revisó Clearline en esta página');
      expect(text).toContain('No encontrado');
      await Promise.all([diagnostics.close(), popup.close(), site.close()]);
    } finally {
      await options.select('select[name="locale"]', 'browser');
      await options.waitForFunction(() => document.documentElement.lang === 'en');
      await options.close();
    }
  });
});

describe('an English profile whose buttons Clearline does not know', () => {
  // A made-up layout change: the action row's buttons carry labels no table has.
  const CHANGED = `<!doctype html><html lang="en"><head><title>Pat Quinn Demo | Facebook</title></head>
    <body><div role="main"><h1>Pat Quinn Demo</h1>
    <div><div role="button" tabindex="0" aria-label="Connect">Connect</div>
    <div role="button" tabindex="0" aria-label="Chat">Chat</div></div></div></body></html>`;
  const URL = 'https://www.facebook.com/pat.quinn.demo';

  it('the popup says so once the page had time to show its buttons', async () => {
    const site = await clearline.openSite(URL, { [URL]: CHANGED });
    const popup = await activePopup(site);
    await popup.waitForSelector('[data-profile-owner="unknown"]');
    // Still looking (the page may be rendering): no note yet.
    expect(await popup.$('[data-testid="page-unrecognized"]')).toBeNull();
    await popup.waitForSelector('[data-testid="page-unrecognized"]', { timeout: 15_000 });
    const diagnostics = await followToNewTab(
      popup,
      '[data-testid="see-checks"]',
      '/diagnostics.html',
    );
    await diagnostics.waitForSelector('[data-testid="diagnostics-checks"]');
    const checks = await diagnostics.$$eval('[data-testid="diagnostics-checks"] li', (items) =>
      items.map((li) => [li.getAttribute('data-check'), li.getAttribute('data-found')]),
    );
    expect(checks).toEqual([
      ['language', 'true'],
      ['profile-controls', 'false'],
    ]);
    await Promise.all([diagnostics.close(), popup.close(), site.close()]);
  }, 40_000);
});

describe('a page Clearline recognizes', () => {
  for (const url of [
    'https://www.facebook.com/alex.rivera.demo',
    'https://www.facebook.com/maria.lopez.demo',
    'https://www.instagram.com/alex.rivera.demo/',
  ]) {
    it(`has no note: ${url}`, async () => {
      const site = await clearline.openSite(url);
      const popup = await activePopup(site);
      // The popup has described the page, profile owner included, and still has no note.
      await popup.waitForSelector('[data-profile-owner="other"]');
      await popup.waitForSelector('[data-testid="observations-popup"]');
      expect(await popup.$('[data-testid="page-unrecognized"]')).toBeNull();
      await Promise.all([popup.close(), site.close()]);
    });
  }
});

describe('observations to discuss', () => {
  it('the popup counts them and links to the log', async () => {
    const site = await clearline.openSite('https://www.facebook.com/');
    let popup = await activePopup(site);
    const count = () =>
      popup.$eval('[data-testid="observations-count"]', (el) => ({
        count: el.getAttribute('data-count'),
        text: (el as HTMLElement).innerText,
      }));
    await popup.waitForSelector('[data-testid="observations-count"]');
    expect(await count()).toEqual({ count: '0', text: 'No observations to discuss.' });
    await popup.close();

    const options = await clearline.openExtensionPage('options.html');
    await options.waitForSelector('form[data-testid="add-client"]');
    await addClient(options, { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' });
    await options.close();
    await site.reload({ waitUntil: 'load' });
    // The coach reads the post (the pointer rests on it) before sharing, as people do.
    await site.hover('div[aria-posinset="1"] [data-ad-rendering-role="story_message"]');
    await new Promise((r) => setTimeout(r, 300));
    await site.click(
      'div[aria-posinset="1"] [aria-label="Send this to friends or post it on your profile."]',
    );
    const frame = await waitForPrompt(site);
    await choose(frame, 'Note for follow-up');
    await choose(frame, 'Save for follow-up');
    await frame.waitForFunction(() => document.body.innerText.includes('Saved for follow-up'));
    await choose(frame, 'Close');

    popup = await activePopup(site);
    await popup.waitForSelector('[data-testid="observations-count"][data-count="1"]');
    expect((await count()).text).toBe('Observations to discuss: 1');
    const log = await followToNewTab(
      popup,
      '[data-testid="observations-open"]',
      '/options.html#observations',
    );
    await log.waitForSelector('section#observations li[data-testid="observation"]');
    await Promise.all([log.close(), popup.close(), site.close()]);
  });
});

describe('the popup at 380 px wide', () => {
  const ALEX = 'https://www.facebook.com/alex.rivera.demo';

  /** The popup's height at its width: the browser cuts a popup taller than 600 px off. */
  async function measured(popup: Page): Promise<number> {
    await popup.setViewport({ width: 380, height: 600 });
    return popup.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  }

  async function settled(site: Page): Promise<Page> {
    const popup = await activePopup(site);
    await popup.waitForSelector('[data-testid="audit-popup"][data-state="ready"]');
    await popup.waitForSelector('[data-testid="observations-count"]');
    return popup;
  }

  it('before a first privacy check: "Not checked yet", never "0 of 13"; at most 600 px tall', async () => {
    const site = await clearline.openSite('https://www.facebook.com/');
    const popup = await settled(site);
    await popup.waitForSelector('[data-testid="audit-not-checked"]');
    const text = await popup.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(text).toContain('Not checked yet');
    expect(text).not.toMatch(/\d+ of 13/);
    expect(text).toContain('Clearline settings');
    expect(await measured(popup)).toBeLessThanOrEqual(600);
    await Promise.all([popup.close(), site.close()]);
  });

  it('on a client\'s own profile: "On your client list", with the label; at most 600 px tall', async () => {
    // Alex is on the list since "observations to discuss" above, with an observation waiting.
    const site = await clearline.openSite(ALEX);
    const popup = await settled(site);
    const line = await popup.waitForSelector('[data-testid="profile-on-list"]');
    expect(await line!.evaluate((el) => (el as HTMLElement).innerText)).toBe(
      'On your client list: A.R.',
    );
    const text = await popup.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(text).not.toContain("someone else's profile");
    expect(await measured(popup)).toBeLessThanOrEqual(600);
    await Promise.all([popup.close(), site.close()]);
  });

  it("on someone else's profile it says so; at most 600 px tall", async () => {
    const site = await clearline.openSite('https://www.facebook.com/maria.lopez.demo');
    const popup = await settled(site);
    await popup.waitForSelector('[data-profile-owner="other"]');
    expect(await popup.$('[data-testid="profile-on-list"]')).toBeNull();
    expect(await measured(popup)).toBeLessThanOrEqual(600);
    await Promise.all([popup.close(), site.close()]);
  });

  it('in Spanish, and while the list is locked (no label then); at most 600 px tall', async () => {
    const options = await clearline.openExtensionPage('options.html#prompts');
    await options.waitForSelector('select[name="locale"]');
    await options.select('select[name="locale"]', 'es');
    await options.waitForFunction(() => document.documentElement.lang === 'es');
    try {
      const site = await clearline.openSite(ALEX);
      let popup = await settled(site);
      const line = await popup.waitForSelector('[data-testid="profile-on-list"]');
      expect(await line!.evaluate((el) => (el as HTMLElement).innerText)).toBe(
        'En tu lista de clientes: A.R.',
      );
      expect(await measured(popup)).toBeLessThanOrEqual(600);
      await popup.close();

      // In the background Chromium stops a tab's animation frames, and a click there can hang.
      await options.bringToFront();
      await showSettingsPage(options, 'protection');
      await setPassphrase(options, 'correct horse battery staple');
      await lockNow(options);
      popup = await settled(site);
      await popup.waitForSelector('[data-testid="lock-state"][data-locked="true"]');
      const locked = await popup.waitForSelector('[data-testid="profile-on-list"]');
      expect(await locked!.evaluate((el) => (el as HTMLElement).innerText)).toBe(
        'En tu lista de clientes.',
      );
      expect(await measured(popup)).toBeLessThanOrEqual(600);
      await Promise.all([popup.close(), site.close()]);
      await options.bringToFront();
      await unlock(options, 'correct horse battery staple');
    } finally {
      await options.bringToFront();
      await showSettingsPage(options, 'prompts');
      await options.select('select[name="locale"]', 'browser');
      await options.waitForFunction(() => document.documentElement.lang === 'en', {
        polling: 100,
      });
      await options.close();
    }
  }, 60_000);
});
