// The prompt's frame sized to its content, in a real browser: for every stage,
// in English and Spanish, at 1280x720 and 800x600, every button is inside the
// viewport and inside the frame (the body scrolls, the buttons stay), and a
// short question's frame is no taller than its content. Then what the answers
// do: "Not a client: go ahead" lets the action through once; Save says so once
// and leaves Close as the one next step; the "click again" hint appears only
// when the replayed click changed nothing on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { addClient, showSettingsPage } from './options-page';
import {
  buttonNames,
  choose,
  promptFrame,
  promptText,
  waitForPrompt,
  waitForPromptGone,
} from './prompt-page';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
  const options = await clearline.openExtensionPage('options.html#clients');
  await options.waitForSelector('form[data-testid="add-client"]');
  await addClient(options, { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' });
  await showSettingsPage(options, 'prompts');
  // No working days: every message to a client is after hours.
  for (const day of [1, 2, 3, 4, 5]) {
    const box = `input[name="workHours.day${day}"]`;
    await options.click(box);
    await options.waitForSelector(`${box}:not(:checked)`);
    await options.waitForFunction(
      async (d: number) => {
        const stored = (await chrome.storage.local.get('userSettings')).userSettings as
          { values?: { workHours?: { days?: number[] } } } | undefined;
        return !(stored?.values?.workHours?.days ?? [1, 2, 3, 4, 5]).includes(d);
      },
      {},
      day,
    );
  }
  await options.close();
});
afterAll(async () => {
  await clearline?.close();
});

const ALEX = 'https://www.facebook.com/alex.rivera.demo';
const MARIA = 'https://www.facebook.com/maria.lopez.demo';
const HOME = 'https://www.facebook.com/';
const POST = 'div[aria-posinset="1"]';
const SHARE = '[aria-label="Send this to friends or post it on your profile."]';

async function setLocale(locale: 'en' | 'es' | 'browser') {
  const options = await clearline.openExtensionPage('options.html#prompts');
  await options.waitForSelector('select[name="locale"]');
  await options.select('select[name="locale"]', locale);
  await options.waitForFunction(
    (lang: string) => document.documentElement.lang === lang,
    {},
    locale === 'browser' ? 'en' : locale,
  );
  await options.close();
}

async function shareAlexsPost(page: Page): Promise<Frame> {
  await page.hover(`${POST} [data-ad-rendering-role="story_message"]`);
  await new Promise((r) => setTimeout(r, 300));
  await page.click(`${POST} ${SHARE}`);
  return waitForPrompt(page);
}

interface Stage {
  name: string;
  url: string;
  /** Brings the prompt to the stage; its buttons' names, by locale. */
  open(page: Page): Promise<Frame>;
  /** The stage, as the prompt's data-stage says. */
  stage: string;
  /** A short question: the frame must not be much taller than what it shows. */
  short?: boolean;
  close: { en: string; es: string };
}

const byName = (frame: Frame, en: string, es: string) =>
  frame.$eval('html', (el) => el.lang).then((lang) => choose(frame, lang === 'es' ? es : en));

const STAGES: Stage[] = [
  {
    name: 'the question about someone new',
    url: MARIA,
    stage: 'ask',
    short: true,
    open: async (page) => {
      await page.click('[role="main"] [aria-label="Agregar a amigos"]');
      return waitForPrompt(page);
    },
    close: { en: 'Cancel', es: 'Cancelar' },
  },
  {
    name: 'the guidance for a client',
    url: ALEX,
    stage: 'guidance',
    open: async (page) => {
      await page.click('[role="main"] [aria-label="Add friend"]');
      return waitForPrompt(page);
    },
    close: { en: 'Cancel', es: 'Cancelar' },
  },
  {
    name: 'after hours (a message to a client)',
    url: ALEX,
    stage: 'guidance',
    open: async (page) => {
      await page.click('[role="main"] [aria-label="Message"]');
      const frame = await waitForPrompt(page);
      await frame.waitForSelector('.prompt-notice');
      return frame;
    },
    close: { en: 'Cancel', es: 'Cancelar' },
  },
  {
    name: 'the observed-post reminder',
    url: HOME,
    stage: 'observed',
    open: shareAlexsPost,
    close: { en: 'Close', es: 'Cerrar' },
  },
  {
    name: 'the note-for-follow-up form',
    url: HOME,
    stage: 'observed',
    open: async (page) => {
      const frame = await shareAlexsPost(page);
      await byName(frame, 'Note for follow-up', 'Nota para seguimiento');
      await frame.waitForSelector('textarea[name="note"]');
      return frame;
    },
    close: { en: 'Close', es: 'Cerrar' },
  },
  {
    name: 'the crisis protocol',
    url: HOME,
    stage: 'crisis',
    open: async (page) => {
      const frame = await shareAlexsPost(page);
      await byName(frame, 'Risk of harm', 'Riesgo de daño');
      await frame.waitForSelector('[data-stage="crisis"]');
      return frame;
    },
    close: { en: 'Close', es: 'Cerrar' },
  },
];

