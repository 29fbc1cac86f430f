// Helpers shared by the site adapters: URL parts and matching controls by their
// label. Labels are compared on aria-label and visible text only, never on the
// sites' generated class names, which change every few weeks.

/** Host names from match patterns such as `https://www.facebook.com/*`. */
export function hostsFrom(matches: readonly string[]): ReadonlySet<string> {
  return new Set(matches.map((m) => new URL(m.replace(/\*$/, '')).hostname));
}

/**
 * The path's segments, percent-decoded and lower-cased, empty ones dropped, so
 * `/Jane%2Edoe//about/` gives `['jane.doe', 'about']`. Both sites treat path
 * names case-insensitively; a malformed escape keeps the raw segment.
 */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

/** Trimmed, single-spaced, lower-case: sites flip between "Add Friend" and "Add friend". */
export function normalizeLabel(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
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
