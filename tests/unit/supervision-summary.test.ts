// The supervision summary's figures from a fixed store: prompt counts and post
// reminders inside the period only, observations by outcome with the time to
// talking with the client, the privacy check's score, trend and what to fix
// first, the readable CSV, and never a client's identity.
import * as v from 'valibot';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recordFindings } from '../../lib/audit/audit';
import { supervisionCsv, supervisionSummary } from '../../lib/background/supervision-summary';
import { lastDays, monthPeriod } from '../../lib/supervision/types';
import { createObservation, updateObservation } from '../../lib/observations/store';
import { countPostReminder } from '../../lib/prompt/counters';
import { addClient } from '../../lib/store/client-list';
import { STORAGE_ITEMS } from '../../lib/storage-items';
import { freshWorld } from './store/setup';

const NOW = new Date('2026-11-30T12:00:00');
const PERIOD = { from: '2026-11-01', to: '2026-11-30' };

beforeEach(() => {
  freshWorld();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

async function fixedStore() {
  await addClient(
    {
      profileUrl: 'https://www.facebook.com/alex.rivera.demo',
      label: 'A.R.',
      note: 'met at the clinic',
      dischargedOn: null,
    },
    3,
  );
  await STORAGE_ITEMS.coachName.setValue('Sam Rivera');
  await STORAGE_ITEMS.agencyPolicy.setValue({
    policy: { agencyName: 'Northside Recovery Services' },
    seenAt: 1,
  });
  await STORAGE_ITEMS.promptCounters.setValue({
    '2026-10-31': { friend: { shown: 9 } }, // before the period: not counted
    '2026-11-03': { friend: { shown: 2, cancelled: 1, continued: 1 }, message: { shown: 1 } },
    '2026-11-20': { friend: { shown: 1, notClient: 1 }, follow: { shown: 3, blocked: 1 } },
  });
  // Seven reminders shown, six closed, one noted (the issue's own example).
  for (let i = 0; i < 7; i += 1) await countPostReminder('shown', new Date('2026-11-10T10:00'));
  for (let i = 0; i < 6; i += 1) await countPostReminder('closed', new Date('2026-11-10T10:00'));
  await countPostReminder('noted', new Date('2026-11-10T10:00'));
  await countPostReminder('shown', new Date('2026-10-15T10:00')); // outside

  const observation = async (at: string, urgent = false) => {
    vi.setSystemTime(new Date(at));
    return createObservation({
      platform: 'facebook',
      keys: ['fb:alex.rivera.demo'],
      postUrl: 'https://www.facebook.com/alex.rivera.demo/posts/pfbid0secret',
      note: 'private words about Alex',
      urgent,
    });
  };
  const talked = await observation('2026-11-05T09:00');
  vi.setSystemTime(new Date('2026-11-05T13:00')); // four hours later
  await updateObservation({ id: talked.id, status: 'discussed' });
  vi.setSystemTime(new Date('2026-11-06T09:00'));
  await updateObservation({ id: talked.id, status: 'shared' });
  const sharedFirst = await observation('2026-11-12T09:00');
  vi.setSystemTime(new Date('2026-11-12T10:00'));
  await updateObservation({ id: sharedFirst.id, status: 'shared' }); // never talked through
  const crisis = await observation('2026-11-14T09:00', true);
  vi.setSystemTime(new Date('2026-11-14T09:05'));
  await updateObservation({ id: crisis.id, status: 'shared' }); // risk of harm: at once, rightly
  await observation('2026-11-25T09:00'); // still to discuss
  await observation('2026-10-20T09:00'); // before the period
  vi.setSystemTime(NOW);

  await recordFindings(
    'facebook',
    [
      { itemId: 'fb.futurePosts', result: 'fail', observed: 'Public' },
      { itemId: 'fb.friendRequests', result: 'pass', observed: 'Friends of friends' },
    ],
    new Date('2026-11-02T09:00').getTime(),
  );
  await recordFindings(
    'facebook',
    [{ itemId: 'fb.friendRequests', result: 'fail', observed: 'Everyone' }],
    new Date('2026-11-21T09:00').getTime(),
  );
}

describe('the supervision summary', () => {
  it('counts each prompt, the post reminders and the observations of the period only', async () => {
    await fixedStore();
    const { figures } = await supervisionSummary(PERIOD, NOW);
    expect(figures).toMatchObject({
      format: 'clearline-supervision-summary',
      version: 2,
      period: PERIOD,
      coach: 'Sam Rivera',
      agency: 'Northside Recovery Services',
    });
    expect(figures.prompts.friend).toEqual({
      shown: 3,
      cancelled: 1,
      continued: 1,
      markedClient: 0,
      notClient: 1,
      blocked: 0,
    });
    expect(figures.prompts.follow).toMatchObject({ shown: 3, blocked: 1 });
    expect(figures.prompts.message).toMatchObject({ shown: 1 });
    expect(figures.postReminders).toEqual({ shown: 7, closed: 6, noted: 1, urgent: 0 });
    expect(figures.observations).toEqual({
      noted: 4,
      byStatus: { 'to-discuss': 1, discussed: 0, shared: 3, 'no-action': 0 },
      urgent: 1,
      medianHoursToDiscussion: 4,
      // Shared before a talk with the client; the risk-of-harm one went to the team rightly.
      sharedBeforeDiscussion: 1,
    });
  });

  it('gives the privacy check score now, its trend in the period, and what to fix first', async () => {
    await fixedStore();
    const { privacyCheck } = (await supervisionSummary(PERIOD, NOW)).figures;
    expect(privacyCheck.scores.find((s) => s.platform === 'facebook')).toMatchObject({
      passed: 0,
      failed: 2,
      total: 13,
    });
    expect(privacyCheck.trend.filter((t) => t.platform === 'facebook')).toEqual([
      expect.objectContaining({ passed: 1, total: 13 }),
      expect.objectContaining({ passed: 0, total: 13 }),
    ]);
    expect(privacyCheck.fixFirst.slice(0, 2)).toEqual([
      { itemId: 'fb.futurePosts', platform: 'facebook', result: 'fail' },
      { itemId: 'fb.friendRequests', platform: 'facebook', result: 'fail' },
    ]);
    expect(privacyCheck.fixFirst[2]).toMatchObject({ result: 'could-not-check' });
  });

  it('CSV: readable headers, one row per measure and period', async () => {
    await fixedStore();
    const { figures, csv } = await supervisionSummary(PERIOD, NOW);
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('Measure ID,Measure,Period start,Period end,Value');
    expect(rows).toContain(
      'prompts.friend.shown,Friend requests: prompt shown,2026-11-01,2026-11-30,3',
    );
    expect(rows).toContain(
      'postReminders.noted,Post reminders: noted for follow-up,2026-11-01,2026-11-30,1',
    );
    expect(rows).toContain(
      'observations.sharedBeforeDiscussion,Shared with the team before talking with the client,2026-11-01,2026-11-30,1',
    );
    const ids = rows.slice(1).map((r) => r.split(',')[0]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of rows) expect(row.split(',').at(-2)).toMatch(/^(Period end|2026-11-30)$/);
    expect(supervisionCsv(figures)).toBe(csv);
  });

  it('names no client anywhere: no handle, label, note or post address', async () => {
    await fixedStore();
    const { csv, json } = await supervisionSummary(PERIOD, NOW);
    for (const text of [csv, json])
      expect(text).not.toMatch(
        /alex|rivera\.demo|A\.R\.|private words|clinic|pfbid|facebook\.com/i,
      );
    expect(json).toContain('Sam Rivera'); // the coach's own name, which they entered
  });

  it('the JSON follows the schema in docs/supervision.md, and nothing more', async () => {
    await fixedStore();
    const { json } = await supervisionSummary(PERIOD, NOW);
    const count = v.pipe(v.number(), v.integer(), v.minValue(0));
    const day = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
    const moment = v.pipe(v.string(), v.isoTimestamp());
    const site = v.picklist(['facebook', 'instagram']);
    const answers = v.strictObject({
      shown: count,
      cancelled: count,
      continued: count,
      markedClient: count,
      notClient: count,
      blocked: count,
    });
    const SCHEMA = v.strictObject({
      format: v.literal('clearline-supervision-summary'),
      version: v.literal(2),
      exportedAt: moment,
      period: v.strictObject({ from: day, to: day }),
      coach: v.nullable(v.string()),
      agency: v.nullable(v.string()),
      prompts: v.strictObject({ friend: answers, follow: answers, message: answers }),
      postReminders: v.strictObject({ shown: count, closed: count, noted: count, urgent: count }),
      observations: v.strictObject({
        noted: count,
        byStatus: v.strictObject({
          'to-discuss': count,
          discussed: count,
          shared: count,
          'no-action': count,
        }),
        urgent: count,
        medianHoursToDiscussion: v.nullable(v.number()),
        sharedBeforeDiscussion: count,
      }),
      privacyCheck: v.strictObject({
        scores: v.array(
          v.strictObject({
            platform: site,
            passed: count,
            confirmed: count,
            total: count,
            failed: count,
            couldNotCheck: count,
          }),
        ),
        trend: v.array(v.strictObject({ at: moment, platform: site, passed: count, total: count })),
        fixFirst: v.array(
          v.strictObject({
            itemId: v.string(),
            platform: site,
            result: v.picklist(['fail', 'could-not-check']),
          }),
        ),
      }),
    });
    const parsed = v.safeParse(SCHEMA, JSON.parse(json));
    expect(parsed.success ? [] : v.flatten(parsed.issues)).toEqual([]);
  });

  it('periods: the last 30 days, a calendar month', () => {
    expect(lastDays(30, NOW)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });
});
