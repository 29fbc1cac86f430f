// Page objects for the end-to-end tests: a Chromium with the built extension,
// the practice site, and Clearline's own pages driven as a person would.
import type { Browser, Page, Target } from 'puppeteer-core';
import { launchBrowser } from '../support/launch.mjs';
import { servePracticeSite, type Route } from '../support/practice-site.mjs';
import { watchExtensionNetwork, type NetworkWatch } from './network-watch';

export interface Clearline {
  browser: Browser;
  extensionId: string;
  /** Every request any Clearline context made since launch (there must be none). */
  network: NetworkWatch;
  /** Opens a practice-site page at its real address (or a test's own page from `extra`). */
  openSite(url: string, extra?: Record<string, string>, routes?: Route[]): Promise<Page>;
  /** Opens an extension page (popup.html, options.html ...) in a tab of its own. */
  openExtensionPage(path: string): Promise<Page>;
  /** Opens the popup as a tab, describing the tab that shows `page`. */
  openPopupFor(page: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function startClearline(
  options: { userDataDir?: string; keepWelcome?: boolean; extensionDir?: string } = {},
): Promise<Clearline> {
  const launched = await launchBrowser({
    userDataDir: options.userDataDir,
    extensionDir: options.extensionDir,
    // A browser call that never returns (puppeteer can lose a frame that changes
    // process: puppeteer#10715) fails after 30 s with the call's name, inside the
    // test's 60 s, instead of a silent timeout.
    protocolTimeout: 30_000,
  });
  const { browser } = launched;
  const extensionId = launched.extensionId as string;
  const base = `chrome-extension://${extensionId}/`;
  const network = await watchExtensionNetwork(browser, extensionId);
  // The welcome tab opens by itself a few seconds after install; tests that are
  // not about it close it, so that it never becomes "the newest tab" under them.
  if (!options.keepWelcome) {
    // It also comes to the front, and the tab under test then runs in the
    // background, where Chromium stops animation frames and a click can hang:
    // once it is closed, the newest other tab is brought back to the front.
    const closeWelcome = (target: Target) => {
      if (target.type() === 'page' && target.url() === `${base}welcome.html`) {
        void target
          .page()
          .then(async (page) => {
            await page?.close();
            const open = (await browser.pages()).filter((p) => !p.isClosed());
            await open.at(-1)?.bringToFront();
          })
          .catch(() => undefined);
      }
    };
    browser.on('targetcreated', closeWelcome);
    browser.on('targetchanged', closeWelcome);
  }

  const openExtensionPage = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(base + path, { waitUntil: 'load' });
    return page;
  };

  return {
    browser,
    extensionId,
    network,
    async openSite(url, extra, routes) {
      const page = await browser.newPage();
      await servePracticeSite(page, { extra, routes });
      closeUnexpectedAlerts(page);
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    openExtensionPage,
    async openPopupFor(target) {
      // Tab ids are an extension concept: ask from an extension page which tab
      // shows the target. Without the "tabs" permission only covered sites show
      // their address, so an uncovered page is found as the one other tab.
      const popup = await openExtensionPage('popup.html');
      const url = target.url();
      const tabId = await popup.evaluate(async (wanted: string) => {
        const self = await chrome.tabs.getCurrent();
        const tabs = await chrome.tabs.query({});
        const others = tabs.filter((t) => t.id !== self?.id);
        const exact = others.find((t) => t.url === wanted);
        // Tab ids only grow: the newest other tab is the page just opened.
        const newest = others.sort((a, b) => (b.id ?? 0) - (a.id ?? 0))[0];
        return (exact ?? newest)?.id ?? null;
      }, url);
      if (tabId === null) throw new Error(`no tab shows ${url}`);
      await popup.goto(`${base}popup.html?tabId=${tabId}`, { waitUntil: 'load' });
      return popup;
    },
    close: () => launched.close(),
  };
}

/**
 * Clearline's browser alert (the page hid its question) blocks the page, and with
 * it every later browser call of a test that did not expect it: the test would
 * hang until its timeout, and say nothing. A test that expects alerts listens
 * for them itself; any other alert is written out and closed, so the test goes
 * on and fails on what it checks, with the alert's words beside the failure.
 */
function closeUnexpectedAlerts(page: Page): void {
  page.on('dialog', (dialog) => {
    if (page.listenerCount('dialog') > 1) return; // the test's own listener takes it
    console.error(`Unexpected browser dialog on ${page.url()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
}

/** Waits until the popup has described its tab, and returns what it says. */
export async function popupReport(popup: Page) {
  await popup.waitForSelector('[data-testid="page-status"]:not([data-state="loading"])');
  return popup.$eval('[data-testid="page-status"]', (el) => ({
    state: el.getAttribute('data-state'),
    site: el.querySelector('[data-site]')?.getAttribute('data-site') ?? null,
    pageKind: el.querySelector('[data-page-kind]')?.getAttribute('data-page-kind') ?? null,
    profileOwner:
      el.querySelector('[data-profile-owner]')?.getAttribute('data-profile-owner') ?? null,
    text: (el as HTMLElement).innerText,
  }));
}

/**
 * Fills storage.local up to its quota from an extension page (which shares the
 * extension's storage), as a heavy-use profile might: big blocks first, then
 * smaller ones, until not even a few bytes more fit. Returns the keys it used.
 */
export async function fillLocalStorage(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const keys: string[] = [];
    for (let size = 1 << 20; size >= 8; size >>= 1) {
      for (;;) {
        const key = `test-filler-${keys.length}`;
        try {
          await chrome.storage.local.set({ [key]: 'x'.repeat(size) });
          keys.push(key);
        } catch {
          break;
        }
      }
    }
    return keys;
  });
}
