// The privacy self-audit's Facebook reader: the coach's own settings as the
// settings pages show them (one row per setting: label, value, "Edit"), and the
// public posts on the coach's own profile. Pure; reads role, aria-label and
// visible text (en + es tables), never class names. A setting whose label or
// value is not recognized is 'unknown', never a pass.
import type { AuditFinding } from '../../audit/types';
import { auditKey, textNodes } from '../engine/audit';
import { type Bilingual, type LabelTable, bothLanguages, normalizeLabel } from '../engine/labels';
import { pathSegments } from '../engine/urls';
import { profileOwner } from './profile-owner';
import { isFacebookUrl, isProfile } from './urls';

type Value =
  | 'public'
  | 'everyone'
  | 'fof'
  | 'friends'
  | 'except'
  | 'specific'
  | 'onlyMe'
  | 'yes'
  | 'no'
  | 'on'
  | 'off';

// The values a settings row shows. English audience names as in Facebook's audience
// selector; all of them, and every Spanish one, inferred (Clearline brief, 2026-11):
// SELECTORS.md lists labels and selectors, not values.
const VALUES: LabelTable<Value> = {
  public: { en: ['Public'], es: ['Público'] },
  everyone: { en: ['Everyone'], es: ['Todos', 'Todo el mundo'] },
  fof: { en: ['Friends of friends'], es: ['Amigos de amigos'] },
  friends: { en: ['Friends'], es: ['Amigos'] },
  except: { en: ['Friends except...'], es: ['Amigos, excepto...', 'Amigos excepto...'] },
  specific: { en: ['Specific friends'], es: ['Amigos concretos', 'Amigos específicos'] },
  onlyMe: { en: ['Only me'], es: ['Solo yo', 'Sólo yo'] },
  yes: { en: ['Yes'], es: ['Sí'] },
  no: { en: ['No'], es: ['No'] },
  on: { en: ['On'], es: ['Activado', 'Activada'] },
  off: { en: ['Off'], es: ['Desactivado', 'Desactivada'] },
};
const VALUE_OF = new Map<string, Value>();
for (const [v, words] of Object.entries(VALUES)) {
  for (const w of bothLanguages(words)) VALUE_OF.set(auditKey(w), v as Value);
}

interface Item {
  id: string;
  labels: Bilingual;
  pass: readonly Value[];
  fail: readonly Value[];
}

const FRIENDS_OR_LESS = {
  pass: ['friends', 'except', 'specific', 'onlyMe'],
  fail: ['public', 'everyone', 'fof'],
} as const;
const ONLY_ME = {
  pass: ['onlyMe'],
  fail: ['public', 'everyone', 'fof', 'friends', 'except', 'specific'],
} as const;
const LOOKUP = { pass: ['friends', 'onlyMe'], fail: ['everyone', 'public', 'fof'] } as const;