/** Where the frame sits on the page, and where each visible button sits in it. */
async function layout(page: Page, frame: Frame) {
  const owner = await frame.frameElement();
  const box = await owner!.boundingBox();
  await owner!.dispose();
  const inside = await frame.evaluate(() => {
    const dialog = document.querySelector('.prompt-dialog')!;
    const scroll = dialog.querySelector('.prompt-scroll')!;
    const footer = dialog.querySelector('.prompt-footer')!;
    return {
      height: window.innerHeight,
      width: window.innerWidth,
      content: scroll.scrollHeight + footer.getBoundingClientRect().height,
      buttons: [...document.querySelectorAll('button')]
        .filter((b) => b.offsetParent !== null)
        .map((b) => {
          const r = b.getBoundingClientRect();
          return { name: b.innerText.trim(), top: r.top, bottom: r.bottom, right: r.right };
        }),
    };
  });
  const viewport = page.viewport()!;
  return { box: box!, viewport, ...inside };
}

for (const [width, height] of [
  [1280, 720],
  [800, 600],
] as const) {
  for (const locale of ['en', 'es'] as const) {
    describe(`every stage at ${width}x${height}, ${locale}`, () => {
      beforeAll(() => setLocale(locale));
      afterAll(() => setLocale('browser'));
      for (const stage of STAGES) {
        it(`${stage.name}: every button on screen, inside the frame`, async () => {
          const page = await clearline.openSite(stage.url);
          await page.setViewport({ width, height });
          const frame = await stage.open(page);
          await frame.waitForSelector(`[data-stage="${stage.stage}"][data-inert="false"]`, {
            timeout: 10_000,
          });
          const seen = await layout(page, frame);
          // The frame is whole on the page.
          expect(seen.box.y).toBeGreaterThanOrEqual(0);
          expect(seen.box.y + seen.box.height).toBeLessThanOrEqual(height + 1);
          expect(seen.buttons.length).toBeGreaterThan(0);
          for (const button of seen.buttons) {
            expect(button.top, button.name).toBeGreaterThanOrEqual(0);
            expect(button.bottom, button.name).toBeLessThanOrEqual(seen.height + 1);
            expect(button.right, button.name).toBeLessThanOrEqual(seen.width + 1);
          }
          // As tall as its content, up to the viewport: never a third of it empty.
          expect(seen.height).toBeLessThanOrEqual(Math.max(seen.content, 140) + 24);
          if (seen.content < 0.9 * height)
            expect(seen.height).toBeGreaterThanOrEqual(seen.content - 2);
          if (stage.short) expect(seen.height).toBeLessThan(0.75 * height);
          await choose(frame, stage.close[locale]);
          await waitForPromptGone(page);
          await page.close();
        });
      }
    });
  }
}

/** A profile page of our own: an Add friend button whose click changes the page, or does nothing. */
const profileWith = (changes: boolean) => `<!doctype html><html lang="en">
  <head><title>Robin Vale Demo | Facebook</title></head>
  <body><div role="main"><h1>Robin Vale Demo</h1>
  <div><div role="button" tabindex="0" aria-label="Add friend" id="add">Add friend</div>
  <div role="button" tabindex="0" aria-label="Message">Message</div></div></div>
  <script>
    window.__clicks = 0;
    document.getElementById('add').addEventListener('click', () => {
      window.__clicks += 1;
      ${changes ? "document.getElementById('add').textContent = 'Cancel request';" : ''}
    });
  </script></body></html>`;

