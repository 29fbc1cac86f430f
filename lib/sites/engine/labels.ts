// Matching controls by their label, for every site adapter. Labels are compared on aria-label and visible text only, never on the
// sites' generated class names, which change every few weeks.
import { pageWordsLanguage } from './language';

// Invisible format characters (every \p{Cf}: zero-width space, ZWNJ, ZWJ, word
// joiner, BOM, soft hyphen, LRM/RLM, bidi embeddings and isolates). No one sees
// them, so "Add\u200Bfriend" reads as "Add friend" and must match as it.
const INVISIBLE = /\p{Cf}/gu;
// Decoration at either end of a label: "+ Add friend", "Message ›", "✓ Following".
// Symbols, punctuation and emoji variation selectors; whatever sits between words
// stays. Applied to table labels and page labels alike, so a table label's own
// final "." or a Spanish "¿...?" still matches the same label on the page.
const DECORATION = /^[\p{P}\p{S}\uFE0E\uFE0F\s]+|[\p{P}\p{S}\uFE0E\uFE0F\s]+$/gu;

const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * The compared form of a label: invisible characters and end decoration dropped,
 * single-spaced, lower-case (sites flip between "Add Friend" and "Add friend").
 */
export function normalizeLabel(text: string): string {
  // Most labels ("Add friend", "Message") are plain words: nothing to strip, and the Unicode
  // passes below cost the page's start-up (hundreds of table labels) for nothing.
  if (PLAIN_WORDS.test(text)) return text.toLowerCase();
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DECORATION, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** True when a label is only spaces and invisible characters: a name not given. */
export function isBlank(text: string | null | undefined): boolean {
  return (text ?? '').replace(INVISIBLE, '').trim() === '';
}

export function labelSet(labels: readonly string[]): ReadonlySet<string> {
  return new Set(labels.map(normalizeLabel));
}

// Far longer than any label we look for (svg titles included): lets us skip big
// containers, such as a whole post that is itself a role=button, without walking them.
const MAX_TEXT_CHARS = 160;

/**
 * The text a sighted user reads on a control. Unlike textContent it leaves out
 * <svg><title> ("Down chevron icon" inside Instagram's Following button).
 */
export function visibleText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) {
      out += node.textContent ?? '';
    } else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toLowerCase();
      if (tag !== 'svg' && tag !== 'script' && tag !== 'style' && tag !== 'template') {
        out += visibleText(node as Element);
      }
    }
  }
  return out;
}

/**
 * The first element under `root` matching `selector` whose aria-label or
 * visible text is one of `labels` (normalized with labelSet).
 */
export function findLabelled(
  root: ParentNode,
  selector: string,
  labels: ReadonlySet<string>,
): Element | null {
  for (const el of Array.from(root.querySelectorAll(selector))) {
    const aria = el.getAttribute('aria-label');
    if (aria !== null && labels.has(normalizeLabel(aria))) return el;
    if ((el.textContent ?? '').length > MAX_TEXT_CHARS) continue;
    if (labels.has(normalizeLabel(visibleText(el)))) return el;
  }
  return null;
}

/** The languages the label tables are written in. */
export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * One entry of a label table: the words a site shows for one thing, in each
 * language Clearline reads. Every entry has both (a unit test checks): a page in
 * Spanish must be recognized as well as one in English.
 *
 * In an action or post table (labelIndex), a label is matched whole ("Share"),
 * or, when it holds "…", as a word pattern: "…" stands for one or more whole
 * words ("Share …" is "Share Post", never "Shared with"; "Add … as a friend"
 * carries a name). Meta ships several wordings of one control at once, so a
 * family of labels is one pattern. Other tables (labelSet) match whole only.
 */
export interface Bilingual {
  readonly en: readonly string[];
  readonly es: readonly string[];
}

/** A label table: named entries, each in English and Spanish. */
export type LabelTable<K extends string = string> = Readonly<Record<K, Bilingual>>;

/** Every word of an entry, English first. */
export function bothLanguages(entry: Bilingual): readonly string[] {
  return [...entry.en, ...entry.es];
}

const ANY_WORDS = '…';

// A word pattern cut at its "…": the fixed word runs, padded with one space each
// side so that a run can only meet whole words of the (padded) label.
interface WordPattern<K extends string> {
  readonly runs: readonly string[];
  readonly open: { readonly start: boolean; readonly end: boolean };
  readonly kind: K;
}

