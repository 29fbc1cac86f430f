// No silent miss: the buttons of an action bar (a profile header's, a card's, a
// dialog's) that Clearline does not understand, for the popup's "Some buttons on
// this page were not recognized" and the diagnostics page. A bar is one Clearline
// knows: it holds a covered action (Follow, Add friend, Message), or a button
// that only such a bar shows ("See options", "Following"). Computed only when the
// popup asks, over a few elements; what is given back is a button's role and its
// label's words with every word Clearline does not know, names above all, hidden.
import { CONTROL, controlNames, labelKind, type LabelIndex, localesOf, parentOf } from './labels';
import {
  MAX_UNRECOGNIZED,
  type ControlRole,
  type SiteAdapter,
  type UnrecognizedControl,
} from '../types';

/** What a site knows of its action bars: see lib/sites/<site>/action-bar.ts. */
export interface BarSite {
  /** Buttons that live in an action bar beside the covered actions, and mark one. */
  readonly barButtons: LabelIndex<'bar'>;
  /** Other buttons an action bar may hold (Like, Comment, More): known, never reported. */
  readonly otherButtons: LabelIndex<'other'>;
  /** Every word of the site's tables (lower-case): the only words a description keeps. */
  readonly vocabulary: ReadonlySet<string>;
}

// Where action bars are: a profile's header (Instagram's <header>; Facebook's is the
// top of the main region, read in document order), and dialogs (hover cards, a post
// dialog). Each is read up to a few dozen controls, never the whole page.
const HEADER = 'main header, [role="main"] header';
const MAIN = '[role="main"], main';
const DIALOG = '[role="dialog"]';
const MAX_DIALOGS = 3;
const MAX_SCOPE_CONTROLS = 120;
// A bar is the nearest ancestor of its anchor holding two controls or more, this near.
const MAX_BAR_LEVELS = 6;
const MAX_BAR_CONTROLS = 12;
const MAX_SHOWN_WORDS = 6;
const HIDDEN = '…';

// Tabs ("Posts", "Friends", "Photos") are the profile's sections, not actions.
function controlsIn(root: Element, max: number): Element[] {
  return Array.from(root.querySelectorAll(CONTROL))
    .filter((c) => c.getAttribute('role') !== 'tab')
    .slice(0, max);
}

// The bar's own controls: not one nested in another (a label inside its button).
function topControls(bar: Element): Element[] {
  return controlsIn(bar, MAX_BAR_CONTROLS * 2)
    .filter((c) => {
      const outer = parentOf(c)?.closest(CONTROL);
      return !outer || !bar.contains(outer);
    })
    .slice(0, MAX_BAR_CONTROLS);
}

function kindOf<K extends string>(index: LabelIndex<K>, control: Element): K | null {
  const locales = localesOf(control);
  for (const name of controlNames(control)) {
    const kind = labelKind(index, name, locales);
    if (kind) return kind;
  }
  return null;
}

// A message thread's Send is no action bar's: its toolbar (calls, info) is the thread's own.
function isAnchor(adapter: SiteAdapter, site: BarSite, control: Element): boolean {
  const action = adapter.actionAt(control);
  if (action) return action.kind !== 'send-message';
  return kindOf(site.barButtons, control) !== null;
}

function barOf(anchor: Element, scope: Element): Element | null {
  let el = parentOf(anchor);
  for (let i = 0; el && i < MAX_BAR_LEVELS; i++, el = parentOf(el)) {
    if (topControls(el).length >= 2) return el;
    if (el === scope) break;
  }
  return null;
}

// Links go somewhere (a person's row, a profile's tab, "followers"): only buttons
// and menu items act, so only they can be an unknown action.
function isLink(control: Element): boolean {
  const role = control.getAttribute('role');
  return role === 'link' || (role === null && control.localName === 'a');
}

function isKnown(adapter: SiteAdapter, site: BarSite, control: Element): boolean {
  return (
    isLink(control) ||
    isAnchor(adapter, site, control) ||
    kindOf(site.otherButtons, control) !== null ||
    adapter.postActionAt(control) !== null
  );
}

