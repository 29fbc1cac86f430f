// The observed-post reminder's engine: which post action a click is about to
// trigger (share, send, copy link, save, comment, react), the post it is about,
// and who wrote that post. Each site brings a label table (en + es) and its post
// containers. Matches on roles, accessible names (see controlNames in ./labels)
// and URL patterns only, never class names. Pure: reads, never writes.
import {
  type Bilingual,
  closestComposed,
  controlAt,
  controlKindIn,
  type LabelIndex,
  normalizeLabel,
  parentOf,
} from './labels';
import { linkKey, linkLabel, linkName } from './links';
import type { PageKind, PostActionKind, PostActionMatch, PostInfo, ProfileKey } from '../types';

/** What a site adapter lends the post readers: its URL readers. */
export interface PostPage {
  profileKeyFromUrl(url: URL): ProfileKey | null;
  pageKind(url: URL): PageKind;
}

export interface PostSite {
  /** The post action table (aria-label, visible text or icon label), built once with labelIndex. */
  readonly labels: LabelIndex<PostActionKind>;
  /** Post containers, nearest first; the last is taken outermost (classic posts nest comments). */
  readonly posts: readonly string[];
  readonly outermost: string;
  /** A comment inside (or beside, on a permalink page) a post: its controls are not the post's. */
  readonly comment: string;
  /** On a permalink page without a post container, the main region is the post. */
  readonly mainIsPost: boolean;
  /**
   * A post dialog keeps the page it was opened from underneath while the address is the
   * post's (Instagram's profile): then main is no post. Looked for only on such a site.
   */
  readonly pageUnderDialog?: boolean;
  /** The author link, when the site marks it; else the first `byline` link, else the first profile link. */
  readonly author: string | null;
  readonly byline: string;
  /** The post's permalink in a stable form (tracking parameters and sub-pages dropped). */
  canonical(url: URL): string;
}

/** Each post action's labels (aria-label, visible text or icon label), English and Spanish. */
export type PostLabels = Readonly<Partial<Record<PostActionKind, Bilingual>>>;

const MAIN = '[role="main"], main';
const DIALOG = '[role="dialog"], dialog';
const OPEN_MENU = '[aria-haspopup="menu"][aria-expanded="true"]';
const MAX_KEYS = 4;
const MAX_LINKS = 60;
// How far up from a control a viewer's panel is looked for: its header is a few levels up.
const MAX_UP = 24;

// React and comment exist only on a post: a "Like" outside one (a Page's Like
// button) is something else. The rest still count without a known post.
const NEEDS_POST: ReadonlySet<PostActionKind> = new Set(['react', 'comment']);

/** The kind a control's accessible name says (see controlNames: Instagram's icon-only bar included). */
function controlKind(site: PostSite, control: Element): PostActionKind | null {
  return controlKindIn(site.labels, control);
}

/** The post containing a node: see SitePosts.postAt. */
export function postAt(site: PostSite, page: PostPage, node: Node): Element | null {
  const el = node.nodeType === 1 ? (node as Element) : parentOf(node);
  if (!el) return null;
  for (const sel of site.posts) {
    const post = closestComposed(el, sel);
    if (post) return post;
  }
  // A post opened in a dialog (over the feed, or over a profile whose address is now the
  // post's): the dialog is the post's own layer, and what lies underneath never is.
  const dialog = closestComposed(el, DIALOG);
  if (dialog) return postInDialog(site, page, el, dialog);
  // A permalink page: its main post, whose controls may sit outside its container.
  const main = closestComposed(el, MAIN);
  if (main && isPostPage(page, el.ownerDocument)) {
    if (site.pageUnderDialog && postDialogOpen(site, page, el.ownerDocument)) return null;
    const first = main.querySelector(site.posts.join(', '));
    if (first) return first;
    // A photo or video viewer, a reel: no post container, the panel with its own
    // header is the post (before any article: there, the articles are its comments).
    // Classic markup has its header inside the post's article: that article.
    const panel = panelAround(site, page, el, main);
    if (panel) return panel;
    const article = main.querySelector(site.outermost);
    if (article) return outermostOf(site, article);
    if (site.mainIsPost) return main;
  }
  const article = closestComposed(el, site.outermost);
  return article ? outermostOf(site, article) : null;
}

