// What each tab's content script last said about its page, kept by the
// background in storage.session (memory only; content scripts cannot read it).
import { browser } from './browser';
import type { Handlers, TabPageStatus } from './messaging';
import { STORAGE_ITEMS } from './storage-items';

type PageStatusHandlers = Pick<Handlers, 'reportPageStatus' | 'getPageStatus'>;

export const pageStatusHandlers: PageStatusHandlers = {
  async reportPageStatus(status, { tabId, frameId, senderUrl }) {
    if (tabId === undefined) throw new Error('no tab');
    // The popup describes the page itself, never a frame inside it.
    if ((frameId ?? 0) !== 0) throw new Error('report is from a frame inside the page');
    // A report may name a newer address of the same site, never another site.
    if (new URL(status.url).origin !== new URL(senderUrl).origin) {
      throw new Error('report is for another site');
    }
    const record: TabPageStatus = { ...status, reportedAt: Date.now() };
    await browser.storage.session.set({ [STORAGE_ITEMS.pageStatus.key(tabId)]: record });
    return { recorded: true };
  },
  async getPageStatus({ tabId }) {
    const key = STORAGE_ITEMS.pageStatus.key(tabId);
    const stored = await browser.storage.session.get(key);
    return (stored[key] as TabPageStatus | undefined) ?? null;
  },
};

export function forgetTab(tabId: number): Promise<void> {
  return browser.storage.session.remove(STORAGE_ITEMS.pageStatus.key(tabId));
}

/** Part of "Erase all": what every tab last reported (its address, whose profile) goes too. */
export async function forgetAllTabs(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const keys = Object.keys(all).filter((key) => key.startsWith(STORAGE_ITEMS.pageStatus.prefix));
  if (keys.length) await browser.storage.session.remove(keys);
}
