// What page this is, for the popup: the site, the kind of page, whose profile,
// and what Clearline could not recognize on it. The address alone is told at once;
// reading the page waits until it has loaded.
import { readDiagnostics } from '../../diagnostics';
import { sendMessage, type PageStatus } from '../../messaging';
import { unrecognizedControls } from '../../sites/engine/action-bar';
import type { SiteAdapter } from '../../sites/types';
import { onAddressChange } from '../address';
import type { ContentFeature } from '../feature';

/** How long after the page's load its first reading waits (docs/performance.md). */
const READ_AFTER_LOAD_MS = 1_000;
/** When to look again for own-profile controls on a page that is still rendering. */
const OWNER_LOOKS_MS = [300, 1_000, 2_500, 5_000, 10_000];

/** `readOwner: false`: what the address alone says (whose profile it is stays 'unknown'). */
export function readPageStatus(
  adapter: SiteAdapter,
  url: URL,
  doc: Document,
  readOwner = true,
): PageStatus {
  const pageKind = adapter.pageKind(url);
  const profileOwner = readOwner && pageKind === 'profile' ? adapter.profileOwner(doc) : 'unknown';
  return {
    site: adapter.id,
    url: url.href,
    pageKind,
    profileKey: adapter.profileKeyFromUrl(url),
    profileOwner,
    diagnostics: readDiagnostics(doc, pageKind, profileOwner),
  };
}

export const pageStatus: ContentFeature = {
  name: 'page status',
  inFrames: false,
  init({ adapter, scope, tabs }, signal) {
    let lastSent = '';
    let stopWatching: (() => void) | null = null;

    const report = (readOwner = true) => {
      const status = readPageStatus(adapter, new URL(location.href), document, readOwner);
      const fingerprint = JSON.stringify(status);
      if (fingerprint === lastSent) return status;
      lastSent = fingerprint;
      sendMessage('reportPageStatus', status).catch((error: unknown) => {
        // The background refusing us is a bug worth seeing in the page's console;
        // an invalidated context (extension reloaded) is not.
        if (scope.isValid) console.warn('Clearline:', error);
      });
      return status;
    };

    // Profile pages render their action row after load: look again a few times,
    // never per DOM mutation (Facebook's DOM changes constantly), until it is known.
    const watchOwner = () => {
      stopWatching?.();
      const status = report();
      if (status.pageKind !== 'profile' || status.profileOwner !== 'unknown') return;
      const timers = OWNER_LOOKS_MS.map((ms) =>
        setTimeout(() => {
          if (report().profileOwner !== 'unknown') stopWatching?.();
        }, ms),
      );
      stopWatching = () => {
        timers.forEach(clearTimeout);
        stopWatching = null;
      };
    };

    // Read only when the popup or the diagnostics page asks: a few action-bar
    // buttons, never per mutation or press.
    const { actionBar } = adapter;
    const stopAnswering = tabs.on('describeUnrecognizedControls', () => ({
      controls: actionBar
        ? unrecognizedControls(adapter, actionBar, document, new URL(location.href))
        : [],
    }));
    signal.addEventListener('abort', stopAnswering);

    scope.onInvalidated(() => stopWatching?.());
    // The popup learns at once that Clearline runs here, from the address alone.
    scope.whenParsed(() => report(false));
    scope.afterLoad(() => {
      watchOwner();
      onAddressChange(scope, watchOwner);
    }, READ_AFTER_LOAD_MS);
  },
};