// Row labels, older and newer wordings alike: the classic "Privacy Settings and
// Tools" tab (?tab=privacy) and the newer "Audience and visibility" sections (Posts,
// How people find and contact you, Followers and public content, Profile and
// tagging), which Facebook ships side by side for a while. "classic" = SELECTORS.md
// Facebook row "Privacy (classic)" (OPERANDOH2020/PlusPrivacy, 2017-06..2018-03); "cs"
// = the English the row "Privacy labels, Czech" translates (public code, date
// unknown); "issue 16" = named by the issue from real pages saved 2022-2026 (not saved
// here); "inferred" = the Clearline brief (2026-11), or the newer wording guessed
// (2026-12), not yet seen in a capture. Every Spanish label is inferred.
const FUTURE_POSTS: Item = {
  id: 'fb.futurePosts',
  labels: {
    en: [
      'Who can see your future posts?', // privacy tab (classic) and the newer Posts section; issue 16
    ],
    es: [
      '¿Quién puede ver tus publicaciones futuras?', // privacy tab; inferred
      '¿Quién puede ver las publicaciones que hagas a partir de ahora?', // newer Posts section; inferred
    ],
  },
  ...FRIENDS_OR_LESS,
};
const FRIEND_REQUESTS: Item = {
  id: 'fb.friendRequests',
  labels: {
    en: [
      'Who can send you friend requests?', // privacy tab, classic ("Who can contact you"), cs; also the newer section, issue 16
    ],
    es: [
      '¿Quién puede enviarte solicitudes de amistad?', // inferred
    ],
  },
  pass: ['fof'],
  fail: ['everyone', 'public'],
};
const FRIENDS_LIST: Item = {
  id: 'fb.friendsList',
  labels: {
    en: [
      'Who can see your friends list?', // privacy tab, classic, cs
    ],
    es: [
      '¿Quién puede ver tu lista de amigos?', // inferred
    ],
  },
  ...ONLY_ME,
};
const FOLLOWING_LIST: Item = {
  id: 'fb.followingList',
  labels: {
    en: [
      'Who can see the people, Pages and lists you follow?', // privacy tab; inferred
      'Who can see the people, Pages, and lists you follow?', // privacy tab; inferred
      'Who can see the people and Pages you follow?', // newer section; inferred
    ],
    es: [
      '¿Quién puede ver las personas, las páginas y las listas que sigues?', // inferred
      '¿Quién puede ver las personas y las páginas que sigues?', // newer section; inferred
    ],
  },
  ...ONLY_ME,
};
const LOOKUP_EMAIL: Item = {
  id: 'fb.lookupEmail',
  labels: {
    en: [
      'Who can look you up using the email address you provided?', // privacy tab, classic, cs
      'Who can look you up using your email address?', // newer section; inferred
    ],
    es: [
      '¿Quién puede buscarte con la dirección de correo electrónico que proporcionaste?', // inferred
      '¿Quién puede buscarte con tu dirección de correo electrónico?', // newer section; inferred
    ],
  },
  ...LOOKUP,
};
const LOOKUP_PHONE: Item = {
  id: 'fb.lookupPhone',
  labels: {
    en: [
      'Who can look you up using the phone number you provided?', // privacy tab, classic
      'Who can look you up using your phone number?', // newer section; inferred
    ],
    es: [
      '¿Quién puede buscarte con el número de teléfono que proporcionaste?', // inferred
      '¿Quién puede buscarte con tu número de teléfono?', // newer section; inferred
    ],
  },
  ...LOOKUP,
};
const SEARCH_ENGINES: Item = {
  id: 'fb.searchEngines',
  labels: {
    en: [
      'Do you want search engines outside of Facebook to link to your profile?', // privacy tab, cs
      'Allow engines outside Facebook to link to your profile?', // privacy tab, classic
      'Do you want search engines outside of Meta to link to your profile?', // newer section (after the 2021 rename); inferred
    ],
    es: [
      '¿Quieres que los motores de búsqueda fuera de Facebook enlacen a tu perfil?', // inferred
      '¿Quieres que los motores de búsqueda fuera de Meta enlacen a tu perfil?', // newer section; inferred
    ],
  },
  pass: ['no', 'off'],
  fail: ['yes', 'on'],
};
const WHO_CAN_FOLLOW: Item = {
  id: 'fb.whoCanFollow',
  labels: {
    en: [
      'Who can follow me', // followers tab; inferred (m.facebook 2021 "Public Posts" section)
      'Who can follow you?', // newer "Followers and public content"; inferred
    ],
    es: [
      '¿Quién puede seguirme?', // inferred
      '¿Quién puede seguirte?', // newer section; inferred
    ],
  },
  pass: ['friends'],
  fail: ['public', 'everyone'],
};
const TAG_REVIEW: Item = {
  id: 'fb.tagReview',
  labels: {
    en: [
      "Review posts you're tagged in before the post appears on your profile?", // profile_and_tagging; inferred
      "Review posts you're tagged in before they appear on your profile?", // newer wording; inferred
    ],
    es: [
      '¿Revisar las publicaciones en las que te etiquetan antes de que aparezcan en tu perfil?', // inferred
    ],
  },
  pass: ['on'],
  fail: ['off'],
};
const TAGGED_VISIBILITY: Item = {
  id: 'fb.taggedVisibility',
  labels: {
    en: [
      "Who can see posts you're tagged in on your profile?", // profile_and_tagging; inferred
    ],
    es: [
      '¿Quién puede ver en tu perfil las publicaciones en las que te etiquetaron?', // inferred
    ],
  },
  ...FRIENDS_OR_LESS,
};

// The rows each settings tab (?tab=) should show: one it does not show, or shows
// unreadably, is "could not check". A row of another tab whose label this tab shows
// is read too (the newer sections moved rows between tabs). "posts" and
// "how_people_find_and_contact_you" are the newer sections' tabs, inferred (2026-12).
const TABS: Readonly<Record<string, readonly Item[]>> = {
  privacy: [
    FUTURE_POSTS,
    FRIEND_REQUESTS,
    FRIENDS_LIST,
    FOLLOWING_LIST,
    LOOKUP_EMAIL,
    LOOKUP_PHONE,
    SEARCH_ENGINES,
  ],
  posts: [FUTURE_POSTS],
  how_people_find_and_contact_you: [
    FRIEND_REQUESTS,
    FRIENDS_LIST,
    LOOKUP_EMAIL,
    LOOKUP_PHONE,
    SEARCH_ENGINES,
  ],
  followers: [WHO_CAN_FOLLOW],
  profile_and_tagging: [TAG_REVIEW, TAGGED_VISIBILITY],
};
const ALL_ITEMS: readonly Item[] = [...new Set(Object.values(TABS).flat())];
const ITEM_OF = new Map<string, Item>();
for (const item of ALL_ITEMS) {
  for (const l of bothLanguages(item.labels)) ITEM_OF.set(auditKey(l), item);
}

