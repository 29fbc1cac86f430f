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
 * Instagram's post action labels. Each comment names the page kind it was seen on and when:
 * SELECTORS.md "Post action bar" (svg aria-labels, brocc 2025-04-09) and issue 16 (real pages
 * saved 2022-26); "inferred" = from the Clearline brief (2026-11), not yet seen in a capture.
 * The paper-plane "Share" opens the share sheet (send in Direct, add to story, copy link): it
 * is 'share', like Facebook's Share, which also offers "Send in Messenger".
 */
export const INSTAGRAM_POST_LABELS = {
  share: {
    // "Share": home feed, brocc 2025-04-09. "Share Post" / "Compartir publicación": issue 16,
    // the paper plane's svg aria-label, home feed and post dialog, real pages saved 2022-26.
    // "Share …" / "Compartir …": any longer form with the share verb first, inferred
    // (Instagram has no "Share now" button). "Compartir": inferred (home feed).
    en: ['Share', 'Share Post', 'Share …'],
    es: ['Compartir', 'Compartir publicación', 'Compartir …'],
  },
  // inferred, both languages (the "More options" list of a post)
  'copy-link': { en: ['Copy link'], es: ['Copiar enlace'] },
  // en: home feed, brocc 2025-04-09; es: inferred (home feed)
  save: { en: ['Save'], es: ['Guardar'] },
  comment: { en: ['Comment'], es: ['Comentar'] }, // same
  react: { en: ['Like'], es: ['Me gusta'] }, // same
} as const satisfies PostLabels;

/** Instagram's post readers. */
export const INSTAGRAM_POSTS: PostSite = {
  labels: labelIndex(INSTAGRAM_POST_LABELS),
  // "Post action bar": posts are <article>, home feed, brocc 2025-04-09. A post dialog and a
  // reel's page have none (inferred, issue 16's description): the engine finds their panel.
  posts: ['article'],
  outermost: 'article',
  // Comment rows are list items under the post: home feed 2025-04
  // (real/instagram/ig-home-feed_2025-04.html); in a post dialog: inferred.
  comment: 'li',
  // A permalink page without an article: its main region is the post (inferred).
  mainIsPost: true,
  // A post opened from a profile: /p/<code>/ with the profile underneath (issue 16's
  // description of real pages, 2022-26).
  pageUnderDialog: true,
  author: null,
  // An older post header (<header> around the author link): inferred.
  byline: 'header a',
  canonical: instagramCanonical,
};
