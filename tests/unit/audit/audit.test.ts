import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  auditView,
  confirmItem,
  exportAudit,
  itemResult,
  recordFindings,
  scoreOf,
} from '../../../lib/audit/audit';
import { AUDIT_ITEMS, itemsFor } from '../../../lib/audit/checklist';
import { checkAuditReminder, AUDIT_NOTIFICATION } from '../../../lib/background/audit-reminder';
import type { AuditItemState } from '../../../lib/audit/types';
import { saveUserSetting } from '../../../lib/settings';
import { addClient } from '../../../lib/store/client-list';
import { freshWorld } from '../store/setup';

const DAY = 24 * 60 * 60 * 1000;
let notifications: string[];
beforeEach(() => {
  freshWorld();
  notifications = [];
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation(async (id) => {
    notifications.push(String(id));
    return String(id);
  });
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
afterEach(() => vi.useRealTimers());

describe('checklist', () => {
  it('has the items the issue asks for, each with a why, a recommendation, a deep link and a check', () => {
    expect(itemsFor('facebook')).toHaveLength(13);
    expect(itemsFor('instagram')).toHaveLength(7);
    for (const item of AUDIT_ITEMS) {
      expect(item.link, item.id).toMatch(/^https:\/\/www\.(facebook|instagram)\.com\//);
      expect(['page', 'own-profile', 'manual']).toContain(item.check);
    }
    expect(new Set(AUDIT_ITEMS.map((i) => i.id)).size).toBe(AUDIT_ITEMS.length);
  });
});

describe('results and score', () => {
  it('never counts "could not check" as a pass', () => {
    const states = itemsFor('instagram').map((i): AuditItemState => ({
      itemId: i.id,
      platform: 'instagram',
      result: 'could-not-check',
      observed: null,
      at: null,
      source: null,
    }));
    expect(scoreOf('instagram', states)).toEqual({
      platform: 'instagram',
      passed: 0,
      confirmed: 0,
      total: 7,
      failed: 0,
      couldNotCheck: 7,
    });
    expect(itemResult(undefined)).toBe('could-not-check');
    expect(
      itemResult({
        itemId: 'x',
        platform: 'facebook',
        page: { result: 'unknown', observed: '', at: 5 },
        confirmedAt: null,
      }),
    ).toBe('could-not-check');
  });

  it('counts confirmations as passes and says how many', async () => {
    await recordFindings('facebook', [
      { itemId: 'fb.futurePosts', result: 'pass', observed: 'Friends' },
      { itemId: 'fb.friendRequests', result: 'fail', observed: 'Everyone' },
      { itemId: 'fb.friendsList', result: 'unknown', observed: '' },
    ]);
    await confirmItem('fb.limitPastPosts', true);
    await confirmItem('fb.friendsList', true);
    const fb = (await auditView()).scores.find((s) => s.platform === 'facebook')!;
    expect(fb).toEqual({
      platform: 'facebook',
      passed: 3,
      confirmed: 2,
      total: 13,
      failed: 1,
      couldNotCheck: 9,
    });
  });

  it('a detected change on a settings page replaces an older confirmation; an unreadable page does not', async () => {
    await confirmItem('ig.privateAccount', true, 1000);
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'unknown', observed: '' }],
      2000,
    );
    expect(
      (await auditView(3000)).items.find((i) => i.itemId === 'ig.privateAccount'),
    ).toMatchObject({ result: 'confirmed', source: 'manual', observed: null });
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'fail', observed: 'Off' }],
      4000,
    );
    const view = await auditView(5000);
    expect(view.items.find((i) => i.itemId === 'ig.privateAccount')).toMatchObject({
      result: 'fail',
      observed: 'Off',
      source: 'page',
    });
    // The history says the reading replaced the confirmation.
    expect(view.history[0]).toMatchObject({
      at: 4000,
      replacedConfirmations: ['ig.privateAccount'],
    });
  });

  it('"I checked this" is refused for a setting the page was read as needing a change, or as fine', async () => {
    await recordFindings(
      'facebook',
      [
        { itemId: 'fb.friendRequests', result: 'fail', observed: 'Everyone' },
        { itemId: 'fb.futurePosts', result: 'pass', observed: 'Friends' },
      ],
      1000,
    );
    await expect(confirmItem('fb.friendRequests', true, 2000)).rejects.toThrow('read-from-page');
    await expect(confirmItem('fb.futurePosts', true, 2000)).rejects.toThrow('read-from-page');
    const view = await auditView(3000);
    expect(view.items.find((i) => i.itemId === 'fb.friendRequests')).toMatchObject({
      result: 'fail',
      observed: 'Everyone',
    });
    expect(view.scores.find((s) => s.platform === 'facebook')).toMatchObject({
      passed: 1,
      confirmed: 0,
      failed: 1,
    });
    // After the coach changes it on Facebook, the next reading decides.
    await recordFindings(
      'facebook',
      [{ itemId: 'fb.friendRequests', result: 'pass', observed: 'Friends of friends' }],
      4000,
    );
    expect(
      (await auditView(5000)).items.find((i) => i.itemId === 'fb.friendRequests'),
    ).toMatchObject({ result: 'pass', source: 'page' });
  });

  it('a page that can no longer be read leaves "could not check", which the coach may then confirm', async () => {
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'fail', observed: 'Off' }],
      1000,
    );
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'unknown', observed: '' }],
      2000,
    );
    expect(
      (await auditView(3000)).items.find((i) => i.itemId === 'ig.privateAccount')?.result,
    ).toBe('could-not-check');
    await confirmItem('ig.privateAccount', true, 4000);
    expect(
      (await auditView(5000)).items.find((i) => i.itemId === 'ig.privateAccount'),
    ).toMatchObject({
      result: 'confirmed',
      source: 'manual',
      observed: null,
    });
  });

  it("a content script cannot write the other site's items or unknown ones", async () => {
    expect(
      await recordFindings('instagram', [
        { itemId: 'fb.futurePosts', result: 'pass', observed: 'Friends' },
        { itemId: 'ig.nope', result: 'pass', observed: '' },
      ]),
    ).toBe(0);
    expect((await auditView()).items.every((i) => i.result === 'could-not-check')).toBe(true);
  });

  it('keeps a history entry whenever the scores change', async () => {
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'fail', observed: 'Off' }],
      1000,
    );
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'fail', observed: 'Off' }],
      2000,
    );
    await recordFindings(
      'instagram',
      [{ itemId: 'ig.privateAccount', result: 'pass', observed: 'On' }],
      3000,
    );
    const { history } = await auditView(4000);
    expect(history.map((h) => h.at)).toEqual([3000, 1000]);
    expect(history[0]?.scores.find((s) => s.platform === 'instagram')?.passed).toBe(1);
  });

  it('the JSON export holds settings results only, no client data', async () => {
    await addClient(
      { profileUrl: 'facebook.com/jane.doe.demo', label: 'J.D.', note: '', dischargedOn: null },
      3,
    );
    await recordFindings('facebook', [
      { itemId: 'fb.futurePosts', result: 'pass', observed: 'Friends' },
    ]);
    const { fileName, contents } = await exportAudit(new Date('2026-11-22T12:00:00Z'));
    expect(fileName).toBe('clearline-privacy-check-2026-11-22.json');
    expect(contents).not.toMatch(/jane|J\.D\./);
    expect(JSON.parse(contents)).toMatchObject({
      format: 'clearline-privacy-check',
      items: expect.any(Array),
      scores: expect.any(Array),
    });
  });
});