// How far up from a row label its row may be (label span -> cell -> row).
const MAX_UP = 4;
// A row holds a control: its "Edit" button, a value dropdown, or the whole row is a link.
const CONTROL = 'button, [role="button"], a, [role="link"], [role="switch"], [role="combobox"]';
const SWITCH = '[role="switch"], input[type="checkbox"]';
// Texts in one row besides its label: a description, a "Learn more", the value, "Edit".
const MAX_ROW_TEXTS = 5;
const MAX_OBSERVED = 100;

function unknown(itemId: string): AuditFinding {
  return { itemId, result: 'unknown', observed: '' };
}

interface RowValue {
  value: Value;
  shown: string;
}

// A switch's state (the newer sections show some rows as a toggle), or null when
// it says none.
function switchState(el: Element): boolean | null {
  const aria = el.getAttribute('aria-checked');
  if (aria === 'true' || aria === 'false') return aria === 'true';
  return el.localName === 'input' ? (el as HTMLInputElement).checked : null;
}

/**
 * The one value in the label's row: a recognized value word, or a switch's state,
 * or null (no row, no value, two values, a switch with no state, or a word and a
 * switch that disagree).
 */
function rowValue(
  label: Text,
  labels: ReadonlyMap<Text, Item>,
  root: Element,
  es: boolean,
): RowValue | null {
  let row: Element | null = label.parentElement?.closest(CONTROL) ?? null;
  if (row && !root.contains(row)) row = null;
  // Never the whole page: a row is below the root.
  for (let el = label.parentElement, i = 0; !row && el && el !== root && i < MAX_UP; i++) {
    if (el.querySelector(CONTROL)) row = el;
    el = el.parentElement;
  }
  if (!row) return null;
  const item = labels.get(label);
  const texts = textNodes(row).filter((t) => t !== label);
  // Past the row when it holds another setting's label, or more text than a row shows.
  if (texts.length > MAX_ROW_TEXTS) return null;
  if (texts.some((t) => labels.has(t) && labels.get(t) !== item)) return null;
  const words = texts.filter((t) => VALUE_OF.has(auditKey(t.nodeValue ?? '')));
  if (words.length > 1) return null;
  const switches = Array.from(row.querySelectorAll(SWITCH));
  if (row.matches(SWITCH)) switches.push(row);
  if (switches.length > 1) return null;
  const shown = (words[0]?.nodeValue ?? '').replace(/\s+/g, ' ').trim();
  const byWord = words[0] ? (VALUE_OF.get(auditKey(shown)) ?? null) : null;
  if (switches.length === 0) return byWord ? { value: byWord, shown } : null;
  const on = switchState(switches[0] as Element);
  if (on === null) return null;
  const bySwitch: Value = on ? 'on' : 'off';
  // A word beside the switch must say the same ("On" or "Yes" for a switch that is on).
  if (byWord && byWord !== bySwitch && byWord !== (on ? 'yes' : 'no')) return null;
  if (byWord) return { value: byWord, shown };
  return { value: bySwitch, shown: on ? (es ? 'Activado' : 'On') : es ? 'Desactivado' : 'Off' };
}

/** Pass or fail by the item's lists; a value in neither (Custom, say) is not judged. */
function judge(item: Item, value: Value): 'pass' | 'fail' | null {
  if (item.pass.includes(value)) return 'pass';
  return item.fail.includes(value) ? 'fail' : null;
}

