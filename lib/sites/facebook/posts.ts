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
 * Facebook's post action labels. Sources: SELECTORS.md rows (dates there); "inferred" =
 * from the Clearline brief (2026-11), not yet seen in a capture.
 */
export const FACEBOOK_POST_LABELS = {
  share: {
    en: [
      // Share (Comet current), public code 2024-26
      'Send this to friends or post it on your profile.',
      // Share (Comet gen-1) ~2021-22; Share (classic) title, 2018-04
      'Send this to friends or post it on your timeline.',
      // Every generation of that sentence ("timeline", "profile", the next one); the two
      // above are its observed forms (feed post, permalink)
      'Send this to friends or post it on your …',
      // Share (classic) and (m.facebook) visible text, 2018-04 / 2021-06
      'Share',
      // No "Share …" here: "Share now (Public)" is the share sheet's own button, after the reminder.
    ],
    es: [
      'Compartir', // inferred
      // issue 16: aria-label of a post's Share (feed post, photo viewer), real Spanish pages
      // saved 2022-26 (the issue gives no finer date)
      'Enviar esto a tus amigos o publicarlo en tu biografía',
      'Envía esto a tus amigos o publícalo en tu perfil.', // inferred
      // Every generation of both sentences ("biografía", "perfil"): patterns, inferred from the
      // English "timeline" / "profile" generations
      'Enviar esto a tus amigos o publicarlo en tu …',
      'Envía esto a tus amigos o publícalo en tu …',
    ],
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

export const FACEBOOK_POSTS: PostSite = {
  labels: labelIndex(FACEBOOK_POST_LABELS),
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
