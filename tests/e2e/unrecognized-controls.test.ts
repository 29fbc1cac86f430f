// No silent miss (issue 16 point 4), in a real browser: a profile whose action
// bar holds a button Clearline does not understand makes the popup say "Some
// buttons on this page were not recognized", with the button's words and every
// name hidden, and the diagnostics page lists it for a report; a profile whose
// buttons are all known has no such note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
});

async function activePopup(site: Page): Promise<Page> {
  const popup = await clearline.openPopupFor(site);
  await popup.waitForSelector('[data-testid="page-status"][data-state="active"]', {
    timeout: 10_000,
  });
  return popup;
}

const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as HTMLElement).innerText);

describe('an unknown button in a known action bar', () => {
  it("Instagram's Spanish header: the popup names the button, not the person", async () => {
    const site = await clearline.openSite('https://www.instagram.com/lucia.mendez.demo/');
    const popup = await activePopup(site);
    await popup.waitForSelector('[data-testid="buttons-unrecognized"]', { timeout: 15_000 });
    const note = await text(popup, '[data-testid="buttons-unrecognized"]');
    expect(note).toContain('Some buttons on this page were not recognized');
    expect(note).toContain('button “Enviar un mensaje …”');
    expect(note.toLowerCase()).not.toContain('lucia');
    // The page itself is recognized: no "could not find this page's buttons".
    expect(await popup.$('[data-testid="page-unrecognized"]')).toBeNull();

    const opened = clearline.browser.waitForTarget((t) => t.url().includes('/diagnostics.html'), {
      timeout: 10_000,
    });
    await popup.click('[data-testid="see-unrecognized"]');
    const diagnostics = await (await opened).page();
    if (!diagnostics) throw new Error('the diagnostics page did not open');
    await diagnostics.waitForSelector('[data-testid="diagnostics-unrecognized"]');
    const listed = await text(diagnostics, '[data-testid="diagnostics-unrecognized"]');
    expect(listed).toContain('button “Enviar un mensaje …”');
    await Promise.all([diagnostics.close(), popup.close(), site.close()]);
  });

  it('a Facebook profile without lang=: read as English, the name in the label hidden', async () => {
    const site = await clearline.openSite('https://www.facebook.com/jordan.blake.demo');
    const popup = await activePopup(site);
    await popup.waitForSelector('[data-testid="buttons-unrecognized"]', { timeout: 15_000 });
    const note = await text(popup, '[data-testid="buttons-unrecognized"]');
    expect(note).toContain('button “Send … a … message”');
    expect(note).not.toContain('Jordan');
    await Promise.all([popup.close(), site.close()]);
  });

  it('in Spanish too', async () => {
    const options = await clearline.openExtensionPage('options.html#prompts');
    await options.waitForSelector('select[name="locale"]');
    await options.select('select[name="locale"]', 'es');
    await options.waitForFunction(() => document.documentElement.lang === 'es');
    try {
      const site = await clearline.openSite('https://www.instagram.com/lucia.mendez.demo/');
      const popup = await activePopup(site);
      await popup.waitForSelector('[data-testid="buttons-unrecognized"]', { timeout: 15_000 });
      const note = await text(popup, '[data-testid="buttons-unrecognized"]');
      expect(note).toContain('Algunos botones de esta página no se reconocieron');
      expect(note).toContain('botón «Enviar un mensaje …»');
      await Promise.all([popup.close(), site.close()]);
    } finally {
      await options.select('select[name="locale"]', 'browser');
      await options.waitForFunction(() => document.documentElement.lang === 'en');
      await options.close();
    }
  });
});

describe('a profile whose action bar holds only known buttons', () => {
  for (const url of [
    'https://www.instagram.com/maria.lopez.demo/',
    'https://www.facebook.com/alex.rivera.demo',
  ]) {
    it(`has no note: ${url}`, async () => {
      const site = await clearline.openSite(url);
      const popup = await activePopup(site);
      // The popup has heard from the page (whose profile it is) and asked it.
      await popup.waitForSelector('[data-profile-owner="other"]');
      await popup.waitForSelector('[data-testid="observations-popup"]');
      await new Promise((r) => setTimeout(r, 500));
      expect(await popup.$('[data-testid="buttons-unrecognized"]')).toBeNull();
      await Promise.all([popup.close(), site.close()]);
    });
  }
});
