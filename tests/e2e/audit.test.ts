// The privacy self-audit in a real browser: visiting the coach's settings pages
// (English, Spanish, an unknown language) updates the right items; what cannot
// be read is "could not check", never a pass; the coach confirms by hand; the
// own profile's public posts are counted; the popup and the printable report.
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

const ITEM = (id: string) => `li[data-testid="audit-item"][data-item-id="${id}"]`;

async function auditOptions(): Promise<Page> {
  const page = await clearline.openExtensionPage('options.html#privacy');
  await page.waitForSelector(`[data-testid="audit"] ${ITEM('fb.futurePosts')}`);
  return page;
}

async function results(page: Page, ids: string[]): Promise<Record<string, string | null>> {
  return page.evaluate(
    (wanted: string[], sel: string) =>
      Object.fromEntries(
        wanted.map((id) => [
          id,
          document.querySelector(sel.replace('ID', id))?.getAttribute('data-result') ?? null,
        ]),
      ),
    ids,
    ITEM('ID'),
  );
}

/**
 * Opens a site page the way the coach would, then the privacy check, reloading
 * it until the content script's reading has arrived (it reads after rendering).
 */
async function visitAndRead(url: string, expected: Record<string, string>) {
  const page = await clearline.openSite(url);
  const options = await auditOptions();
  const deadline = Date.now() + 10_000;
  let got = await results(options, Object.keys(expected));
  while (JSON.stringify(got) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    await options.reload();
    await options.waitForSelector(ITEM('fb.futurePosts'));
    got = await results(options, Object.keys(expected));
  }
  await page.close();
  return { options, got };
}

const FB_PRIVACY_EN = {
  'fb.futurePosts': 'pass',
  'fb.friendRequests': 'fail',
  'fb.friendsList': 'pass',
  'fb.followingList': 'fail',
  'fb.lookupEmail': 'pass',
  'fb.lookupPhone': 'fail',
  'fb.searchEngines': 'fail',
};
const unknownAll = (o: Record<string, string>) =>
  Object.fromEntries(Object.keys(o).map((k) => [k, 'could-not-check']));

