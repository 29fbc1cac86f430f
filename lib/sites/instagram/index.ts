// The Instagram adapter: the site's parts (addresses, profile owner, covered
// actions, posts, privacy reader) put together as one SiteAdapter. Pure; bundled
// into the Instagram content script.
import { actionAt, profileFor } from '../engine/actions';
import { INSTAGRAM_BAR } from './action-bar';
import type { LabelTable } from '../engine/labels';
import { postActionAt, postAt, postInfo, type PostPage } from '../engine/posts';
import type { SiteAdapter } from '../types';
import { ACTION_LABELS, COMPOSER, INSTAGRAM_ACTIONS, isMessageComposer } from './actions';
import { readInstagramAudit } from './audit';
import { INSTAGRAM_POST_LABELS, INSTAGRAM_POSTS } from './posts';
import { OTHER, OWN, profileOwner } from './profile-owner';
import { detectors, isInstagramUrl, pageKind, profileKeyFromUrl } from './urls';

export { isUsernameSegment } from './urls';
export { isMessageComposer } from './actions';

const INSTAGRAM_PAGES: PostPage = { profileKeyFromUrl, pageKind };

/** Every label table of the Instagram adapter, for the completeness test. */
export const INSTAGRAM_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  controls: { own: OWN, other: OTHER, composer: COMPOSER },
  actions: ACTION_LABELS,
  posts: INSTAGRAM_POST_LABELS,
};

export const instagram: SiteAdapter = {
  id: 'instagram',
  isSiteUrl: isInstagramUrl,
  detectors,
  pageKind,
  profileKeyFromUrl,
  profileOwner,
  actionAt: (target) => actionAt(INSTAGRAM_ACTIONS, target),
  profileFor: (match, pageUrl) => profileFor(INSTAGRAM_ACTIONS, match, pageUrl),
  isMessageComposer,
  actionBar: INSTAGRAM_BAR,
  readAudit: readInstagramAudit,
  postActionAt: (target) => postActionAt(INSTAGRAM_POSTS, INSTAGRAM_PAGES, target),
  postAt: (node) => postAt(INSTAGRAM_POSTS, INSTAGRAM_PAGES, node),
  postInfo: (post, pageUrl) => postInfo(INSTAGRAM_POSTS, INSTAGRAM_PAGES, post, pageUrl),
};
