// The Facebook adapter: the site's parts (addresses, profile owner, covered
// actions, posts, privacy reader) put together as one SiteAdapter. Pure; bundled
// into the Facebook content script.
import { actionAt, profileFor } from '../engine/actions';
import { FACEBOOK_BAR } from './action-bar';
import type { LabelTable } from '../engine/labels';
import { postActionAt, postAt, postInfo, type PostPage } from '../engine/posts';
import type { SiteAdapter } from '../types';
import { ACTION_LABELS, COMPOSER, FACEBOOK_ACTIONS, isMessageComposer } from './actions';
import { readFacebookAudit } from './audit';
import { FACEBOOK_POST_LABELS, FACEBOOK_POSTS } from './posts';
import { OTHER, OWN, profileOwner } from './profile-owner';
import { detectors, isFacebookUrl, pageKind, profileKeyFromUrl } from './urls';

export { isProfileSegment } from './urls';
export { isMessageComposer } from './actions';

const FACEBOOK_PAGES: PostPage = { profileKeyFromUrl, pageKind };

/** Every label table of the Facebook adapter, for the completeness test. */
export const FACEBOOK_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  controls: { own: OWN, other: OTHER, composer: COMPOSER },
  actions: ACTION_LABELS,
  posts: FACEBOOK_POST_LABELS,
};

export const facebook: SiteAdapter = {
  id: 'facebook',
  isSiteUrl: isFacebookUrl,
  detectors,
  pageKind,
  profileKeyFromUrl,
  profileOwner,
  actionAt: (target) => actionAt(FACEBOOK_ACTIONS, target),
  profileFor: (match, pageUrl) => profileFor(FACEBOOK_ACTIONS, match, pageUrl),
  isMessageComposer,
  actionBar: FACEBOOK_BAR,
  readAudit: readFacebookAudit,
  postActionAt: (target) => postActionAt(FACEBOOK_POSTS, FACEBOOK_PAGES, target),
  postAt: (node) => postAt(FACEBOOK_POSTS, FACEBOOK_PAGES, node),
  postInfo: (post, pageUrl) => postInfo(FACEBOOK_POSTS, FACEBOOK_PAGES, post, pageUrl),
};
