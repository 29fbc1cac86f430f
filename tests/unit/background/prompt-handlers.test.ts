import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  PROMPT_EXPIRY_ALARM,
  PROMPT_TTL_MS,
  forgetExpiredPrompts,
  forgetTabPrompts,
  promptHandlers,
} from '../../../lib/background/prompt-handlers';
import { withinWorkingHours } from '../../../lib/prompt/working-hours';
import { saveUserSetting } from '../../../lib/settings';
import { addClient, listClients, verdict } from '../../../lib/store/client-list';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { freshWorld } from '../store/setup';

let sent: unknown[];
beforeEach(() => {
  freshWorld();
  sent = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (_tab, message) => {
    sent.push(message);
  });
});

const TAB = { tabId: 3, senderUrl: 'https://www.facebook.com/alex.rivera.demo' };
const FRAME = { tabId: 3, senderUrl: 'chrome-extension://dyn/prompt.html' };
const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA';
const open = (overrides: Partial<Parameters<typeof promptHandlers.openPrompt>[0]> = {}) =>
  promptHandlers.openPrompt(
    {
      nonce: NONCE,
      site: 'facebook',
      action: 'add-friend',
      keys: ['fb:alex.rivera.demo', 'fb:id:100012345678901'],
      name: 'Alex <b>Demo</b>',
      stopped: false,
      ...overrides,
    },
    TAB,
  );
const answer = (
  choice: 'cancel' | 'continue' | 'client' | 'not-client',
  extra: { reason?: string; label?: string } = {},
) => promptHandlers.answerPrompt({ nonce: NONCE, choice, ...extra }, FRAME);
/** Whether the nonce still stands: an answer that ends the prompt spends it (the frame then tells its page). */
const stillOpen = async (nonce = NONCE) =>
  (await STORAGE_ITEMS.prompt.item(nonce).getValue()) !== null;