/** An action table made ready to match: whole labels and word patterns, each in its locale. */
export interface LabelIndex<K extends string> {
  readonly whole: Readonly<Record<Locale, ReadonlyMap<string, K>>>;
  readonly patterns: Readonly<Record<Locale, readonly WordPattern<K>[]>>;
}

// Punctuation between words ("Send this to friends, or post it") does not make
// another label; for word patterns only, words are what counts.
const BETWEEN_WORDS = /[\p{P}\p{S}\s]+/gu;

function wordsOf(normalized: string): string {
  return PLAIN_WORDS.test(normalized) ? normalized : normalized.replace(BETWEEN_WORDS, ' ').trim();
}

function wordPattern<K extends string>(label: string, kind: K): WordPattern<K> {
  const pieces = label.split(ANY_WORDS);
  const runs = pieces.map((p) => wordsOf(normalizeLabel(p))).filter((p) => p !== '');
  return {
    runs: runs.map((r) => ` ${r} `),
    open: { start: pieces[0]?.trim() === '', end: pieces[pieces.length - 1]?.trim() === '' },
    kind,
  };
}

// True when the padded words hold the pattern's runs in order, each "…" standing
// for at least one word, and the label's ends where the pattern has no "…".
function matchesPattern(pattern: WordPattern<string>, padded: string): boolean {
  const { runs, open } = pattern;
  // Runs meet on a shared space, so starting the search one past the last run's
  // end (or past the label's first space) leaves room for at least one word.
  let from = open.start ? 1 : 0;
  for (const [i, run] of runs.entries()) {
    const atEnd = i === runs.length - 1 && !open.end;
    const at = atEnd ? padded.length - run.length : padded.indexOf(run, from);
    if (at < from || !padded.startsWith(run, at)) return false;
    if (i === 0 && !open.start && at !== 0) return false;
    from = at + run.length;
  }
  return open.end ? from < padded.length : from === padded.length;
}

/** A table's labels by locale, built once per table: whole labels in a map, word patterns in a list. */
export function labelIndex<K extends string>(
  table: Readonly<Partial<Record<K, Bilingual>>>,
): LabelIndex<K> {
  const whole = { en: new Map<string, K>(), es: new Map<string, K>() };
  const patterns: Record<Locale, WordPattern<K>[]> = { en: [], es: [] };
  for (const [kind, entry] of Object.entries(table) as [K, Bilingual][]) {
    for (const locale of LOCALES) {
      for (const label of entry[locale]) {
        if (label.includes(ANY_WORDS)) patterns[locale].push(wordPattern(label, kind));
        else whole[locale].set(normalizeLabel(label), kind);
      }
    }
  }
  return { whole, patterns };
}

/**
 * What a label names in the given locales: a whole label first (a map lookup,
 * the common case), then the word patterns. Null when nothing matches.
 */
export function labelKind<K extends string>(
  index: LabelIndex<K>,
  label: string,
  locales: readonly Locale[],
): K | null {
  const normalized = normalizeLabel(label);
  for (const locale of locales) {
    const kind = index.whole[locale].get(normalized);
    if (kind) return kind;
  }
  let padded: string | null = null;
  for (const locale of locales) {
    for (const pattern of index.patterns[locale]) {
      padded ??= ` ${wordsOf(normalized)} `;
      if (matchesPattern(pattern, padded)) return pattern.kind;
    }
  }
  return null;
}

const NO_LOCALES: readonly Locale[] = [];
const LOCALE_OF_LANGUAGE: ReadonlyMap<string, readonly Locale[]> = new Map(
  LOCALES.map((locale) => [locale, [locale]]),
);

/**
 * The locales whose labels apply to an element: its language (the nearest lang=,
 * normally the page's <html lang>). One in a language Clearline does not read gets
 * none, so a Portuguese "Seguir" is not taken for the Spanish one: such a page is
 * "not recognized". A page that says no language is judged by its navigation and
 * header words (./language); when they do not decide either, both locales apply.
 */
export function localesOf(el: Element): readonly Locale[] {
  const lang = closestComposed(el, '[lang]')?.getAttribute('lang') ?? '';
  const primary = lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === '') return localesOfWords(el.ownerDocument);
  return LOCALE_OF_LANGUAGE.get(primary) ?? NO_LOCALES;
}

