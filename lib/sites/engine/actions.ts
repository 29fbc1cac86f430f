// The boundary prompt's engine: which covered action a click is about to
// trigger, and who it is about. Each site brings its own label table (en + es),
// profile-key reader and page kinds. Matches on roles and accessible names
// (labels, visible text; see controlNames in ./labels), never class names.
import {
  type Bilingual,
  closestComposed,
  controlAt,
  controlKindIn,
  findLabelled,
  type LabelIndex,
  normalizeLabel,
  parentOf,
} from './labels';
import { linkKey, linkName, personName } from './links';
import type { ActionKind, ActionMatch, ActionProfile, PageKind, ProfileKey } from '../types';

/** The labels (accessible names, compared normalized: whole, or as word patterns) of each action. */
export type ActionLabels = Readonly<Partial<Record<ActionKind, Bilingual>>>;

export interface ActionSite {
  /** The action table, built once with labelIndex. */
  readonly labels: LabelIndex<ActionKind>;
  /** Controls that only the coach's own profile shows ("Edit profile"). */
  readonly ownLabels: ReadonlySet<string>;
  /** aria-labels of the message composer (`div[role=textbox][contenteditable]`). */
  readonly composerLabels: ReadonlySet<string>;
  profileKeyFromUrl(url: URL): ProfileKey | null;
  pageKind(url: URL): PageKind;
  /** One conversation (not the inbox): its header names the person. */
  isThread(url: URL): boolean;
}

/** The kind a control's accessible name (see controlNames) says in the control's language, or null. */
export function controlKind(site: ActionSite, control: Element): ActionKind | null {
  return controlKindIn(site.labels, control);
}

const OWN_CONTROLS = 'a, button, [role="button"], [role="link"]';

/** The covered action a click on `target` would trigger: see SiteActions.actionAt. */
export function actionAt(site: ActionSite, target: Element): ActionMatch | null {
  // Any depth: a site may wrap a label in many layers (the event side passes the
  // innermost target, possibly inside an open shadow root).
  const control = controlAt(target);
  if (!control || control.matches(':disabled, [aria-disabled="true"]')) return null;
  const kind = controlKind(site, control);
  if (!kind) return null;
  // Never an action in the coach's own-profile action row (Edit profile, Add to story).
  const row = parentOf(control);
  for (const el of [row, row && parentOf(row)]) {
    if (el && findLabelled(el, OWN_CONTROLS, site.ownLabels)) return null;
  }
  return { kind, control };
}

/**
 * True for the message composer itself (`div[role=textbox][contenteditable]`
 * labelled "Message"), or an element inside it: Enter there sends a message.
 */
export function isMessageComposer(site: ActionSite, el: Element): boolean {
  const box = closestComposed(el, '[role="textbox"][contenteditable]');
  if (!box || box.getAttribute('contenteditable') === 'false') return false;
  // normalizeLabel drops a placeholder's trailing "…" or "...".
  return site.composerLabels.has(normalizeLabel(box.getAttribute('aria-label') ?? ''));
}

// Containers that hold one person's card, row, post or hover card. Walking up
// stops at the first of them: past it lie other people's rows.
const CARD =
  '[role="dialog"], [role="listitem"], li, [role="article"], article, [aria-posinset], [role="row"]';
const MAIN = '[role="main"], main';
// How far up the nearest container with a profile link may be.
const MAX_LEVELS = 20;
const MAX_KEYS = 4;

const EMPTY = (): ActionProfile => ({ keys: [], name: null });

function keyOf(site: ActionSite, link: Element, base: URL): ProfileKey | null {
  return linkKey(site.profileKeyFromUrl, link, base);
}

function profileLinks(root: Element): Element[] {
  return Array.from(root.querySelectorAll('a[href]'));
}

function hasProfileLink(site: ActionSite, root: Element, base: URL, key?: ProfileKey): boolean {
  return profileLinks(root).some((a) => {
    const k = keyOf(site, a, base);
    return k !== null && (key === undefined || k === key);
  });
}

/**
 * One person's keys and name from the profile links under `root`, in document
 * order: the first link is the person; a later link with another key is the
 * same person when it bears the same name (or when it gives the first name after
 * a nameless avatar link). Links naming someone else (mutual friends, "with ...")
 * are skipped.
 */
