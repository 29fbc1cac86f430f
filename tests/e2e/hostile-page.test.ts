// A hostile page at the real site addresses, as an attacker would write it
// (issue 21): it tries to switch Clearline off, to trick the coach into clicking
// through a question it hides, and to learn who is a client from what its own
// listeners see. Each test here failed on the code before the fix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { FIXTURES_DIR } from '../support/practice-site.mjs';
import { startClearline, type Clearline } from './clearline';
import { addClient } from './options-page';
import {
  choose,
  pageSaw,
  promptFrame,
  promptFrames,
  promptText,
  waitForPrompt,
  waitForPromptGone,
} from './prompt-page';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
  const options = await clearline.openExtensionPage('options.html');
  await options.waitForSelector('form[data-testid="add-client"]');
  await addClient(options, { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' });
  await addClient(options, { url: 'facebook.com/profile.php?id=100012345678901' });
  await addClient(options, { url: 'instagram.com/alex.rivera.demo' });
  await options.close();
});
afterAll(async () => {
  await clearline?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Facebook profile of someone not on the list: the practice profile, for Jordan. */
const STRANGER = 'https://www.facebook.com/jordan.lee.demo';
const strangerProfile = readFileSync(
  join(FIXTURES_DIR, 'practice/facebook/profile-other.html'),
  'utf8',
)
  .replaceAll('alex.rivera.demo', 'jordan.lee.demo')
  .replaceAll('Alex Rivera', 'Jordan Lee');
const EXTRA = { [STRANGER]: strangerProfile };

/** Every event of a press the page's own listeners (its first script) receive, in order. */
async function recordPageEvents(page: Page) {
  await page.evaluateOnNewDocument(() => {
    const seen: string[] = [];
    (window as unknown as { __events: string[] }).__events = seen;
    const types = [
      'pointerdown',
      'mousedown',
      'pointerup',
      'mouseup',
      'click',
      'auxclick',
      'touchstart',
      'touchend',
      'keydown',
      'keyup',
    ];
    for (const type of types)
      document.addEventListener(type, (e) => seen.push(`${type}:${e.isTrusted}`), true);
    window.addEventListener('blur', () => seen.push('blur'));
  });
}
const pageEvents = (page: Page) =>
  page.evaluate(() => (window as unknown as { __events: string[] }).__events.splice(0));

async function openWithRecorder(url: string, extra?: Record<string, string>) {
  const page = await clearline.browser.newPage();
  await recordPageEvents(page);
  const { servePracticeSite } = await import('../support/practice-site.mjs');
  await servePracticeSite(page, { extra });
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/** Where a prompt button is on the page (its frame's place plus its own). */
async function buttonPoint(page: Page, frame: Frame, name: string) {
  const button = await frame.waitForSelector(`::-p-aria([name="${name}"][role="button"])`);
  const inFrame = await button!.evaluate((b) => {
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  const owner = await frame.frameElement();
  const box = await owner!.evaluate((f) => {
    const r = f.getBoundingClientRect();
    return { x: r.x, y: r.y };
  });
  return { x: box.x + inFrame.x, y: box.y + inFrame.y };
}

/**
 * Where a button of the question is, as soon as its frame (shown or covered) renders it;
 * null if the question was already closed as covered before it rendered one.
 */
async function buttonPointSoon(page: Page, name: string) {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    for (const frame of promptFrames(page)) {
      try {
        if (await frame.$(`::-p-aria([name="${name}"][role="button"])`))
          return await buttonPoint(page, frame, name);
      } catch {
        // the frame went away (closed as covered): look at the others
      }
    }
    await sleep(25);
  }
  return null;
}

/** The "stopped" notice, or the browser's own alert when even that was hidden: the coach is told. */
async function coachIsTold(page: Page, alerts: string[]): Promise<string> {
  const deadline = Date.now() + 20_000; // the notice is a new frame: slow to load on a busy machine
  while (Date.now() < deadline) {
    if (alerts.length > 0) return alerts[0]!;
    const frame = await promptFrame(page);
    const text = frame ? await promptText(frame).catch(() => '') : '';
    if (text.includes('Clearline stopped this')) return text;
    await sleep(100);
  }
  throw new Error('the coach was never told');
}

/** The page's alert, the clicks and the closing can race; a step that hangs names itself. */
async function within<T>(what: string, ms: number, step: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([step, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The coach clicks where a button of the (hidden) prompt is, twice. Once the browser's own
 * alert has come (the prompt was already closed as covered) there is nothing more to hit.
 */
async function clickThrough(page: Page, point: { x: number; y: number } | null, alerts: string[]) {
  if (!point) return;
  for (const pause of [0, 300]) {
    await sleep(pause);
    if (alerts.length > 0) return;
    await within('a click through the cover', 10_000, page.mouse.click(point.x, point.y));
  }
}

function collectAlerts(page: Page): string[] {
  const alerts: string[] = [];
  // Counted once closed: a page closed while its alert is still open may never close.
  page.on('dialog', (dialog) => {
    void dialog.accept().finally(() => alerts.push(dialog.message()));
  });
  return alerts;
}

describe('the page cannot switch Clearline off', () => {
  const SITES = [
    {
      site: 'facebook',
      url: STRANGER,
      control: '[role="main"] [aria-label="Add friend"]',
    },
    {
      site: 'instagram',
      url: 'https://www.instagram.com/alex.rivera.demo/',
      control:
        '::-p-xpath(//header//*[(self::button or @role="button") and normalize-space()="Follow"])',
    },
  ];
  for (const { site, url, control } of SITES) {
    it(`${site}: a forged "content script started" event changes nothing, and none reaches the page`, async () => {
      const page = await clearline.browser.newPage();
      const id = clearline.extensionId;
      // The page's first script listens for WXT's start announcement, as an attacker would.
      await page.evaluateOnNewDocument((eventName: string) => {
        const heard: string[] = [];
        (window as unknown as { __heard: string[] }).__heard = heard;
        document.addEventListener(eventName, () => heard.push('started'));
      }, `${id}:${site}:wxt:content-script-started`);
      const { servePracticeSite } = await import('../support/practice-site.mjs');
      await servePracticeSite(page, { extra: EXTRA });
      await page.goto(url, { waitUntil: 'load' });
      expect(
        await page.evaluate(() => (window as unknown as { __heard: string[] }).__heard),
      ).toEqual([]);
      // The kill switch: the event WXT's context listened for, from "another" script.
      await page.evaluate(
        (extensionId: string, name: string) => {
          for (const messageId of ['forged', '', 'x'.repeat(40)])
            document.dispatchEvent(
              new CustomEvent(`${extensionId}:${name}:wxt:content-script-started`, {
                detail: { contentScriptName: name, messageId },
              }),
            );
        },
        id,
        site,
      );
      await sleep(300);
      await page.click(control);
      const frame = await waitForPrompt(page);
      expect(await pageSaw(page)).toBe(0);
      await choose(frame, 'Cancel');
      await waitForPromptGone(page);
      expect(await pageSaw(page)).toBe(0);
      await page.close();
    });
  }
});

describe('the page cannot hide the question and click through it', () => {
  const PROFILE = STRANGER;
  const ADD = '[role="main"] [aria-label="Add friend"]';

  /**
   * The page's own listener: as focus leaves the page for the prompt, a full-screen fake
   * page in the top layer over it, letting clicks through to whatever is under it.
   */
  const coverOnBlur = async (page: Page) => {
    // The page must have focus to lose it: with other tabs about, it may not.
    await page.bringToFront();
    await page.waitForFunction(() => document.hasFocus(), { polling: 50, timeout: 5_000 });
    await page.evaluate(() => {
      window.addEventListener(
        'blur',
        () => {
          const cover = document.createElement('div');
          cover.popover = 'manual';
          cover.textContent = 'Nothing to see here';
          cover.style.cssText =
            'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:white;pointer-events:none';
          document.body.append(cover);
          cover.showPopover();
        },
        { once: true },
      );
    });
  };

  it('a cover laid over the question as it takes focus (window blur): Continue cannot be hit, the action stays stopped', async () => {
    const page = await clearline.openSite(PROFILE, EXTRA);
    const alerts = collectAlerts(page);
    await coverOnBlur(page);
    const clickedAt = Date.now();
    await within('clicking Add friend', 10_000, page.click(ADD));
    const point = await buttonPointSoon(page, 'Continue');
    // Past the 600 ms every question waits: the coach, seeing only the fake page, clicks.
    await sleep(Math.max(0, 800 - (Date.now() - clickedAt)));
    // (On a slow machine the question may already be closed as covered: nothing to click.)
    await clickThrough(page, point, alerts);
    const told = await coachIsTold(page, alerts);
    expect(told).toMatch(/stopped/i);
    expect(await pageSaw(page, 'Add friend')).toBe(0);
    await within('closing the page', 15_000, page.close());
  });

  it('a cover that "Not a client" would be clicked through is not remembered', async () => {
    const page = await clearline.openSite(PROFILE, EXTRA);
    const alerts = collectAlerts(page);
    await coverOnBlur(page);
    const clickedAt = Date.now();
    await within('clicking Add friend', 10_000, page.click(ADD));
    const point = await buttonPointSoon(page, 'Not a client: go ahead');
    await sleep(Math.max(0, 800 - (Date.now() - clickedAt)));
    if (point && alerts.length === 0)
      await within('a click through the cover', 10_000, page.mouse.click(point.x, point.y));
    await coachIsTold(page, alerts);
    await within('closing the page', 15_000, page.close());
    // Nothing was remembered: the options page lists no "not a client" answer for Jordan.
    const options = await clearline.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid="decisions"], [data-testid="decisions-empty"]');
    const decisions = await options.$$eval('[data-testid="decisions"] li', (items) =>
      items.map((li) => (li as HTMLElement).innerText.toLowerCase()),
    );
    expect(decisions.join(' ')).not.toContain('jordan');
    await options.close();
  });

  it("a cover kept over a client's post reminder: its buttons cannot be hit, nothing is recorded, the coach is told", async () => {
    const page = await clearline.openSite('https://www.facebook.com/');
    const alerts = collectAlerts(page);
    const post = 'div[aria-posinset="1"]'; // Alex's post: a client's
    const share = '[aria-label="Send this to friends or post it on your profile."]';
    await within(
      'hovering the post',
      10_000,
      page.hover(`${post} [data-ad-rendering-role="story_message"]`),
    );
    await sleep(300); // the coach reads the post; Clearline learns whose it is
    // The page's own listener: at the Share click, a see-through fake page kept on top
    // of the top layer, raised again every frame, so the reminder is never seen.
    await page.evaluate((shareSelector) => {
      document.addEventListener(
        'click',
        (event) => {
          if (!(event.target as Element).closest(shareSelector)) return;
          const cover = document.createElement('div');
          cover.popover = 'manual';
          cover.textContent = 'Nothing to see here';
          cover.style.cssText =
            'position:fixed;inset:0;width:100vw;height:100vh;margin:0;border:0;background:white;pointer-events:none';
          document.body.append(cover);
          const raise = () => {
            cover.hidePopover();
            cover.showPopover();
            requestAnimationFrame(raise);
          };
          cover.showPopover();
          requestAnimationFrame(raise);
        },
        { capture: true, once: true },
      );
    }, share);
    const clickedAt = Date.now();
    await within('clicking Share', 10_000, page.click(`${post} ${share}`));
    const point = await buttonPointSoon(page, 'Risk of harm');
    // Past the 600 ms pause: the coach, seeing only the fake page, clicks twice.
    await sleep(Math.max(0, 800 - (Date.now() - clickedAt)));
    await clickThrough(page, point, alerts);
    expect(await coachIsTold(page, alerts)).toMatch(/hid Clearline.s reminder/i);
    await within('closing the page', 15_000, page.close());
    const options = await clearline.openExtensionPage('options.html#observations');
    await options.waitForSelector(
      'section[data-testid="observations"] :is(li[data-testid="observation"], [data-testid="observations-empty"])',
    );
    expect(await options.$$('li[data-testid="observation"][data-urgent="true"]')).toHaveLength(0);
    await options.close();
  });

  for (const what of ['the page', 'the prompt host'] as const) {
    it(`zoom on ${what} that shrinks the question: the action stays stopped and the coach is told`, async () => {
      const page = await clearline.openSite(PROFILE, EXTRA);
      const alerts = collectAlerts(page);
      await page.evaluate((onHost: boolean) => {
        window.addEventListener(
          'blur',
          () => {
            // The prompt's host is the element Clearline added last to <html>.
            const target = onHost
              ? (document.documentElement.lastElementChild as HTMLElement)
              : document.documentElement;
            target.style.setProperty('zoom', '0.2', 'important');
          },
          { once: true },
        );
      }, what === 'the prompt host');
      await within('clicking Add friend', 10_000, page.click(ADD));
      await coachIsTold(page, alerts);
      expect(await pageSaw(page, 'Add friend')).toBe(0);
      await within('closing the page', 15_000, page.close());
    });
  }
});

describe('the page cannot tell who is a client', () => {
  const HOME = 'https://www.facebook.com/';
  const POST = (n: number) => `div[aria-posinset="${n}"]`;
  const SHARE = '[aria-label="Send this to friends or post it on your profile."]';

  it("Share on a client's post and on a stranger's: the page sees the same events", async () => {
    const page = await openWithRecorder(HOME);
    const pressShare = async (n: number) => {
      await page.hover(`${POST(n)} [data-ad-rendering-role="story_message"]`);
      await sleep(300);
      await pageEvents(page);
      await page.click(`${POST(n)} ${SHARE}`);
      await sleep(800);
      return pageEvents(page);
    };
    const stranger = await pressShare(2); // Morgan: not on the list
    const client = await pressShare(1); // Alex: a client
    expect(stranger).toContain('click:true');
    expect(client).toEqual(stranger);
    // And the coach got the reminder for the client's post all the same.
    const frame = await waitForPrompt(page);
    expect(await promptText(frame)).toMatch(/probation/i);
    await choose(frame, 'Close');
    await page.close();
  });

  it('Add friend for a client and for a stranger: the page sees the same (nothing)', async () => {
    const press = async (url: string) => {
      const page = await openWithRecorder(url, EXTRA);
      await pageEvents(page);
      await page.click('[role="main"] [aria-label="Add friend"]');
      const frame = await waitForPrompt(page);
      const events = await pageEvents(page);
      await choose(frame, 'Cancel');
      await waitForPromptGone(page);
      events.push(...(await pageEvents(page)));
      await page.close();
      return events;
    };
    const stranger = await press(STRANGER);
    const client = await press('https://www.facebook.com/alex.rivera.demo');
    expect(stranger.filter((e) => e !== 'blur')).toEqual([]);
    expect(client).toEqual(stranger);
  });

  it("after hours, Enter in a client's thread and in a stranger's: both held alike", async () => {
    const options = await clearline.openExtensionPage('options.html');
    await options.evaluate(async () => {
      const stored = ((await chrome.storage.local.get('userSettings')).userSettings ?? {
        version: 1,
        values: {},
      }) as { version: number; values: Record<string, unknown> };
      stored.values.workHours = { days: [], start: '08:00', end: '18:00' };
      await chrome.storage.local.set({ userSettings: stored });
    });
    const clientThread = 'https://www.facebook.com/messages/t/100012345678901';
    const strangerThread = 'https://www.facebook.com/messages/t/100099999999999';
    const strangerHtml = readFileSync(join(FIXTURES_DIR, 'practice/facebook/messages.html'), 'utf8')
      .replaceAll('100012345678901', '100099999999999')
      .replaceAll('Casey Morgan Demo', 'Robin Stranger Demo');
    const type = async (url: string) => {
      const page = await openWithRecorder(url, { [strangerThread]: strangerHtml });
      await page.click('div[role="textbox"][contenteditable="true"]');
      await sleep(300);
      await page.keyboard.type('hi');
      await pageEvents(page);
      await page.keyboard.press('Enter');
      const frame = await waitForPrompt(page);
      await sleep(300);
      const events = await pageEvents(page);
      const text = await promptText(frame);
      await choose(frame, 'Cancel');
      await page.close();
      return { events, text };
    };
    const stranger = await type(strangerThread);
    const client = await type(clientThread);
    expect(stranger.text).toContain('Outside your working hours');
    expect(client.text).toContain('Outside your working hours');
    expect(stranger.events.filter((e) => e.startsWith('key'))).toEqual([]);
    expect(client.events).toEqual(stranger.events);
    // Back to the default hours for the other tests.
    await options.evaluate(async () => {
      const stored = (await chrome.storage.local.get('userSettings')).userSettings as {
        values: Record<string, unknown>;
      };
      delete stored.values.workHours;
      await chrome.storage.local.set({ userSettings: stored });
    });
    await options.close();
  });
});

describe('the pass after Continue belongs to one person', () => {
  it('a row the site reuses for a client does not let the next click through', async () => {
    const url = 'https://www.facebook.com/groups/demo.group/members';
    // A members list whose row is reused (virtualized) for another person, as feeds do.
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Members</title></head>
<body><div role="main"><div role="list">
  <div role="listitem" id="row"><a href="https://www.facebook.com/jordan.lee.demo" id="who">Jordan Lee Demo</a>
    <div role="button" tabindex="0" aria-label="Add friend" id="add"><span>Add friend</span></div></div>
</div></div>
<script>
  window.__pageSaw = { clicks: [] };
  // The site ignores replayed (untrusted) clicks, so Clearline lets the next real one through.
  document.getElementById('add').addEventListener('click', (e) => {
    if (e.isTrusted) window.__pageSaw.clicks.push({ label: document.getElementById('who').textContent, trusted: true });
  });
  window.__recycle = () => {
    const who = document.getElementById('who');
    who.href = 'https://www.facebook.com/alex.rivera.demo';
    who.textContent = 'Alex Rivera Demo';
  };
</script></body></html>`;
    const page = await clearline.openSite(url, { [url]: html });
    await page.hover('#add');
    await sleep(300);
    await page.click('#add');
    let frame = await waitForPrompt(page);
    await choose(frame, 'Continue');
    await waitForPromptGone(page);
    expect(await pageSaw(page)).toBe(0); // the replay was ignored by the site
    // The site reuses the row for a client before the coach clicks again.
    await page.evaluate(() => (window as unknown as { __recycle: () => void }).__recycle());
    await page.hover('#add');
    await sleep(300);
    await page.click('#add');
    frame = await waitForPrompt(page);
    expect(await promptText(frame)).toContain('A.R.');
    expect(await pageSaw(page)).toBe(0);
    await choose(frame, 'Cancel');
    await waitForPromptGone(page);
    await page.close();
  });

  it('the pass is spent once: a third click on the same person asks again', async () => {
    const url = 'https://www.facebook.com/groups/demo.group/members?two';
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Members</title></head>
<body><div role="main"><div role="list">
  <div role="listitem"><a href="https://www.facebook.com/jordan.lee.demo">Jordan Lee Demo</a>
    <div role="button" tabindex="0" aria-label="Add friend" id="add"><span>Add friend</span></div></div>
</div></div>
<script>
  window.__pageSaw = { clicks: [] };
  document.getElementById('add').addEventListener('click', (e) => {
    if (e.isTrusted) window.__pageSaw.clicks.push({ label: 'Add friend', trusted: true });
  });
</script></body></html>`;
    const page = await clearline.openSite(url, { [url]: html });
    await page.click('#add');
    const frame = await waitForPrompt(page);
    await choose(frame, 'Continue');
    await waitForPromptGone(page);
    await page.click('#add'); // the pass: this real click goes through once
    await sleep(300);
    expect(await pageSaw(page)).toBe(1);
    await page.click('#add'); // spent: asked again
    const again = await waitForPrompt(page);
    expect(await pageSaw(page)).toBe(1);
    await choose(again, 'Cancel');
    await page.close();
  });
});
