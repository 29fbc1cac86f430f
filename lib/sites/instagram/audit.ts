// The privacy self-audit's Instagram reader: the coach's own settings as the
// /accounts/... pages show them, a switch (role=switch) or a choice (radios)
// beside a label. Pure; reads role, aria-checked, checked state and visible text
// (en + es tables), never class names. A setting whose label or state is not
// recognized is 'unknown', never a pass.
import type { AuditFinding, FindingResult } from '../../audit/types';
import { auditKey, textNodes } from '../engine/audit';
import { type Bilingual, type LabelTable, bothLanguages } from '../engine/labels';
import { pathSegments } from '../engine/urls';
import { isInstagramUrl } from './urls';

type Choice = 'everyone' | 'follow' | 'none' | 'requests' | 'chats' | 'noRequests';

// The options of the choice settings, as the radio shows them. All inferred (Clearline
// brief, 2026-11): SELECTORS.md lists no Instagram option texts.
const CHOICES: LabelTable<Choice> = {
  everyone: {
    en: ['Everyone', 'Allow tags from everyone', 'Allow @mentions from everyone'],
    es: ['Todos', 'Permitir etiquetas de todos', 'Permitir @menciones de todos'],
  },
  follow: {
    en: [
      'People you follow',
      'Allow tags from people you follow',
      'Allow @mentions from people you follow',
    ],
    es: [
      'Personas que sigues',
      'Permitir etiquetas de personas que sigues',
      'Permitir @menciones de personas que sigues',
    ],
  },
  none: {
    en: ["Don't allow", "Don't allow tags", "Don't allow @mentions"],
    es: ['No permitir', 'No permitir etiquetas', 'No permitir @menciones'],
  },
  requests: { en: ['Message requests'], es: ['Solicitudes de mensajes'] },
  chats: { en: ['Chats'], es: ['Chats'] },
  noRequests: { en: ["Don't receive requests"], es: ['No recibir solicitudes'] },
};
const CHOICE_OF = new Map<string, Choice>();
for (const [c, words] of Object.entries(CHOICES)) {
  for (const w of bothLanguages(words)) CHOICE_OF.set(auditKey(w), c as Choice);
}

type Item =
  | { id: string; labels: Bilingual; passWhenOn: boolean }
  | { id: string; labels: Bilingual; pass: readonly Choice[]; fail: readonly Choice[] };

const TAGS = { pass: ['follow', 'none'], fail: ['everyone'] } as const;

// Every setting's labels, older and newer wordings alike: Instagram renames them
// without notice and shows both generations for a while. Each comment names the
// page the label is on and its date. "SELECTORS" = SELECTORS.md Instagram row
// "Privacy labels" (public code, ~2019-20); "issue 16" = a wording the issue names
// from real pages saved 2022-2026 (not saved here); "inferred" = the Clearline brief
// (2026-11) or a guess at the Spanish (2026-12), not yet seen in a capture. Every
// Spanish label is inferred.
const PRIVATE_ACCOUNT: Item = {
  id: 'ig.privateAccount',
  labels: {
    en: [
      'Private account', // who_can_see_your_content ("Account privacy", 2023+) and the older privacy_and_security; SELECTORS
    ],
    es: ['Cuenta privada'], // the same pages; inferred
  },
  passWhenOn: true,
};
const ACTIVITY_STATUS: Item = {
  id: 'ig.activityStatus',
  labels: {
    en: [
      'Show activity status', // privacy_and_security (older), messages_and_story_replies (newer); SELECTORS
      'Activity status', // its own row or page in the newer settings; issue 16
    ],
    es: [
      'Mostrar estado de actividad', // inferred
      'Estado de actividad', // inferred
    ],
  },
  passWhenOn: false,
};
const STORY_SHARING: Item = {
  id: 'ig.storySharing',
  labels: {
    en: [
      'Allow sharing of story photos and videos', // privacy_and_security; SELECTORS
    ],
    es: [
      'Permitir que se compartan las fotos y los videos de tu historia', // inferred
    ],
  },
  passWhenOn: false,
};
const MESSAGE_REQUESTS: Item = {
  id: 'ig.messageRequests',
  labels: {
    en: [
      'Others on Instagram', // messages_and_story_replies, message controls; inferred
    ],
    es: ['Otras personas en Instagram'], // inferred
  },
  pass: ['noRequests'],
  fail: ['requests', 'chats'],
};
const ACCOUNT_SUGGESTIONS: Item = {
  id: 'ig.accountSuggestions',
  labels: {
    en: [
      'Show account suggestions on profiles', // edit (2023+); inferred
      'Similar account suggestions', // edit, the older checkbox (~2019-22); issue 16
      "Suggest your account on others' profiles", // edit, the newer switch; issue 16
    ],
    es: [
      'Mostrar sugerencias de cuentas en los perfiles', // inferred
      'Sugerencias de cuentas similares', // inferred
      'Sugerir tu cuenta en los perfiles de otras personas', // inferred
    ],
  },
  passWhenOn: false,
};

