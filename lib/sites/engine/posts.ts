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
  /** The author link, when the site marks it; else the first `byline` link, else the first profile link. */
  readonly author: string | null;
  readonly byline: string;
  /** The post's permalink in a stable form (tracking parameters and sub-pages dropped). */
  canonical(url: URL): string;
}

/** Each post action's labels (aria-label, visible text or icon label), English and Spanish. */
export type PostLabels = Readonly<Partial<Record<PostActionKind, Bilingual>>>;

const MAIN = '[role="main"], main';
const OPEN_MENU = '[aria-haspopup="menu"][aria-expanded="true"]';
const MAX_KEYS = 4;
const MAX_LINKS = 60;

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
  // A permalink page: its main post, whose controls may sit outside its container.
  const main = closestComposed(el, MAIN);
  if (main && isPostPage(page, el.ownerDocument)) {
    const first = main.querySelector(`${site.posts.join(', ')}, ${site.outermost}`);
    if (first) return outermostOf(site, first);
    if (site.mainIsPost) return main;
  }
  const article = closestComposed(el, site.outermost);
  return article ? outermostOf(site, article) : null;
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

function authorLink(site: PostSite, page: PostPage, post: Element, base: URL): Element | null {
  const links = Array.from(post.querySelectorAll('a[href]')).slice(0, MAX_LINKS);
  const keyed = (a: Element) => keyOf(page, a, base) !== null;
  if (site.author) {
    const marked = Array.from(post.querySelectorAll(site.author)).find(keyed);
    if (marked) return marked;
  }
  const header = post.querySelector('header');
  return (
    (header && Array.from(header.querySelectorAll('a[href]')).find(keyed)) ||
    links.find((a) => keyed(a) && (a.matches(site.byline) || a.querySelector('strong'))) ||
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
  const author = authorLink(site, page, post, pageUrl);
  if (author) {
    // The same person's other links (avatar to a numeric id, username link): the
    // nameless link just before the author link, and later links bearing the same name.
    const links = Array.from(post.querySelectorAll('a[href]')).slice(0, MAX_LINKS);
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