/** The locales a page's own words (./language) say, when its markup names no language. */
export function localesOfWords(doc: Document): readonly Locale[] {
  const language = pageWordsLanguage(doc);
  if (language === null) return LOCALES;
  return language === 'other' ? NO_LOCALES : (LOCALE_OF_LANGUAGE.get(language) ?? NO_LOCALES);
}

// ---------------------------------------------------------------------------
// Controls and their names, for the click and hover targets the boundary prompt
// and the observed-post reminder look at. Read once per target, never per
// mutation. Open shadow roots are walked through (a site's web-component button);
// closed ones cannot be, and the event side sees only their host.

/** What a site listens on. A plain <a> counts (older markup has no roles); m.facebook.com uses <input type=submit>. */
export const CONTROL =
  'button, [role="button"], a, [role="menuitem"], input[type="submit"], input[type="button"]';

/**
 * The node's parent element, or at the top of an open shadow root its host: the
 * way up through every tree that holds the node. Cards, posts and profile links
 * are looked for this way, so a container's querySelectorAll sees them.
 */
export function parentOf(node: Node): Element | null {
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === 1) return parent as Element;
  // A shadow root (a fragment with a host): carry on from the host.
  return parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

// The parent as rendered (the flattened tree): the slot a light-DOM node is shown
// in, when it is assigned to one, else parentOf. A label slotted into a web
// component's shadow <button> belongs to that button.
function renderedParentOf(node: Node): Element | null {
  return (node as Element | Text).assignedSlot ?? parentOf(node);
}

/** Element.closest that carries on past a shadow root's host. */
export function closestComposed(el: Element, selector: string): Element | null {
  // The browser's own closest() within each tree, then on from the shadow host:
  // this runs on every press and hover, often many times.
  for (let cur: Element | null = el; cur;) {
    const hit = cur.closest(selector);
    if (hit) return hit;
    const root = cur.getRootNode();
    cur = root.nodeType === 11 ? ((root as ShadowRoot).host ?? null) : null;
  }
  return null;
}

// The children in the flattened tree: an open shadow root's content in place of
// the host's light children, and a slot's assigned nodes in place of its fallback.
function flatChildren(el: Element): readonly Node[] {
  if (el.shadowRoot) return Array.from(el.shadowRoot.childNodes);
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.() ?? [];
    if (assigned.length > 0) return assigned;
  }
  return Array.from(el.childNodes);
}

// Longer than any label in the tables; a control with more text (a post that is
// itself a link) is not an action, and is not read further.
const MAX_LABEL = 60;
const SKIPPED = new Set(['svg', 'script', 'style', 'template']);

/**
 * The visible text of a small control (svg titles, scripts and styles left out),
 * or null as soon as it passes `max` characters, so big controls cost little.
 */
export function shortText(el: Element, max = MAX_LABEL): string | null {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      if (out.length > max * 4) return null; // room for indentation, which collapses
    } else if (node.nodeType === 1 && !SKIPPED.has((node as Element).localName)) {
      const el = node as Element;
      if (el.shadowRoot || el.localName === 'slot') {
        const children = flatChildren(el);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
      } else {
        for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
      }
    }
  }
  return out.replace(/\s+/g, ' ').trim().length > max ? null : out;
}

// The first piece of text: a menu item's title when a description line follows it.
function firstText(el: Element): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!isBlank(n.nodeValue) && !n.parentElement?.closest('svg')) return n.nodeValue ?? '';
  }
  return '';
}

// aria-labelledby: the named elements' labels or text, in order, looked up in the
// control's own root (its document, or the shadow root it sits in). Null when one
// of them is too long to be a label.
function labelledBy(control: Element): string | null {
  const ids = control.getAttribute('aria-labelledby');
  if (ids === null || isBlank(ids)) return '';
  const root = control.getRootNode() as Partial<DocumentOrShadowRoot & NonElementParentNode>;
  if (typeof root.getElementById !== 'function') return '';
  let out = '';
  for (const id of ids.trim().split(/\s+/).slice(0, 4)) {
    const el = root.getElementById(id);
    if (!el) continue;
    const aria = el.getAttribute('aria-label');
    const text = aria !== null && !isBlank(aria) ? aria : shortText(el);
    if (text === null) return null;
    out += ` ${text}`;
  }
  return out;
}