// The settings each page (the path's second segment) should show: one it does not
// show, or shows unreadably, is "could not check". A setting of another page whose
// label this page shows is read too (the newer layouts moved them).
const PAGES: Readonly<Record<string, readonly Item[]>> = {
  who_can_see_your_content: [PRIVATE_ACCOUNT],
  privacy_and_security: [ACTIVITY_STATUS, STORY_SHARING],
  // Tags and mentions are one item: it passes only when both pass.
  tags_and_mentions: [
    {
      id: 'ig.tagsMentions',
      labels: { en: ['Allow tags from'], es: ['Permitir etiquetas de'] }, // inferred
      ...TAGS,
    },
    {
      id: 'ig.tagsMentions',
      labels: { en: ['Allow @mentions from'], es: ['Permitir @menciones de'] }, // inferred
      ...TAGS,
    },
  ],
  messages_and_story_replies: [MESSAGE_REQUESTS],
  edit: [ACCOUNT_SUGGESTIONS],
};
const ALL_ITEMS: readonly Item[] = [...new Set(Object.values(PAGES).flat())];
const ITEM_OF = new Map<string, Item>();
for (const item of ALL_ITEMS) {
  for (const l of bothLanguages(item.labels)) ITEM_OF.set(auditKey(l), item);
}

/** Every label table of the Instagram privacy reader, for the completeness test. */
export const INSTAGRAM_AUDIT_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  choices: CHOICES,
  rows: Object.fromEntries(ALL_ITEMS.map((item, i) => [`${item.id}#${i}`, item.labels])),
};

// How far up from a label its row (or section) may be: Instagram nests deeply.
const MAX_UP = 6;
const SWITCH = '[role="switch"], input[type="checkbox"]';
const RADIO = '[role="radio"], input[type="radio"]';
const MAX_OBSERVED = 100;