describe('privacy self-audit', () => {
  it('starts with nothing checked: every item "could not check", and "Not checked yet" rather than a score of 0', async () => {
    const options = await auditOptions();
    const all = await options.$$eval('li[data-testid="audit-item"]', (items) =>
      items.map((li) => li.getAttribute('data-result')),
    );
    expect(all).toHaveLength(20);
    expect(new Set(all)).toEqual(new Set(['could-not-check']));
    const score = await options.$eval(
      '[data-testid="audit-score"][data-platform="facebook"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(score).toBe('Not checked yet');
    expect(await options.$('[data-testid="audit-due"]')).toBeNull();
    await options.close();
  });

  it('the Facebook privacy settings page (English) updates exactly its items', async () => {
    const { options, got } = await visitAndRead(
      'https://www.facebook.com/settings/?tab=privacy',
      FB_PRIVACY_EN,
    );
    expect(got).toEqual(FB_PRIVACY_EN);
    expect(await results(options, ['fb.tagReview', 'ig.privateAccount'])).toEqual({
      'fb.tagReview': 'could-not-check',
      'ig.privateAccount': 'could-not-check',
    });
    expect(
      await options.$eval(ITEM('fb.friendRequests'), (li) => (li as HTMLElement).innerText),
    ).toContain('Everyone');
    await options.close();
  });

  it('a setting read as needing a change offers "Open the setting", never "I checked this"', async () => {
    const options = await auditOptions();
    const item = ITEM('fb.friendRequests');
    await options.waitForSelector(`${item}[data-result="fail"]`);
    expect(await options.$(`${item} [data-testid="audit-confirm"]`)).toBeNull();
    expect(await options.$eval(`${item} a[href]`, (a) => a.getAttribute('href'))).toMatch(
      /^https:\/\/www\.facebook\.com\//,
    );
    // A setting the page could not show keeps its "I checked this".
    expect(
      await options.$(`${ITEM('fb.limitPastPosts')} [data-testid="audit-confirm"]`),
    ).not.toBeNull();
    await options.close();
  });

  it('the same page in an unknown language turns those items to "could not check", never a pass', async () => {
    const { options, got } = await visitAndRead(
      'https://www.facebook.com/settings/?tab=privacy&locale=cs_CZ',
      unknownAll(FB_PRIVACY_EN),
    );
    expect(got).toEqual(unknownAll(FB_PRIVACY_EN));
    expect(
      await options.$eval(
        '[data-testid="audit-score"][data-platform="facebook"]',
        (e) => (e as HTMLElement).innerText,
      ),
    ).toContain('0 of 13');
    await options.close();
  });

  it('the same page in Spanish reads the same settings', async () => {
    const { options, got } = await visitAndRead(
      'https://www.facebook.com/settings/?tab=privacy&locale=es_LA',
      FB_PRIVACY_EN,
    );
    expect(got).toEqual(FB_PRIVACY_EN);
    await options.close();
  });

  it('the other settings pages, both sites, both languages', async () => {
    for (const [url, expected] of [
      [
        'https://www.facebook.com/settings/?tab=profile_and_tagging',
        { 'fb.tagReview': 'fail', 'fb.taggedVisibility': 'pass' },
      ],
      [
        'https://www.facebook.com/settings/?tab=followers&locale=es_LA',
        { 'fb.whoCanFollow': 'fail' },
      ],
      [
        'https://www.instagram.com/accounts/who_can_see_your_content/',
        { 'ig.privateAccount': 'fail' },
      ],
      [
        'https://www.instagram.com/accounts/privacy_and_security/?hl=es',
        { 'ig.activityStatus': 'fail', 'ig.storySharing': 'fail' },
      ],
      ['https://www.instagram.com/accounts/tags_and_mentions/', { 'ig.tagsMentions': 'fail' }],
    ] as const) {
      const { options, got } = await visitAndRead(url, expected);
      expect(got, url).toEqual(expected);
      await options.close();
    }
  });

  it("counts the public posts on the coach's own profile", async () => {
    const { options, got } = await visitAndRead('https://www.facebook.com/sam.rivera.coach', {
      'fb.publicPosts': 'fail',
    });
    expect(got).toEqual({ 'fb.publicPosts': 'fail' });
    expect(
      await options.$eval(ITEM('fb.publicPosts'), (li) => (li as HTMLElement).innerText),
    ).toContain('2');
    await options.close();
  });

  it('"I checked this" counts as a pass and the score says so; Undo takes it back', async () => {
    const options = await auditOptions();
    const before = await options.$eval(
      '[data-testid="audit-score"][data-platform="facebook"]',
      (e) => (e as HTMLElement).innerText,
    );
    const button = await options.waitForSelector(
      `${ITEM('fb.limitPastPosts')} ::-p-aria([name="I checked this"][role="button"])`,
    );
    await button!.click();
    await options.waitForSelector(`${ITEM('fb.limitPastPosts')}[data-result="confirmed"]`);
    const after = await options.$eval(
      '[data-testid="audit-score"][data-platform="facebook"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(after).toMatch(/1 confirmed by you/);
    expect(Number(after.match(/(\d+) of 13/)![1])).toBe(
      Number(before.match(/(\d+) of 13/)![1]) + 1,
    );
    // A confirmation survives a reload (kept in IndexedDB).
    await options.reload();
    await options.waitForSelector(`${ITEM('fb.limitPastPosts')}[data-result="confirmed"]`);
    const undo = await options.waitForSelector(
      `${ITEM('fb.limitPastPosts')} ::-p-aria([name="Undo"][role="button"])`,
    );
    await undo!.click();
    await options.waitForSelector(`${ITEM('fb.limitPastPosts')}[data-result="could-not-check"]`);
    await options.close();
  });

  it('keeps a history of scores', async () => {
    const options = await auditOptions();
    const history = await options.$eval(
      '[data-testid="audit-history"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(history).toMatch(/of 13/);
    await options.close();
  });

  it('the popup shows the score for the site and the next step', async () => {
    const page = await clearline.openSite('https://www.instagram.com/alex.rivera.demo/');
    const popup = await clearline.openPopupFor(page);
    const line = await popup.waitForSelector(
      '[data-testid="audit-popup"] [data-testid="audit-score"]',
    );
    expect(await line!.evaluate((e) => (e as HTMLElement).innerText)).toMatch(/of 7/);
    const next = await popup.$eval(
      '[data-testid="audit-popup"]',
      (e) => (e as HTMLElement).innerText,
    );
    expect(next).toContain('Private account');
    expect(
      await popup.$(
        '[data-testid="audit-popup"] a[href="https://www.instagram.com/accounts/who_can_see_your_content/"]',
      ),
    ).not.toBeNull();
    await Promise.all([popup.close(), page.close()]);
  });

  it('the printable report names the coach, puts what needs a change first, and prints without buttons', async () => {
    // The coach's own name, entered once on the supervision summary.
    const summary = await clearline.openExtensionPage('summary.html');
    await summary.waitForSelector('input[name="coachName"]');
    await summary.type('input[name="coachName"]', 'Sam Rivera Coach');
    await summary.waitForSelector('[data-testid="summary-coach"]');
    await summary.close();

    const report = await clearline.openExtensionPage('report.html');
    await report.waitForFunction(() => document.body.innerText.includes('Private account'));
    const text = await report.$eval('body', (b) => (b as HTMLElement).innerText);
    expect(text).toContain('Coach: Sam Rivera Coach');
    expect(text).toContain('Who can send you friend requests');
    // What needs a change comes before the full list, each with its link.
    const first = await report.$$eval('[data-testid="report-fix-first"] li', (items) =>
      items.map((li) => ({
        id: li.getAttribute('data-item-id'),
        link: li.querySelector('a')?.getAttribute('href') ?? null,
      })),
    );
    expect(first.map((f) => f.id)).toContain('fb.friendRequests');
    for (const f of first) expect(f.link).toMatch(/^https:\/\/www\.(facebook|instagram)\.com\//);
    expect(text.indexOf('What to fix first')).toBeLessThan(text.indexOf('Private account'));
    expect(text).toMatch(/no information about clients/i);
    await report.emulateMediaType('print');
    const visibleButtons = await report.$$eval(
      'button',
      (bs) => bs.filter((b) => getComputedStyle(b).display !== 'none').length,
    );
    expect(visibleButtons).toBe(0);
    await report.close();
  });
});

describe('the newer settings wordings (issue 16 point 6)', () => {
  it('a newer "Audience and visibility" section is read like the classic tab', async () => {
    const expected = {
      'fb.friendRequests': 'pass',
      'fb.friendsList': 'fail',
      'fb.lookupEmail': 'pass',
      'fb.lookupPhone': 'fail',
      'fb.searchEngines': 'pass',
    };
    const { options, got } = await visitAndRead(
      'https://www.facebook.com/settings/?tab=how_people_find_and_contact_you',
      expected,
    );
    expect(got).toEqual(expected);
    await options.close();
  });

  it('the newer Posts section in both languages, and the newest Instagram suggestions switch', async () => {
    // English first (Public: fail), then Spanish (Amigos: pass): each reading lands.
    for (const [url, expected] of [
      ['https://www.facebook.com/settings/?tab=posts', { 'fb.futurePosts': 'fail' }],
      ['https://www.facebook.com/settings/?tab=posts&locale=es_LA', { 'fb.futurePosts': 'pass' }],
      ['https://www.instagram.com/accounts/edit/?layout=2026', { 'ig.accountSuggestions': 'pass' }],
    ] as const) {
      const { options, got } = await visitAndRead(url, expected);
      expect(got, url).toEqual(expected);
      await options.close();
    }
  });
});
