#!/usr/bin/env node
// `npm run screenshots`: build, run Clearline headless on the offline practice
// site, and save the README's pictures to docs/screenshots/: the boundary prompt
// on a practice Facebook profile, the popup, the options page, the observation
// log (with a few made-up observations about the demo clients) and the printable
// privacy report. Everything shown is practice data; nothing reaches the network.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/launch.mjs';
import { servePracticeSite } from '../tests/support/practice-site.mjs';

const OUT = 'docs/screenshots';
const WIDTH = 1000;

const build = spawnSync('node_modules/.bin/wxt', ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
mkdirSync(OUT, { recursive: true });

const { browser, extensionId, close } = await launchBrowser({ headless: true });
const base = `chrome-extension://${extensionId}/`;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function sitePage(url) {
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: 700 });
  await servePracticeSite(page);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

async function extensionPage(path, height = 900) {
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height });
  await page.goto(base + path, { waitUntil: 'load' });
  return page;
}

async function waitForPrompt(page) {
  const started = Date.now();
  for (;;) {
    const frame = page.frames().find((f) => f.url().includes('/prompt.html'));
    if (frame) {
      await frame.waitForSelector('button');
      // Past the prompt's first 600 ms, when its buttons ignore clicks.
      await pause(800);
      return frame;
    }
    if (Date.now() - started > 10_000) throw new Error('the prompt did not appear');
    await pause(100);
  }
}

async function press(frame, name) {
  const button = await frame.waitForSelector(`::-p-aria([name="${name}"][role="button"])`);
  await button.click();
  await pause(700);
}

async function fill(page, selector, text) {
  await page.waitForSelector(selector);
  await page.$eval(selector, (el) => (el.value = ''));
  await page.type(selector, text);
}

async function saved(name) {
  console.log(`saved ${OUT}/${name}`);
  return join(OUT, name);
}

// The demo clients, as a coach would add them in Settings.
{
  const options = await extensionPage('options.html');
  for (const client of [
    { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' },
    { url: 'facebook.com/maria.lopez.demo', label: 'M.L.' },
  ]) {
    await fill(options, 'form[data-testid="add-client"] input[name="profileUrl"]', client.url);
    await fill(options, 'form[data-testid="add-client"] input[name="label"]', client.label);
    const before = await options.$$eval('li[data-testid="client"]', (l) => l.length);
    await options.click('form[data-testid="add-client"] button[type="submit"]');
    await options.waitForFunction(
      (n) => document.querySelectorAll('li[data-testid="client"]').length === n,
      {},
      before + 1,
    );
  }
  await options.close();
}

// The privacy check reads the practice settings pages, so the report has results.
for (const url of [
  'https://www.facebook.com/settings/?tab=privacy',
  'https://www.facebook.com/settings/?tab=followers',
  'https://www.facebook.com/settings/?tab=profile_and_tagging',
  'https://www.facebook.com/sam.rivera.coach',
  'https://www.instagram.com/accounts/privacy_and_security/',
]) {
  const page = await sitePage(url);
  await pause(1_000);
  await page.close();
}

// Observations: a note for follow-up and an urgent one, on Alex's post in the feed.
for (const [choice, note] of [
  [
    'Note for follow-up',
    'Posted a check-in from out of state. Ask about the trip at Thursday’s session.',
  ],
  ['Risk of harm', null],
]) {
  const page = await sitePage('https://www.facebook.com/');
  await page.hover('div[aria-posinset="1"] [data-ad-rendering-role="story_message"]');
  await pause(300);
  await page.click(
    'div[aria-posinset="1"] [aria-label="Send this to friends or post it on your profile."]',
  );
  const frame = await waitForPrompt(page);
  await press(frame, choice);
  if (note) {
    await frame.type('textarea[name="note"]', note);
    await press(frame, 'Save for follow-up');
  }
  await press(frame, 'Close');
  await page.close();
}

// 1. The boundary prompt, as a coach meets it before adding someone.
{
  const page = await sitePage('https://www.facebook.com/alex.rivera.demo');
  await page.bringToFront();
  await page.click('[role="main"] [aria-label="Add friend"]');
  await waitForPrompt(page);
  await page.screenshot({ path: await saved('prompt.png') });
  await page.close();
}

// 2. The popup, describing a practice profile.
{
  const page = await sitePage('https://www.facebook.com/maria.lopez.demo');
  const popup = await extensionPage('popup.html', 640);
  const tabId = await popup.evaluate(
    async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null,
    page.url(),
  );
  await popup.goto(`${base}popup.html?tabId=${tabId}`, { waitUntil: 'load' });
  await popup.setViewport({ width: 380, height: 640 });
  await popup.waitForSelector('[data-testid="page-status"][data-state="active"]');
  await popup.waitForSelector('[data-testid="observations-popup"]');
  await popup.waitForSelector('[data-testid="audit-popup"]');
  // Whose profile it is comes once the page has said (the popup asks again then).
  await popup
    .waitForFunction(() => !document.body.innerText.includes('could not tell whose'), {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await pause(300);
  const height = await popup.$eval('main', (m) => Math.ceil(m.getBoundingClientRect().height));
  await popup.screenshot({
    path: await saved('popup.png'),
    clip: { x: 0, y: 0, width: 380, height },
  });
  await Promise.all([popup.close(), page.close()]);
}

// 3. Settings, on the client list page.
{
  const options = await extensionPage('options.html#clients');
  await options.waitForSelector('[data-testid="lock-state"][data-state="ready"]');
  await options.waitForSelector('li[data-testid="client"]');
  await pause(300);
  await options.screenshot({ path: await saved('options.png') });

  // 4. The observation log, on its own page of Settings.
  await options.evaluate(() => (location.hash = '#observations'));
  await options.waitForSelector('section#observations li[data-testid="observation"]');
  // Page coordinates of the section (a clip is taken from the top of the page).
  const box = await options.$eval('section#observations', (el) => {
    const r = el.getBoundingClientRect();
    return { y: r.top + window.scrollY, height: r.height };
  });
  await options.screenshot({
    path: await saved('observation-log.png'),
    captureBeyondViewport: true,
    clip: {
      x: 0,
      y: Math.max(0, box.y - 8),
      width: WIDTH,
      height: Math.min(Math.ceil(box.height) + 24, 1400),
    },
  });
  await options.close();
}

// 5. The printable privacy report.
{
  const report = await extensionPage('report.html', 1100);
  await report.waitForSelector('[data-testid="audit-item"]');
  await pause(300);
  await report.screenshot({ path: await saved('report.png') });
  await report.close();
}

await close();
