import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkObservationReminder,
  OBSERVATION_NOTIFICATION,
} from '../../../lib/background/observation-reminder';
import { supervisionSummary } from '../../../lib/background/supervision-summary';
import { NOTE_POST_MENU, notePostFromMenu } from '../../../lib/background/observation-handlers';
import {
  createObservation,
  deleteObservation,
  listObservations,
  observationCounts,
  observationPage,
  purgeClosed,
  updateObservation,
} from '../../../lib/observations/store';
import { observationHandlers } from '../../../lib/background/observation-handlers';
import { promptHandlers } from '../../../lib/background/prompt-handlers';
import { saveUserSetting } from '../../../lib/settings';
import { addClient } from '../../../lib/store/client-list';
import { lock, setPassphrase } from '../../../lib/keyring/keyring';
import { db } from '../../../lib/db/connection';
import { OBSERVATION_STATUSES } from '../../../lib/observations/types';
import { freshWorld, rawDump } from '../store/setup';

const HOUR = 3_600_000;
let notifications: string[];
let tabMessages: unknown[];
beforeEach(async () => {
  freshWorld();
  notifications = [];
  tabMessages = [];
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async (id) => {
    notifications.push(String(id));
    return String(id);
  });
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab, message) => {
    tabMessages.push(message);
    if ((message as { name: string }).name === 'describeContextPost') {
      return {
        keys: ['fb:alex.rivera.demo'],
        postUrl: 'https://www.facebook.com/alex.rivera.demo/posts/pfbid02demo',
      };
    }
    return undefined;
  });
  await addClient(
    { profileUrl: 'facebook.com/alex.rivera.demo', label: 'A.R.', note: '', dischargedOn: null },
    3,
  );
});
afterEach(() => vi.useRealTimers());

const POST = 'https://www.facebook.com/alex.rivera.demo/posts/pfbid02demo';

