// The observed-post reminder and the observation log in a real browser: Share,
// Save, Copy link, copying text and commenting on a marked client's post bring
// the reminder beside the action, which goes on as on anyone's post (holding it
// only for clients would tell the page who they are); a non-client's post does not;
// notes and urgent observations land in the log, survive a restart, count on
// the badge, and the supervision export names no one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { catchDownloads } from './downloads';
import { addClient } from './options-page';
import {
  choose,
  expectNoPrompt,
  pageSaw,
  promptText,
  waitForPrompt,
  waitForPromptGone,
} from './prompt-page';

const profileDir = mkdtempSync(join(tmpdir(), 'clearline-obs-profile-'));
const downloads = mkdtempSync(join(tmpdir(), 'clearline-obs-downloads-'));
let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline({ userDataDir: profileDir });
  const options = await clearline.openExtensionPage('options.html#clients');
  await options.waitForSelector('form[data-testid="add-client"]');
  await addClient(options, { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' });
  await options.close();
});
afterAll(async () => {
  await clearline?.close();
  rmSync(profileDir, { recursive: true, force: true });
  rmSync(downloads, { recursive: true, force: true });
});

const HOME = 'https://www.facebook.com/';
/** Alex's post is feed item 1; Morgan's (not a client) is item 2. */
const POST = (n: number) => `div[aria-posinset="${n}"]`;
const SHARE = '[aria-label="Send this to friends or post it on your profile."]';

/** The coach reads the post (the pointer rests on it) before acting, as people do. */
async function readPost(page: Page, n: number) {
  await page.hover(`${POST(n)} [data-ad-rendering-role="story_message"]`);
  await new Promise((r) => setTimeout(r, 300));
}

async function observations(page: Page) {
  // The section is there at once; its list once it has loaded (items, or the empty line).
  await page.waitForSelector(
    'section[data-testid="observations"] :is(li[data-testid="observation"], [data-testid="observations-empty"])',
  );
  return page.$$eval('li[data-testid="observation"]', (items) =>
    items.map((li) => ({
      status: li.getAttribute('data-status'),
      urgent: li.getAttribute('data-urgent'),
      text: (li as HTMLElement).innerText,
    })),
  );
}

