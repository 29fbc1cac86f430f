// The foundation in a real browser: the content scripts start on both sites (on
// synthetic and captured pages), the popup reports what page the tab is on, and
// the coach's language choice reaches every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { popupReport, startClearline, type Clearline } from './clearline';
import { servePracticeSite } from '../support/practice-site.mjs';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
});

async function expectPopupState(popup: Page, state: string) {
  await popup
    .waitForSelector(`[data-testid="page-status"][data-state="${state}"]`, { timeout: 10_000 })
    .catch(async () => {
      throw new Error(
        `popup never said "${state}"; it says: ${JSON.stringify(await popupReport(popup))}`,
      );
    });
  return popupReport(popup);
}

const PAGES: { url: string; site: string; pageKind: string; owner?: string }[] = [
  { url: 'https://www.facebook.com/', site: 'facebook', pageKind: 'home' },
  {
    url: 'https://www.facebook.com/sam.rivera.coach',
    site: 'facebook',
    pageKind: 'profile',
    owner: 'own',
  },
  {
    url: 'https://www.facebook.com/sam.rivera.coach?locale=es_LA',
    site: 'facebook',
    pageKind: 'profile',
    owner: 'own',
  },
  {
    url: 'https://www.facebook.com/alex.rivera.demo',
    site: 'facebook',
    pageKind: 'profile',
    owner: 'other',
  },
  {
    url: 'https://www.facebook.com/maria.lopez.demo',
    site: 'facebook',
    pageKind: 'profile',
    owner: 'other',
  },
  {
    url: 'https://www.facebook.com/profile.php?id=100012345678901',
    site: 'facebook',
    pageKind: 'profile',
    owner: 'other',
  },
  {
    url: 'https://www.facebook.com/alex.rivera.demo/posts/pfbid02demo',
    site: 'facebook',
    pageKind: 'post',
  },
  {
    url: 'https://www.facebook.com/messages/t/100012345678901',
    site: 'facebook',
    pageKind: 'messages',
  },
  { url: 'https://www.facebook.com/search/people/?q=alex', site: 'facebook', pageKind: 'search' },
  {
    url: 'https://www.facebook.com/friends/requests',
    site: 'facebook',
    pageKind: 'friend-requests',
  },
  { url: 'https://www.facebook.com/settings/?tab=privacy', site: 'facebook', pageKind: 'settings' },
  // Captured from the real site (scripts stripped).
  { url: 'https://www.instagram.com/', site: 'instagram', pageKind: 'home' },
  {
    url: 'https://www.instagram.com/hausoftiffany/followers/',
    site: 'instagram',
    pageKind: 'profile',
    owner: 'other',
  },
  {
    url: 'https://www.instagram.com/sam.rivera.coach/',
    site: 'instagram',
    pageKind: 'profile',
    owner: 'own',
  },
  {
    url: 'https://www.instagram.com/alex.rivera.demo/',
    site: 'instagram',
    pageKind: 'profile',
    owner: 'other',
  },
  {
    url: 'https://www.instagram.com/maria.lopez.demo/',
    site: 'instagram',
    pageKind: 'profile',
    owner: 'other',
  },
  { url: 'https://www.instagram.com/p/C0dEmOpost1/', site: 'instagram', pageKind: 'post' },
  { url: 'https://www.instagram.com/direct/inbox/', site: 'instagram', pageKind: 'messages' },
  {
    url: 'https://www.instagram.com/accounts/who_can_see_your_content/',
    site: 'instagram',
    pageKind: 'settings',
  },
];

describe('content scripts start on both sites and the popup reports the page', () => {
  for (const expected of PAGES) {
    it(`${expected.url} is a ${expected.site} ${expected.pageKind}${expected.owner ? ` (${expected.owner})` : ''}`, async () => {
      const page = await clearline.openSite(expected.url);
      const popup = await clearline.openPopupFor(page);
      let report = await expectPopupState(popup, 'active');
      // Whose profile it is comes a moment later (the page is read a second after its
      // load); the popup updates by itself.
      const deadline = Date.now() + 10_000;
      while ((report.profileOwner ?? null) !== (expected.owner ?? null) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        report = await popupReport(popup);
      }
      expect(report.site).toBe(expected.site);
      expect(report.pageKind).toBe(expected.pageKind);
      expect(report.profileOwner).toBe(expected.owner ?? null);
      await popup.close();
      await page.close();
    });
  }
});