describe('observation log', () => {
  it('records, lists with the client label, moves along, and never stores the URL or note in plain text', async () => {
    await createObservation({
      platform: 'facebook',
      keys: ['fb:alex.rivera.demo'],
      postUrl: POST,
      note: 'Posted a check-in from out of state',
      urgent: false,
    });
    const [first] = (await listObservations()).observations;
    expect(first).toMatchObject({
      clientLabel: 'A.R.',
      clientKey: 'fb:alex.rivera.demo',
      postUrl: POST,
      status: 'to-discuss',
      urgent: false,
    });
    const dump = await rawDump();
    expect(dump).not.toMatch(/alex|pfbid02demo|check-in/);
    const discussed = await updateObservation({ id: first!.id, status: 'discussed' });
    expect(discussed.discussedAt).toEqual(expect.any(Number));
    const shared = await updateObservation({
      id: first!.id,
      status: 'shared',
      note: 'Talked Tuesday; they will call probation',
    });
    expect(shared).toMatchObject({
      status: 'shared',
      note: 'Talked Tuesday; they will call probation',
    });
    await deleteObservation(first!.id);
    expect((await listObservations()).observations).toEqual([]);
  });

  it('an urgent observation can always be recorded, even while locked and without a note', async () => {
    await setPassphrase(null, 'correct horse battery');
    await lock();
    await expect(
      createObservation({
        platform: 'facebook',
        keys: [],
        postUrl: POST,
        note: 'text',
        urgent: false,
      }),
    ).rejects.toThrow('locked');
    await createObservation({
      platform: 'facebook',
      keys: ['fb:alex.rivera.demo'],
      postUrl: POST,
      note: '',
      urgent: true,
    });
    const { observations, locked } = await listObservations();
    expect(locked).toBe(true);
    expect(observations[0]).toMatchObject({
      urgent: true,
      postUrl: null,
      note: null,
      clientLabel: null,
    });
  });

  it('deletes closed observations after the retention setting', async () => {
    await saveUserSetting('retentionDays', 10);
    const r = await createObservation({
      platform: 'instagram',
      keys: [],
      postUrl: null,
      note: '',
      urgent: false,
    });
    await updateObservation({ id: r.id, status: 'no-action' });
    expect(await purgeClosed(Date.now() + 9 * 24 * HOUR)).toBe(0);
    expect(await purgeClosed(Date.now() + 11 * 24 * HOUR)).toBe(1);
  });

  it('retention deletes only "Shared with the team" and "No action", never "To discuss" or "Discussed with them"', async () => {
    await saveUserSetting('retentionDays', 10);
    const made: Record<string, string> = {};
    for (const status of OBSERVATION_STATUSES) {
      const r = await createObservation({
        platform: 'facebook',
        keys: [],
        postUrl: null,
        note: '',
        urgent: false,
      });
      if (status !== 'to-discuss') await updateObservation({ id: r.id, status });
      made[status] = r.id;
    }
    // Shared with the team, then taken back to "Discussed with them": kept again.
    const back = await createObservation({
      platform: 'facebook',
      keys: [],
      postUrl: null,
      note: '',
      urgent: false,
    });
    await updateObservation({ id: back.id, status: 'shared' });
    await updateObservation({ id: back.id, status: 'discussed' });
    // A record whose status and closing time disagree (a restored file): its status decides.
    const database = await db();
    const odd = (await database.get('observations', made.discussed!))!;
    await database.put('observations', { ...odd, id: 'odd', closedAt: Date.now() });

    expect(await purgeClosed(Date.now() + 11 * 24 * HOUR)).toBe(2);
    const left = (await database.getAll('observations')).map((r) => [r.id, r.status] as const);
    expect(new Map(left)).toEqual(
      new Map([
        [made['to-discuss'], 'to-discuss'],
        [made.discussed, 'discussed'],
        [back.id, 'discussed'],
        ['odd', 'discussed'],
      ]),
    );
  });

  it('the badge counts those to discuss; a reminder after the setting, once (fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T09:00:00'));
    await createObservation({
      platform: 'facebook',
      keys: [],
      postUrl: null,
      note: '',
      urgent: false,
    });
    await createObservation({
      platform: 'facebook',
      keys: [],
      postUrl: null,
      note: '',
      urgent: true,
    });
    expect(await checkObservationReminder()).toBe(false);
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '2' });
    expect(fakeBrowser.action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({
      color: '#b3261e',
    });
    vi.setSystemTime(new Date('2026-11-23T09:00:01'));
    expect(await checkObservationReminder()).toBe(true);
    expect(await checkObservationReminder()).toBe(true);
    expect(notifications).toEqual([OBSERVATION_NOTIFICATION]);
  });

  it('the de-identified summary has counts and times, no handle, label, note or URL', async () => {
    const r = await createObservation({
      platform: 'facebook',
      keys: ['fb:alex.rivera.demo'],
      postUrl: POST,
      note: 'private words',
      urgent: true,
    });
    await updateObservation({ id: r.id, status: 'discussed' });
    await createObservation({
      platform: 'instagram',
      keys: [],
      postUrl: null,
      note: '',
      urgent: false,
    });
    const { figures, csv, json } = await supervisionSummary();
    expect(figures.observations).toMatchObject({
      noted: 2,
      byStatus: { 'to-discuss': 1, discussed: 1, shared: 0, 'no-action': 0 },
      urgent: 1,
    });
    for (const text of [csv, json]) expect(text).not.toMatch(/alex|A\.R\.|private words|pfbid/);
    expect(csv.split('\n')[0]).toBe('Measure ID,Measure,Period start,Period end,Value');
  });

  it('the context menu notes the post under the pointer, with its author', async () => {
    const record = await notePostFromMenu(
      { menuItemId: NOTE_POST_MENU },
      {
        id: 5,
        url: 'https://www.facebook.com/',
        index: 0,
        highlighted: false,
        active: true,
        pinned: false,
        incognito: false,
      },
    );
    expect(record).toMatchObject({ platform: 'facebook', status: 'to-discuss', urgent: false });
    expect((await listObservations()).observations[0]).toMatchObject({
      clientLabel: 'A.R.',
      postUrl: POST,
    });
    expect(
      await notePostFromMenu(
        { menuItemId: 'other' },
        {
          id: 5,
          url: 'https://www.facebook.com/',
          index: 0,
          highlighted: false,
          active: true,
          pinned: false,
          incognito: false,
        },
      ),
    ).toBeNull();
  });

  it('the context menu does nothing on a site the agency turned off', async () => {
    await fakeBrowser.storage.local.set({
      agencyPolicy: { policy: { platforms: { facebook: false, instagram: true } }, seenAt: 1 },
    });
    const tab = {
      id: 5,
      url: 'https://www.facebook.com/',
      index: 0,
      highlighted: false,
      active: true,
      pinned: false,
      incognito: false,
    };
    expect(await notePostFromMenu({ menuItemId: NOTE_POST_MENU }, tab)).toBeNull();
    expect((await listObservations()).observations).toEqual([]);
  });
});

