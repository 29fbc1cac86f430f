// Clearline where coaches hold their phone: m.facebook.com and Instagram in a
// phone-sized viewport with touch (Chromium's device emulation, as Firefox for
// Android shows them), tapped as a finger would. The page's own listeners record
// every event of each press: none may reach the page before the coach answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { addClient } from './options-page';
import { waitForPrompt, waitForPromptGone } from './prompt-page';

const PHONE = { width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const PHONE_UA = 'Mozilla/5.0 (Android 14; Mobile; rv:140.0) Gecko/140.0 Firefox/140.0';
/** The smallest tap target WCAG 2.5.5 and the platforms' guidelines ask for, in CSS pixels. */
const MIN_TAP = 44;

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
});

async function openOnPhone(url: string): Promise<Page> {
  const page = await clearline.openSite(url);
  await page.setUserAgent(PHONE_UA);
  await page.setViewport(PHONE);
  await page.reload({ waitUntil: 'load' });
  return page;
}

interface Seen {
  type: string;
  label: string;
  trusted: boolean;
}
const pageEvents = (page: Page): Promise<Seen[]> =>
  page.evaluate(() => (window as unknown as { __pageSaw: { events: Seen[] } }).__pageSaw.events);

const byText = (text: string) =>
  `::-p-xpath(//*[(self::button or @role="button") and normalize-space()="${text}"])`;

/** A prompt button by its accessible name, once it accepts presses (it is inert until seen). */
async function promptButton(frame: Frame, name: string): Promise<ElementHandle> {
  const button = (await frame.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, {
    timeout: 10_000,
  })) as ElementHandle;
  await frame.waitForFunction(
    (el) => !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
    { timeout: 5_000, polling: 100 },
    button,
  );
  return button;
}

/**
 * Every button of the prompt lies inside the phone's screen and is big enough for
 * a finger: measured from the page, where the frame sits, and in the frame.
 */
async function expectUsableOnPhone(page: Page, frame: Frame) {
  const owner = await frame.frameElement();
  const box = await owner!.boundingBox();
  const buttons = await frame.$$eval('button', (all) =>
    all
      .filter((b) => b.checkVisibility())
      .map((b) => {
        const r = b.getBoundingClientRect();
        return {
          name: (b as HTMLElement).innerText.trim(),
          x: r.x,
          y: r.y,
          w: r.width,
          h: r.height,
        };
      }),
  );
  expect(buttons.length).toBeGreaterThan(0);
  const { width, height } = page.viewport()!;
  for (const b of buttons) {
    const left = box!.x + b.x;
    const top = box!.y + b.y;
    expect(left, `${b.name}: off the left edge`).toBeGreaterThanOrEqual(0);
    expect(top, `${b.name}: off the top`).toBeGreaterThanOrEqual(0);
    expect(left + b.w, `${b.name}: off the right edge`).toBeLessThanOrEqual(width + 0.5);
    expect(top + b.h, `${b.name}: below the screen`).toBeLessThanOrEqual(height + 0.5);
    expect(
      Math.min(b.w, b.h),
      `${b.name}: a tap target under ${MIN_TAP} px`,
    ).toBeGreaterThanOrEqual(MIN_TAP - 0.5);
  }
}

interface TapCase {
  name: string;
  url: string;
  control: string;
  label: string;
}