function plainText(el: Element): string {
  return textNodes(el)
    .map((t) => t.nodeValue)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** On, off, or null when aria-checked and the input's own state are missing or disagree. */
function checkedState(el: Element): boolean | null {
  const aria = el.getAttribute('aria-checked');
  const byAria = aria === 'true' ? true : aria === 'false' ? false : null;
  const byInput = el.localName === 'input' ? (el as HTMLInputElement).checked : null;
  if (byAria !== null && byInput !== null && byAria !== byInput) return null;
  return byAria ?? byInput;
}

/** What a radio option says: its aria-label, else its own or its <label>'s text. */
function optionText(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  if (el.localName !== 'input') return plainText(el);
  const label = el.closest('label') ?? (el as HTMLInputElement).labels?.[0] ?? el.parentElement;
  return label ? plainText(label) : '';
}

/** The label's row or section: the first ancestor holding a control of the kind. */
function rowOf(label: Text, selector: string, labels: ReadonlyMap<Text, Item>, root: Element) {
  const item = labels.get(label);
  for (let el = label.parentElement, i = 0; el && el !== root && i < MAX_UP; i++) {
    if (el.querySelector(selector)) {
      // Past the row when it holds another setting's label.
      for (const [l, of] of labels) if (of !== item && el.contains(l)) return null;
      return el;
    }
    el = el.parentElement;
  }
  return null;
}

type Reading = { result: 'pass' | 'fail'; observed: string } | null;

function readItem(
  item: Item,
  label: Text,
  labels: ReadonlyMap<Text, Item>,
  root: Element,
  es: boolean,
): Reading {
  const isSwitch = 'passWhenOn' in item;
  const row = rowOf(label, isSwitch ? SWITCH : RADIO, labels, root);
  if (!row) return null;
  if (isSwitch) {
    const switches = row.querySelectorAll(SWITCH);
    const on = switches.length === 1 && switches[0] ? checkedState(switches[0]) : null;
    if (on === null) return null;
    const observed = on ? (es ? 'Activado' : 'On') : es ? 'Desactivado' : 'Off';
    return { result: on === item.passWhenOn ? 'pass' : 'fail', observed };
  }
  const checked = Array.from(row.querySelectorAll(RADIO)).filter((r) => checkedState(r));
  if (checked.length !== 1 || !checked[0]) return null;
  const shown = optionText(checked[0]);
  const choice = CHOICE_OF.get(auditKey(shown));
  // A choice in neither list is not judged.
  if (!choice || ![...item.pass, ...item.fail].includes(choice)) return null;
  const result = item.pass.includes(choice) ? 'pass' : 'fail';
  return { result, observed: shown.slice(0, MAX_OBSERVED) };
}

/**
 * The item as the page shows it: every place its label shows (a heading above its
 * row, an older and a newer row side by side) that reads must read the same; two
 * that disagree are null, "could not check", like none at all.
 */
function readShown(
  item: Item,
  labels: ReadonlyMap<Text, Item>,
  root: Element,
  es: boolean,
): Reading {
  let found: Reading = null;
  for (const [label, of] of labels) {
    const read = of === item ? readItem(item, label, labels, root, es) : null;
    if (!read) continue;
    if (found && (found.result !== read.result || found.observed !== read.observed)) return null;
    found = read;
  }
  return found;
}

/** See SiteAudit.readAudit. */
export function readInstagramAudit(doc: Document, url: URL): AuditFinding[] {
  const [first, second = '', third] = pathSegments(url);
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  const known = first === 'accounts' && third === undefined && Object.hasOwn(PAGES, second);
  if (!isInstagramUrl(url) || !known || !root) return [];
  const items = PAGES[second] ?? [];
  const labels = new Map<Text, Item>();
  for (const t of textNodes(root)) {
    const item = ITEM_OF.get(auditKey(t.nodeValue ?? ''));
    if (item) labels.set(t, item);
  }
  const es = /^es\b/i.test(doc.documentElement.lang);
  // The page's own settings, then any other setting whose label it shows.
  const shown = new Set(labels.values());
  const others = ALL_ITEMS.filter((item) => !items.includes(item) && shown.has(item));
  // One finding per id: fail if any part fails, else unknown if any part is unread.
  const byId = new Map<string, { result: FindingResult; observed: string[] }>();
  for (const item of [...items, ...others]) {
    const read = readShown(item, labels, root, es);
    const prev = byId.get(item.id);
    const result: FindingResult = !read ? 'unknown' : read.result;
    const merged =
      !prev || result === 'fail' || (result === 'unknown' && prev.result === 'pass')
        ? result
        : prev.result;
    byId.set(item.id, {
      result: merged,
      observed: [...(prev?.observed ?? []), ...(read ? [read.observed] : [])],
    });
  }
  return Array.from(byId, ([itemId, { result, observed }]) => ({
    itemId,
    result,
    observed: result === 'unknown' ? '' : observed.join(' · ').slice(0, MAX_OBSERVED),
  }));
}
