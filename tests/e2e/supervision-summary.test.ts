// The supervision summary as a supervisor reads it: after a coach's real use (a
// client on the list, a prompt cancelled, a post reminder closed, a privacy
// settings page read), summary.html shows the figures in words and charts, with
// the coach's own name, in English and in Spanish, and prints (page.pdf) with no
// client string anywhere in what is printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { addClient } from './options-page';
import { choose, waitForPrompt, waitForPromptGone } from './prompt-page';

const COACH = 'Sam Rivera Coach';
/** Every string that names the client, in any form the product stores or shows. */
const CLIENT_STRINGS = /alex|rivera\.demo|A\.R\.|pfbid|met at the clinic/i;

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
  const options = await clearline.openExtensionPage('options.html#clients');
  await addClient(options, {
    url: 'facebook.com/alex.rivera.demo',
    label: 'A.R.',
    note: 'met at the clinic',
  });
  await options.close();

  // A prompt, cancelled: Add friend on the client's profile.
  const profile = await clearline.openSite('https://www.facebook.com/alex.rivera.demo');
  await profile.click('[role="main"] [aria-label="Add friend"]');
  await choose(await waitForPrompt(profile), 'Cancel');
  await waitForPromptGone(profile);
  await profile.close();

  // A post reminder, closed: Share on the client's post in the feed.
  const feed = await clearline.openSite('https://www.facebook.com/');
  await feed.hover('div[aria-posinset="1"] [data-ad-rendering-role="story_message"]');
  await new Promise((r) => setTimeout(r, 300));
  await feed.click(
    'div[aria-posinset="1"] [aria-label="Send this to friends or post it on your profile."]',
  );
  await choose(await waitForPrompt(feed), 'Close');
  await waitForPromptGone(feed);
  await feed.close();

  // The privacy settings page, read (some settings need a change).
  const settings = await clearline.openSite('https://www.facebook.com/settings/?tab=privacy');
  await new Promise((r) => setTimeout(r, 1500));
  await settings.close();
});
afterAll(async () => {
  await clearline?.close();
});

async function openSummary(): Promise<Page> {
  // As a coach gets there: Settings, the prompts page, "Open the supervision summary".
  const options = await clearline.openExtensionPage('options.html#prompts');
  const link = await options.waitForSelector('a[data-testid="open-summary"]');
  const opened = new Promise<Page>((resolve) =>
    clearline.browser.once(
      'targetcreated',
      (target) => void target.page().then((p) => p && resolve(p)),
    ),
  );
  await link!.click();
  const page = await opened;
  await options.close();
  await page.waitForSelector('[data-testid="summary-prompts"]', { timeout: 15_000 });
  return page;
}

const text = (page: Page) => page.$eval('body', (b) => (b as HTMLElement).innerText);

describe('the supervision summary page', () => {
  it('shows the figures in words and charts, with the name the coach enters', async () => {
    const page = await openSummary();
    await page.type('input[name="coachName"]', COACH);
    await page.waitForSelector('[data-testid="summary-coach"]');
    const body = await text(page);
    expect(body).toContain(`Coach: ${COACH}`);
    expect(body).toMatch(/Adding a friend or confirming a request. Times Clearline asked: 1\./);
    expect(body).toMatch(/Times Clearline reminded you to talk with the person first: 1\./);
    expect(body).toContain('What to fix first');
    for (const chart of ['friend', 'reminders', 'observations'])
      expect(
        await page.$eval(`[data-testid="summary-chart-${chart}"]`, (svg) =>
          svg.getAttribute('aria-label'),
        ),
      ).toMatch(/\d/);
    expect(
      await page.$eval('[data-testid="summary-chart-friend"]', (svg) =>
        svg.getAttribute('aria-label'),
      ),
    ).toMatch(/Asked 1.*Cancelled 1/);
    expect(await page.$$('[data-testid="summary-fix-first"] li')).not.toHaveLength(0);
    expect(body).not.toMatch(CLIENT_STRINGS);
    await page.close();
  });

  it('keeps the name, and prints to PDF with no client string in what is printed', async () => {
    const page = await openSummary();
    await page.waitForSelector('[data-testid="summary-coach"]'); // kept from the last visit
    await page.emulateMediaType('print');
    const printed = await text(page);
    expect(printed).toContain(COACH);
    expect(printed).not.toMatch(CLIENT_STRINGS);
    // The controls are not printed.
    expect(await page.$eval('form.summary-controls', (f) => getComputedStyle(f).display)).toBe(
      'none',
    );
    const pdf = Buffer.from(await page.pdf({ format: 'Letter' }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    await page.close();
  });

  it('speaks Spanish when the coach chose Español', async () => {
    const options = await clearline.openExtensionPage('options.html#prompts');
    await options.waitForSelector('select[name="locale"]');
    await options.select('select[name="locale"]', 'es');
    await options.waitForFunction(() => document.documentElement.lang === 'es');
    await options.close();
    const page = await openSummary();
    await page.waitForFunction(() => document.documentElement.lang === 'es');
    const body = await text(page);
    expect(body).toContain('Resumen para supervisión');
    expect(body).toContain(`Coach: ${COACH}`);
    expect(body).toMatch(/Veces que Clearline preguntó: 1\./);
    expect(body).not.toMatch(CLIENT_STRINGS);
    await page.close();
  });
});
