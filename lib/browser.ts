// The one place the extension API is imported from: webextension-polyfill gives
// the same promise-based `browser` in Chrome, Edge and Firefox. Unit tests alias
// this import to WXT's in-memory fake browser (see vitest.config.ts).
import browser from 'webextension-polyfill';

export { browser };
export type { Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
