// Town Square's posts: an <article> with the author's link in its <header>.
import { labelIndex } from '../../../lib/sites/engine/labels';
import type { PostLabels, PostSite } from '../../../lib/sites/engine/posts';

export const TOWNSQUARE_POST_LABELS = {
  share: { en: ['Share'], es: ['Compartir'] },
  react: { en: ['Like'], es: ['Me gusta'] },
} as const satisfies PostLabels;

export const TOWNSQUARE_POSTS: PostSite = {
  labels: labelIndex(TOWNSQUARE_POST_LABELS),
  posts: ['article'],
  outermost: 'article',
  comment: 'li',
  mainIsPost: true,
  author: null,
  byline: 'header a',
  canonical: (url) => `${url.origin}${url.pathname}`,
};
