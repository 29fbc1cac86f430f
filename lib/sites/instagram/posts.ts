// Instagram's posts, for the observed-post reminder: the post action labels, the
// post containers and the stable form of a post's address.
import { labelIndex } from '../engine/labels';
import type { PostLabels, PostSite } from '../engine/posts';

// Instagram: /p/<code>/ (or /reel/, /tv/, /<user>/p/<code>/) without sub-pages
// (liked_by/, comments/) or query. Codes are case-sensitive: the path is not lower-cased.
function instagramCanonical(url: URL): string {
  const segs = url.pathname.split('/').filter((s) => s !== '');
  const n = ['p', 'reel', 'reels', 'tv'].includes(segs[0] ?? '') ? 2 : 3;
  return `${url.origin}/${segs.slice(0, n).join('/')}/`;
}

/**
 * Instagram's post action labels. Source: SELECTORS.md "Post action bar" (svg aria-labels,
 * brocc 2025-04-09); "Share Post" / "Compartir publicación" issue 16 (feed and post dialog,
 * real pages 2022-26); other Spanish and "Copy link" inferred. The paper-plane "Share" opens the
 * share sheet (send in Direct, add to story, copy link): it is 'share', like Facebook's Share,
 * which also offers "Send in Messenger".
 */
export const INSTAGRAM_POST_LABELS = {
  share: {
    // "Share Post" / "Compartir publicación": issue 16, the paper plane's svg aria-label (home
    // feed, post dialog), real pages saved 2022-26. "Share …" / "Compartir …": any longer
    // form with the share verb first, inferred (Instagram has no "Share now" button).
    en: ['Share', 'Share Post', 'Share …'],
    es: ['Compartir', 'Compartir publicación', 'Compartir …'],
  },
  'copy-link': { en: ['Copy link'], es: ['Copiar enlace'] }, // "..." menu
  save: { en: ['Save'], es: ['Guardar'] },
  comment: { en: ['Comment'], es: ['Comentar'] },
  react: { en: ['Like'], es: ['Me gusta'] },
} as const satisfies PostLabels;

/** Instagram's post readers. */
export const INSTAGRAM_POSTS: PostSite = {
  labels: labelIndex(INSTAGRAM_POST_LABELS),
  posts: ['article'],
  outermost: 'article',
  // Comment rows are list items under the post (real/instagram/ig-home-feed_2025-04.html).
  comment: 'li',
  mainIsPost: true,
  author: null,
  byline: 'header a',
  canonical: instagramCanonical,
};
