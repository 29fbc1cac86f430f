// Code passed to page.evaluate() on an extension page runs there, where Chrome's
// promise-returning `chrome` API is global. Its shape is the polyfill's.
import type { Browser } from 'webextension-polyfill';

declare global {
  const chrome: Browser;
}
