// The contract every site adapter fulfils. Adapters are pure: they read URLs and
// documents and return answers; they never change a page or keep state.

export type SiteId = 'facebook' | 'instagram';

export const PAGE_KINDS = [
  'home',
  'profile',
  'settings',
  'post',
  'messages',
  'search',
  'friend-requests',
  'other',
] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** A normalized profile identity such as `fb:jane.doe`, `fb:id:100012345678901` or `ig:jane_doe`. */
export type ProfileKey = `${'fb' | 'ig'}:${string}`;

/** Whether the profile shown is the coach's own. A URL cannot tell; the page can, or cannot. */
export type ProfileOwner = 'own' | 'other' | 'unknown';

export interface SiteAdapter {
  readonly id: SiteId;
  /** True for URLs on this site's hosts (any path). */
  isSiteUrl(url: URL): boolean;
  /**
   * One pure detector per page kind except 'other'. For every URL of the site at
   * most one detector answers true; `pageKind` falls back to 'other'.
   */
  readonly detectors: Readonly<Record<Exclude<PageKind, 'other'>, (url: URL) => boolean>>;
  pageKind(url: URL): PageKind;
  /** The normalized key of the profile a URL points at, or null when it points at no person. */
  profileKeyFromUrl(url: URL): ProfileKey | null;
  /** Reads the page for own-profile controls ("Edit profile") or actions offered to others. */
  profileOwner(doc: Document): ProfileOwner;
}
