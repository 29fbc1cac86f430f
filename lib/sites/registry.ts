// The one list of sites Clearline covers. Everything that names the sites (the
// manifest's hosts, the content scripts, message and backup validation, settings,
// the options and audit pages) reads it from here, so a new site is its folder
// under lib/sites/ and one line below (docs/adding-a-site.md). Plain data: the
// build config imports it in Node, and content scripts can carry it for nothing.
import { facebookSite } from './facebook/site';
import { instagramSite } from './instagram/site';
import { testBuildSite } from './test-build-site';

/** What the build and the extension pages need to know of a site without its page logic. */
export interface SiteInfo {
  /** The site's name in code and storage, and its folder under lib/sites/. */
  readonly id: string;
  /** What its profile keys start with: `fb` in `fb:jane.doe`. */
  readonly keyPrefix: string;
  /** Match patterns of the pages Clearline runs on and asks permission for. */
  readonly hosts: readonly string[];
  /**
   * Path segments that name a feature of the site, never a person, page or item,
   * separated by white space: the diagnostics page shows these and hides the rest.
   */
  readonly featurePaths: string;
}

const COVERED_SITES = [facebookSite, instagramSite] as const satisfies readonly SiteInfo[];

export type SiteId = (typeof COVERED_SITES)[number]['id'];
export type SiteKeyPrefix = (typeof COVERED_SITES)[number]['keyPrefix'];

// A test build adds its practice site here; its id is not in SiteId, which names
// the sites a coach can meet.
export const SITES: readonly SiteInfo[] = testBuildSite
  ? [...COVERED_SITES, testBuildSite]
  : COVERED_SITES;

export const SITE_IDS = SITES.map((site) => site.id) as readonly SiteId[] as readonly [
  SiteId,
  ...SiteId[],
];

/** Each site's match patterns. */
export const HOST_MATCHES = Object.fromEntries(SITES.map((s) => [s.id, s.hosts])) as Readonly<
  Record<SiteId, readonly string[]>
>;

/** Every site's match patterns together. */
export const ALL_HOST_MATCHES: readonly string[] = SITES.flatMap((site) => site.hosts);

/** `{ facebook: value, instagram: value }`, one entry per site. */
export function perSite<T>(value: (id: SiteId) => T): Record<SiteId, T> {
  return Object.fromEntries(SITE_IDS.map((id) => [id, value(id)])) as Record<SiteId, T>;
}
