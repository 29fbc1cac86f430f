// Both locale catalogs, registered before any handler can translate a notification or menu.
import '../lib/i18n-bundled';
import { browser, type Runtime } from '../lib/browser';
import { type Handlers } from '../lib/messaging';
import { createRouter } from '../lib/background/router';
import { forgetTab, pageStatusHandlers } from '../lib/background/page-status';
import {
  PROMPT_EXPIRY_ALARM,
  forgetExpiredPrompts,
  forgetTabPrompts,
  promptHandlers,
} from '../lib/background/prompt-handlers';
import { auditHandlers } from '../lib/background/audit-handlers';
import {
  createNotePostMenu,
  notePostFromMenu,
  observationHandlers,
} from '../lib/background/observation-handlers';
import {
  OBSERVATION_NOTIFICATION,
  checkObservationReminder,
} from '../lib/background/observation-reminder';
import {
  REMINDERS_ALARM,
  checkAuditReminder,
  scheduleAuditReminder,
} from '../lib/background/audit-reminder';
import { IDLE_LOCK_ALARM, storeHandlers, verdictBudget } from '../lib/background/store-handlers';
import { lock } from '../lib/keyring/keyring';
import { startPolicySync } from '../lib/policy/sync';
import { openWelcomeOnInstall } from '../lib/policy/welcome';
import { settingsUrl } from '../lib/settings-pages';

const handlers: Handlers = {
  ...pageStatusHandlers,
  ...storeHandlers,
  ...promptHandlers,
  ...auditHandlers,
  ...observationHandlers,
};

export default defineBackground(() => {
  // First, so that the agency's rules are current before anything reads them.
  startPolicySync();
  const router = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    router(message, sender),
  );
  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetTabPrompts(tabId);
    verdictBudget.forgetTab(tabId);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IDLE_LOCK_ALARM) void lock();
    if (alarm.name === PROMPT_EXPIRY_ALARM) void forgetExpiredPrompts();
    if (alarm.name === REMINDERS_ALARM) {
      void checkAuditReminder();
      void checkObservationReminder();
      void forgetExpiredPrompts();
    }
  });
  // The re-audit reminder is looked at when the browser starts, on install and
  // update, and then by its alarm: not on every wake of this worker, where it
  // would compete with the prompt a click just woke it for.
  const auditReminder = () => {
    void scheduleAuditReminder();
    void checkAuditReminder();
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createNotePostMenu();
    if (reason === 'install') void openWelcomeOnInstall();
    auditReminder();
  });
  browser.runtime.onStartup.addListener(auditReminder);
  browser.contextMenus.onClicked.addListener((info, tab) => void notePostFromMenu(info, tab));
  // Each notification opens the Settings page it is about.
  browser.notifications.onClicked.addListener((id) => {
    const page = id === OBSERVATION_NOTIFICATION ? 'observations' : 'privacy';
    void browser.tabs.create({ url: settingsUrl(page) });
  });
});