function roleOf(control: Element): ControlRole {
  return control.getAttribute('role') === 'menuitem' ? 'menuitem' : 'button';
}

/**
 * A label's word shape: its words that the site's tables use, in order, and "…"
 * for each run of other words (a name, a count, a word Clearline never saw), so
 * "Enviar un mensaje privado" is "Enviar un mensaje …" and "Add Jane Demo as a
 * friend" is "Add … as a friend". At most MAX_SHOWN_WORDS words.
 */
export function wordShape(label: string, vocabulary: ReadonlySet<string>): string {
  const out: string[] = [];
  for (const word of label.normalize('NFC').split(/[\s\p{Cf}]+/u)) {
    if (word === '') continue;
    const bare = word.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
    const known = bare !== '' && vocabulary.has(bare);
    const shown = known ? word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '') : HIDDEN;
    if (shown === HIDDEN && out[out.length - 1] === HIDDEN) continue;
    out.push(shown);
  }
  if (out.filter((w) => w !== HIDDEN).length > MAX_SHOWN_WORDS) {
    const cut: string[] = [];
    let kept = 0;
    for (const w of out) {
      if (w !== HIDDEN && kept++ >= MAX_SHOWN_WORDS) break;
      cut.push(w);
    }
    if (cut[cut.length - 1] !== HIDDEN) cut.push(HIDDEN);
    return cut.join(' ');
  }
  return out.join(' ');
}

/**
 * The scopes an action bar may be in, on this page: a profile's header; elsewhere
 * the main region, where cards (people you may know, friend requests, search
 * results) hold their own bars; and dialogs (hover cards).
 */
function scopes(doc: Document, isProfile: boolean): Element[] {
  const out: Element[] = [];
  const top = isProfile
    ? (doc.querySelector(HEADER) ?? doc.querySelector(MAIN))
    : (doc.querySelector(MAIN) ?? doc.body);
  if (top) out.push(top);
  out.push(...Array.from(doc.querySelectorAll(DIALOG)).slice(0, MAX_DIALOGS));
  return out;
}

/**
 * The controls of the page's known action bars that Clearline does not
 * understand (see the file's comment), at most MAX_UNRECOGNIZED, each once.
 */
export function unrecognizedControls(
  adapter: SiteAdapter,
  site: BarSite,
  doc: Document,
  url: URL,
): UnrecognizedControl[] {
  const bars = new Set<Element>();
  for (const scope of scopes(doc, adapter.pageKind(url) === 'profile')) {
    for (const control of controlsIn(scope, MAX_SCOPE_CONTROLS)) {
      if (Array.from(bars).some((bar) => bar.contains(control))) continue;
      if (!isAnchor(adapter, site, control)) continue;
      const bar = barOf(control, scope);
      if (bar) bars.add(bar);
    }
  }
  const out: UnrecognizedControl[] = [];
  const told = new Set<string>();
  for (const bar of bars) {
    for (const control of topControls(bar)) {
      if (out.length >= MAX_UNRECOGNIZED) return out;
      const name = controlNames(control)[0];
      // A nameless control says nothing to report; a known one is no miss.
      if (name === undefined || isKnown(adapter, site, control)) continue;
      const found = { role: roleOf(control), words: wordShape(name, site.vocabulary) };
      const key = `${found.role} ${found.words}`;
      if (told.has(key)) continue;
      told.add(key);
      out.push(found);
    }
  }
  return out;
}

/** Every word of some label tables, lower-case, for wordShape. */
export function vocabularyOf(tables: readonly (readonly string[])[]): ReadonlySet<string> {
  const words = new Set<string>();
  for (const labels of tables) {
    for (const label of labels) {
      for (const word of label
        .normalize('NFC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}@']+/u)) {
        if (word !== '' && !/\d/.test(word)) words.add(word);
      }
    }
  }
  return words;
}