describe('observed-post reminder', () => {
  it("Share on a client's post: the share goes on as for anyone, the reminder shows beside it", async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 1);
    await page.click(`${POST(1)} ${SHARE}`);
    const frame = await waitForPrompt(page);
    // The page had the click at once, exactly as on a stranger's post.
    expect(await pageSaw(page)).toBe(1);
    const text = await promptText(frame);
    expect(text).toMatch(/probation/i);
    expect(text).toContain("didn't stop anything");
    for (const name of ['Note for follow-up', 'Risk of harm', 'Close']) {
      expect(await frame.$(`::-p-aria([name="${name}"][role="button"])`), name).not.toBeNull();
    }
    for (const name of ['Continue', 'Cancel'])
      expect(await frame.$(`::-p-aria([name="${name}"][role="button"])`), name).toBeNull();
    // The reminder took no focus from the page.
    expect(await page.evaluate(() => document.hasFocus())).toBe(true);
    await choose(frame, 'Close');
    await waitForPromptGone(page);
    expect(await pageSaw(page)).toBe(1);
    await page.close();
  });

  it("a non-client's post triggers nothing", async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 2);
    await page.click(`${POST(2)} ${SHARE}`);
    await expectNoPrompt(page);
    expect(await pageSaw(page)).toBe(1);
    await page.close();
  });

  it("Save post and Copy link in a client post's menu bring the reminder", async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 1);
    for (const item of ['Save post', 'Copy link']) {
      await page.click(`${POST(1)} [aria-label="Actions for this post"]`);
      const menuItem = `::-p-xpath(//*[@role="menuitem"][.//text()[normalize-space()="${item}"]])`;
      await page.waitForSelector(menuItem);
      const before = await pageSaw(page);
      await page.click(menuItem);
      const frame = await waitForPrompt(page);
      expect(await pageSaw(page), item).toBe(before + 1);
      await choose(frame, 'Close');
      await waitForPromptGone(page);
      await page.keyboard.press('Escape');
    }
    await page.close();
  });

  it('copying text from a client post brings it; copying elsewhere does not', async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 1);
    const selectIn = (selector: string) =>
      page.evaluate((sel) => {
        const node = document.querySelector(sel) as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(node);
        const selection = getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
      }, selector);
    const copy = async () => {
      await page.keyboard.down('Control');
      await page.keyboard.press('KeyC', { commands: ['Copy'] });
      await page.keyboard.up('Control');
    };
    await selectIn(`${POST(2)} [data-ad-rendering-role="story_message"]`);
    await copy();
    await expectNoPrompt(page);
    await selectIn(`${POST(1)} [data-ad-rendering-role="story_message"]`);
    await copy();
    const frame = await waitForPrompt(page);
    await choose(frame, 'Close');
    await page.close();
  });

  it('commenting on a client post reminds that a public comment can reveal the connection', async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 1);
    await page.click(`${POST(1)} [aria-label="Leave a comment"]`);
    const frame = await waitForPrompt(page);
    expect(await promptText(frame)).toMatch(/42 CFR Part 2/);
    await choose(frame, 'Close');
    // Reacting does not remind unless the coach turns that on.
    await page.click(`${POST(1)} [aria-label="Like"]`);
    await expectNoPrompt(page);
    await page.close();
  });

  it("Instagram: Share and Save on a client's post page bring the reminder", async () => {
    const options = await clearline.openExtensionPage('options.html#clients');
    await options.waitForSelector('form[data-testid="add-client"]');
    await addClient(options, { url: 'instagram.com/alex.rivera.demo' });
    await options.close();
    const page = await clearline.openSite('https://www.instagram.com/p/C0dEmOpost1/');
    await page.hover('article');
    await new Promise((r) => setTimeout(r, 300));
    for (const label of ['Share', 'Save']) {
      const control = `article [role="button"]:has(> svg[aria-label="${label}"]), article [role="button"]:has(svg[aria-label="${label}"])`;
      const before = await pageSaw(page);
      await page.click(control);
      const frame = await waitForPrompt(page);
      expect(await pageSaw(page), label).toBe(before + 1);
      await choose(frame, 'Close');
      await waitForPromptGone(page);
    }
    await page.close();
  });

  it('"Note for follow-up" creates an entry the options page shows', async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 1);
    await page.click(`${POST(1)} ${SHARE}`);
    const frame = await waitForPrompt(page);
    await choose(frame, 'Note for follow-up');
    await frame.type('textarea[name="note"]', 'Posted about a party on Friday');
    await choose(frame, 'Save for follow-up');
    await frame.waitForFunction(() => document.body.innerText.includes('Saved for follow-up'));
    await choose(frame, 'Close');
    await page.close();
    const options = await clearline.openExtensionPage('options.html#observations');
    const list = await observations(options);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'to-discuss', urgent: 'false' });
    expect(list[0]?.text).toContain('A.R.');
    expect(list[0]?.text).toContain('Posted about a party on Friday');
    await options.close();
  });

  it('"Risk of harm" shows the crisis protocol and records an urgent observation', async () => {
    const page = await clearline.openSite(HOME);
    await readPost(page, 1);
    await page.click(`${POST(1)} ${SHARE}`);
    const frame = await waitForPrompt(page);
    await choose(frame, 'Risk of harm');
    await frame.waitForFunction(() => document.body.innerText.includes('988'));
    await choose(frame, 'Close');
    await page.close();
    const options = await clearline.openExtensionPage('options.html#observations');
    const list = await observations(options);
    expect(list.filter((o) => o.urgent === 'true')).toHaveLength(1);
    await options.close();
  });

  it('the badge counts the observations still to discuss', async () => {
    const options = await clearline.openExtensionPage('options.html#observations');
    await expect
      .poll(() => options.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 })
      .toBe('2');
    await options.close();
  });

  it('a status change persists across a browser restart', async () => {
    let options = await clearline.openExtensionPage('options.html#observations');
    await options.waitForSelector('li[data-testid="observation"][data-urgent="false"]');
    const button = await options.waitForSelector(
      'li[data-testid="observation"][data-urgent="false"] ::-p-aria([name="Discussed with them"][role="button"])',
    );
    await button!.click();
    await options.waitForSelector('li[data-testid="observation"][data-status="discussed"]');
    await options.close();
    await clearline.close();
    clearline = await startClearline({ userDataDir: profileDir });
    options = await clearline.openExtensionPage('options.html#observations');
    await options.waitForSelector('li[data-testid="observation"][data-status="discussed"]', {
      timeout: 15_000,
    });
    await expect
      .poll(() => options.evaluate(() => chrome.action.getBadgeText({})), { timeout: 10_000 })
      .toBe('1');
    await options.close();
  });

  it('the de-identified supervision export names no one', async () => {
    const options = await clearline.openExtensionPage('options.html#observations');
    const caught = await catchDownloads(clearline.browser, downloads);
    const button = await options.waitForSelector(
      '::-p-aria([name="Export supervision summary"][role="button"])',
    );
    await button!.click();
    const files = await caught.finished(2);
    await caught.stop();
    expect(files.map((f) => f.name.replace(/.*\./, '')).sort()).toEqual(['csv', 'json']);
    for (const file of files) {
      const text = readFileSync(file.path, 'utf8');
      expect(text, file.name).not.toMatch(/alex|rivera|A\.R\.|party|pfbid/i);
    }
    const csv = readFileSync(files.find((f) => f.name.endsWith('.csv'))!.path, 'utf8');
    expect(csv).toMatch(/^observations\.urgent,Observations: risk of harm,[\d-]+,[\d-]+,1$/m);
    await options.close();
  });
});
