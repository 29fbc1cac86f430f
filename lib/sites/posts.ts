// The observed-post reminder's part of the adapters: which post action a click
// is about to trigger (share, send, copy link, save, comment, react), the post it
// is about, and who wrote that post. Shared by both sites; each site brings a
// label table (en + es) and its post containers. Matches on roles, accessible
// names (see controlNames in ./labels) and URL patterns only, never class names. Pure: reads, never writes.
import {
  type Bilingual,
  type LabelTable,
  bothLanguages,
  closestComposed,
  controlAt,
  controlNames,
  normalizeLabel,
  parentOf,
  shortText,
} from './labels';
import type { PageKind, PostActionKind, PostActionMatch, PostInfo, ProfileKey } from './types';

/** What a site adapter lends the post readers: its URL readers. */
export interface PostPage {
  profileKeyFromUrl(url: URL): ProfileKey | null;
  pageKind(url: URL): PageKind;
}

export interface PostSite {
  /** Normalized whole label (aria-label, visible text or icon label) -> kind. */
  readonly labels: Readonly<Record<string, PostActionKind>>;
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

/** Normalized label -> kind, for lookups. */
export function postLabelIndex(table: PostLabels): Readonly<Record<string, PostActionKind>> {
  const index: Record<string, PostActionKind> = {};
  for (const [kind, labels] of Object.entries(table) as [PostActionKind, Bilingual][]) {
    for (const label of bothLanguages(labels)) index[normalizeLabel(label)] = kind;
  }
  return index;
}

const MAIN = '[role="main"], main';
const OPEN_MENU = '[aria-haspopup="menu"][aria-expanded="true"]';
const MAX_KEYS = 4;
const MAX_NAME = 200;
const MAX_LINKS = 60;

// React and comment exist only on a post: a "Like" outside one (a Page's Like
// button) is something else. The rest still count without a known post.
const NEEDS_POST: ReadonlySet<PostActionKind> = new Set(['react', 'comment']);

function plain(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).trim();
}

/** The kind a control's accessible name says (see controlNames: Instagram's icon-only bar included). */
function controlKind(site: PostSite, control: Element): PostActionKind | null {
  for (const name of controlNames(control)) {
    const kind = site.labels[normalizeLabel(name)];
    if (kind) return kind;
  }
  return null;
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
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#') || /^\s*javascript:/i.test(href)) return null;
  try {
    return page.profileKeyFromUrl(new URL(href, base));
  } catch {
    return null;
  }
}

// A link's name: its aria-label, its text, or the label of the picture it wraps.
function linkLabel(link: Element): string {
  const aria = plain(link.getAttribute('aria-label'));
  if (aria !== '') return aria;
  const text = plain(shortText(link, MAX_NAME));
  if (text !== '') return text;
  return plain(link.querySelector('[role="img"][aria-label]')?.getAttribute('aria-label'));
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
    name = linkLabel(author) || null;
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
      const label = linkLabel(link);
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

// Facebook: drop the tracking parameters (__cft__[0], __tn__) and the hash.
function facebookCanonical(url: URL): string {
  const out = new URL(url.href);
  out.hash = '';
  for (const k of Array.from(out.searchParams.keys())) {
    if (k.startsWith('__') || k === 'comment_id') out.searchParams.delete(k);
  }
  return out.href;
}

// Instagram: /p/<code>/ (or /reel/, /tv/, /<user>/p/<code>/) without sub-pages
// (liked_by/, comments/) or query. Codes are case-sensitive: the path is not lower-cased.
function instagramCanonical(url: URL): string {
  const segs = url.pathname.split('/').filter((s) => s !== '');
  const n = ['p', 'reel', 'reels', 'tv'].includes(segs[0] ?? '') ? 2 : 3;
  return `${url.origin}/${segs.slice(0, n).join('/')}/`;
}

/**
 * Facebook's post action labels. Sources: SELECTORS.md rows (dates there); "inferred" =
 * from the Clearline brief (2026-11), not yet seen in a capture.
 */
const FACEBOOK_POST_LABELS = {
  share: {
    en: [
      // Share (Comet current), public code 2024-26
      'Send this to friends or post it on your profile.',
      // Share (Comet gen-1) ~2021-22; Share (classic) title, 2018-04
      'Send this to friends or post it on your timeline.',
      // Share (classic) and (m.facebook) visible text, 2018-04 / 2021-06
      'Share',
    ],
    es: ['Compartir', 'Envía esto a tus amigos o publícalo en tu perfil.'], // inferred
  },
  send: { en: ['Send in Messenger'], es: ['Enviar con Messenger'] }, // inferred
  // inferred (menu item of "Actions for this post")
  'copy-link': { en: ['Copy link'], es: ['Copiar enlace'] },
  save: { en: ['Save post'], es: ['Guardar publicación'] }, // inferred (same menu)
  comment: {
    en: [
      'Leave a comment', // inferred (Comet comment button)
      'Comment', // Feed post (m.facebook) footer text, 2021-06
    ],
    es: ['Comentar'], // inferred
  },
  react: {
    en: ['Like'], // Like page div[aria-label="Like"] 2024-05; m.facebook footer 2021-06
    es: ['Me gusta'], // inferred
  },
} as const satisfies PostLabels;

/**
 * Instagram's post action labels. Source: SELECTORS.md "Post action bar" (svg aria-labels,
 * brocc 2025-04-09); Spanish and "Copy link" inferred. The paper-plane "Share" opens the
 * share sheet (send in Direct, add to story, copy link): it is 'share', like Facebook's Share,
 * which also offers "Send in Messenger".
 */
const INSTAGRAM_POST_LABELS = {
  share: { en: ['Share'], es: ['Compartir'] },
  'copy-link': { en: ['Copy link'], es: ['Copiar enlace'] }, // "..." menu
  save: { en: ['Save'], es: ['Guardar'] },
  comment: { en: ['Comment'], es: ['Comentar'] },
  react: { en: ['Like'], es: ['Me gusta'] },
} as const satisfies PostLabels;

/** Both sites' post label tables, for the completeness test. */
export const POST_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  facebookPosts: FACEBOOK_POST_LABELS,
  instagramPosts: INSTAGRAM_POST_LABELS,
};

export const FACEBOOK_POSTS: PostSite = {
  labels: postLabelIndex(FACEBOOK_POST_LABELS),
  // Feed post (FB Purity 2022-04/2025-02); the permalink's post without aria-posinset (assumption).
  posts: ['div[aria-posinset]', 'div[aria-labelledby][aria-describedby]:not([role])'],
  // Feed post (classic) role=article 2016-18 and (m.facebook) <article> 2021-06; comments nest inside.
  outermost: '[role="article"], article',
  comment: '[role="article"]',
  mainIsPost: false,
  // Post author / text (Comet), public code 2024-26
  author: '[data-ad-rendering-role="profile_name"] a[href]',
  byline: 'h2 a, h3 a, h4 a, h5 a, strong a',
  canonical: facebookCanonical,
};

/** Instagram's post readers. */
export const INSTAGRAM_POSTS: PostSite = {
  labels: postLabelIndex(INSTAGRAM_POST_LABELS),
  posts: ['article'],
  outermost: 'article',
  // Comment rows are list items under the post (real/instagram/ig-home-feed_2025-04.html).
  comment: 'li',
  mainIsPost: true,
  author: null,
  byline: 'header a',
  canonical: instagramCanonical,
};
