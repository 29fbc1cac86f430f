// What the content runtime could and could not recognize on a page, for the
// popup's "Clearline could not find this page's buttons" line and the local
// diagnostics page. It holds words about the page (its language, which checks
// found nothing), never who is on it; the page's address is shown only as a path
// with every name, id and code taken out. Nothing here is ever sent anywhere.
import type { PageKind, ProfileOwner, SiteId, UnrecognizedControl } from './sites/types';
import { SITES } from './sites/registry';
import { LOCALES } from './sites/engine/labels';
import { pageWordsLanguage } from './sites/engine/language';

/** The languages the label tables read (lib/sites/engine/labels.ts: every entry has each). */
export const READ_LANGUAGES = LOCALES;

/**
 * language: the page's language is one Clearline reads.
 * profile-controls: a profile page shows buttons Clearline knows (Add friend, Message,
 * Follow, or Edit profile on the coach's own).
 */
export const DIAGNOSTIC_CHECKS = ['language', 'profile-controls'] as const;
export type DiagnosticCheck = (typeof DIAGNOSTIC_CHECKS)[number];

export interface PageDiagnostics {
  /** The page's <html lang>, cleaned to letters, digits and dashes; '' when it says none. */
  lang: string;
  /** Only the checks that apply to this page. */
  checks: { id: DiagnosticCheck; found: boolean }[];
}

const MAX_LANG = 35;

/** The page's declared language, cleaned: "en_US" becomes "en-US". */
export function pageLanguage(doc: Document): string {
  return (doc.documentElement.getAttribute('lang') ?? '')
    .trim()
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .slice(0, MAX_LANG);
}

export function isReadLanguage(lang: string): boolean {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  return (READ_LANGUAGES as readonly string[]).includes(primary);
}

/** The checks for a page, from what the runtime already read (and the page-words language, remembered per page). */
export function readDiagnostics(
  doc: Document,
  pageKind: PageKind,
  profileOwner: ProfileOwner,
): PageDiagnostics {
  const lang = pageLanguage(doc);
  const checks: PageDiagnostics['checks'] = [];
  // A page that names no language is judged by its own words (Facebook often
  // omits lang=); when they do not decide either, it cannot be judged on it.
  const byWords = lang === '' ? pageWordsLanguage(doc) : null;
  if (lang !== '') checks.push({ id: 'language', found: isReadLanguage(lang) });
  else if (byWords !== null) checks.push({ id: 'language', found: byWords !== 'other' });
  if (pageKind === 'profile')
    checks.push({ id: 'profile-controls', found: profileOwner !== 'unknown' });
  return { lang, checks };
}

/**
 * How long a profile page may take to show its buttons before their absence
 * counts: the page-status feature looks again up to 10 s after load (OWNER_LOOKS_MS
 * in lib/content/features/page-status.ts), so a page still rendering is not called unrecognized.
 */
export const PROFILE_CONTROLS_SETTLE_MS = 11_000;

/**
 * The checks that failed, as the popup should say them `now`: a language is
 * known at once; missing profile buttons count only once the runtime stopped
 * looking for them (the report is older than PROFILE_CONTROLS_SETTLE_MS).
 */
export function failedChecks(
  diagnostics: PageDiagnostics | undefined,
  reportedAt: number,
  now: number,
): DiagnosticCheck[] {
  return (diagnostics?.checks ?? [])
    .filter((c) => !c.found)
    .filter((c) => c.id !== 'profile-controls' || now - reportedAt >= PROFILE_CONTROLS_SETTLE_MS)
    .map((c) => c.id);
}

/** When failedChecks may change by itself (a profile check settling), or null. */
export function nextSettleAt(
  diagnostics: PageDiagnostics | undefined,
  reportedAt: number,
  now: number,
): number | null {
  const pending = diagnostics?.checks.some((c) => c.id === 'profile-controls' && !c.found);
  const at = reportedAt + PROFILE_CONTROLS_SETTLE_MS;
  return pending && at > now ? at : null;
}

/** True when something Clearline looks for on this page was not found (settled or not). */
export function somethingUnrecognized(diagnostics: PageDiagnostics | undefined): boolean {
  return !!diagnostics?.checks.some((c) => !c.found);
}

// Path segments that name a feature of a site, never a person, page or item.
// Anything else (a username, a numeric id, a post or thread code) becomes "…".
const FEATURE_SEGMENTS = new Set(SITES.flatMap((site) => site.featurePaths.trim().split(/\s+/)));
const HIDDEN = '…';

/**
 * The page's path with every name, id and code replaced by "…", and without
 * query or hash: /alex.rivera.demo/posts/pfbid02 becomes /…/posts/….
 */
export function redactedPath(url: URL): string {
  const segments = url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      let decoded = s;
      try {
        decoded = decodeURIComponent(s);
      } catch {
        // keep the raw segment
      }
      return FEATURE_SEGMENTS.has(decoded.toLowerCase()) ? decoded.toLowerCase() : HIDDEN;
    });
  return `/${segments.join('/')}${segments.length > 0 && url.pathname.endsWith('/') ? '/' : ''}`;
}

/** What the diagnostics page shows and copies: words about the page and the browser only. */
export interface DiagnosticsReport {
  site: SiteId;
  pageKind: PageKind;
  path: string;
  lang: string;
  checks: PageDiagnostics['checks'];
  /** Buttons of a known action bar Clearline did not understand, names hidden. */
  unrecognized: UnrecognizedControl[];
  extensionVersion: string;
  browser: string;
}

/** The browser's name and version from its user agent ("Chrome 131", "Firefox 140"). */
export function browserVersion(userAgent: string): string {
  const firefox = /Firefox\/(\d+(?:\.\d+)?)/.exec(userAgent);
  if (firefox) return `Firefox ${firefox[1]}`;
  const edge = /Edg\/(\d+(?:\.\d+)*)/.exec(userAgent);
  if (edge) return `Edge ${edge[1]}`;
  const chrome = /Chrom(?:e|ium)\/(\d+(?:\.\d+)*)/.exec(userAgent);
  if (chrome) return `Chromium ${chrome[1]}`;
  return userAgent.slice(0, 80);
}