describe('observation log, a page at a time', () => {
  const T0 = new Date('2026-11-01T09:00:00').getTime();
  /** 120 observations an hour apart (o[0] the oldest); people cycle through two clients and nobody. */
  async function fill(count = 120) {
    await addClient(
      { profileUrl: 'facebook.com/sam.lee.demo', label: 'S.L.', note: '', dischargedOn: null },
      3,
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    const made = [];
    for (let i = 0; i < count; i++) {
      vi.setSystemTime(T0 + i * HOUR);
      const keys = [['fb:alex.rivera.demo'], ['fb:sam.lee.demo'], []][i % 3] as string[];
      made.push(
        await createObservation({
          platform: 'facebook',
          keys,
          postUrl: `${POST}${i}`,
          note: `note ${i}`,
          urgent: i % 10 === 0,
        }),
      );
    }
    vi.useRealTimers();
    return made;
  }

  it('the newest 50 with their people, every count, and one look-up per person, not per row', async () => {
    await fill();
    const lookups = vi.spyOn(IDBIndex.prototype, 'get');
    const page = await observationPage('all', null);
    expect(page.start).toBe(0);
    expect(page.locked).toBe(false);
    expect(page.counts).toEqual({ all: 120, 'to-discuss': 120, urgent: 12, closed: 0 });
    expect(page.observations).toHaveLength(50);
    expect(page.observations[0]).toMatchObject({
      createdAt: T0 + 119 * HOUR,
      note: 'note 119',
      postUrl: `${POST}119`,
      clientLabel: null,
      clientKey: null,
    });
    expect(page.observations[1]).toMatchObject({
      clientLabel: 'S.L.',
      clientKey: 'fb:sam.lee.demo',
      note: 'note 118',
    });
    expect(page.observations[2]).toMatchObject({ clientLabel: 'A.R.', note: 'note 117' });
    // Two people on the page: two look-ups in the client list, for 50 rows.
    expect(lookups).toHaveBeenCalledTimes(2);
  });

  it('Older continues from the last row; a filter pages on its own rows', async () => {
    await fill();
    const first = await observationPage('all', null);
    const last = first.observations.at(-1)!;
    const second = await observationPage('all', {
      direction: 'older',
      at: { createdAt: last.createdAt, id: last.id },
    });
    expect(second.start).toBe(50);
    expect(second.observations[0]!.note).toBe('note 69');
    const third = await observationPage('all', {
      direction: 'older',
      at: { createdAt: second.observations.at(-1)!.createdAt, id: second.observations.at(-1)!.id },
    });
    expect(third.observations.map((o) => o.note).at(-1)).toBe('note 0');
    expect(third.observations).toHaveLength(20);
    const urgent = await observationPage('urgent', null);
    expect(urgent.observations.map((o) => o.note)).toEqual(
      [110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10, 0].map((i) => `note ${i}`),
    );
  });

  it('while locked a page still comes, with no label, address or note', async () => {
    await fill(6);
    await setPassphrase(null, 'correct horse battery');
    await lock();
    const page = await observationPage('all', null);
    expect(page.locked).toBe(true);
    expect(page.observations).toHaveLength(6);
    for (const o of page.observations)
      expect(o).toMatchObject({ clientLabel: null, clientKey: null, postUrl: null, note: null });
  });

  it('marking one moves the counts; closed ones past retention leave the page and the store', async () => {
    const made = await fill(6);
    const updated = await observationHandlers.updateObservation(
      { id: made[5]!.id, status: 'discussed' },
      { tabId: undefined, senderUrl: '' },
    );
    expect(updated).toMatchObject({ status: 'discussed', clientLabel: null, note: 'note 5' });
    expect(await observationCounts()).toEqual({ all: 6, 'to-discuss': 5, urgent: 1, closed: 0 });
    await updateObservation({ id: made[4]!.id, status: 'no-action' });
    expect((await observationPage('closed', null)).observations.map((o) => o.note)).toEqual([
      'note 4',
    ]);
    await saveUserSetting('retentionDays', 10);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 11 * 24 * HOUR);
    const page = await observationPage('all', null);
    vi.useRealTimers();
    expect(page.counts).toEqual({ all: 5, 'to-discuss': 4, urgent: 1, closed: 0 });
    expect(page.observations.map((o) => o.note)).not.toContain('note 4');
    expect(await purgeClosed()).toBe(0); // already gone from the store
  });
});

describe('observed-post reminder in the prompt registry', () => {
  const TAB = { tabId: 3, senderUrl: 'https://www.facebook.com/' };
  const NONCE = 'BBBBBBBBBBBBBBBBBBBBBB';
  const open = (keys = ['fb:alex.rivera.demo']) =>
    promptHandlers.openPrompt(
      {
        nonce: NONCE,
        site: 'facebook',
        action: 'post',
        keys,
        name: 'Alex',
        stopped: false,
        post: { action: 'share', url: POST },
      },
      TAB,
    );

  it('only for a client: anyone else is not asked', async () => {
    expect(await open(['fb:someone.else.demo'])).toEqual({ show: false });
    expect(await open()).toEqual({ show: true });
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, TAB)).toMatchObject({
      stage: 'observed',
      post: { action: 'share', url: POST },
      clientLabel: 'A.R.',
    });
  });

  it('"Note for follow-up" records and keeps the prompt; "Risk of harm" records urgent and turns to the crisis stage', async () => {
    await open();
    const noted = await promptHandlers.answerPrompt(
      { nonce: NONCE, choice: 'note', note: 'Saw a check-in' },
      TAB,
    );
    expect(noted.context).toMatchObject({ stage: 'observed', noted: true });
    const risk = await promptHandlers.answerPrompt({ nonce: NONCE, choice: 'risk' }, TAB);
    expect(risk.context).toMatchObject({ stage: 'crisis' });
    const { observations } = await listObservations();
    expect(observations.map((o) => [o.urgent, o.note]).sort()).toEqual([
      [false, 'Saw a check-in'],
      [true, null],
    ]);
    expect(await promptHandlers.answerPrompt({ nonce: NONCE, choice: 'continue' }, TAB)).toEqual({
      context: null,
    });
    await expect(promptHandlers.getPromptContext({ nonce: NONCE }, TAB)).rejects.toThrow(
      'prompt-expired',
    );
  });
});