describe('the sites learn nothing of Clearline', () => {
  for (const url of ['https://www.facebook.com/', 'https://www.instagram.com/']) {
    it(`${url}: no message reaches the page's own listeners while Clearline starts`, async () => {
      const page = await clearline.browser.newPage();
      // The page's first script: every window message it is sent, as the site would see it.
      await page.evaluateOnNewDocument(() => {
        const seen: string[] = [];
        (window as unknown as { __messages: string[] }).__messages = seen;
        window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)), true);
      });
      await servePracticeSite(page);
      await page.goto(url, { waitUntil: 'load' });
      // Past the page's reading and the prompt frame's preparation (each about a second after load).
      await new Promise((r) => setTimeout(r, 2_500));
      const messages = await page.evaluate(
        () => (window as unknown as { __messages: string[] }).__messages,
      );
      expect(messages).toEqual([]);
      expect(JSON.stringify(messages)).not.toContain(clearline.extensionId);
      await page.close();
    });
  }
});

describe('popup', () => {
  it('says the page is not covered on another site', async () => {
    const page = await clearline.openSite('https://example.org/', {
      'https://example.org/': '<!doctype html><title>Elsewhere</title><p>Not a covered site</p>',
    });
    const popup = await clearline.openPopupFor(page);
    const report = await expectPopupState(popup, 'not-covered');
    expect(report.text).toContain('Facebook and Instagram only');
    await popup.close();
    await page.close();
  });

  it('follows a single-page navigation to a new page kind', async () => {
    const page = await clearline.openSite('https://www.facebook.com/');
    const popup = await clearline.openPopupFor(page);
    expect((await expectPopupState(popup, 'active')).pageKind).toBe('home');
    // The site moves to a profile without a reload, as Facebook does.
    await page.evaluate(() => history.pushState({}, '', '/jordan.lee.demo'));
    await popup.waitForSelector('[data-page-kind="profile"]', { timeout: 10_000 });
    await popup.close();
    await page.close();
  });

  it('treats markup in a page as text: a hostile page cannot inject into the popup', async () => {
    const hostile =
      '<!doctype html><title>&lt;img src=x onerror=alert(1)&gt;</title><main role="main"><div role="button" aria-label="<b>Edit profile</b>">x</div></main>';
    const page = await clearline.openSite('https://www.facebook.com/%3Cb%3Ebold%3C/b%3E', {
      'https://www.facebook.com/%3Cb%3Ebold%3C/b%3E': hostile,
    });
    const popup = await clearline.openPopupFor(page);
    const report = await expectPopupState(popup, 'active');
    expect(report.pageKind).not.toBeNull();
    expect(await popup.$('b, img')).toBeNull();
    await popup.close();
    await page.close();
  });
});

describe('language', () => {
  it('a coach who picks Español in settings gets the popup in Spanish', async () => {
    const options = await clearline.openExtensionPage('options.html#prompts');
    await options.waitForSelector('select[name="locale"]');
    await options.select('select[name="locale"]', 'es');
    await options.waitForFunction(() => document.documentElement.lang === 'es');
    expect(await options.$eval('h1', (h) => h.textContent)).toBe('Configuración de Clearline');

    const page = await clearline.openSite('https://www.instagram.com/alex.rivera.demo/');
    const popup = await clearline.openPopupFor(page);
    const report = await expectPopupState(popup, 'active');
    expect(report.text).toContain('Clearline está activo');

    // Back to the browser's language (English here) for the other tests.
    await options.bringToFront();
    await options.select('select[name="locale"]', 'browser');
    await options.waitForFunction(() => document.documentElement.lang === 'en');
    await Promise.all([popup.close(), page.close(), options.close()]);
  });

  it('keeps a setting across a reload of the options page', async () => {
    const options = await clearline.openExtensionPage('options.html#prompts');
    await options.waitForSelector('select[name="promptMode.message"]');
    await options.select('select[name="promptMode.message"]', 'reason');
    await options.waitForSelector('[data-testid="save-status"]:not(:empty)');
    await options.reload({ waitUntil: 'load' });
    await options.waitForFunction(
      () =>
        (document.querySelector('select[name="promptMode.message"]') as HTMLSelectElement | null)
          ?.value === 'reason',
    );
    await options.close();
  });
});
