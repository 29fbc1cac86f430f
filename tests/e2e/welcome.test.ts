// The welcome page on first install, without an agency policy: it explains
// what Clearline does and never does, shows no agency section, leads to the
// privacy check, and does not come back when the browser restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';
import { clientRows } from './options-page';

const profileDir = mkdtempSync(join(tmpdir(), 'clearline-welcome-profile-'));
let clearline: Clearline | undefined;
afterAll(async () => {
  await clearline?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const isWelcome = (id: string) => (url: string) => url === `chrome-extension://${id}/welcome.html`;

async function openWelcome(): Promise<Page> {
  const page = await clearline!.openExtensionPage('welcome.html');
  await page.waitForSelector('[data-testid="welcome"][data-ready="true"]');
  await page.waitForSelector('form[data-testid="add-client"]');
  return page;
}

describe('welcome page', () => {
  it('opens once on first install and explains Clearline in plain words', async () => {
    clearline = await startClearline({ userDataDir: profileDir, keepWelcome: true });
    const target = await clearline.browser.waitForTarget(
      (t) => isWelcome(clearline!.extensionId)(t.url()),
      { timeout: 20_000 },
    );
    const welcome = (await target.page()) as Page;
    await welcome.waitForSelector('[data-testid="welcome"][data-ready="true"]');
    const text = await welcome.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(text).toContain('Welcome to Clearline');
    expect(text).toContain('What Clearline never does');
    expect(text).toContain('never sends anything anywhere');
    expect(await welcome.$('[data-testid="agency-rules"]')).toBeNull();

    // No score before a first check: the first step invites one instead.
    expect(text).toContain('Run your first privacy check');
    expect(text).not.toMatch(/\b0 of \d+/);

    await welcome.click('[data-testid="welcome-audit"]');
    const opened = await clearline.browser.waitForTarget((t) =>
      t.url().endsWith('/options.html#privacy'),
    );
    expect(opened.url()).toContain(clearline.extensionId);
    const options = (await opened.page()) as Page;
    await options.waitForSelector('[data-testid="settings-page"][data-page="privacy"]');
    const score = await options.waitForSelector(
      '[data-testid="audit-score"][data-platform="facebook"]',
    );
    expect(await score!.evaluate((e) => e.textContent)).toBe('Not checked yet');
    expect(await options.$('[data-testid="audit-due"]')).toBeNull();
    await options.close();
    await welcome.bringToFront();
  });

  it('adds a first client right there; it is then on the client list', async () => {
    const welcome = await openWelcome();
    await welcome.type(
      'form[data-testid="add-client"] input[name="profileUrl"]',
      'facebook.com/alex.rivera.demo',
    );
    await welcome.type('form[data-testid="add-client"] input[name="label"]', 'A.R.');
    await welcome.click('form[data-testid="add-client"] button[type="submit"]');
    await welcome.waitForSelector('[data-testid="welcome-first-client"][data-state="added"]');
    await welcome.waitForFunction(() =>
      document.querySelector('[data-testid="add-client-status"]')?.textContent?.includes('A.R.'),
    );

    // "Set up my client list" lands on the list itself, with the new client on it.
    await welcome.click('[data-testid="welcome-options"]');
    const target = await clearline!.browser.waitForTarget((t) =>
      t.url().endsWith('/options.html#clients'),
    );
    const options = (await target.page()) as Page;
    await options.waitForSelector('[data-testid="settings-page"][data-page="clients"]');
    await options.waitForSelector('li[data-testid="client"]', { timeout: 15_000 });
    expect(await clientRows(options)).toEqual([expect.stringContaining('A.R.')]);
    await options.close();
    await welcome.close();
  });

  it('the first client can be skipped', async () => {
    const welcome = await openWelcome();
    await welcome.click('[data-testid="welcome-skip-client"]');
    const said = await welcome.waitForSelector('[data-testid="welcome-first-client-skipped"]');
    expect(await said!.evaluate((e) => e.textContent)).toContain('any time in Settings');
    expect(await welcome.$('form[data-testid="add-client"]')).toBeNull();
    await welcome.close();
  });

  it('does not open again after a browser restart', async () => {
    await clearline!.close();
    clearline = await startClearline({ userDataDir: profileDir, keepWelcome: true });
    await new Promise((r) => setTimeout(r, 7_000));
    const pages = await clearline.browser.pages();
    expect(pages.map((p) => p.url()).filter(isWelcome(clearline.extensionId))).toEqual([]);
  });
});