// A dialog holds one post: its post container, else (a dialog that links a post: its
// timestamp) the panel with the post's own header, else (classic markup) its article.
// A hover card, a followers list, a share sheet or a "More options" list holds none.
function postInDialog(
  site: PostSite,
  page: PostPage,
  el: Element,
  dialog: Element,
): Element | null {
  const inner = dialog.querySelector(site.posts.join(', '));
  if (inner) return inner;
  if (!isPostDialog(site, page, dialog)) return null;
  const panel = panelAround(site, page, el, dialog);
  if (panel) return panel;
  const article = closestComposed(el, site.outermost);
  return article && dialog.contains(article) ? outermostOf(site, article) : null;
}

// A post, wherever it is shown, links its own address (the timestamp); a person's card does not.
function isPostDialog(site: PostSite, page: PostPage, dialog: Element): boolean {
  const base = baseOf(dialog.ownerDocument);
  return base !== null && postLink(site, page, dialog, base) !== null;
}

// Every dialog of the document: only on a post page of a site that keeps the page under
// its post dialogs, for a node outside every post container (never on a feed).
function postDialogOpen(site: PostSite, page: PostPage, doc: Document): boolean {
  return Array.from(doc.querySelectorAll(DIALOG)).some((d) => isPostDialog(site, page, d));
}

/**
 * The nearest container around `el`, up to `bound` (main or the dialog) itself, that
 * shows a named profile link of its own, outside its comments: a viewer's panel,
 * whose header names the author, or the bound when the header sits apart from the
 * part pointed at (the photo beside the panel). A control in a comment is looked at
 * from above the comment, so a comment's Like finds the panel, not the comment.
 */
function panelAround(site: PostSite, page: PostPage, el: Element, bound: Element): Element | null {
  const base = baseOf(el.ownerDocument);
  if (!base) return null;
  let cur: Element | null = el;
  for (let c = closestComposed(el, site.comment); c && bound.contains(c);) {
    cur = parentOf(c);
    c = cur && closestComposed(cur, site.comment);
  }
  for (let up = 0; cur && up < MAX_UP; up++, cur = parentOf(cur)) {
    if (ownLinks(site, cur).some((a) => isPersonLink(page, a, base))) return cur;
    if (cur === bound) return null;
  }
  return null;
}

// A link to a person (not a post's timestamp, whose address also names its author)
// that shows their name: the avatar alone, or "2h", is not yet the post's header.
function isPersonLink(page: PostPage, link: Element, base: URL): boolean {
  if (keyOf(page, link, base) === null) return false;
  try {
    if (page.pageKind(new URL(link.getAttribute('href') ?? '', base)) === 'post') return false;
  } catch {
    return false;
  }
  return linkName(link) !== null;
}