function collect(
  site: ActionSite,
  root: Element,
  base: URL,
  keys: ProfileKey[],
  name: string | null,
): ActionProfile {
  for (const link of profileLinks(root)) {
    if (keys.length >= MAX_KEYS) break;
    const key = keyOf(site, link, base);
    if (!key) continue;
    const label = linkName(link) ?? '';
    if (!keys.includes(key)) {
      const same =
        keys.length === 0 ||
        (label !== '' && (name === null || normalizeLabel(label) === normalizeLabel(name)));
      if (!same) continue;
      keys.push(key);
    }
    if (name === null && label !== '') name = label;
  }
  if (name === null && keys.length > 0) {
    name =
      personName(root.querySelector('h1, h2, h3, h4, strong')?.textContent) ??
      shownKeyName(root, keys[0] as ProfileKey);
  }
  return { keys, name };
}

/**
 * The nearest ancestor of the control holding a profile link, stopping before
 * the page's main region or body, and at the first card, row or dialog (whether
 * or not it holds one: beyond it are other people). `card` says if one was met.
 */
function nearestContainer(
  site: ActionSite,
  control: Element,
  base: URL,
  main: Element | null,
): { root: Element | null; card: boolean } {
  // Through shadow hosts: a control in a web component still sits in its card.
  let el = parentOf(control);
  for (let i = 0; el && i < MAX_LEVELS; i++, el = parentOf(el)) {
    if (el === main || el.localName === 'body' || (main && el.contains(main))) break;
    const card = el.matches(CARD);
    if (hasProfileLink(site, el, base)) return { root: el, card };
    if (card) return { root: null, card };
  }
  return { root: null, card: false };
}

// How many of a header's or card's texts are compared with the profile's own name at most.
const MAX_SHOWN_TEXTS = 80;

/**
 * The text under `root` that shows the key's own name, when the key is one
 * (Instagram's username, which its headers and cards show as plain text).
 */
function shownKeyName(root: Element, key: ProfileKey): string | null {
  const own = normalizeLabel(key.slice(key.indexOf(':') + 1));
  const texts = Array.from(root.querySelectorAll('span, div[dir="auto"]')).slice(
    0,
    MAX_SHOWN_TEXTS,
  );
  const shown = texts.find((el) => normalizeLabel(el.textContent ?? '') === own);
  return shown ? personName(shown.textContent) : null;
}

/**
 * The profile's name from its header: the heading, else a link to the profile
 * itself bearing a name, else the text that shows the profile address's own
 * name (Instagram's header shows the username, not always as a heading). Each
 * must read as a name: a count ("272 mil seguidores") or a sentence is none.
 */
function headerName(
  site: ActionSite,
  header: Element | null,
  main: Element | null,
  pageUrl: URL,
  pageKey: ProfileKey,
): string | null {
  const headings = [
    header?.querySelector('h1'),
    header?.querySelector('h2'),
    main?.querySelector('h1'),
  ];
  for (const heading of headings) {
    const name = personName(heading?.textContent);
    if (name !== null) return name;
  }
  if (!header) return null;
  for (const link of profileLinks(header)) {
    if (keyOf(site, link, pageUrl) !== pageKey) continue;
    const name = linkName(link);
    if (name !== null) return name;
  }
  return shownKeyName(header, pageKey);
}

/** Who the action is about: see SiteActions.profileFor. */
export function profileFor(site: ActionSite, match: ActionMatch, pageUrl: URL): ActionProfile {
  const { control } = match;
  const main = closestComposed(control, MAIN) ?? control.ownerDocument.querySelector(MAIN);
  const kind = site.pageKind(pageUrl);

  // A message thread: the person is the first profile link of the conversation,
  // its header (the chat list links to threads, not profiles).
  if (match.kind === 'send-message' && kind === 'messages' && site.isThread(pageUrl)) {
    if (main?.contains(control)) return collect(site, main, pageUrl, [], null);
  }

  const { root, card } = nearestContainer(site, control, pageUrl, main);

  // A profile page's own header (an Instagram <header>, or the nearest container
  // that links the page's profile, or nothing at all: the "See options" menu opens
  // in a layer outside main): the page's person, named by the header's heading.
  const pageKey = kind === 'profile' ? site.profileKeyFromUrl(pageUrl) : null;
  const headerEl = closestComposed(control, 'header');
  if (
    pageKey &&
    !card &&
    (headerEl || root === null || hasProfileLink(site, root, pageUrl, pageKey))
  ) {
    const header = headerEl ?? root;
    const name = headerName(site, header, main, pageUrl, pageKey);
    // Other keys only for links bearing that same name: a bio's @mention is someone else.
    if (!header || name === null) return { keys: [pageKey], name };
    return collect(site, header, pageUrl, [pageKey], name);
  }

  return root ? collect(site, root, pageUrl, [], null) : EMPTY();
}
