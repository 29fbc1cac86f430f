// Ordinary markup variants (issue 21 point 6) in a real browser: one card per
// variant on synthetic pages at real Facebook addresses (www, m., and a
// same-origin frame), each card linking its own person. For each, a real click
// (or Enter on a focusable child, or a middle click, or a tap) must bring the
// prompt naming the card's person, and the page's own listeners must have seen
// nothing of the activation until Continue; after Continue the replay reaches it.
// Recognition is the adapters' (lib/sites); the events the content script holds
// and where it runs are the content runtime's.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { FIXTURES_DIR } from '../support/practice-site.mjs';
import { startClearline, type Clearline } from './clearline';
import { choose, waitForPrompt, waitForPromptGone } from './prompt-page';

const WWW = 'https://www.facebook.com/friends/suggestions';
const FRAME = 'https://www.facebook.com/plugins/markup-variants-frame';
const MOBILE = 'https://m.facebook.com/friends/center/suggestions/';
const fixture = (name: string) =>
  readFileSync(join(FIXTURES_DIR, 'practice/facebook', name), 'utf8');
const EXTRA = {
  [WWW]: fixture('markup-variants.html'),
  [FRAME]: fixture('markup-variants-frame.html'),
  [MOBILE]: fixture('m-markup-variants.html'),
};

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
});
afterAll(async () => {
  await clearline?.close();
});

type How = 'click' | 'enter' | 'middle';

interface VariantCase {
  name: string;
  /** The card's data-variant, as the page's listeners record it. */
  variant: string;
  url: string;
  /** The person the card links: the prompt must name them. */
  person: string;
  /** Where the activation lands, inside the card. */
  target: string;
  how: How;
  /** The card sits in the same-origin frame. */
  inFrame?: boolean;
}

const card = (variant: string, inside: string) => `[data-variant="${variant}"] ${inside}`;

const CASES: VariantCase[] = [
  {
    name: 'a plain Add friend (the control case)',
    variant: 'plain',
    url: WWW,
    person: 'Plain Variant Demo',
    target: card('plain', '[role="button"] span'),
    how: 'click',
  },
  {
    name: 'a control inside an open shadow root',
    variant: 'shadow-inner',
    url: WWW,
    person: 'Shadow Inner Demo',
    target: card('shadow-inner', 'x-action >>> [role="button"] span'),
    how: 'click',
  },
  {
    name: 'a web-component button whose label is in its shadow root (es)',
    variant: 'shadow-host',
    url: WWW,
    person: 'Shadow Host Demo',
    target: card('shadow-host', 'x-button'),
    how: 'click',
  },
  {
    name: 'a name only from aria-labelledby',
    variant: 'labelledby',
    url: WWW,
    person: 'Labelled Variant Demo',
    target: card('labelledby', '[role="button"] svg'),
    how: 'click',
  },
  {
    name: 'a name only from an svg <title> (Enviar mensaje)',
    variant: 'svg-title',
    url: WWW,
    person: 'Svg Title Demo',
    target: card('svg-title', '[role="button"] svg'),
    how: 'click',
  },
  {
    name: 'a name only from title= (Agregar a amigos)',
    variant: 'title',
    url: WWW,
    person: 'Title Variant Demo',
    target: card('title', '[role="button"] i'),
    how: 'click',
  },
  {
    name: 'a name only from CSS ::before content',
    variant: 'css-before',
    url: WWW,
    person: 'Css Before Demo',
    target: card('css-before', '[role="button"]'),
    how: 'click',
  },
  {
    name: 'zero-width spaces inside the label',
    variant: 'zero-width',
    url: WWW,
    person: 'Zero Width Demo',
    target: card('zero-width', '[role="button"] span'),
    how: 'click',
  },
  {
    name: 'soft hyphens inside a Spanish label',
    variant: 'soft-hyphen',
    url: WWW,
    person: 'Soft Hyphen Demo',
    target: card('soft-hyphen', '[role="button"] span'),
    how: 'click',
  },
  {
    name: '"+ Add friend"',
    variant: 'plus',
    url: WWW,
    person: 'Plus Variant Demo',
    target: card('plus', '[role="button"] span'),
    how: 'click',
  },
  {
    name: 'a click target 20 levels inside the control',
    variant: 'deep',
    url: WWW,
    person: 'Deep Variant Demo',
    target: card('deep', 'b'),
    how: 'click',
  },
  {
    name: 'Enter on a focusable child of the control',
    variant: 'enter-child',
    url: WWW,
    person: 'Enter Child Demo',
    target: card('enter-child', 'span[tabindex]'),
    how: 'enter',
  },
  {
    name: 'a middle click',
    variant: 'middle',
    url: WWW,
    person: 'Middle Click Demo',
    target: card('middle', '[role="button"] span'),
    how: 'middle',
  },
  {
    name: 'a card in a same-origin www.facebook.com frame',
    variant: 'iframe',
    url: WWW,
    person: 'Framed Variant Demo',
    target: card('iframe', '[role="button"] span'),
    how: 'click',
    inFrame: true,
  },
  {
    name: 'm.facebook.com: <input type="submit" value="Add Friend">',
    variant: 'input-submit',
    url: MOBILE,
    person: 'Input Submit Demo',
    target: card('input-submit', 'input[type="submit"]'),
    how: 'click',
  },
  {
    name: 'm.facebook.com: <input type="submit" value="Agregar a amigos">',
    variant: 'input-submit-es',
    url: MOBILE,
    person: 'Input Submit Es Demo',
    target: card('input-submit-es', 'input[type="submit"]'),
    how: 'click',
  },
];

