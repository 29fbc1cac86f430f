// The boundary prompt as a person meets it: a frame on the site page, buttons
// found by their accessible names, and the site page's own click counters.
import type { ElementHandle, Frame, Page } from 'puppeteer-core';

/** What the site page's own listeners saw (the fixtures' window.__pageSaw). */
export async function pageSaw(page: Page, label?: string): Promise<number> {
  return page.evaluate((wanted) => {
    const saw = (window as unknown as { __pageSaw?: { clicks: { label: string }[] } }).__pageSaw;
    if (!saw) throw new Error('this page has no click counter');
    return saw.clicks.filter((c) => wanted === undefined || c.label === wanted).length;
  }, label);
}

/** Clearline's prompt frames on the page, shown or not (one is loaded ahead of time, hidden). */
export function promptFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().includes('/prompt.html'));
}

/** The prompt the coach sees: a prompt frame whose element on the page is visible. */
/**
 * A question to the browser about a frame that is going away can go unanswered for good
 * (seen once in CI): such a frame counts as not shown, and the caller looks again.
 */
const withinFrameCall = <T>(call: Promise<T>, fallback: T): Promise<T> =>
  Promise.race([
    call.catch(() => fallback),
    new Promise<T>((resolve) => setTimeout(() => resolve(fallback), 2_000)),
  ]);

export async function promptFrame(page: Page): Promise<Frame | undefined> {
  for (const frame of promptFrames(page)) {
    const owner = await withinFrameCall(frame.frameElement(), null);
    const shown = owner
      ? await withinFrameCall(
          owner.evaluate((el) => el.checkVisibility()),
          false,
        )
      : false;
    void owner?.dispose().catch(() => undefined);
    if (shown) return frame;
  }
  return undefined;
}

/** Waits for the prompt frame to appear and render its buttons. */
export async function waitForPrompt(page: Page, timeout = 10_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = await promptFrame(page);
    if (frame) {
      try {
        await frame.waitForSelector('::-p-aria([role="button"])', {
          timeout: Math.max(100, deadline - Date.now()),
        });
        return frame;
      } catch {
        // the frame may have been replaced (a "stopped" notice): look again
      }
    }
    if (Date.now() > deadline) throw new Error('the prompt never appeared');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function expectNoPrompt(page: Page, wait = 800): Promise<void> {
  await new Promise((r) => setTimeout(r, wait));
  if (await promptFrame(page)) throw new Error('a prompt appeared');
}

export async function waitForPromptGone(page: Page, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (await promptFrame(page)) {
    if (Date.now() > deadline) throw new Error('the prompt did not close');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function buttonNames(frame: Frame): Promise<string[]> {
  return frame.$$eval('button', (buttons) =>
    buttons
      .filter((b) => (b as HTMLElement).offsetParent !== null)
      .map((b) => (b.getAttribute('aria-label') ?? (b as HTMLElement).innerText).trim()),
  );
}

/** Clicks a prompt button by accessible name, once its inertness is over (600 ms seen whole). */
export async function choose(frame: Frame, name: string): Promise<void> {
  const button = await frame.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, {
    timeout: 10_000,
  });
  await frame.waitForFunction(
    (el) =>
      !!el && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
    // Polled on a timer: a reminder that has not been clicked into yet gets no animation
    // frames to poll on in headless Chromium.
    { timeout: 5_000, polling: 100 },
    button,
  );
  await waitForStillBox(button!);
  await button!.click();
}

/**
 * Waits until an element's place on the page holds still for two looks in a row: the prompt's
 * frame resizes to each new view, and a click aimed before a resize lands beside the button.
 */
async function waitForStillBox(element: ElementHandle): Promise<void> {
  const deadline = Date.now() + 5_000;
  let last = JSON.stringify(await element.boundingBox());
  for (;;) {
    await new Promise((r) => setTimeout(r, 120));
    const now = JSON.stringify(await element.boundingBox());
    if (now === last && now !== 'null') return;
    if (Date.now() > deadline) throw new Error(`the button never held still (last box ${now})`);
    last = now;
  }
}

export async function promptText(frame: Frame): Promise<string> {
  return frame.$eval('body', (b) => (b as HTMLElement).innerText);
}

/** Clicks a control found by a selector or an XPath-like text query, as a person would (trusted). */
export async function clickControl(page: Page, selector: string): Promise<void> {
  const el = await page.waitForSelector(selector, { timeout: 10_000 });
  await el!.click();
}
