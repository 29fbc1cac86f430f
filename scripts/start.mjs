#!/usr/bin/env node
// `npm start`: build, then open Chromium with Clearline on the offline practice
// site. With a display, a normal window for a person to try (close it to stop).
// Without one, a headless walk through the practice pages that saves a
// screenshot of each page and of the popup describing it to demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../tests/support/launch.mjs';
import { loadRoutes, servePracticeSite } from '../tests/support/practice-site.mjs';

const build = spawnSync('node_modules/.bin/wxt', ['build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const routes = loadRoutes().filter((r) => !r.real || r.url.includes('instagram.com'));
const headless = !process.env.DISPLAY;
const { browser, extensionId, close } = await launchBrowser({ headless });

if (!headless) {
  // Every tab a person opens is answered from the practice site too.
  browser.on('targetcreated', async (target) => {
    const page = target.type() === 'page' ? await target.page().catch(() => null) : null;
    if (page) await servePracticeSite(page).catch(() => undefined);
  });
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  await servePracticeSite(page);
  await page.goto('https://www.facebook.com/', { waitUntil: 'load' });
  console.log(`Clearline ${extensionId} is loaded. Practice pages (open them in this window):`);
  for (const r of routes) console.log(`  ${r.url}`);
  console.log(
    "The extension's popup is under the puzzle-piece icon. Close the browser window to stop.",
  );
  await new Promise((resolve) => browser.on('disconnected', resolve));
  await close();
  process.exit(0);
}

const outDir = 'demo-output';
mkdirSync(outDir, { recursive: true });
console.log(`No display: a headless walk through the practice site. Screenshots go to ${outDir}/.`);
let index = 0;
let problems = 0;
for (const route of routes) {
  index += 1;
  const page = await browser.newPage();
  await servePracticeSite(page);
  await page.goto(route.url, { waitUntil: 'load' });
  const name =
    String(index).padStart(2, '0') +
    '-' +
    new URL(route.url).host.split('.')[1] +
    new URL(route.url).pathname.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
  await page.screenshot({ path: join(outDir, `${name}.png`) });

  // The popup as a tab, describing the page.
  const popup = await browser.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(
    async (url) => (await chrome.tabs.query({ url }))[0]?.id ?? null,
    page.url(),
  );
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
  await popup.setViewport({ width: 360, height: 560 });
  const said = await popup
    .waitForSelector('[data-testid="page-status"][data-state="active"]', { timeout: 5000 })
    .then((el) => el.evaluate((e) => e.innerText.replace(/\s+/g, ' ').trim()))
    .catch(async () => {
      problems += 1;
      return `NOT ACTIVE: ${await popup.$eval('[data-testid="page-status"]', (e) => e.innerText).catch(() => '?')}`;
    });
  await popup.screenshot({ path: join(outDir, `${name}-popup.png`) });
  console.log(
    `${route.url}\n    popup: ${said}\n    saved: ${outDir}/${name}.png, ${name}-popup.png`,
  );
  await Promise.all([popup.close(), page.close()]);
}

// The boundary prompt, as a coach meets it before adding someone.
{
  const page = await browser.newPage();
  await servePracticeSite(page);
  await page.goto('https://www.facebook.com/alex.rivera.demo', { waitUntil: 'load' });
  await page.click('[role="main"] [aria-label="Add friend"]');
  const started = Date.now();
  let frame;
  while (
    !(frame = page.frames().find((f) => f.url().includes('/prompt.html'))) &&
    Date.now() - started < 5000
  ) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (frame) {
    await frame.waitForSelector('button').catch(() => undefined);
    await new Promise((r) => setTimeout(r, 700));
    await page.screenshot({ path: join(outDir, 'prompt-add-friend.png') });
    console.log(`Boundary prompt on "Add friend": saved ${outDir}/prompt-add-friend.png`);
  } else {
    problems += 1;
    console.log('Boundary prompt on "Add friend": NOT SHOWN');
  }
  await page.close();
}
await close();
console.log(
  `Walked ${routes.length} practice pages; ${problems ? `${problems} did not show Clearline as active` : 'Clearline was active on every one'}.`,
);
process.exit(problems ? 1 : 0);
