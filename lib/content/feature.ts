// The content runtime is a list of features (lib/content/features.ts), one file
// each. A feature starts with `init(ctx, signal)` and ends when `signal` aborts:
// the site was turned off, or Clearline was updated, reloaded or removed.
import type { Settings } from '../settings';
import type { SiteAdapter } from '../sites/types';
import type { PagePrompts } from './page-prompts';
import type { PostReader } from './post-info';
import type { ContentScope } from './scope';
import type { TabRouter } from './tab-router';
import type { PageVerdicts } from './verdicts';

/** What every feature of one content script shares. */
export interface FeatureContext {
  adapter: SiteAdapter;
  /** Listeners, timers and page-load hooks that end with the feature. */
  scope: ContentScope;
  /** The settings now (the runtime keeps them fresh with its one settings watch). */
  settings(): Settings;
  verdicts: PageVerdicts;
  prompts: PagePrompts;
  readPost: PostReader;
  /** Messages from the background to this tab. */
  tabs: TabRouter;
}

export interface ContentFeature {
  name: string;
  /**
   * Whether it runs in a same-origin frame inside the page too (all_frames): such a
   * frame can hold the same buttons, but the popup and the privacy check describe
   * the page itself.
   */
  inFrames: boolean;
  init(ctx: FeatureContext, signal: AbortSignal): void;
}