const CASES: TapCase[] = [
  {
    name: 'm.facebook.com: Add friend',
    url: 'https://m.facebook.com/riley.kim.demo',
    control: '[role="main"] [aria-label="Add friend"]',
    label: 'Add friend',
  },
  {
    name: 'm.facebook.com: Message',
    url: 'https://m.facebook.com/riley.kim.demo',
    control: '[role="main"] [aria-label="Message"]',
    label: 'Message',
  },
  {
    name: 'm.facebook.com (es): Agregar a amigos',
    url: 'https://m.facebook.com/lucia.moreno.demo',
    control: '[role="main"] [aria-label="Agregar a amigos"]',
    label: 'Agregar a amigos',
  },
  {
    name: 'm.facebook.com (es): Enviar mensaje',
    url: 'https://m.facebook.com/lucia.moreno.demo',
    control: '[role="main"] [aria-label="Enviar mensaje"]',
    label: 'Enviar mensaje',
  },
  {
    name: 'Instagram: Follow',
    url: 'https://www.instagram.com/riley.kim.demo/',
    control: byText('Follow'),
    label: 'Follow',
  },
  {
    name: 'Instagram: Message',
    url: 'https://www.instagram.com/riley.kim.demo/',
    control: byText('Message'),
    label: 'Message',
  },
  {
    name: 'Instagram (es): Seguir',
    url: 'https://www.instagram.com/lucia.moreno.demo/',
    control: byText('Seguir'),
    label: 'Seguir',
  },
  {
    name: 'Instagram (es): Mensaje',
    url: 'https://www.instagram.com/lucia.moreno.demo/',
    control: byText('Mensaje'),
    label: 'Mensaje',
  },
];

describe('phones: a tap on a covered action waits for the prompt, which fits the screen', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const page = await openOnPhone(c.url);
      const control = (await page.waitForSelector(c.control)) as ElementHandle;
      await control.tap();
      let frame = await waitForPrompt(page);
      const reached = (await pageEvents(page)).filter((e) => e.label === c.label);
      expect(reached, 'an event of the tap reached the page before the answer').toEqual([]);
      await expectUsableOnPhone(page, frame);

      await (await promptButton(frame, 'Cancel')).tap();
      await waitForPromptGone(page);
      await new Promise((r) => setTimeout(r, 300));
      expect((await pageEvents(page)).filter((e) => e.label === c.label)).toEqual([]);

      await control.tap();
      frame = await waitForPrompt(page);
      await (await promptButton(frame, 'Continue')).tap();
      await waitForPromptGone(page);
      await page.waitForFunction(
        (label) =>
          (
            window as unknown as { __pageSaw: { clicks: { label: string }[] } }
          ).__pageSaw.clicks.some((click) => click.label === label),
        {},
        c.label,
      );
      const clicks = (await pageEvents(page)).filter(
        (e) => e.label === c.label && e.type === 'click',
      );
      expect(clicks, 'the replay reached the page once').toHaveLength(1);
      await page.close();
    });
  }
});

describe("phones: Share on a client's post goes on, and the reminder fits the screen", () => {
  for (const [name, profile, url, share] of [
    [
      'm.facebook.com',
      'https://www.facebook.com/riley.kim.demo',
      'https://m.facebook.com/riley.kim.demo',
      '[role="article"] [aria-label="Send this to friends or post it on your profile."]',
    ],
    [
      'm.facebook.com (es)',
      'https://www.facebook.com/lucia.moreno.demo',
      'https://m.facebook.com/lucia.moreno.demo',
      '[role="article"] [aria-label="Enviar esto a tus amigos o publicarlo en tu biografía"]',
    ],
    [
      'Instagram',
      'https://www.instagram.com/riley.kim.demo/',
      'https://www.instagram.com/riley.kim.demo/',
      'article [role="button"]:has(svg[aria-label="Share Post"])',
    ],
    [
      'Instagram (es)',
      'https://www.instagram.com/lucia.moreno.demo/',
      'https://www.instagram.com/lucia.moreno.demo/',
      'article [role="button"]:has(svg[aria-label="Compartir publicación"])',
    ],
  ] as const) {
    it(name, async () => {
      const options = await clearline.openExtensionPage('options.html#clients');
      await addClient(options, { url: profile, label: `${name} client` });
      await options.close();

      const page = await openOnPhone(url);
      const control = (await page.waitForSelector(share)) as ElementHandle;
      await control.tap();
      const frame = await waitForPrompt(page);
      const clicks = (await pageEvents(page)).filter((e) => e.type === 'click');
      expect(clicks, 'the share went on as on anyone’s post').toHaveLength(1);
      await expectUsableOnPhone(page, frame);
      await page.close();
    });
  }
});
