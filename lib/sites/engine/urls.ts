// Reading a site's addresses: its hosts, its path segments, and the page kind its
// detectors give.
import type { PageKind, SiteAdapter } from '../types';

/** Host names from match patterns such as `https://www.facebook.com/*`. */
export function hostsFrom(matches: readonly string[]): ReadonlySet<string> {
  return new Set(matches.map((m) => new URL(m.replace(/\*$/, '')).hostname));
}

/**
 * The path's segments, percent-decoded and lower-cased, empty ones dropped, so
 * `/Jane%2Edoe//about/` gives `['jane.doe', 'about']`. Both sites treat path
 * names case-insensitively; a malformed escape keeps the raw segment.
 */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

/** The first kind whose detector says yes; at most one does (a unit test checks). */
export function pageKindOf(detectors: SiteAdapter['detectors'], url: URL): PageKind {
  for (const [kind, detect] of Object.entries(detectors)) {
    if (detect(url)) return kind as PageKind;
  }
  return 'other';
}
