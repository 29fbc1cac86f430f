// Facebook adapter: page kinds and profile keys read from URLs, own or other
// profile read from the page, the covered actions and who they are about.
// Pure; bundled into the Facebook content script.
// URL shapes are listed with examples in tests/unit/sites/urls.ts.
import {
  type ActionLabels,
  type ActionSite,
  actionAt,
  isMessageComposer as composerCheck,
  labelIndex,
  profileFor,
} from './actions';
import { readFacebookAudit } from './facebook-audit';
import { HOST_MATCHES } from './hosts';
import {
  type Bilingual,
  type LabelTable,
  bothLanguages,
  findLabelled,
  hostsFrom,
  labelSet,
  pathSegments,
} from './labels';
import { FACEBOOK_POSTS, postActionAt, postAt, postInfo } from './posts';
import type { PageKind, ProfileKey, ProfileOwner, SiteAdapter } from './types';

// www, web and m.facebook.com only. Bare facebook.com, l.facebook.com (outbound
// redirects), business.facebook.com and the rest are not ours: the content
// script never runs there, so a URL on them is not a page we can act on.
const HOSTS = hostsFrom(HOST_MATCHES.facebook);

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
  for (const [kind, detect] of Object.entries(detectors)) {
    if (detect(url)) return kind as PageKind;
  }
  return 'other';
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

// Shown only on the coach's own profile. Source: SELECTORS.md, Facebook row "Own-profile
// action row (Comet)", public code ~2025; Spanish from the Clearline issue (2026-11), not
// yet seen in a capture.
const OWN: Bilingual = {
  en: ['Edit profile', 'Add to story'],
  es: ['Editar perfil', 'Agregar a historia', 'Añadir a la historia'],
};
const OWN_LABELS = labelSet(bothLanguages(OWN));

// Offered on someone else's profile. Sources, SELECTORS.md Facebook rows: "Add friend"
// (absunstar/social-browser 2024-05..2025-05; m.facebook "Add Friend" 2017-07), "Add friend
// / Message (es)" (~2024-25), "Confirm friend request" (SalmanDeveloperz 2025-01..2026-02),
// "Follow (person profile)" Follow/Following (absunstar 2024-05). "Message", "Friends",
// "Amigos", "Seguir", "Siguiendo", "Confirmar" from the Clearline issue (2026-11).
const OTHER: Bilingual = {
  en: ['Add friend', 'Message', 'Follow', 'Following', 'Friends', 'Confirm'],
  es: [
    'Agregar a amigos',
    'Añadir a amigos',
    'Enviar mensaje',
    'Seguir',
    'Siguiendo',
    'Amigos',
    'Confirmar',
  ],
};
const OTHER_LABELS = labelSet(bothLanguages(OTHER));

// aria-label on buttons and labelled links; visible text on buttons only, because
// the profile tabs are links whose text is "Friends" on every profile, own included.
const CONTROLS = 'button, [role="button"], a[aria-label], [role="link"][aria-label]';

/**
 * Own profile when an own-only control is present. Checked first: a shared
 * page's post on the coach's own timeline can carry a "Follow" link, while
 * "Edit profile" never appears on someone else's profile.
 */
export function profileOwner(doc: Document): ProfileOwner {
  const root: ParentNode = doc.querySelector('[role="main"]') ?? doc;
  if (findLabelled(root, CONTROLS, OWN_LABELS)) return 'own';
  if (findLabelled(root, CONTROLS, OTHER_LABELS)) return 'other';
  return 'unknown';
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

// The covered actions, matched on the whole aria-label (or, without one, the
// visible text), case and spacing ignored: "Following" is not "Follow".
// Sources are SELECTORS.md Facebook rows (dates as listed there, gathered
// 2026-11); "inferred" = from the Clearline brief (2026-11), not yet seen in a
// capture or in SELECTORS.md.
const ACTION_LABELS = {
  'add-friend': {
    en: [
      'Add friend', // "Add friend (profile, suggestions)", absunstar/social-browser 2024-05..2025-05
      'Add Friend', // "Add friend (m.facebook search result)", capi1O/facebook-scraper 2017-07
    ],
    es: [
      'Agregar a amigos', // "Add friend / Message (es)", Latin American Spanish, ~2024-25
      'Añadir a amigos', // same row, Spain, ~2024-25
    ],
  },
  'confirm-request': {
    en: [
      'Confirm', // "Confirm friend request", SalmanDeveloperz 2025-01..2026-02; text span ~2023
      'Confirm request', // inferred
    ],
    es: ['Confirmar'], // inferred
  },
  follow: {
    en: ['Follow'], // "Follow (person profile)" menuitem, absunstar 2024-05; "Follow (page/profile)" 2023
    es: ['Seguir'], // inferred
  },
  message: {
    en: ['Message'], // inferred (the English of the "Add friend / Message (es)" row)
    es: [
      'Enviar mensaje', // "Add friend / Message (es)", ~2024-25
      'Mensaje', // inferred
    ],
  },
  'send-message': {
    en: [
      'Press enter to send', // inferred; "Press Enter to send" also in public Messenger scripts
      'Send', // inferred
    ],
    es: ['Enviar'], // "Add friend / Message (es)": send in chat, ~2024-25
  },
} as const satisfies ActionLabels;

// Messenger's composer: aria-label "Message" (Clearline brief 2026-11; also public code);
// "Mensaje" inferred (public code only).
const COMPOSER: Bilingual = { en: ['Message'], es: ['Mensaje'] };

/** Every label table of the Facebook adapter, for the completeness test. */
export const FACEBOOK_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  controls: { own: OWN, other: OTHER, composer: COMPOSER },
  actions: ACTION_LABELS,
};

const ACTIONS: ActionSite = {
  labels: labelIndex(ACTION_LABELS),
  // Classic desktop: aria-label="Add <Name> as a friend" ("Add friend (classic desktop, in
  // feed)", tracking-exposed/facebook 2016-10).
  patterns: [[/^add .+ as a friend$/, 'add-friend']],
  ownLabels: OWN_LABELS,
  composerLabels: labelSet(bothLanguages(COMPOSER)),
  profileKeyFromUrl,
  pageKind,
  isThread: isMessageThread,
};

/** True for Messenger's composer (or inside it): Enter there sends a message. */
export function isMessageComposer(el: Element): boolean {
  return composerCheck(ACTIONS, el);
}

export const facebook: SiteAdapter = {
  id: 'facebook',
  isSiteUrl: isFacebookUrl,
  detectors,
  pageKind,
  profileKeyFromUrl,
  profileOwner,
  actionAt: (target) => actionAt(ACTIONS, target),
  profileFor: (match, pageUrl) => profileFor(ACTIONS, match, pageUrl),
  isMessageComposer,
  readAudit: (doc, url) => readFacebookAudit(doc, url),
  postActionAt: (target) => postActionAt(FACEBOOK_POSTS, facebook, target),
  postAt: (node) => postAt(FACEBOOK_POSTS, facebook, node),
  postInfo: (post, pageUrl) => postInfo(FACEBOOK_POSTS, facebook, post, pageUrl),
};
