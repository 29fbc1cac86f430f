// The content runtime: everything a content script does, for any site, driven
// by that site's adapter: it tells the background what page this is (for the
// popup) and starts the prompt and the privacy-check reader. When the agency or
// the coach turns Clearline off for the site, it stops them all and does nothing.
import type { ContentLifetime } from './context';
import { sendMessage, type PageStatus } from '../messaging';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  watchSettings,
  type EffectiveSettings,
  type Settings,
} from '../settings';
import { startScope, type ContentScope } from './scope';
import type { SiteAdapter } from '../sites/types';
import { startBoundaryPrompt } from './boundary-prompt';
import { startAuditReader } from './audit-reader';
import { onAddressChange } from './address';
import { readDiagnostics } from '../diagnostics';

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

export function startContentRuntime(adapter: SiteAdapter, ctx: ContentLifetime): void {
  // Started at once, before the settings are read, so that the prompt's listeners
  // come before any page script's (fail closed); stopped if the site is turned off.
  // Until they are read, the defaults ask before every action.
  let settings = structuredClone(DEFAULT_SETTINGS) as Settings;
  const currentSettings = () => settings;
  let running: { stop(): void } | null = startFeatures(adapter, ctx, currentSettings);
  const apply = ({ values }: EffectiveSettings) => {
    settings = values;
    const on = values.platforms[adapter.id];
    if (!on && running) {
      running.stop();
      running = null;
    } else if (on && !running) {
      running = startFeatures(adapter, ctx, currentSettings);
    }
  };
  // Unreadable settings keep Clearline on: a prompt too many, never one missed.
  loadSettings().then(apply, () => undefined);
  const unwatch = watchSettings(apply, () => undefined);
  ctx.onInvalidated(unwatch);
}

function startFeatures(
  adapter: SiteAdapter,
  ctx: ContentLifetime,
  currentSettings: () => Settings,
): { stop(): void } {
  const { scope, stop } = startScope(ctx);
  startPageFeatures(adapter, scope, currentSettings);
  return { stop };
}

function startPageFeatures(
  adapter: SiteAdapter,
  ctx: ContentScope,
  currentSettings: () => Settings,
): void {
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
  startBoundaryPrompt(adapter, ctx, currentSettings);
  // A same-origin frame inside the page (all_frames) only asks before actions:
  // the popup and the privacy check describe the page itself.
  if (window !== window.top) return;
  // The popup learns at once that Clearline runs here, from the address alone;
  // reading the page (whose profile, the privacy settings pages) waits until it has loaded.
  ctx.whenParsed(() => report(false));
  ctx.afterLoad(() => {
    watchOwner();
    onAddressChange(ctx, watchOwner);
    startAuditReader(adapter, ctx);
  }, READ_AFTER_LOAD_MS);
}
