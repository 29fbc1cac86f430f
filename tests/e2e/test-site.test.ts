// A third site from one folder, in a real browser: a test build with the practice
// site Town Square (tests/sites/townsquare) stops its Follow button and asks first,
// as on Facebook and Instagram.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClearline, type Clearline } from './clearline';
import { choose, pageSaw, promptText, waitForPrompt, waitForPromptGone } from './prompt-page';
import { FIXTURES_DIR } from '../support/practice-site.mjs';
import { buildWithTownSquare } from '../support/test-site-build';

const out = mkdtempSync(join(tmpdir(), 'clearline-test-site-e2e-'));
const routes = JSON.parse(
  readFileSync(join(FIXTURES_DIR, 'practice/townsquare/routes.json'), 'utf8'),
);
let clearline: Clearline;

beforeAll(async () => {
  const built = buildWithTownSquare(out);
  if (built.status !== 0) throw new Error(`test build failed:\n${built.stdout}\n${built.stderr}`);
  clearline = await startClearline({ extensionDir: join(out, 'chrome-mv3') });
}, 300_000);
afterAll(async () => {
  await clearline?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('Town Square, a site added as one folder', () => {
  it('Follow on a profile brings the prompt; Cancel keeps it from the page', async () => {
    const page = await clearline.openSite(
      'https://www.townsquare.example/@jordan_lee_demo',
      undefined,
      routes,
    );
    const follow = '::-p-xpath(//button[normalize-space()="Follow"])';
    await (await page.waitForSelector(follow))!.click();
    const frame = await waitForPrompt(page);
    expect(await promptText(frame)).toContain('Jordan Lee Demo');
    expect(await pageSaw(page), 'the page saw the click').toBe(0);
    await choose(frame, 'Cancel');
    await waitForPromptGone(page);
    expect(await pageSaw(page), 'the page saw something after Cancel').toBe(0);
    await page.close();
  });
});
