// The content runtime: starts every feature (lib/content/features.ts) for the
// site's adapter, and stops them all when the agency or the coach turns
// Clearline off for the site.
import { browser } from '../browser';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  watchSettings,
  type EffectiveSettings,
  type Settings,
} from '../settings';
import type { SiteAdapter } from '../sites/types';
import type { ContentLifetime } from './context';
import type { ContentFeature, FeatureContext } from './feature';
import { CONTENT_FEATURES } from './features';
import { PagePrompts } from './page-prompts';
import { createPostReader } from './post-info';
import { startScope } from './scope';
import { createTabRouter, type TabRouter } from './tab-router';
import { PageVerdicts } from './verdicts';

export { readPageStatus } from './features/page-status';

export function startContentRuntime(
  adapter: SiteAdapter,
  ctx: ContentLifetime,
  features: readonly ContentFeature[] = CONTENT_FEATURES,
): void {
  // Started at once, before the settings are read, so that the prompt's listeners
  // come before any page script's (fail closed); stopped if the site is turned off.
  // Until they are read, the defaults ask before every action.
  let settings = structuredClone(DEFAULT_SETTINGS) as Settings;
  const currentSettings = () => settings;
  // One listener for the background's messages to this tab, whatever starts and stops.
  const tabs = createTabRouter(browser.runtime.id);
  browser.runtime.onMessage.addListener(tabs.listener);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(tabs.listener));

  let running: { stop(): void } | null = startFeatures(
    adapter,
    ctx,
    currentSettings,
    tabs,
    features,
  );
  const apply = ({ values }: EffectiveSettings) => {
    settings = values;
    const on = values.platforms[adapter.id];
    if (!on && running) {
      running.stop();
      running = null;
    } else if (on && !running) {
      running = startFeatures(adapter, ctx, currentSettings, tabs, features);
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
  settings: () => Settings,
  tabs: TabRouter,
  features: readonly ContentFeature[],
): { stop(): void } {
  const { scope, signal, stop } = startScope(ctx);
  const shared: FeatureContext = {
    adapter,
    scope,
    settings,
    verdicts: new PageVerdicts(scope),
    prompts: new PagePrompts(scope),
    readPost: createPostReader(adapter),
    tabs,
  };
  const topFrame = window === window.top;
  for (const feature of features) {
    if (!feature.inFrames && !topFrame) continue;
    try {
      feature.init(shared, signal);
    } catch (error) {
      // One feature failing (a site's markup it did not expect) leaves the others running.
      console.warn(`Clearline: ${feature.name}:`, error);
    }
  }
  return { stop };
}
