// What each tab's content script last said about its page, kept by the
// background in storage.session (memory only; content scripts cannot read it).
import { sendToTab, type Handlers, type TabPageStatus } from '../messaging';
import { STORAGE_ITEMS } from '../storage-items';

type PageStatusHandlers = Pick<
  Handlers,
  'reportPageStatus' | 'getPageStatus' | 'getUnrecognizedControls'
>;

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
    await STORAGE_ITEMS.pageStatus.item(tabId).setValue(record);
    return { recorded: true };
  },
  async getPageStatus({ tabId }) {
    return STORAGE_ITEMS.pageStatus.item(tabId).getValue();
  },
  async getUnrecognizedControls({ tabId }) {
    // Asked of the page itself (frame 0), only now: reading the action bars waits
    // until someone looks. No content script there (not started, another site): none.
    return sendToTab(tabId, 'describeUnrecognizedControls', {}, 0).catch(() => ({
      controls: [],
    }));
  },
};

export function forgetTab(tabId: number): Promise<void> {
  return STORAGE_ITEMS.pageStatus.item(tabId).removeValue();
}

/** Part of "Erase all": what every tab last reported (its address, whose profile) goes too. */
export async function forgetAllTabs(): Promise<void> {
  await STORAGE_ITEMS.pageStatus.removeAll();
}