describe('prompt registry', () => {
  it('asks about someone not answered yet; only a frame in the same tab may read it', async () => {
    expect(await open()).toEqual({ show: true });
    await expect(
      promptHandlers.getPromptContext({ nonce: NONCE }, { ...FRAME, tabId: 4 }),
    ).rejects.toThrow('prompt-expired');
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, FRAME)).toMatchObject({
      stage: 'ask',
      action: 'add-friend',
      category: 'friend',
      mode: 'remind',
      verdict: 'unknown',
      name: 'Alex <b>Demo</b>',
      afterHours: false,
    });
  });

  it('"Not a client" remembers every key, replays, and the nonce is spent', async () => {
    await open();
    expect(await answer('not-client')).toEqual({ context: null });
    expect(await stillOpen()).toBe(false);
    // The frame, not the background, tells the content script: nothing goes to the tab.
    expect(sent).toEqual([]);
    expect(await verdict(['fb:id:100012345678901'], 3)).toBe('not-client');
    await expect(answer('continue')).rejects.toThrow('prompt-expired');
    // Asked again (a stale cache in the page): no prompt, it goes through.
    expect(await open()).toEqual({ show: false });
  });

  it('"This person is a client" adds both keys and turns to guidance', async () => {
    await open();
    const { context } = await answer('client', { label: 'A.R.' });
    expect(context).toMatchObject({ stage: 'guidance', verdict: 'client', clientLabel: 'A.R.' });
    expect(await stillOpen()).toBe(true);
    expect((await listClients(3)).clients[0]?.profileKeys?.sort()).toEqual([
      'fb:alex.rivera.demo',
      'fb:id:100012345678901',
    ]);
    await answer('cancel');
    expect(await stillOpen()).toBe(false);
  });

  it('block-clients: a known client gets no Continue', async () => {
    await saveUserSetting('promptMode', {
      friend: 'block-clients',
      follow: 'remind',
      message: 'remind',
    });
    await addClient(
      { profileUrl: 'facebook.com/alex.rivera.demo', label: '', note: '', dischargedOn: null },
      3,
    );
    await open();
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, FRAME)).toMatchObject({
      stage: 'guidance',
      mode: 'block-clients',
    });
    await expect(answer('continue')).rejects.toThrow('not-allowed');
    await expect(answer('not-client')).rejects.toThrow('not-allowed');
    expect(await stillOpen()).toBe(true);
  });

  it('reason mode: Continue needs a reason, kept sealed with the counters, no identity', async () => {
    await saveUserSetting('promptMode', { friend: 'reason', follow: 'remind', message: 'remind' });
    await open();
    await expect(answer('continue', { reason: '   ' })).rejects.toThrow('reason-required');
    await answer('continue', { reason: 'Agency page asked me to connect for outreach' });
    const stored = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(stored).not.toMatch(/outreach|alex|100012345678901/);
    const counters = (await fakeBrowser.storage.local.get(STORAGE_ITEMS.promptCounters.key))[
      STORAGE_ITEMS.promptCounters.key
    ];
    expect(Object.values(counters as object)[0]).toEqual({ friend: { shown: 1, continued: 1 } });
    const reasons = (await fakeBrowser.storage.local.get(STORAGE_ITEMS.promptReasons.key))[
      STORAGE_ITEMS.promptReasons.key
    ];
    expect(reasons).toEqual([
      {
        date: expect.any(String),
        category: 'friend',
        sealed: { iv: expect.any(String), data: expect.any(String) },
      },
    ]);
  });

  it('unidentified: still asks, offers no client answers', async () => {
    await open({ keys: [], name: null });
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, FRAME)).toMatchObject({
      stage: 'ask',
      verdict: 'unidentified',
      profileKey: null,
    });
    await expect(answer('client')).rejects.toThrow('unidentified');
    await expect(answer('not-client')).rejects.toThrow('unidentified');
    expect(await answer('continue')).toEqual({ context: null });
  });

  it('known clients only: nobody else is asked', async () => {
    await saveUserSetting('promptScope', 'clients-only');
    expect(await open()).toEqual({ show: false });
    await addClient(
      { profileUrl: 'facebook.com/alex.rivera.demo', label: '', note: '', dischargedOn: null },
      3,
    );
    expect(await open()).toEqual({ show: true });
  });

  it('a message to a client outside working hours carries the after-hours reminder', async () => {
    await addClient(
      { profileUrl: 'facebook.com/alex.rivera.demo', label: '', note: '', dischargedOn: null },
      3,
    );
    await saveUserSetting('workHours', { days: [], start: '08:00', end: '18:00' });
    await open({ action: 'message' });
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, FRAME)).toMatchObject({
      afterHours: true,
      category: 'message',
    });
    await open({ action: 'add-friend' });
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, FRAME)).toMatchObject({
      afterHours: false,
    });
  });

  it('a stopped prompt (hidden by the page) cannot be continued', async () => {
    await open({ stopped: true });
    expect(await promptHandlers.getPromptContext({ nonce: NONCE }, FRAME)).toMatchObject({
      stage: 'stopped',
    });
    await expect(answer('continue')).rejects.toThrow('not-allowed');
    await answer('cancel');
    expect(await stillOpen()).toBe(false);
  });

  it('Cancel still closes a frame whose prompt is gone (expired, or erased)', async () => {
    expect(await answer('cancel')).toEqual({ context: null });
    await expect(answer('continue')).rejects.toThrow('prompt-expired');
  });
});

describe('storage.local full', () => {
  /** Every storage.local write fails, as with the quota reached; storage.session still works. */
  async function fillLocalStorage() {
    await saveUserSetting('promptMode', { friend: 'reason', follow: 'remind', message: 'remind' });
    // The data key exists before the storage fills, as on any device in use.
    await listClients(3);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(
      new Error('QUOTA_BYTES quota exceeded'),
    );
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  }

  it('Cancel still closes the prompt: the count is best effort', async () => {
    await open();
    await fillLocalStorage();
    expect(await answer('cancel')).toEqual({ context: null });
    expect(await stillOpen()).toBe(false);
  });

  it('Continue with a reason still replays; "not a client" and "client" are still kept', async () => {
    await open();
    await fillLocalStorage();
    expect(await answer('continue', { reason: 'Outreach page' })).toEqual({ context: null });
    expect(await stillOpen()).toBe(false);

    await open({ nonce: 'BBBBBBBBBBBBBBBBBBBBBB', keys: ['fb:neighbor.demo'] });
    await promptHandlers.answerPrompt(
      { nonce: 'BBBBBBBBBBBBBBBBBBBBBB', choice: 'not-client' },
      FRAME,
    );
    expect(await verdict(['fb:neighbor.demo'], 3)).toBe('not-client');

    await open({ nonce: 'DDDDDDDDDDDDDDDDDDDDDD', keys: ['fb:jordan.demo'] });
    const { context } = await promptHandlers.answerPrompt(
      { nonce: 'DDDDDDDDDDDDDDDDDDDDDD', choice: 'client', label: 'J.' },
      FRAME,
    );
    expect(context).toMatchObject({ stage: 'guidance', verdict: 'client' });
  });

  it('a page that gave up on its prompt still closes it', async () => {
    await open();
    await fillLocalStorage();
    expect(await promptHandlers.closePrompt({ nonce: NONCE }, TAB)).toEqual({ closed: true });
  });
});