/** Whether the "click again" notice is on the page (it sits in a closed shadow root). */
async function hintShown(page: Page): Promise<boolean> {
  const cdp = await page.createCDPSession();
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  await cdp.detach();
  return JSON.stringify(root).includes('click the button again');
}

describe('the size the question must be seen at', () => {
  it('a frame grown to its content and then shrunk by the page is refused: the action stays stopped', async () => {
    const page = await clearline.openSite(MARIA);
    await page.setViewport({ width: 1280, height: 720 });
    const alerts: string[] = [];
    page.on('dialog', (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss().catch(() => undefined);
    });
    await page.click('[role="main"] [aria-label="Agregar a amigos"]');
    const frame = await waitForPrompt(page);
    const before = (await layout(page, frame)).height;
    await choose(frame, 'This person is a client: add to my list');
    await frame.waitForSelector('input[name="label"]');
    await frame.waitForFunction((h: number) => window.innerHeight > h + 20, {}, before);
    // Back to about its first size (a transform cannot reach the top layer; zoom can).
    await page.evaluate(() =>
      document.documentElement.style.setProperty('zoom', '0.85', 'important'),
    );
    const deadline = Date.now() + 20_000;
    let told = '';
    while (!told && Date.now() < deadline) {
      if (alerts.length) told = alerts[0]!;
      const shown = await promptFrame(page);
      const text = shown ? await promptText(shown).catch(() => '') : '';
      if (text.includes('Clearline stopped this')) told = text;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(told).toMatch(/stopped/i);
    await page.close();
  });
});

describe('after an answer', () => {
  it('"Not a client: go ahead" lets the action through once; a page that changed gets no hint', async () => {
    const url = 'https://www.facebook.com/robin.vale.demo';
    const page = await clearline.openSite(url, { [url]: profileWith(true) });
    await page.setViewport({ width: 1280, height: 720 });
    await page.click('[aria-label="Add friend"]');
    const frame = await waitForPrompt(page);
    expect((await buttonNames(frame))[0]).toBe('Not a client: go ahead');
    await choose(frame, 'Not a client: go ahead');
    await waitForPromptGone(page);
    await page.waitForFunction(() => (window as unknown as { __clicks: number }).__clicks === 1);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await page.evaluate(() => (window as unknown as { __clicks: number }).__clicks)).toBe(1);
    expect(await hintShown(page)).toBe(false);
    await page.close();
  });

  it('a replay the page ignored brings the hint, calmly, beside the control', async () => {
    const url = 'https://www.facebook.com/sam.ortiz.demo';
    const page = await clearline.openSite(url, {
      [url]: profileWith(false).replaceAll('Robin Vale', 'Sam Ortiz'),
    });
    await page.setViewport({ width: 1280, height: 720 });
    await page.click('[aria-label="Add friend"]');
    const frame = await waitForPrompt(page);
    await choose(frame, 'Continue');
    await waitForPromptGone(page);
    const clicks = () => page.evaluate(() => (window as unknown as { __clicks: number }).__clicks);
    expect(await clicks()).toBe(1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await hintShown(page)).toBe(true);
    // Clicking again, as it says: the click goes through, and the hint is gone.
    await page.click('[aria-label="Add friend"]');
    expect(await clicks()).toBe(2);
    expect(await hintShown(page)).toBe(false);
    await page.close();
  });

  it('Save for follow-up says so once and leaves Close as the one next step', async () => {
    const page = await clearline.openSite(HOME);
    await page.setViewport({ width: 800, height: 600 });
    const frame = await shareAlexsPost(page);
    await choose(frame, 'Note for follow-up');
    await frame.waitForSelector('textarea[name="note"]');
    await frame.type('textarea[name="note"]', 'Posted about a hard week.');
    await choose(frame, 'Save for follow-up');
    await frame.waitForSelector('[data-testid="observed-saved"]');
    const text = await promptText(frame);
    expect(text.split('Saved for follow-up')).toHaveLength(2);
    expect(await buttonNames(frame)).toEqual(['Close']);
    await choose(frame, 'Close');
    await waitForPromptGone(page);
    await page.close();
  });
});
