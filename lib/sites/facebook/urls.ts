// Facebook's addresses: which page kind a URL is, and whom it names.
// URL shapes are listed with examples in tests/unit/sites/urls.ts.
import { hostsFrom, pageKindOf, pathSegments } from '../engine/urls';
import type { PageKind, ProfileKey, SiteAdapter } from '../types';
import { facebookSite } from './site';

const HOSTS = hostsFrom(facebookSite.hosts);

// Facebook usernames: letters, digits and periods, at least 5 characters,
// case-insensitive. Numeric ids also work as a first segment (/4 is a profile).
const USERNAME = /^[a-z0-9.]{5,}$/;
const NUMERIC_ID = /^\d{1,20}$/;

// First path segments that are Facebook features, not usernames. Only names
// that would pass USERNAME matter, but short ones are kept for the reader.
// Anything ending in .php (l.php, photo.php, sharer.php ...) is reserved too.
const RESERVED = new Set(
  `about ads adsmanager ajax api bookmarks business campaign careers checkpoint comment
  commerce community composer confirmemail connect developers device dialog events facebook
  feed find-friends friends fundraisers games gaming groups hashtag help home jobs legal lite
  live login logout marketplace me media memories messages messenger mobile notes
  notifications offers onthisday pages people permalink photo photos places plugins pokes
  policies policy privacy profile public recover reel reels saved search security settings
  share sharer shops stories story support terms video videos watch weather`.split(/\s+/),
);

/** A first segment naming a person or page: a username or a numeric id. */
export function isProfileSegment(seg: string | undefined): seg is string {
  if (seg === undefined || RESERVED.has(seg) || seg.endsWith('.php')) return false;
  return NUMERIC_ID.test(seg) || USERNAME.test(seg);
}

function keyFor(seg: string): ProfileKey {
  return NUMERIC_ID.test(seg) ? `fb:id:${seg}` : `fb:${seg}`;
}

function idKey(id: string | null | undefined): ProfileKey | null {
  return id != null && NUMERIC_ID.test(id) ? `fb:id:${id}` : null;
}

/** /<user>/posts/<id>, /<user>/videos/<id>, /<user>/photos/<album>/<id>: one item on a profile. */
function isItemUnderProfile(segs: readonly string[]): boolean {
  const [, tab, id] = segs;
  if (id === undefined) return false; // /<user>/posts, /<user>/videos, /<user>/photos are tabs
  return tab === 'posts' || tab === 'videos' || tab === 'photos';
}

export function isFacebookUrl(url: URL): boolean {
  return url.protocol === 'https:' && HOSTS.has(url.hostname);
}

/** The feed: /, /home.php, with any query (?sk=h_chr is "Most recent"). */
export function isHome(url: URL): boolean {
  if (!isFacebookUrl(url)) return false;
  const segs = pathSegments(url);
  return segs.length === 0 || (segs.length === 1 && segs[0] === 'home.php');
}

/** A person's profile or one of its tabs (about, friends, photos ...). */
export function isProfile(url: URL): boolean {
  if (!isFacebookUrl(url)) return false;
  const segs = pathSegments(url);
  const [first, , third, fourth] = segs;
  // profile.php without an id and /me are the coach's own profile, whose key the URL does not say.
  if (first === 'profile.php' || first === 'me') return true;
  if (first === 'people') return NUMERIC_ID.test(third ?? ''); // /people/<Name>/<id>/
  if (first === 'groups') return third === 'user' && NUMERIC_ID.test(fourth ?? ''); // member in a group
  return isProfileSegment(first) && !isItemUnderProfile(segs);
}

/** Settings and privacy pages: /settings*, /privacy/* (checkup, review ...), but not the policy text. */
export function isSettings(url: URL): boolean {
  if (!isFacebookUrl(url)) return false;
  const [first, second] = pathSegments(url);
  return first === 'settings' || (first === 'privacy' && second !== 'policy');
}

/** One post, photo, video or reel on its own page. */
export function isPost(url: URL): boolean {
  if (!isFacebookUrl(url)) return false;
  const segs = pathSegments(url);
  const [first, second, third, fourth] = segs;
  const q = url.searchParams;
  switch (first) {
    case 'permalink.php':
    case 'story.php':
      return q.has('story_fbid');
    case 'photo':
    case 'photo.php':
      return q.has('fbid');
    case 'video.php':
      return q.has('v');
    case 'watch':
      return q.has('v'); // /watch/?v=<id> and /watch/live/?v=<id>; /watch alone is the video feed
    case 'reel':
      return second !== undefined;
    case 'share':
      // /share/p|v|r/<code>/ open a post, video or reel; /share/<code>/ may be anything.
      return (second === 'p' || second === 'v' || second === 'r') && third !== undefined;
    case 'groups':
      return (third === 'posts' || third === 'permalink') && fourth !== undefined;
    default:
      return isProfileSegment(first) && isItemUnderProfile(segs);
  }
}

/** Messenger inside Facebook: /messages/t/<id>, /messages/e2ee/t/<id>, m.facebook.com/messages/read/. */
export function isMessages(url: URL): boolean {
  return isFacebookUrl(url) && pathSegments(url)[0] === 'messages';
}

/** /search/top?q=, /search/people/?q= and the other result tabs. */
export function isSearch(url: URL): boolean {
  return isFacebookUrl(url) && pathSegments(url)[0] === 'search';
}

/**
 * The friends hub (/friends), /friends/requests, /friends/suggestions and
 * m.facebook.com/friends/center/...: where Confirm and Add friend are offered.
 * /friends/list and /friends/birthdays are 'other'.
 */
export function isFriendRequests(url: URL): boolean {
  if (!isFacebookUrl(url)) return false;
  const segs = pathSegments(url);
  const [first, second] = segs;
  if (first !== 'friends') return false;
  return (
    segs.length === 1 || second === 'requests' || second === 'suggestions' || second === 'center'
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
 * The person (or page: the URL cannot tell them apart) a URL names: a profile
 * and its tabs, the author named in a post URL, or the profile opened beside a
 * friend request (/friends/requests/?profile_id=). Null for everything else.
 */
export function profileKeyFromUrl(url: URL): ProfileKey | null {
  if (!isFacebookUrl(url)) return null;
  const [first, , third, fourth] = pathSegments(url);
  const q = url.searchParams;
  if (first === 'profile.php') return idKey(q.get('id'));
  if (first === 'people') return idKey(third);
  if (first === 'groups') return third === 'user' ? idKey(fourth) : null;
  if (first === 'permalink.php' || first === 'story.php') return idKey(q.get('id'));
  if (isFriendRequests(url)) return idKey(q.get('profile_id'));
  return isProfileSegment(first) ? keyFor(first) : null;
}

/** One conversation: /messages/t/<id>, /messages/e2ee/t/<id>, m.facebook.com/messages/read/. */
export function isMessageThread(url: URL): boolean {
  if (!isMessages(url)) return false;
  const [, second, third, fourth] = pathSegments(url);
  if (second === 'read') return true;
  return (
    (second === 't' && third !== undefined) || (second === 'e2ee' && third === 't' && !!fourth)
  );
}
