// Matching controls by their label, for every site adapter. Labels are compared on aria-label and visible text only, never on the
// sites' generated class names, which change every few weeks.

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

/**
 * One entry of a label table: the words a site shows for one thing, in each
 * language Clearline reads. Every entry has both (a unit test checks): a page in
 * Spanish must be recognized as well as one in English.
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

/** Normalized label -> what it names (an action kind), built once per table. */
export function labelIndex<K extends string>(
  table: Readonly<Partial<Record<K, Bilingual>>>,
): ReadonlyMap<string, K> {
  const index = new Map<string, K>();
  for (const [kind, labels] of Object.entries(table) as [K, Bilingual][]) {
    for (const label of bothLanguages(labels)) index.set(normalizeLabel(label), kind);
  }
  return index;
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
  for (let cur: Element | null = el; cur; cur = parentOf(cur)) {
    if (cur.matches(selector)) return cur;
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
