import { browser, type Menus, type Tabs } from '../browser';
import { sendToTab, type Handlers } from '../messaging';
import { adapterForUrl } from '../sites';
import { ALL_HOST_MATCHES } from '../sites/registry';
import { resolveLocale, translate } from '../i18n';
import { loadSettings } from '../settings';
import { checkObservationReminder } from './observation-reminder';
import { supervisionSummary } from './supervision-summary';
import {
  createObservation,
  deleteObservation,
  observationCounts,
  observationPage,
  toDiscuss,
  updateObservation,
} from '../observations/store';

type ObservationHandlers = Pick<
  Handlers,
  | 'getObservationPage'
  | 'countObservations'
  | 'countObservationsToDiscuss'
  | 'updateObservation'
  | 'deleteObservation'
  | 'exportSupervisionSummary'
>;

export const observationHandlers: ObservationHandlers = {
  getObservationPage: ({ filter, page }) => observationPage(filter, page),
  countObservations: () => observationCounts(),
  async countObservationsToDiscuss() {
    const { count, urgent } = await toDiscuss();
    return { count, urgent };
  },
  async updateObservation(change) {
    const updated = await updateObservation(change);
    await checkObservationReminder();
    return updated;
  },
  async deleteObservation({ id }) {
    await deleteObservation(id);
    await checkObservationReminder();
    return { deleted: true };
  },
  exportSupervisionSummary: ({ period }) => supervisionSummary(period),
};

export const NOTE_POST_MENU = 'note-post';

export async function createNotePostMenu(): Promise<void> {
  const { values } = await loadSettings();
  const locale = resolveLocale(values.locale, browser.i18n.getUILanguage());
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: NOTE_POST_MENU,
    title: translate(locale, 'contextMenuNotePost'),
    contexts: ['page', 'link', 'selection', 'image'],
    documentUrlPatterns: [...ALL_HOST_MATCHES],
  });
}

/**
 * "Note this post for follow-up" from the context menu: any post, on either
 * site. The content script says which post was under the pointer; the author
 * is filled in when the page shows it. Works while locked (without the address).
 */
export async function notePostFromMenu(
  info: Pick<Menus.OnClickData, 'menuItemId'>,
  tab: Tabs.Tab | undefined,
) {
  if (info.menuItemId !== NOTE_POST_MENU || tab?.id === undefined || !tab.url) return null;
  const adapter = adapterForUrl(new URL(tab.url));
  if (!adapter) return null;
  // A site turned off (by the agency or the coach) gets nothing from Clearline, this menu included.
  if (!(await loadSettings()).values.platforms[adapter.id]) return null;
  const post = await sendToTab(tab.id, 'describeContextPost', {}, 0).catch(() => ({
    keys: [],
    postUrl: null,
  }));
  const record = await createObservation({
    platform: adapter.id,
    keys: post.keys,
    postUrl: post.postUrl,
    note: '',
    urgent: false,
  });
  await checkObservationReminder();
  return record;
}
