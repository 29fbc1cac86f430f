// The welcome page on first install, without an agency policy: it explains
// what Clearline does and never does, shows no agency section, leads to the
// privacy check, and does not come back when the browser restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { startClearline, type Clearline } from './clearline';

const profileDir = mkdtempSync(join(tmpdir(), 'clearline-welcome-profile-'));
let clearline: Clearline | undefined;
afterAll(async () => {
  await clearline?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

const isWelcome = (id: string) => (url: string) => url === `chrome-extension://${id}/welcome.html`;

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

    await welcome.click('[data-testid="welcome-audit"]');
    const options = await clearline.browser.waitForTarget((t) =>
      t.url().endsWith('/options.html#audit'),
    );
    expect(options.url()).toContain(clearline.extensionId);
    await welcome.close();
    await (await options.page())?.close();
  });

  it('does not open again after a browser restart', async () => {
    await clearline!.close();
    clearline = await startClearline({ userDataDir: profileDir, keepWelcome: true });
    await new Promise((r) => setTimeout(r, 7_000));
    const pages = await clearline.browser.pages();
    expect(pages.map((p) => p.url()).filter(isWelcome(clearline.extensionId))).toEqual([]);
  });
});
