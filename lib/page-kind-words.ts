import type { MessageKey } from './i18n';
import { perSite, type SiteId } from './sites/registry';
import type { PageKind } from './sites/types';

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

// A site's name is the message `site<Id>`: siteFacebook, siteInstagram.
export const SITE_WORDS: Record<SiteId, MessageKey> = perSite(
  (id) => `site${id.charAt(0).toUpperCase()}${id.slice(1)}` as `site${Capitalize<SiteId>}`,
);
