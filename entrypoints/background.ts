import { browser, type Runtime } from '../lib/browser';
import { createRouter, type Handlers } from '../lib/messaging';
import { forgetTab, pageStatusHandlers } from '../lib/page-status';

const handlers: Handlers = {
  ...pageStatusHandlers,
};

export default defineBackground(() => {
  const router = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    router(message, sender),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
