// The observation log at heavy use, in a real browser: 5,000 clients and 20,000
// observations (put in through the encrypted backup import, the extension's own
// bulk path: tests/support/observation-log.mjs). The coach opens Settings →
// Observations, sees the newest page, pages on, filters, and marks one
// discussed; the page stays where it was and nothing is skipped.
//
// How long the first page took and how many elements the page holds are
// reported (console and test-results/observation-log.json), never asserted: a
// timing on a shared machine is not a pass or a fail. The benchmark records them
// (npm run bench -- --only observation-log; docs/performance.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClearline, type Clearline } from './clearline';
import {
  filterObservations,
  markObservation,
  observationLog,
  turnObservationPage,
} from './options-page';
import { SCALE, openObservationLog, seedObservationLog } from '../support/observation-log.mjs';

let clearline: Clearline;
beforeAll(async () => {
  clearline = await startClearline();
  const page = await clearline.openExtensionPage('popup.html');
  await seedObservationLog(page);
  await page.close();
}, 180_000);
afterAll(async () => {
  await clearline?.close();
});

describe('observation log at 5,000 clients and 20,000 observations', () => {
  it('opens on the newest 50, pages on, and marks one discussed without losing its place', async () => {
    const { page, measured } = await openObservationLog(clearline.browser, clearline.extensionId);
    const report = { date: new Date().toISOString(), scale: SCALE, ...measured };
    console.log(`[observation log at scale] ${JSON.stringify(report)}`);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/observation-log.json', JSON.stringify(report, null, 2) + '\n');

    // One page, not the whole log; the log page alone: the client list is not there.
    expect(measured.elements.rows).toBe(50);
    expect(await page.$('li[data-testid="client"]')).toBeNull();
    let log = await observationLog(page);
    expect(log.range).toBe('Showing 1–50 of 20,000, newest first');
    expect(log.filters).toEqual([
      'All (20,000)',
      'To discuss (8,000)',
      'Urgent (800)',
      'Closed (6,000)',
    ]);
    // The seed's o0 is the newest; each row names its person (looked up with the page).
    expect(log.rows[0]?.id).toBe('o0');
    expect(log.rows[0]?.title).toContain('Client 0');
    expect(log.rows[1]?.title).toContain('Client 7');

    await turnObservationPage(page, 'Older');
    log = await observationLog(page);
    expect(log.range).toBe('Showing 51–100 of 20,000, newest first');
    expect(log.rows.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => `o${50 + i}`));
    // The new page's first row has the focus; the range line announced the change.
    expect(log.focused).toBe('o50');

    await filterObservations(page, 'to-discuss');
    await turnObservationPage(page, 'Older');
    log = await observationLog(page);
    expect(log.range).toBe('Showing 51–100 of 8,000, newest first');
    expect(log.rows.every((r) => r.status === 'to-discuss')).toBe(true);
    const secondPage = log.rows.map((r) => r.id);

    // Marking one: it stays in sight with its new status, the counts move, the page stays.
    const marked = secondPage[2]!;
    await markObservation(page, marked, 'Discussed with them', 'discussed');
    await page.waitForFunction(
      () =>
        document.querySelector('select[name="observationFilter"] option[value="to-discuss"]')
          ?.textContent === 'To discuss (7,999)',
      { timeout: 15_000 },
    );
    log = await observationLog(page);
    expect(log.rows.map((r) => r.id)).toEqual(secondPage);
    expect(log.range).toBe('Showing 51–100 of 7,999, newest first');

    // Older continues right after the last row shown: the marked one skipped nothing.
    await turnObservationPage(page, 'Older');
    log = await observationLog(page);
    // One row before it left the filter: the range counts one less before this page.
    expect(log.range).toBe('Showing 100–149 of 7,999, newest first');
    const lastShown = Number(secondPage.at(-1)!.slice(1));
    expect(log.rows[0]?.id).toBe(`o${lastShown + 10 - (lastShown % 10)}`);
    await turnObservationPage(page, 'Newer');
    log = await observationLog(page);
    expect(log.rows.map((r) => r.id)).not.toContain(marked);
    expect(log.range).toBe('Showing 50–99 of 7,999, newest first');

    // The badge counts what is still to discuss.
    await expect
      .poll(() => page.evaluate(() => chrome.action.getBadgeText({})), { timeout: 15_000 })
      .toBe('7999');
    await page.close();
  }, 240_000);
});
