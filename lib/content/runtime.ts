// The content runtime: everything a content script does, for any site, driven
// by that site's adapter. For now it tells the background what page this is, so
// the popup can say whether Clearline is on; the prompt and reminder features
// will be modules started from here.
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { sendMessage, type PageStatus } from '../messaging';
import type { SiteAdapter } from '../sites/types';
import { startBoundaryPrompt } from './boundary-prompt';
import { startAuditReader } from './audit-reader';
import { onAddressChange } from './address';
import { readDiagnostics } from '../diagnostics';

/** When to look again for own-profile controls on a page that is still rendering. */
const OWNER_LOOKS_MS = [300, 1_000, 2_500, 5_000, 10_000];

export function readPageStatus(adapter: SiteAdapter, url: URL, doc: Document): PageStatus {
  const pageKind = adapter.pageKind(url);
  const profileOwner = pageKind === 'profile' ? adapter.profileOwner(doc) : 'unknown';
  return {
    site: adapter.id,
    url: url.href,
    pageKind,
    profileKey: adapter.profileKeyFromUrl(url),
    profileOwner,
    diagnostics: readDiagnostics(doc, pageKind, profileOwner),
  };
}

export function startContentRuntime(adapter: SiteAdapter, ctx: ContentScriptContext): void {
  let lastSent = '';
  let stopWatching: (() => void) | null = null;

  const report = () => {
    const status = readPageStatus(adapter, new URL(location.href), document);
    const fingerprint = JSON.stringify(status);
    if (fingerprint === lastSent) return status;
    lastSent = fingerprint;
    sendMessage('reportPageStatus', status).catch((error: unknown) => {
      // The background refusing us is a bug worth seeing in the page's console;
      // an invalidated context (extension reloaded) is not.
      if (ctx.isValid) console.warn('Clearline:', error);
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

  ctx.onInvalidated(() => stopWatching?.());
  // Listeners first, at document_start, before any page script can add its own.
  startBoundaryPrompt(adapter, ctx);
  // Reading the page waits for it to exist.
  whenParsed(() => {
    watchOwner();
    onAddressChange(ctx, watchOwner);
    startAuditReader(adapter, ctx);
  });
}

function whenParsed(run: () => void): void {
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
