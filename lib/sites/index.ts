// The adapters of every site, for extension pages and the background, which deal
// with all of them. A content script imports its one site's adapter directly
// (lib/sites/<site>/) to stay small.
import { SITE_IDS, type SiteId } from './registry';
import { testBuildAdapter } from './test-build-adapter';
import type { SiteAdapter } from './types';

export { ALL_HOST_MATCHES, HOST_MATCHES, SITE_IDS, SITES, perSite } from './registry';
export type { SiteId, SiteInfo } from './registry';

// Each site folder's index.ts exports its adapter under the folder's name
// (./facebook/index.ts: `facebook`), so the registry's ids find them.
const SITE_FOLDERS = import.meta.glob<Record<string, SiteAdapter>>('./*/index.ts', {
  eager: true,
});

function adapterOf(id: SiteId): SiteAdapter {
  const adapter = SITE_FOLDERS[`./${id}/index.ts`]?.[id] ?? testBuildAdapter;
  if (adapter?.id !== id) throw new Error(`lib/sites/${id}/index.ts: no adapter named ${id}`);
  return adapter;
}

/** Every registered site's adapter, in the registry's order. */
export const ADAPTERS: Readonly<Record<SiteId, SiteAdapter>> = Object.fromEntries(
  SITE_IDS.map((id) => [id, adapterOf(id)]),
) as Record<SiteId, SiteAdapter>;

/** The adapter whose hosts include the URL's, or null (l.facebook.com, facebook.com, other sites). */
export function adapterForUrl(url: URL): SiteAdapter | null {
  for (const adapter of Object.values(ADAPTERS)) {
    if (adapter.isSiteUrl(url)) return adapter;
  }
  return null;
}
