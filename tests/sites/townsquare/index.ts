// The Town Square adapter: its parts put together as one SiteAdapter.
import { actionAt, profileFor } from '../../../lib/sites/engine/actions';
import type { LabelTable } from '../../../lib/sites/engine/labels';
import { postActionAt, postAt, postInfo, type PostPage } from '../../../lib/sites/engine/posts';
import type { SiteAdapter, SiteId } from '../../../lib/sites/types';
import { ACTION_LABELS, COMPOSER, TOWNSQUARE_ACTIONS, isMessageComposer } from './actions';
import { readTownSquareAudit } from './audit';
import { TOWNSQUARE_POST_LABELS, TOWNSQUARE_POSTS } from './posts';
import { OTHER, OWN, profileOwner } from './profile-owner';
import { townsquareSite } from './site';
import { detectors, isTownSquareUrl, pageKind, profileKeyFromUrl } from './urls';

const TOWNSQUARE_PAGES: PostPage = { profileKeyFromUrl, pageKind };

export const TOWNSQUARE_LABEL_TABLES: Readonly<Record<string, LabelTable>> = {
  controls: { own: OWN, other: OTHER, composer: COMPOSER },
  actions: ACTION_LABELS,
  posts: TOWNSQUARE_POST_LABELS,
};

export const townsquare: SiteAdapter = {
  // Not a coach's site, so not in SiteId's type: the registry lists it in a test build.
  id: townsquareSite.id as string as SiteId,
  isSiteUrl: isTownSquareUrl,
  detectors,
  pageKind,
  profileKeyFromUrl,
  profileOwner,
  actionAt: (target) => actionAt(TOWNSQUARE_ACTIONS, target),
  profileFor: (match, pageUrl) => profileFor(TOWNSQUARE_ACTIONS, match, pageUrl),
  isMessageComposer,
  readAudit: readTownSquareAudit,
  postActionAt: (target) => postActionAt(TOWNSQUARE_POSTS, TOWNSQUARE_PAGES, target),
  postAt: (node) => postAt(TOWNSQUARE_POSTS, TOWNSQUARE_PAGES, node),
  postInfo: (post, pageUrl) => postInfo(TOWNSQUARE_POSTS, TOWNSQUARE_PAGES, post, pageUrl),
};
