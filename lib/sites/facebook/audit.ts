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

// Row labels per settings tab. "classic" = SELECTORS.md Facebook row "Privacy (classic)"
// (OPERANDOH2020/PlusPrivacy, 2017-06..2018-03); "cs" = the English the row "Privacy
// labels, Czech" translates (public code, date unknown); "inferred" = Clearline brief
// (2026-11), not yet seen in a capture. Every Spanish label is inferred.
const TABS: Readonly<Record<string, readonly Item[]>> = {
  privacy: [
    {
      id: 'fb.futurePosts',
      labels: {
        en: [
          'Who can see your future posts?', // classic
        ],
        es: [
          '¿Quién puede ver tus publicaciones futuras?', // inferred
        ],
      },
      ...FRIENDS_OR_LESS,
    },
    {
      id: 'fb.friendRequests',
      labels: {
        en: [
          'Who can send you friend requests?', // classic ("Who can contact you"), cs
        ],
        es: [
          '¿Quién puede enviarte solicitudes de amistad?', // inferred
        ],
      },
      pass: ['fof'],
      fail: ['everyone', 'public'],
    },
    {
      id: 'fb.friendsList',
      labels: {
        en: [
          'Who can see your friends list?', // classic, cs
        ],
        es: [
          '¿Quién puede ver tu lista de amigos?', // inferred
        ],
      },
      ...ONLY_ME,
    },
    {
      id: 'fb.followingList',
      labels: {
        en: [
          'Who can see the people, Pages and lists you follow?', // inferred
          'Who can see the people, Pages, and lists you follow?', // inferred
        ],
        es: [
          '¿Quién puede ver las personas, las páginas y las listas que sigues?', // inferred
        ],
      },
      ...ONLY_ME,
    },
    {
      id: 'fb.lookupEmail',
      labels: {
        en: [
          'Who can look you up using the email address you provided?', // classic, cs
        ],
        es: [
          '¿Quién puede buscarte con la dirección de correo electrónico que proporcionaste?', // inferred
        ],
      },
      ...LOOKUP,
    },
    {
      id: 'fb.lookupPhone',
      labels: {
        en: [
          'Who can look you up using the phone number you provided?', // classic
        ],
        es: [
          '¿Quién puede buscarte con el número de teléfono que proporcionaste?', // inferred
        ],
      },
      ...LOOKUP,
    },
    {
      id: 'fb.searchEngines',
      labels: {
        en: [
          'Do you want search engines outside of Facebook to link to your profile?', // cs
          'Allow engines outside Facebook to link to your profile?', // classic
        ],
        es: [
          '¿Quieres que los motores de búsqueda fuera de Facebook enlacen a tu perfil?', // inferred
        ],
      },
      pass: ['no', 'off'],
      fail: ['yes', 'on'],
    },
  ],
  followers: [
    {
      id: 'fb.whoCanFollow',
      labels: {
        en: [
          'Who can follow me', // inferred (m.facebook 2021 "Public Posts" section)
        ],
        es: [
          '¿Quién puede seguirme?', // inferred
        ],
      },
      pass: ['friends'],
      fail: ['public', 'everyone'],
    },
  ],
  profile_and_tagging: [
    {
      id: 'fb.tagReview',
      labels: {
        en: [
          "Review posts you're tagged in before the post appears on your profile?", // inferred
        ],
        es: [
          '¿Revisar las publicaciones en las que te etiquetan antes de que aparezcan en tu perfil?', // inferred
        ],
      },
      pass: ['on'],
      fail: ['off'],
    },
    {
      id: 'fb.taggedVisibility',
      labels: {
        en: [
          "Who can see posts you're tagged in on your profile?", // inferred
        ],
        es: [
          '¿Quién puede ver en tu perfil las publicaciones en las que te etiquetaron?', // inferred
        ],
      },
      ...FRIENDS_OR_LESS,
    },
  ],
};
const ITEM_OF = new Map<string, Item>();
for (const items of Object.values(TABS)) {
  for (const item of items) {
    for (const l of bothLanguages(item.labels)) ITEM_OF.set(auditKey(l), item);
  }
}

// How far up from a row label its row may be (label span -> cell -> row).
const MAX_UP = 4;
// A row holds a control: its "Edit" button, a value dropdown, or the whole row is a link.
const CONTROL = 'button, [role="button"], a, [role="link"], [role="switch"], [role="combobox"]';
// Texts in one row besides its label: a description, a "Learn more", the value, "Edit".
const MAX_ROW_TEXTS = 5;
const MAX_OBSERVED = 100;

function unknown(itemId: string): AuditFinding {
  return { itemId, result: 'unknown', observed: '' };
}

/** The one recognized value in the label's row, or null (no row, no value, or two). */
function rowValue(label: Text, labels: ReadonlyMap<Text, Item>, root: Element): Text | null {
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
  const values = texts.filter((t) => VALUE_OF.has(auditKey(t.nodeValue ?? '')));
  return values.length === 1 ? (values[0] ?? null) : null;
}

/** Pass or fail by the item's lists; a value in neither (Custom, say) is not judged. */
function judge(item: Item, value: Value): 'pass' | 'fail' | null {
  if (item.pass.includes(value)) return 'pass';
  return item.fail.includes(value) ? 'fail' : null;
}

function readRows(root: Element, items: readonly Item[]): AuditFinding[] {
  const labels = new Map<Text, Item>();
  for (const t of textNodes(root)) {
    const item = ITEM_OF.get(auditKey(t.nodeValue ?? ''));
    if (item) labels.set(t, item);
  }
  return items.map((item) => {
    // A label may show twice (a heading above its row): the first that reads wins.
    let shown = '';
    for (const [label, of] of labels) {
      const node = of === item ? rowValue(label, labels, root) : null;
      shown = (node?.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (shown) break;
    }
    const value = VALUE_OF.get(auditKey(shown));
    const result = value && judge(item, value);
    return result
      ? { itemId: item.id, result, observed: shown.slice(0, MAX_OBSERVED) }
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
  rows: Object.fromEntries(
    Object.values(TABS)
      .flat()
      .map((item) => [item.id, item.labels]),
  ),
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
    return Object.hasOwn(TABS, tab) ? readRows(root, TABS[tab] ?? []) : [];
  }
  if (isProfile(url) && profileOwner(doc) === 'own') return [readPublicPosts(root)];
  return [];
}
