// The pages of Settings (options.html) and their addresses. Every link into
// Settings names its page here, so it lands where the coach meant to go.
import { browser } from './browser';

export const SETTINGS_PAGES = [
  'clients',
  'observations',
  'privacy',
  'prompts',
  'protection',
  'agency',
  'about',
] as const;

export type SettingsPage = (typeof SETTINGS_PAGES)[number];

/** Where Settings opens when the address names no page: the list is what coaches come for. */
export const FIRST_SETTINGS_PAGE: SettingsPage = 'clients';

// Addresses that installed copies, notifications and older links still use.
const OLDER_NAMES: Record<string, SettingsPage> = {
  audit: 'privacy',
  'first-step': 'clients',
};

/** The page an address (its hash, with or without the #) opens. */
export function pageFromHash(hash: string): SettingsPage {
  const name = hash.replace(/^#/, '');
  if ((SETTINGS_PAGES as readonly string[]).includes(name)) return name as SettingsPage;
  return OLDER_NAMES[name] ?? FIRST_SETTINGS_PAGE;
}

/** The full address of a Settings page, for links from the popup, the welcome page, the report. */
export const settingsUrl = (page: SettingsPage) => browser.runtime.getURL(`/options.html#${page}`);
