// Clearline in a real Firefox ESR: the built Firefox MV3 extension, installed as
// a coach's browser would hold it, on the practice site at the real addresses.
// The site page's own listeners count what it saw, as in the Chromium suite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FirefoxClearline, firefoxPath, warnIfNoFirefox } from './firefox-clearline';

warnIfNoFirefox();

const FACEBOOK_PROFILE = 'https://www.facebook.com/alex.rivera.demo';
const INSTAGRAM_PROFILE = 'https://www.instagram.com/alex.rivera.demo/';
const ADD_FRIEND = '[role="main"] [aria-label="Add friend"]';
const FOLLOW = '//header//*[(self::button or @role="button") and normalize-space()="Follow"]';

let firefox: FirefoxClearline;

describe.skipIf(!firefoxPath)('Firefox ESR: the built Firefox extension', () => {
  beforeAll(async () => {
    firefox = await FirefoxClearline.start();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it('installs: its event page runs, and the popup describes a Facebook profile', async () => {
    expect(await firefox.eventPageState()).toBe('running');
    await firefox.openTab(FACEBOOK_PROFILE);
    await firefox.openPopupFor(FACEBOOK_PROFILE);
    const status = await firefox.waitFor<{ site: string; kind: string; text: string }>(
      `const el = document.querySelector('[data-testid="page-status"]:not([data-state="loading"])');
       return el && {
         site: el.querySelector('[data-site]')?.getAttribute('data-site'),
         kind: el.querySelector('[data-page-kind]')?.getAttribute('data-page-kind'),
         text: el.innerText,
       };`,
      'the popup to describe its tab',
    );
    expect(status).toMatchObject({ site: 'facebook', kind: 'profile' });
    await firefox.closeTab(); // the popup
    await firefox.closeTab(); // the site
  });

  for (const [site, url, control] of [
    ['Facebook: Add friend', FACEBOOK_PROFILE, ADD_FRIEND],
    ['Instagram: Follow', INSTAGRAM_PROFILE, FOLLOW],
  ] as const) {
    it(`${site} is stopped; Cancel drops it, Continue replays it once`, async () => {
      await firefox.openTab(url);
      await firefox.click(control);
      expect(await firefox.promptButtons()).toEqual(expect.arrayContaining(['Cancel', 'Continue']));
      expect(await firefox.pageSaw(), 'the page saw the click').toBe(0);
      await firefox.choose('Cancel');
      await firefox.waitForPromptGone();
      expect(await firefox.pageSaw(), 'the page saw something after Cancel').toBe(0);

      await firefox.click(control);
      await firefox.choose('Continue');
      await firefox.waitForPromptGone();
      await firefox.waitFor(`return window.__pageSaw.clicks.length > 0`, 'the replay');
      expect(await firefox.pageSaw(), 'the replay reached the page once').toBe(1);
      await firefox.closeTab();
    });
  }

  it('the event page stopped while a prompt is open: the answer still works, and it starts again', async () => {
    await firefox.openTab(FACEBOOK_PROFILE);
    await firefox.click(ADD_FRIEND);
    await firefox.promptButtons();
    expect(await firefox.stopEventPage()).toBe('stopped');
    await firefox.choose('Continue');
    await firefox.waitForPromptGone();
    await firefox.waitFor(`return window.__pageSaw.clicks.length > 0`, 'the replay');
    expect(await firefox.pageSaw()).toBe(1);

    // Stopped again while idle: the next click wakes it, and the prompt comes as before.
    expect(await firefox.stopEventPage()).toBe('stopped');
    await firefox.evaluate(`location.reload()`);
    await firefox.find(ADD_FRIEND);
    await firefox.click(ADD_FRIEND);
    expect(await firefox.promptButtons()).toContain('Cancel');
    expect(await firefox.eventPageState()).toBe('running');
    await firefox.choose('Cancel');
    await firefox.waitForPromptGone();
    expect(await firefox.pageSaw()).toBe(0);
    await firefox.closeTab();
  });

  it('a client added in Settings is known on their profile', async () => {
    await firefox.openExtensionPage('options.html#clients');
    await firefox.type('form[data-testid="add-client"] input[name="profileUrl"]', FACEBOOK_PROFILE);
    await firefox.type('form[data-testid="add-client"] input[name="label"]', 'A.R.');
    await firefox.click('form[data-testid="add-client"] button[type="submit"]');
    await firefox.waitFor(
      `return [...document.querySelectorAll('li[data-testid="client"]')].some((li) => li.innerText.includes('A.R.'))`,
      'the new client in the list',
    );
    await firefox.closeTab();

    await firefox.openTab(FACEBOOK_PROFILE);
    await firefox.click(ADD_FRIEND);
    expect(await firefox.promptText()).toContain('A.R.');
    await firefox.choose('Cancel');
    await firefox.waitForPromptGone();
    expect(await firefox.pageSaw()).toBe(0);
    await firefox.closeTab();
  });

  it('a passphrase locks the list and unlocks it again', async () => {
    const passphrase = 'firefox test passphrase';
    await firefox.openExtensionPage('options.html#protection');
    await firefox.type(
      'form[data-testid="passphrase-form"] input[name="newPassphrase"]',
      passphrase,
    );
    await firefox.type(
      'form[data-testid="passphrase-form"] input[name="confirmPassphrase"]',
      passphrase,
    );
    await firefox.click('form[data-testid="passphrase-form"] button[type="submit"]');
    await firefox.find('[data-testid="lock-state"][data-has-passphrase="true"]', 30_000);
    await firefox.click('[data-testid="lock-state"][data-locked="false"] button[type="button"]');
    await firefox.find('[data-testid="lock-state"][data-locked="true"]');

    await firefox.type('[data-testid="lock-state"] input[name="unlockPassphrase"]', 'not it');
    await firefox.click('[data-testid="lock-state"] button[type="submit"]');
    await firefox.find('[data-testid="lock-state"] [role="alert"]', 30_000);
    await firefox.find('[data-testid="lock-state"][data-locked="true"]');

    await firefox.type('[data-testid="lock-state"] input[name="unlockPassphrase"]', passphrase);
    await firefox.click('[data-testid="lock-state"] button[type="submit"]');
    await firefox.find('[data-testid="lock-state"][data-locked="false"]', 30_000);
    await firefox.closeTab();
  });
});
