// Facebook's posts, for the observed-post reminder: the post action labels, the
// post containers and the stable form of a post's address.
import { labelIndex } from '../engine/labels';
import type { PostLabels, PostSite } from '../engine/posts';

// Facebook: drop the tracking parameters (__cft__[0], __tn__) and the hash.
function facebookCanonical(url: URL): string {
  const out = new URL(url.href);
  out.hash = '';
  for (const k of Array.from(out.searchParams.keys())) {
    if (k.startsWith('__') || k === 'comment_id') out.searchParams.delete(k);
  }
  return out.href;
}

/**
 * Facebook's post action labels. Each comment names the page kind it was seen on and when:
 * SELECTORS.md rows (dates there) and issue 16 (real pages saved 2022-26); "inferred" = from
 * the Clearline brief (2026-11), not yet seen in a capture.
 */
export const FACEBOOK_POST_LABELS = {
  share: {
    en: [
      // "Share (Comet current)": feed post, public code 2024-26
      'Send this to friends or post it on your profile.',
      // "Share (Comet gen-1)": feed post ~2021-22; "Share (classic)" title: feed post 2018-04
      'Send this to friends or post it on your timeline.',
      // Every generation of that sentence ("timeline", "profile", the next one): a pattern
      // over the two above (feed post, permalink); the next generation's word is inferred
      'Send this to friends or post it on your …',
      // "Share (classic)" and "Share (m.facebook)" visible text: feed post 2018-04 / 2021-06
      'Share',
      // No "Share …" here: "Share now (Public)" is the share sheet's own button, after the reminder.
    ],
    es: [
      'Compartir', // inferred (feed post, visible text)
      // issue 16: aria-label of a post's Share, feed post and photo viewer, real Spanish pages
      // saved 2022-26 (the issue gives no finer date)
      'Enviar esto a tus amigos o publicarlo en tu biografía',
      'Envía esto a tus amigos o publícalo en tu perfil.', // inferred (feed post; public scripts)
      // Every generation of both sentences ("biografía", "perfil"): patterns, inferred from the
      // English "timeline" / "profile" generations
      'Enviar esto a tus amigos o publicarlo en tu …',
      'Envía esto a tus amigos o publícalo en tu …',
    ],
  },
  // inferred (the share sheet a Share opens)
  send: { en: ['Send in Messenger'], es: ['Enviar con Messenger'] },
  // inferred (menu item of "Actions for this post", feed post and permalink)
  'copy-link': { en: ['Copy link'], es: ['Copiar enlace'] },
  save: { en: ['Save post'], es: ['Guardar publicación'] }, // inferred (same menu)
  comment: {
    en: [
      'Leave a comment', // inferred (Comet comment button, feed post)
      'Comment', // "Feed post (m.facebook)" footer text: feed post 2021-06
    ],
    es: ['Comentar'], // inferred (feed post)
  },
  react: {
    // "Like page" div[aria-label="Like"]: a Page 2024-05; "Feed post (m.facebook)" footer:
    // feed post 2021-06
    en: ['Like'],
    es: ['Me gusta'], // inferred (feed post)
  },
} as const satisfies PostLabels;

export const FACEBOOK_POSTS: PostSite = {
  labels: labelIndex(FACEBOOK_POST_LABELS),
  // "Feed post" div[aria-posinset]: home feed, FB Purity 2022-04 / 2025-02. The permalink's
  // post without aria-posinset: inferred (practice post.html). A post dialog, a photo or video
  // viewer's panel and a permalink with neither are found by the engine (issue 16: a photo
  // viewer's Share has no [role=article] or [aria-posinset] around it, real pages 2022-26).
  posts: ['div[aria-posinset]', 'div[aria-labelledby][aria-describedby]:not([role])'],
  // "Feed post (classic)" role=article: feed post 2016-18; "Feed post (m.facebook)" <article>:
  // feed post 2021-06. Comments nest inside.
  outermost: '[role="article"], article',
  // Comments as role=article: classic feed post 2016-10 (tracking-exposed fixture); Comet's
  // div[role=article][aria-label="Comment by …"] under a post: inferred.
  comment: '[role="article"]',
  mainIsPost: false,
  // "Post author / text (Comet)" [data-ad-rendering-role="profile_name"]: feed post, public
  // code 2024-26
  author: '[data-ad-rendering-role="profile_name"] a[href]',
  // Classic h5 a / strong a: feed post 2016-18 (propublica, tracking-exposed fixtures); the
  // h2 header link of a photo viewer or post dialog: inferred (issue 16's description).
  byline: 'h2 a, h3 a, h4 a, h5 a, strong a',
  canonical: facebookCanonical,
};
