import type { MessageKey } from './i18n';
import type { PageKind, SiteId } from './sites/types';

export const PAGE_KIND_WORDS: Record<PageKind, MessageKey> = {
  home: 'pageKindHome',
  profile: 'pageKindProfile',
  settings: 'pageKindSettings',
  post: 'pageKindPost',
  messages: 'pageKindMessages',
  search: 'pageKindSearch',
  'friend-requests': 'pageKindFriendRequests',
  other: 'pageKindOther',
};

export const SITE_WORDS: Record<SiteId, MessageKey> = {
  facebook: 'siteFacebook',
  instagram: 'siteInstagram',
};