describe('working hours', () => {
  const at = (iso: string) => new Date(iso);
  const weekdays = {
    days: [1, 2, 3, 4, 5] as (0 | 1 | 2 | 3 | 4 | 5 | 6)[],
    start: '08:00',
    end: '18:00',
  };
  it('inside and outside', () => {
    expect(withinWorkingHours(weekdays, at('2026-11-23T09:00:00'))).toBe(true); // Monday
    expect(withinWorkingHours(weekdays, at('2026-11-23T18:00:00'))).toBe(false);
    expect(withinWorkingHours(weekdays, at('2026-11-23T07:59:00'))).toBe(false);
    expect(withinWorkingHours(weekdays, at('2026-11-22T12:00:00'))).toBe(false); // Sunday
    expect(
      withinWorkingHours({ ...weekdays, start: '22:00', end: '06:00' }, at('2026-11-23T23:30:00')),
    ).toBe(true);
  });
});

describe('unanswered prompts', () => {
  afterEach(() => vi.useRealTimers());
  const records = async () =>
    Object.keys(await fakeBrowser.storage.session.get(null)).filter((key) =>
      key.startsWith(STORAGE_ITEMS.prompt.prefix),
    );
  const alarmAt = async () => (await fakeBrowser.alarms.get(PROMPT_EXPIRY_ALARM))?.scheduledTime;

  it('are removed when they expire, not kept until the tab closes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-11-23T09:00:00').getTime();
    vi.setSystemTime(start);
    await open();
    // An alarm for the moment it expires.
    await vi.waitFor(async () => expect(await alarmAt()).toBe(start + PROMPT_TTL_MS + 1));
    vi.setSystemTime(start + 10 * 60_000);
    await open({ nonce: 'BBBBBBBBBBBBBBBBBBBBBB' });
    expect(await records()).toHaveLength(2);
    // The alarm comes: the first goes, the second stays, and the alarm waits for it.
    vi.setSystemTime(start + PROMPT_TTL_MS + 1);
    await forgetExpiredPrompts();
    expect(await records()).toEqual([STORAGE_ITEMS.prompt.key('BBBBBBBBBBBBBBBBBBBBBB')]);
    expect(await alarmAt()).toBe(start + 10 * 60_000 + PROMPT_TTL_MS + 1);
    await expect(answer('continue')).rejects.toThrow('prompt-expired');
    vi.setSystemTime(start + 10 * 60_000 + PROMPT_TTL_MS + 1);
    await forgetExpiredPrompts();
    expect(await records()).toEqual([]);
  });

  it('one found expired when its frame or page asks is removed there and then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-11-23T09:00:00').getTime();
    vi.setSystemTime(start);
    await open();
    vi.setSystemTime(start + PROMPT_TTL_MS + 1);
    // The page gives up on it: nothing is counted, and nothing is kept.
    expect(await promptHandlers.closePrompt({ nonce: NONCE }, TAB)).toEqual({ closed: true });
    expect(await records()).toEqual([]);
  });
});

describe('closed tabs', () => {
  it("a closed tab's open prompts are dropped", async () => {
    await promptHandlers.openPrompt(
      {
        nonce: 'CCCCCCCCCCCCCCCCCCCCCC',
        site: 'facebook',
        action: 'add-friend',
        keys: [],
        name: null,
        stopped: false,
      },
      { tabId: 9, senderUrl: 'https://www.facebook.com/' },
    );
    await forgetTabPrompts(9);
    await expect(
      promptHandlers.getPromptContext(
        { nonce: 'CCCCCCCCCCCCCCCCCCCCCC' },
        { tabId: 9, senderUrl: 'chrome-extension://x/prompt.html' },
      ),
    ).rejects.toThrow('prompt-expired');
  });
});