function readRows(root: Element, items: readonly Item[], es: boolean): AuditFinding[] {
  const labels = new Map<Text, Item>();
  for (const t of textNodes(root)) {
    const item = ITEM_OF.get(auditKey(t.nodeValue ?? ''));
    if (item) labels.set(t, item);
  }
  // The tab's own rows, then any other row whose label it shows.
  const shownItems = new Set(labels.values());
  const others = ALL_ITEMS.filter((item) => !items.includes(item) && shownItems.has(item));
  return [...items, ...others].map((item) => {
    // A label may show twice (a heading above its row, an older and a newer row):
    // every place that reads must say the same value, else it could not be checked.
    let found: RowValue | null = null;
    for (const [label, of] of labels) {
      const read = of === item ? rowValue(label, labels, root, es) : null;
      if (!read) continue;
      if (found && found.value !== read.value) return unknown(item.id);
      found ??= read;
    }
    const result = found && judge(item, found.value);
    return result && found
      ? { itemId: item.id, result, observed: found.shown.slice(0, MAX_OBSERVED) }
      : unknown(item.id);
  });
}

// A post's audience, an icon beside its time: `[aria-label="Shared with Public"]`, or an
// icon titled "Public". All inferred (Clearline brief, 2026-11; SELECTORS.md has no
// audience labels), English and Spanish ("Compartido con: Público") alike.
const AUDIENCES = {
  prefix: { en: ['Shared with'], es: ['Compartido con'] },
  public: { en: ['Public'], es: ['Público'] },
  notPublic: {
    en: [
      'Your friends',
      'Friends',
      'Friends of friends',
      'Only me',
      'Custom',
      'Specific friends',
      'Friends except',
    ],
    es: [
      'Tus amigos',
      'Amigos',
      'Amigos de amigos',
      'Solo yo',
      'Sólo yo',
      'Personalizado',
      'Amigos concretos',
      'Amigos, excepto',
    ],
  },
} as const satisfies LabelTable;
const AUDIENCE_PREFIX = new RegExp(
  `^(?:${bothLanguages(AUDIENCES.prefix).map(normalizeLabel).join('|')})\\s*:?\\s*`,
);
const PUBLIC = new Set(bothLanguages(AUDIENCES.public).map(normalizeLabel));
const NOT_PUBLIC = new Set(bothLanguages(AUDIENCES.notPublic).map(normalizeLabel));

/** Every label table of the Facebook privacy reader, for the completeness test. */
export const FACEBOOK_AUDIT_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  values: VALUES,
  rows: Object.fromEntries(ALL_ITEMS.map((item) => [item.id, item.labels])),
  audiences: AUDIENCES,
};
/** 'public', 'other', or null when the post shows no audience we read. */
function postAudience(post: Element): 'public' | 'other' | null {
  for (const el of Array.from(post.querySelectorAll('[aria-label], svg title, [title]'))) {
    const raw = el.localName === 'title' ? el.textContent : el.getAttribute('aria-label');
    const text = auditKey(raw ?? el.getAttribute('title') ?? '');
    const prefixed = AUDIENCE_PREFIX.test(text);
    // A bare "Public" counts only on an icon (role=img, svg title), not on any control.
    if (!prefixed && el.localName !== 'title' && el.getAttribute('role') !== 'img') continue;
    const audience = text.replace(AUDIENCE_PREFIX, '');
    if (PUBLIC.has(audience)) return 'public';
    if (NOT_PUBLIC.has(audience)) return 'other';
  }
  return null;
}

// Posts in the profile's feed (SELECTORS.md Facebook "Feed post", FB Purity 2022-04/2025-02).
const POST = '[aria-posinset]';

/**
 * Counts the posts on the coach's own profile whose audience is Public. The first
 * audience in a post is its own (a shared post's original audience comes later).
 * No posts, or a post whose audience is not read and none public: 'unknown'.
 */
function readPublicPosts(root: Element): AuditFinding {
  const posts = Array.from(root.querySelectorAll(POST)).filter(
    (p) => !p.parentElement?.closest(POST),
  );
  const audiences = posts.map(postAudience);
  const publicCount = audiences.filter((a) => a === 'public').length;
  const id = 'fb.publicPosts';
  if (publicCount > 0) return { itemId: id, result: 'fail', observed: String(publicCount) };
  if (posts.length === 0 || audiences.includes(null)) return unknown(id);
  return { itemId: id, result: 'pass', observed: '0' };
}

/** See SiteAudit.readAudit. */
export function readFacebookAudit(doc: Document, url: URL): AuditFinding[] {
  const root = doc.querySelector('[role="main"]') ?? doc.body;
  if (!root || !isFacebookUrl(url)) return [];
  if (pathSegments(url)[0] === 'settings') {
    const tab = url.searchParams.get('tab') ?? '';
    const es = /^es\b/i.test(doc.documentElement.lang);
    return Object.hasOwn(TABS, tab) ? readRows(root, TABS[tab] ?? [], es) : [];
  }
  if (isProfile(url) && profileOwner(doc) === 'own') return [readPublicPosts(root)];
  return [];
}
