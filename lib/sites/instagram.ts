// Instagram adapter: page kinds and profile keys read from URLs, own or other
// profile read from the page, the covered actions and who they are about.
// Pure; bundled into the Instagram content script.
// URL shapes are listed with examples in tests/unit/sites/urls.ts.
import {
  type ActionLabels,
  type ActionSite,
  actionAt,
  isMessageComposer as composerCheck,
  labelIndex,
  profileFor,
} from './actions';
import { readInstagramAudit } from './instagram-audit';
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
import { INSTAGRAM_POSTS, postActionAt, postAt, postInfo } from './posts';
import type { PageKind, ProfileKey, ProfileOwner, SiteAdapter } from './types';

// www.instagram.com only: bare instagram.com, l.instagram.com (outbound
// redirects), help. and about.instagram.com are not pages the content script runs on.
const HOSTS = hostsFrom(HOST_MATCHES.instagram);

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
  for (const [kind, detect] of Object.entries(detectors)) {
    if (detect(url)) return kind as PageKind;
  }
  return 'other';
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

// Shown only in the coach's own profile header. Source: the Clearline issue (2026-11);
// the /accounts/edit/ link is the settings page SELECTORS.md lists (Instagram "Privacy page").
const OWN: Bilingual = { en: ['Edit profile'], es: ['Editar perfil'] };
const OWN_LABELS = labelSet(bothLanguages(OWN));

// Offered in someone else's profile header. Sources, SELECTORS.md Instagram rows:
// "Following" and "Message" (profile header, SubstrateLabs/brocc 2025-04-09), "Follow state
// texts" Follow/Following/Requested/Follow Back (InstaPy 2019-04..2022-12). Spanish from the
// Clearline issue (2026-11), not yet seen in a capture.
const OTHER: Bilingual = {
  en: ['Follow', 'Following', 'Follow Back', 'Message', 'Requested'],
  es: ['Seguir', 'Siguiendo', 'Seguir también', 'Enviar mensaje', 'Solicitado'],
};
const OTHER_LABELS = labelSet(bothLanguages(OTHER));

const CONTROLS = 'a, button, [role="button"], [role="link"]';

function isEditProfileLink(el: Element): boolean {
  const href = el.getAttribute('href') ?? '';
  return /^(?:https:\/\/www\.instagram\.com)?\/accounts\/edit\/?(?:[?#]|$)/i.test(href);
}

/**
 * Reads the profile header only (main > header, as in the 2025-04 captures): the
 * followers dialog and the "Suggested for you" rail are full of Follow buttons
 * for other people, so without a header the answer is 'unknown', not a guess.
 * Own controls are checked first, as on Facebook.
 */
export function profileOwner(doc: Document): ProfileOwner {
  const header = doc.querySelector('main header, [role="main"] header');
  if (!header) return 'unknown';
  const ownLink = Array.from(header.querySelectorAll('a[href]')).some(isEditProfileLink);
  if (ownLink || findLabelled(header, CONTROLS, OWN_LABELS)) return 'own';
  if (findLabelled(header, CONTROLS, OTHER_LABELS)) return 'other';
  return 'unknown';
}

/** One conversation: /direct/t/<thread>/ (not the inbox or the requests list). */
export function isMessageThread(url: URL): boolean {
  const [first, second, third] = pathSegments(url);
  return isInstagramUrl(url) && first === 'direct' && second === 't' && third !== undefined;
}

// The covered actions, matched on the whole aria-label (or, without one, the
// visible text), case and spacing ignored: "Following", "Requested" and
// "Message requests" match nothing. Sources are SELECTORS.md Instagram rows
// (dates as listed there, gathered 2026-11); "inferred" = from the Clearline
// brief (2026-11), not yet seen in a capture or in SELECTORS.md.
const ACTION_LABELS = {
  follow: {
    en: ['Follow'], // "Follow (followers/following dialog row)", "Follow (home ...)", brocc 2025-04-09
    es: ['Seguir'], // inferred
  },
  'follow-back': {
    en: ['Follow Back'], // "Follow state texts", InstaPy/InstaPy 2019-04..2022-12
    es: ['Seguir también'], // inferred
  },
  message: {
    en: ['Message'], // "Message (profile header)", brocc 2025-04-09
    es: ['Enviar mensaje'], // inferred
  },
  'confirm-request': {
    en: ['Confirm'], // inferred (the follow-request list was never captured)
    es: ['Confirmar'], // inferred
  },
  'send-message': {
    en: ['Send'], // inferred
    es: ['Enviar'], // inferred; aria-label="Enviar" also in public Instagram DM scripts
  },
} as const satisfies ActionLabels;

// The Direct composer: aria-label "Message" / "Mensaje", inferred (public code only).
const COMPOSER: Bilingual = { en: ['Message'], es: ['Mensaje'] };

/** Every label table of the Instagram adapter, for the completeness test. */
export const INSTAGRAM_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  controls: { own: OWN, other: OTHER, composer: COMPOSER },
  actions: ACTION_LABELS,
};

const ACTIONS: ActionSite = {
  labels: labelIndex(ACTION_LABELS),
  patterns: [],
  ownLabels: OWN_LABELS,
  composerLabels: labelSet(bothLanguages(COMPOSER)),
  profileKeyFromUrl,
  pageKind,
  isThread: isMessageThread,
};

/** True for the Direct composer (or inside it): Enter there sends a message. */
export function isMessageComposer(el: Element): boolean {
  return composerCheck(ACTIONS, el);
}

export const instagram: SiteAdapter = {
  id: 'instagram',
  isSiteUrl: isInstagramUrl,
  detectors,
  pageKind,
  profileKeyFromUrl,
  profileOwner,
  actionAt: (target) => actionAt(ACTIONS, target),
  profileFor: (match, pageUrl) => profileFor(ACTIONS, match, pageUrl),
  isMessageComposer,
  readAudit: (doc, url) => readInstagramAudit(doc, url),
  postActionAt: (target) => postActionAt(INSTAGRAM_POSTS, instagram, target),
  postAt: (node) => postAt(INSTAGRAM_POSTS, instagram, node),
  postInfo: (post, pageUrl) => postInfo(INSTAGRAM_POSTS, instagram, post, pageUrl),
};
