import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTab, pageStatusHandlers } from '../../lib/background/page-status';
import type { PageStatus } from '../../lib/messaging';

beforeEach(() => fakeBrowser.reset());

const status: PageStatus = {
  site: 'instagram',
  url: 'https://www.instagram.com/alex.rivera.demo/',
  pageKind: 'profile',
  profileKey: 'ig:alex.rivera.demo',
  profileOwner: 'other',
  diagnostics: { lang: 'en', checks: [{ id: 'profile-controls', found: true }] },
};
const from = { tabId: 4, senderUrl: 'https://www.instagram.com/' };

describe('page status', () => {
  it('keeps the latest report per tab, in session storage only', async () => {
    await pageStatusHandlers.reportPageStatus(status, from);
    expect(await pageStatusHandlers.getPageStatus({ tabId: 4 }, from)).toMatchObject(status);
    expect(await pageStatusHandlers.getPageStatus({ tabId: 5 }, from)).toBeNull();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await forgetTab(4);
    expect(await pageStatusHandlers.getPageStatus({ tabId: 4 }, from)).toBeNull();
  });

  it('refuses a report whose address is on another site than its sender', async () => {
    await expect(
      pageStatusHandlers.reportPageStatus(
        { ...status, url: 'https://www.facebook.com/x.y.z.w' },
        from,
      ),
    ).rejects.toThrow(/another site/);
    expect(await pageStatusHandlers.getPageStatus({ tabId: 4 }, from)).toBeNull();
  });

  it('refuses a report from a frame inside the page: the popup describes the page itself', async () => {
    await expect(
      pageStatusHandlers.reportPageStatus(status, { ...from, frameId: 2 }),
    ).rejects.toThrow(/frame inside the page/);
    expect(await pageStatusHandlers.getPageStatus({ tabId: 4 }, from)).toBeNull();
  });
});
