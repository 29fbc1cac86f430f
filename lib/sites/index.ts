// The adapter registry. Content scripts import their one adapter directly
// (./facebook or ./instagram) to stay small; this index is for extension pages
// and the background, which deal with both sites.
import { facebook } from './facebook';
import { instagram } from './instagram';
import type { SiteAdapter, SiteId } from './types';

export const ADAPTERS: Record<SiteId, SiteAdapter> = { facebook, instagram };

/** The adapter whose hosts include the URL's, or null (l.facebook.com, facebook.com, other sites). */
export function adapterForUrl(url: URL): SiteAdapter | null {
  for (const adapter of Object.values(ADAPTERS)) {
    if (adapter.isSiteUrl(url)) return adapter;
  }
  return null;
}
