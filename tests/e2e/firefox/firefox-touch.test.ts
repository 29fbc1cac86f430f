// Firefox with touch, as on a phone: a phone-sized window with touch events on
// (Firefox for Android has them; desktop Firefox enables them by a preference),
// and taps as a finger makes them. No event of the tap may reach the page before
// the coach answers, and the prompt must fit the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxClearline, firefoxPath, warnIfNoFirefox } from './firefox-clearline';

warnIfNoFirefox();

const PHONE = { width: 360, height: 740 };
const MIN_TAP = 44;

let firefox: FirefoxClearline;

describe.skipIf(!firefoxPath)('Firefox ESR with touch, in a phone-sized window', () => {
  beforeAll(async () => {
    firefox = await FirefoxClearline.start({ prefs: { 'dom.w3c_touch_events.enabled': 1 } });
    await firefox.send('WebDriver:SetWindowRect', PHONE);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  for (const [name, url, control, label] of [
    [
      'm.facebook.com: Add friend',
      'https://m.facebook.com/riley.kim.demo',
      '[role="main"] [aria-label="Add friend"]',
      'Add friend',
    ],
    [
      'Instagram (es): Seguir',
      'https://www.instagram.com/lucia.moreno.demo/',
      '//header//button[normalize-space()="Seguir"]',
      'Seguir',
    ],
  ] as const) {
    it(`${name}: the tap waits for the prompt; Cancel drops it, Continue replays it once`, async () => {
      await firefox.openTab(url);
      const seen = () =>
        firefox.evaluate<{ type: string; label: string }[]>(
          `return window.__pageSaw.events.filter((e) => e.label === arguments[0]);`,
          label,
        );
      await firefox.tap(control);
      expect(await firefox.promptButtons()).toEqual(expect.arrayContaining(['Cancel', 'Continue']));
      expect(await seen(), 'an event of the tap reached the page').toEqual([]);
      const { width, height } = await firefox.evaluate<{ width: number; height: number }>(
        `return { width: innerWidth, height: innerHeight };`,
      );
      for (const b of await firefox.promptButtonBoxes()) {
        expect(b.x, `${b.name}: off the left edge`).toBeGreaterThanOrEqual(0);
        expect(b.y, `${b.name}: off the top`).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w, `${b.name}: off the right edge`).toBeLessThanOrEqual(width + 0.5);
        expect(b.y + b.h, `${b.name}: below the screen`).toBeLessThanOrEqual(height + 0.5);
        expect(Math.min(b.w, b.h), `${b.name}: too small to tap`).toBeGreaterThanOrEqual(
          MIN_TAP - 0.5,
        );
      }
      await firefox.choose('Cancel', 'tap');
      await firefox.waitForPromptGone();
      expect(await seen(), 'something reached the page after Cancel').toEqual([]);

      await firefox.tap(control);
      await firefox.choose('Continue', 'tap');
      await firefox.waitForPromptGone();
      await firefox.waitFor(`return window.__pageSaw.clicks.length > 0`, 'the replay');
      const clicks = (await seen()).filter((e) => e.type === 'click');
      expect(clicks, 'the replay reached the page once').toHaveLength(1);
      await firefox.closeTab();
    });
  }
});
