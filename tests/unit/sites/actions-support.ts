// Helpers for the action tests: practice and real pages parsed as documents,
// and ways to pick a control the way a person would (by label, by visible text,
// by the card of a profile link). Not a test file itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { ActionKind, ProfileKey, SiteAdapter } from '../../../lib/sites/types';

// import.meta.url, not new URL(..., import.meta.url): happy-dom replaces the URL global.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

interface Route {
  url: string;
  file: string;
  real?: boolean;
}

export const ROUTES: Route[] = JSON.parse(
  readFileSync(join(FIXTURES, 'practice/routes.json'), 'utf8'),
) as Route[];

function parse(html: string): Document {
  // Drop <link> and <iframe>: happy-dom refuses to load them and logs each refusal.
  const body = html.replace(/<link\b[^>]*>|<iframe\b[\s\S]*?<\/iframe>/gi, '');
  return new DOMParser().parseFromString(body, 'text/html');
}

/** A practice or real page (path relative to tests/fixtures/) and the address it is served at. */
export function page(file: string): { doc: Document; url: URL } {
  const route = ROUTES.find((r) => r.file === file);
  if (!route) throw new Error(`no route for ${file}`);
  return { doc: parse(readFileSync(join(FIXTURES, file), 'utf8')), url: new URL(route.url) };
}

export function html(markup: string): Document {
  return parse(`<!doctype html><html><body>${markup}</body></html>`);
}

/** The deepest first descendant: where a click on the control's label lands. */
export function innermost(el: Element): Element {
  let cur = el;
  while (cur.firstElementChild) cur = cur.firstElementChild;
  return cur;
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`not found: ${what}`);
  return value;
}

export function one(root: ParentNode, selector: string): Element {
  return must(root.querySelector(selector), selector);
}

const CONTROLS = 'button, [role="button"], a, [role="menuitem"]';

/** The n-th control (button, role=button, a, menuitem) whose whole visible text is `text`. */
export function byText(root: ParentNode, text: string, nth = 0): Element {
  const hits = Array.from(root.querySelectorAll(CONTROLS)).filter(
    (el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim() === text,
  );
  return must(hits[nth], `control with text "${text}" #${nth}`);
}

/**
 * The control matching `selector` in the card of the first link whose href
 * contains `href`: the smallest ancestor of that link that holds such a control.
 */
export function inCardOf(doc: Document, href: string, selector: string): Element {
  let el: Element | null = one(doc, `a[href*="${href}"]`);
  while (el && !el.querySelector(selector)) el = el.parentElement;
  return must(el?.querySelector(selector), `${selector} beside ${href}`);
}

export interface Expected {
  what: string;
  control: (doc: Document) => Element;
  kind: ActionKind;
  keys: ProfileKey[];
  name: string | null;
}

/** Each expected control is recognized (from its innermost element) with its kind and person. */
export function checkExpected(
  adapter: SiteAdapter,
  doc: Document,
  url: URL,
  expected: readonly Expected[],
): void {
  for (const e of expected) {
    const control = e.control(doc);
    const match = adapter.actionAt(innermost(control));
    expect(match, e.what).not.toBeNull();
    expect(match?.kind, e.what).toBe(e.kind);
    expect(match?.control, e.what).toBe(control);
    if (!match) continue;
    expect(adapter.profileFor(match, url), e.what).toEqual({ keys: e.keys, name: e.name });
  }
}

/** Every element of the page, as a click target: only the expected controls are actions. */
export function checkNothingElse(
  adapter: SiteAdapter,
  doc: Document,
  expected: readonly Expected[],
): void {
  const wanted = new Set(expected.map((e) => e.control(doc)));
  const extra = new Set<string>();
  const seen = new Set<Element>();
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const match = adapter.actionAt(el);
    if (!match) continue;
    seen.add(match.control);
    if (!wanted.has(match.control)) extra.add(match.control.outerHTML.slice(0, 160));
  }
  expect([...extra]).toEqual([]);
  expect(seen.size).toBe(wanted.size);
}
