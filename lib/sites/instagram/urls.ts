// Instagram's addresses: which page kind a URL is, and whom it names.
// URL shapes are listed with examples in tests/unit/sites/urls.ts.
import { hostsFrom, pageKindOf, pathSegments } from '../engine/urls';
import type { PageKind, ProfileKey, SiteAdapter } from '../types';
import { instagramSite } from './site';

const HOSTS = hostsFrom(instagramSite.hosts);

// Instagram usernames: up to 30 letters, digits, periods and underscores, not
// starting or ending with a period; case-insensitive.
const USERNAME = /^[a-z0-9_](?:[a-z0-9._]{0,28}[a-z0-9_])?$/;

// First path segments that are Instagram features, not usernames.
const RESERVED = new Set(
  `_n _u about accounts ajax api ar audio blog business challenge create creators d data
  developer direct directory download emails embed explore fragment graphql help igtv invites
  jobs legal lite locations login logout nametag oauth p press privacy qr reel reels s safety
  session signup static stories tags terms threads topics tv web your_activity`.split(/\s+/),
);

// /<user>/<tab>/ pages that still show the profile header.
const PROFILE_TABS = new Set([
  'tagged',
  'reels',
  'followers',
  'following',
  'saved',
  'guides',
  'channel',
  'feed',
]);

// /accounts/<x>/ pages that are not settings: sign-in flows and the activity feed.
const NOT_SETTINGS = new Set([
  'login',
  'emailsignup',
  'signup',
  'password',
  'logout',
  'onetap',
  'activity',
]);

export function isUsernameSegment(seg: string | undefined): seg is string {
  return seg !== undefined && !RESERVED.has(seg) && USERNAME.test(seg);
}

export function isInstagramUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

/** The feed: / with any query (?variant=following). */
export function isHome(url: URL): boolean {
  return isInstagramUrl(url) && pathSegments(url).length === 0;
}

/** /<user>/ and its tabs (tagged, reels, followers, following ...). */
export function isProfile(url: URL): boolean {
  if (!isInstagramUrl(url)) return false;
  const [first, second, ...rest] = pathSegments(url);
  if (!isUsernameSegment(first)) return false;
  return second === undefined || (PROFILE_TABS.has(second) && rest.length <= 1);
}

/** /accounts/edit/, /accounts/privacy_and_security/, /accounts/who_can_see_your_content/ ... */
export function isSettings(url: URL): boolean {
  if (!isInstagramUrl(url)) return false;
  const [first, second] = pathSegments(url);
  return first === 'accounts' && second !== undefined && !NOT_SETTINGS.has(second);
}

/** /p/<code>/, /reel/<code>/, /reels/<code>/, /tv/<code>/, /<user>/p/<code>/, /<user>/reel/<code>/. */
export function isPost(url: URL): boolean {
  if (!isInstagramUrl(url)) return false;
  const [first, second, third] = pathSegments(url);
  if (first === 'p' || first === 'reel' || first === 'tv') return second !== undefined;
  // /reels/ alone is the reels feed and /reels/audio/<id>/ a sound page.
  if (first === 'reels') return second !== undefined && second !== 'audio';
  return isUsernameSegment(first) && (second === 'p' || second === 'reel') && third !== undefined;
}

/** /direct/inbox/, /direct/t/<thread>/, /direct/requests/. */
export function isMessages(url: URL): boolean {
  return isInstagramUrl(url) && pathSegments(url)[0] === 'direct';
}

/** /explore/search/ and /explore/search/keyword/?q=. /explore/ itself is a browse grid: 'other'. */
export function isSearch(url: URL): boolean {
  if (!isInstagramUrl(url)) return false;
  const [first, second] = pathSegments(url);
  return first === 'explore' && second === 'search';
}

/**
 * Where follow requests and suggestions are answered: /accounts/activity/ (the
 * activity page, which lists follow requests; ?followRequests=1 included) and
 * /explore/people/ ("Suggested for you"), the counterpart of Facebook's /friends.
 */
export function isFriendRequests(url: URL): boolean {
  if (!isInstagramUrl(url)) return false;
  const [first, second] = pathSegments(url);
  return (
    (first === 'accounts' && second === 'activity') || (first === 'explore' && second === 'people')
  );
}

export const detectors = {
  home: isHome,
  profile: isProfile,
  settings: isSettings,
  post: isPost,
  messages: isMessages,
  search: isSearch,
  'friend-requests': isFriendRequests,
} as const satisfies SiteAdapter['detectors'];

export function pageKind(url: URL): PageKind {
  return pageKindOf(detectors, url);
}

/**
 * The account a URL names: a profile and its tabs, the author in /<user>/p/<code>/,
 * or the owner of a story (/stories/<user>/<id>/, a page of kind 'other').
 * Null for everything else, highlights included (/stories/highlights/<id>/).
 */
export function profileKeyFromUrl(url: URL): ProfileKey | null {
  if (!isInstagramUrl(url)) return null;
  const [first, second] = pathSegments(url);
  if (first === 'stories')
    return second !== 'highlights' && isUsernameSegment(second) ? `ig:${second}` : null;
  return isUsernameSegment(first) ? `ig:${first}` : null;
}

/** One conversation: /direct/t/<thread>/ (not the inbox or the requests list). */
export function isMessageThread(url: URL): boolean {
  const [first, second, third] = pathSegments(url);
  return isInstagramUrl(url) && first === 'direct' && second === 't' && third !== undefined;
}
