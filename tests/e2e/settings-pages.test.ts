// Settings as pages, in a real browser: each address opens its page, the side
// navigation (tabs on a narrow window) moves between them, and back and forward
// follow, as on any site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import type { SettingsPageName } from './options-page';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
});

const PAGES: SettingsPageName[] = [
  'clients',
  'observations',
  'privacy',
  'prompts',
  'protection',
  'agency',
  'about',
];

async function shown(page: Page) {
  await page.waitForSelector('[data-testid="settings-page"]');
  return page.evaluate(() => ({
    page: document.querySelector('main')?.getAttribute('data-page'),
    current: document.querySelector('nav a[aria-current="page"]')?.getAttribute('href'),
    hash: location.hash,
  }));
}

async function waitForPage(page: Page, name: string) {
  await page.waitForSelector(`[data-testid="settings-page"][data-page="${name}"]`, {
    timeout: 15_000,
  });
}

describe('Settings pages', () => {
  it('each address opens its page, marked in the navigation', async () => {
    const page = await clearline.openExtensionPage('options.html');
    expect(await shown(page)).toMatchObject({ page: 'clients', current: '#clients' });
    for (const name of PAGES) {
      await page.goto(`chrome-extension://${clearline.extensionId}/options.html#${name}`);
      await waitForPage(page, name);
      expect(await shown(page)).toEqual({ page: name, current: `#${name}`, hash: `#${name}` });
    }
    // An older address still lands where it meant.
    await page.goto(`chrome-extension://${clearline.extensionId}/options.html#audit`);
    await waitForPage(page, 'privacy');
    await page.close();
  });

  it('the navigation changes the address; back and forward follow', async () => {
    const page = await clearline.openExtensionPage('options.html#clients');
    await page.bringToFront();
    await waitForPage(page, 'clients');
    await page.click('a[data-testid="nav-privacy"]');
    await waitForPage(page, 'privacy');
    await page.click('a[data-testid="nav-about"]');
    await waitForPage(page, 'about');
    expect((await shown(page)).hash).toBe('#about');
    // Only the open page is drawn.
    expect(await page.$('[data-testid="audit"]')).toBeNull();

    await page.evaluate(() => history.back());
    await waitForPage(page, 'privacy');
    await page.evaluate(() => history.back());
    await waitForPage(page, 'clients');
    await page.evaluate(() => history.forward());
    await waitForPage(page, 'privacy');
    expect(await shown(page)).toEqual({ page: 'privacy', current: '#privacy', hash: '#privacy' });
    await page.close();
  });

  it('on a narrow window every page is one tap away, above the page', async () => {
    const page = await clearline.openExtensionPage('options.html#clients');
    await page.setViewport({ width: 380, height: 800 });
    await waitForPage(page, 'clients');
    const links = await page.$$eval('nav a', (as) =>
      as.map((a) => {
        const box = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), visible: box.width > 0 && box.right <= 380 };
      }),
    );
    expect(links.map((l) => l.href)).toEqual(PAGES.map((p) => `#${p}`));
    expect(links.every((l) => l.visible)).toBe(true);
    const { navBottom, mainTop } = await page.evaluate(() => ({
      navBottom: document.querySelector('nav')!.getBoundingClientRect().bottom,
      mainTop: document.querySelector('main')!.getBoundingClientRect().top,
    }));
    expect(navBottom).toBeLessThanOrEqual(mainTop);
    await page.close();
  });
});