describe('re-audit reminder (fake clock)', () => {
  it('counts from the first check: nothing is due before it; notifies once per due period; due again after the interval', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-01T09:00:00'));
    // Day one, and weeks later still: no first check yet, so no reminder and no badge.
    expect(await checkAuditReminder()).toBe(false);
    vi.setSystemTime(new Date('2026-12-15T09:00:00'));
    expect(await checkAuditReminder()).toBe(false);
    expect(notifications).toEqual([]);
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect((await auditView()).reauditDue).toBe(false);

    await recordFindings('instagram', [
      { itemId: 'ig.privateAccount', result: 'pass', observed: 'On' },
    ]);
    expect(await checkAuditReminder()).toBe(false);
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });

    vi.setSystemTime(new Date('2027-01-13T09:00:00')); // 29 days after the first check
    expect(await checkAuditReminder()).toBe(false);
    vi.setSystemTime(new Date('2027-01-14T09:00:01')); // 30 days after it
    expect(await checkAuditReminder()).toBe(true);
    expect(await checkAuditReminder()).toBe(true);
    expect(notifications).toEqual([AUDIT_NOTIFICATION]);
    expect(fakeBrowser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '!' });

    // A new check clears it; the next reminder is a new period, with its own notification.
    await recordFindings('instagram', [
      { itemId: 'ig.privateAccount', result: 'pass', observed: 'On' },
    ]);
    expect(await checkAuditReminder()).toBe(false);
    vi.setSystemTime(new Date('2027-02-13T09:00:02'));
    expect(await checkAuditReminder()).toBe(true);
    expect(notifications).toHaveLength(2);
  });

  it('follows the re-audit interval setting', async () => {
    await saveUserSetting('auditIntervalDays', 7);
    await recordFindings(
      'facebook',
      [{ itemId: 'fb.futurePosts', result: 'pass', observed: 'Friends' }],
      Date.now() - 8 * DAY,
    );
    expect((await auditView()).reauditDue).toBe(true);
    await saveUserSetting('auditIntervalDays', 30);
    expect((await auditView()).reauditDue).toBe(false);
  });
});