// An icon-only control's picture: a labelled svg or role=img (Instagram's action
// bar), an svg <title>, or an <img alt>.
const ICON = 'svg[aria-label], [role="img"][aria-label], svg title, img[alt]';

function iconLabel(control: Element): string {
  const icon = control.querySelector(ICON);
  if (!icon) return '';
  if (icon.localName === 'title') return icon.textContent ?? '';
  return icon.getAttribute('aria-label') ?? icon.getAttribute('alt') ?? '';
}

// CSS `content` values: quoted strings, attr(name), and "/ alt text" (which, when
// given, is the spoken text). Images, counters and quotes say nothing.
const CONTENT_TOKEN =
  /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|attr\(\s*([\w-]+)[^)]*\)|url\([^)]*\)|(\/)/g;
const CSS_ESCAPE = /\\(?:([0-9a-fA-F]{1,6})\s?|([\s\S]))/g;

export function contentText(value: string, el: Element): string {
  let main = '';
  let alt: string | null = null;
  for (const m of value.matchAll(CONTENT_TOKEN)) {
    if (m[4]) {
      alt = '';
      continue;
    }
    const quoted = m[1] ?? m[2];
    const piece =
      m[3] !== undefined
        ? (el.getAttribute(m[3]) ?? '')
        : (quoted ?? '').replace(CSS_ESCAPE, (_, hex?: string, ch?: string) =>
            hex ? String.fromCodePoint(parseInt(hex, 16) || 0xfffd) : (ch ?? ''),
          );
    if (alt === null) main += piece;
    else alt += piece;
  }
  return alt ?? main;
}

// How many elements of a textless control the CSS step reads at most: each costs
// two getComputedStyle calls (a style recalculation the first time).
const MAX_CSS_ELEMENTS = 8;

// ::before and ::after text of the control and its first few elements, in order.
function generatedText(control: Element): string {
  const view = control.ownerDocument.defaultView;
  if (!view) return '';
  let budget = MAX_CSS_ELEMENTS;
  const read = (el: Element): string => {
    if (budget-- <= 0 || SKIPPED.has(el.localName)) return '';
    let out = contentText(view.getComputedStyle(el, '::before').content, el);
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) out += read(c);
    return out + contentText(view.getComputedStyle(el, '::after').content, el);
  };
  return read(control);
}

/**
 * The names a control goes by, best first: its accessible name, from the first
 * of these that gives one: aria-labelledby, aria-label, an input button's value,
 * the visible text, title=, an icon's label, CSS generated content. A menu item
 * named by its text also goes by its first line (its title, when a description
 * follows). Empty for a nameless control, and for one too big to be one action.
 */
export function controlNames(control: Element): string[] {
  const byIds = labelledBy(control);
  if (byIds === null) return [];
  if (!isBlank(byIds)) return [byIds];
  const aria = control.getAttribute('aria-label');
  if (!isBlank(aria)) return [aria as string];
  if (control.localName === 'input') {
    const value = control.getAttribute('value');
    if (!isBlank(value)) return [value as string];
  }
  const text = shortText(control);
  const menuItem = control.getAttribute('role') === 'menuitem';
  if (text === null) return menuItem ? [firstText(control)] : [];
  if (!isBlank(text)) return menuItem ? [text, firstText(control)] : [text];
  const title = control.getAttribute('title');
  if (!isBlank(title)) return [title as string];
  const icon = iconLabel(control);
  if (!isBlank(icon)) return [icon];
  const generated = generatedText(control);
  return isBlank(generated) ? [] : [generated];
}

/** The nearest control at or above `target` as rendered (any depth, through open shadow roots and slots), or null. */
export function controlAt(target: Element): Element | null {
  for (let cur: Element | null = target; cur; cur = renderedParentOf(cur)) {
    if (cur.matches(CONTROL)) return cur;
  }
  return null;
}

/** The kind a control's accessible name (see controlNames) says, in the control's language, or null. */
export function controlKindIn<K extends string>(labels: LabelIndex<K>, control: Element): K | null {
  const names = controlNames(control);
  if (names.length === 0) return null;
  const locales = localesOf(control);
  for (const name of names) {
    const kind = labelKind(labels, name, locales);
    if (kind) return kind;
  }
  return null;
}