function baseOf(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

/** The container's links, without those of the comments inside it (theirs name the commenters). */
function ownLinks(site: PostSite, container: Element): Element[] {
  const links = Array.from(container.querySelectorAll('a[href]')).slice(0, MAX_LINKS);
  // Most containers hold no comment: then every link is the container's own.
  if (container.querySelector(site.comment) === null) return links;
  return links.filter((a) => {
    const comment = a.closest(site.comment);
    return !comment || comment === container || !container.contains(comment);
  });
}

function isPostPage(page: PostPage, doc: Document): boolean {
  try {
    return page.pageKind(new URL(doc.URL)) === 'post';
  } catch {
    return false;
  }
}

// Classic Facebook posts are role=article with their comments nested as role=article.
function outermostOf(site: PostSite, el: Element): Element {
  let post = el;
  const above = (e: Element) => {
    const parent = parentOf(e);
    return parent && closestComposed(parent, site.outermost);
  };
  for (let up = above(post); up; up = above(post)) post = up;
  return post;
}

/** The post action a click on `target` would trigger: see SitePosts.postActionAt. */
export function postActionAt(
  site: PostSite,
  page: PostPage,
  target: Element,
): PostActionMatch | null {
  // Any depth, through open shadow roots, as for the boundary actions.
  const control = controlAt(target);
  if (!control || control.matches(':disabled, [aria-disabled="true"]')) return null;
  const kind = controlKind(site, control);
  if (!kind) return null;
  let post = postAt(site, page, control);
  if (!post && control.getAttribute('role') === 'menuitem') {
    // A post's menu opens in a layer outside the post: the post is the open menu's.
    for (const opener of Array.from(control.ownerDocument.querySelectorAll(OPEN_MENU))) {
      post = postAt(site, page, opener);
      if (post) break;
    }
  }
  // A control in a comment (its Like, its Reply) is about the comment, not the post.
  const comment = closestComposed(control, site.comment);
  if (comment && comment !== post && !comment.contains(post)) return null;
  if (!post && NEEDS_POST.has(kind)) return null;
  return { kind, control, post };
}

function keyOf(page: PostPage, link: Element, base: URL): ProfileKey | null {
  return linkKey(page.profileKeyFromUrl, link, base);
}

// Among the container's own links (never a commenter's), in this order: the link the
// site marks as the author, a header link, a byline (bold or heading), the first.
// Each test first, the address read only then: this runs over up to 60 links.
function authorLink(
  site: PostSite,
  page: PostPage,
  post: Element,
  links: readonly Element[],
  base: URL,
): Element | null {
  const keyed = (a: Element) => keyOf(page, a, base) !== null;
  const inHeader = (a: Element) => {
    const header = a.closest('header');
    return header !== null && post.contains(header);
  };
  const marked = site.author;
  return (
    (marked !== null && links.find((a) => a.matches(marked) && keyed(a))) ||
    links.find((a) => inHeader(a) && keyed(a)) ||
    links.find((a) => (a.matches(site.byline) || a.querySelector('strong') !== null) && keyed(a)) ||
    links.find(keyed) ||
    null
  );
}

function postLink(site: PostSite, page: PostPage, post: Element, base: URL): string | null {
  for (const a of Array.from(post.querySelectorAll('a[href]')).slice(0, MAX_LINKS)) {
    try {
      const url = new URL(a.getAttribute('href') ?? '', base);
      if (page.pageKind(url) === 'post') return site.canonical(url);
    } catch {
      // not a URL
    }
  }
  return null;
}

/** The post's author and permalink: see SitePosts.postInfo. */
export function postInfo(site: PostSite, page: PostPage, post: Element, pageUrl: URL): PostInfo {
  const keys: ProfileKey[] = [];
  let name: string | null = null;
  const links = ownLinks(site, post);
  const author = authorLink(site, page, post, links, pageUrl);
  if (author) {
    // The same person's other links (avatar to a numeric id, username link): the
    // nameless link just before the author link, and later links bearing the same name.
    const at = links.indexOf(author);
    const key = keyOf(page, author, pageUrl) as ProfileKey;
    keys.push(key);
    name = linkName(author);
    const before = links
      .slice(0, Math.max(at, 0))
      .reverse()
      .find((a) => keyOf(page, a, pageUrl));
    if (before && linkLabel(before) === '') {
      const k = keyOf(page, before, pageUrl) as ProfileKey;
      if (!keys.includes(k)) keys.unshift(k);
    }
    for (const link of links.slice(at + 1)) {
      if (keys.length >= MAX_KEYS) break;
      const k = keyOf(page, link, pageUrl);
      if (!k) continue;
      const label = linkName(link) ?? '';
      if (keys.includes(k)) {
        if (name === null && label !== '') name = label;
      } else if (
        label !== '' &&
        (name === null || normalizeLabel(label) === normalizeLabel(name))
      ) {
        keys.push(k);
        name ??= label;
      }
    }
  }
  const main = closestComposed(post, MAIN);
  const onPermalink = page.pageKind(pageUrl) === 'post' && (main || post.querySelector(MAIN));
  const postUrl = onPermalink ? site.canonical(pageUrl) : postLink(site, page, post, pageUrl);
  return { authorKeys: keys.slice(0, MAX_KEYS), authorName: name, postUrl };
}