// The events that carry each kind of activation to the page.
const ACTIVATION: Record<How, string[]> = {
  click: ['click', 'submit'],
  enter: ['keydown', 'click', 'submit'],
  middle: ['auxclick', 'click'],
};
// The sequence around a click, which a site may act on instead of the click.
const SEQUENCE = ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'touchstart', 'touchend'];

interface Saw {
  type: string;
  variant: string;
  trusted: boolean;
}

/** What the page's (or the frame's) own listeners saw on one card, by event type. */
async function seen(where: Page | Frame, variant: string, types?: string[]): Promise<Saw[]> {
  const all = await where.evaluate(
    () => (window as unknown as { __pageSaw: { events: Saw[] } }).__pageSaw.events,
  );
  return all.filter((e) => e.variant === variant && (!types || types.includes(e.type)));
}

async function open(url: string): Promise<Page> {
  const page = await clearline.openSite(url, EXTRA);
  await page.bringToFront();
  return page;
}

async function frameOf(page: Page): Promise<Frame> {
  const frame =
    page.frames().find((f) => f.url() === FRAME) ??
    (await page.waitForFrame((f) => f.url() === FRAME, { timeout: 10_000 }));
  await frame.waitForSelector('[data-variant="iframe"] [role="button"]');
  return frame;
}

async function activate(page: Page, where: Page | Frame, c: VariantCase): Promise<void> {
  const el = await where.waitForSelector(c.target, { timeout: 10_000 });
  if (!el) throw new Error(`not found: ${c.target}`);
  if (c.how === 'enter') {
    await el.focus();
    await page.keyboard.press('Enter');
  } else {
    await el.click(c.how === 'middle' ? { button: 'middle' } : {});
  }
  await el.dispose();
}

/** The prompt is up and names the card's person. */
async function promptFor(page: Page, person: string): Promise<Frame> {
  const frame = await waitForPrompt(page);
  await frame.waitForFunction(
    (name) => document.body.innerText.includes(name),
    { timeout: 5_000 },
    person,
  );
  return frame;
}

async function continueAndReplay(page: Page, where: Page | Frame, c: VariantCase, frame: Frame) {
  await choose(frame, 'Continue');
  await waitForPromptGone(page);
  // A middle click is not redone for the coach (a new tab is theirs to open): their next
  // middle click on the same control, for the same person, goes through.
  if (c.how === 'middle') await activate(page, where, c);
  // The replay: the action reaches the page once the coach goes ahead.
  await where.waitForFunction(
    (variant: string) =>
      (window as unknown as { __pageSaw: { events: Saw[] } }).__pageSaw.events.some(
        (e) => e.variant === variant && (e.type === 'click' || e.type === 'auxclick'),
      ),
    { timeout: 5_000 },
    c.variant,
  );
}

describe('each markup variant brings the prompt, and the page sees nothing until Continue', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const page = await open(c.url);
      const where = c.inFrame ? await frameOf(page) : page;
      await activate(page, where, c);
      const frame = await promptFor(page, c.person);
      expect(
        await seen(where, c.variant, ACTIVATION[c.how]),
        'the page saw the activation',
      ).toEqual([]);
      await continueAndReplay(page, where, c, frame);
      await page.close();
    });
  }
});

describe('a site acting on pointerdown, mousedown, pointerup, mouseup or touchend', () => {
  const plain = CASES[0] as VariantCase;

  it('a mouse click: the page sees none of the pointer and mouse sequence until Continue', async () => {
    const page = await open(WWW);
    await activate(page, page, plain);
    const frame = await promptFor(page, plain.person);
    expect(await seen(page, plain.variant, SEQUENCE)).toEqual([]);
    await continueAndReplay(page, page, plain, frame);
    await page.close();
  });

  it('a tap: the page sees no touchstart or touchend (nor the mouse events after them)', async () => {
    const page = await open(WWW);
    await page.setViewport({ width: 1280, height: 900, hasTouch: true });
    const el = await page.waitForSelector(plain.target);
    await el!.tap();
    const frame = await promptFor(page, plain.person);
    expect(await seen(page, plain.variant, [...SEQUENCE, 'click'])).toEqual([]);
    await continueAndReplay(page, page, plain, frame);
    await page.close();
  });
});
