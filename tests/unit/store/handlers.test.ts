import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageStatusHandlers } from '../../../lib/background/page-status';
import { PROMPT_TTL_MS, promptHandlers } from '../../../lib/background/prompt-handlers';
import { STORAGE_ITEMS } from '../../../lib/storage-items';
import { saveUserSetting } from '../../../lib/settings';
import { IDLE_LOCK_ALARM, storeHandlers } from '../../../lib/background/store-handlers';
import { freshWorld, rawDump } from './setup';
import { VERDICT_BURST } from '../../../lib/store/verdict-budget';

beforeEach(freshWorld);
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});
const ctx = { tabId: undefined, senderUrl: 'chrome-extension://ours/options.html' };
const client = {
  profileUrl: 'https://www.facebook.com/jane.doe.demo',
  label: 'J.D.',
  note: '',
  dischargedOn: null,
};

describe('store handlers', () => {
  it('erase all needs the typed confirmation, then empties everything', async () => {
    await saveUserSetting('idleLockMinutes', 5);
    await storeHandlers.addClient(client, ctx);
    const before = await rawDump();
    await expect(storeHandlers.eraseAll({ confirmation: 'erase' }, ctx)).rejects.toThrow(
      'confirmation-mismatch',
    );
    expect(await rawDump()).toBe(before);
    await storeHandlers.eraseAll({ confirmation: 'ERASE' }, ctx);
    expect((await storeHandlers.listClients({}, ctx)).clients).toEqual([]);
    expect(await fakeBrowser.storage.local.get('userSettings')).toEqual({});
    expect(await storeHandlers.getVerdict({ keys: ['fb:jane.doe.demo'] }, ctx)).toEqual({
      verdict: 'unknown',
      limited: false,
    });
  });

  it('erase all leaves no open prompt and no page report in session storage', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const page = { tabId: 6, senderUrl: 'https://www.facebook.com/jane.doe.demo' };
    await storeHandlers.addClient(client, ctx);
    await pageStatusHandlers.reportPageStatus(
      {
        site: 'facebook',
        url: 'https://www.facebook.com/jane.doe.demo',
        pageKind: 'profile',
        profileKey: 'fb:jane.doe.demo',
        profileOwner: 'other',
        diagnostics: { lang: 'en', checks: [] },
      },
      page,
    );
    // One prompt still open, one past its time (never answered, its tab still open).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() - 2 * PROMPT_TTL_MS);
    const ask = (nonce: string) =>
      promptHandlers.openPrompt(
        {
          nonce,
          site: 'facebook',
          action: 'message',
          keys: ['fb:jane.doe.demo'],
          name: 'Jane Doe',
          stopped: false,
        },
        page,
      );
    await ask('EEEEEEEEEEEEEEEEEEEEEE');
    vi.useRealTimers();
    expect(await ask('FFFFFFFFFFFFFFFFFFFFFF')).toEqual({ show: true });
    const named = async () =>
      Object.keys(await fakeBrowser.storage.session.get(null)).filter(
        (key) =>
          key.startsWith(STORAGE_ITEMS.prompt.prefix) ||
          key.startsWith(STORAGE_ITEMS.pageStatus.prefix),
      );
    expect(await named()).toHaveLength(3);
    await storeHandlers.eraseAll({ confirmation: 'ERASE' }, ctx);
    expect(await named()).toEqual([]);
    expect(await rawDump()).not.toMatch(/jane|Jane/);
    // Its frame can no longer learn who it was about.
    await expect(
      promptHandlers.getPromptContext({ nonce: 'FFFFFFFFFFFFFFFFFFFFFF' }, page),
    ).rejects.toThrow('prompt-expired');
  });

  it("a tab's lookups of new people are bounded; past the budget the answer is a limited unknown", async () => {
    await storeHandlers.addClient(client, ctx);
    const tab = { tabId: 9, senderUrl: 'https://www.facebook.com/' };
    for (let i = 0; i < VERDICT_BURST; i += 1)
      await storeHandlers.getVerdict({ keys: [`fb:stranger.${i}`] }, tab);
    expect(await storeHandlers.getVerdict({ keys: ['fb:jane.doe.demo'] }, tab)).toEqual({
      verdict: 'unknown',
      limited: true,
    });
    // Another tab, and Clearline's own pages (no tab), are not held back.
    expect(
      await storeHandlers.getVerdict({ keys: ['fb:jane.doe.demo'] }, { ...tab, tabId: 10 }),
    ).toEqual({ verdict: 'client', limited: false });
  });

  it('using the list pushes back the idle lock by the idle setting; the alarm locks', async () => {
    await saveUserSetting('idleLockMinutes', 7);
    await storeHandlers.setPassphrase({ current: null, next: 'correct horse battery' }, ctx);
    const before = Date.now();
    await storeHandlers.listClients({}, ctx);
    const alarm = await fakeBrowser.alarms.get(IDLE_LOCK_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 7 * 60_000 - 1000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(Date.now() + 7 * 60_000 + 1000);
    expect(await storeHandlers.lock({}, ctx)).toEqual({ hasPassphrase: true, locked: true });
    expect(await fakeBrowser.alarms.get(IDLE_LOCK_ALARM)).toBeUndefined();
  });
});
