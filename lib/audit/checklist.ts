// The self-audit checklist, one entry per item: a stable id, why it matters (a
// client-word message key, since some name the people served; citing the toolkit or a code), the recommended value (message
// key), the exact settings page, and how it is checked.
//  page:        a settings page reader (lib/sites/*-audit.ts) reads the value
//  own-profile: counted on the coach's own profile (public posts)
//  manual:      no page shows it in a readable way; the coach confirms by hand
import type { MessageKey } from '../i18n';
import type { SiteId } from '../sites/types';

export type CheckMethod = 'page' | 'own-profile' | 'manual';

export interface AuditItem {
  id: string;
  platform: SiteId;
  title: MessageKey;
  why: MessageKey;
  recommended: MessageKey;
  link: string;
  check: CheckMethod;
}

const FB = 'https://www.facebook.com';
const IG = 'https://www.instagram.com';

export const AUDIT_ITEMS: readonly AuditItem[] = [
  {
    id: 'fb.futurePosts',
    platform: 'facebook',
    title: 'auditFbFuturePosts',
    why: 'auditWhyPostsVisible',
    recommended: 'auditRecFriendsOrLess',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.limitPastPosts',
    platform: 'facebook',
    title: 'auditFbLimitPastPosts',
    why: 'auditWhyPostsVisible',
    recommended: 'auditRecLimitPast',
    link: `${FB}/settings/?tab=privacy`,
    check: 'manual',
  },
  {
    id: 'fb.friendRequests',
    platform: 'facebook',
    title: 'auditFbFriendRequests',
    why: 'auditWhyUnwantedContact',
    recommended: 'auditRecFriendsOfFriends',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.friendsList',
    platform: 'facebook',
    title: 'auditFbFriendsList',
    why: 'auditWhyFriendLinks',
    recommended: 'auditRecOnlyMe',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.followingList',
    platform: 'facebook',
    title: 'auditFbFollowingList',
    why: 'auditWhyFriendLinks',
    recommended: 'auditRecOnlyMe',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.whoCanFollow',
    platform: 'facebook',
    title: 'auditFbWhoCanFollow',
    why: 'auditWhyUnwantedContact',
    recommended: 'auditRecFriends',
    link: `${FB}/settings/?tab=followers`,
    check: 'page',
  },
  {
    id: 'fb.lookupEmail',
    platform: 'facebook',
    title: 'auditFbLookupEmail',
    why: 'auditWhyFindable',
    recommended: 'auditRecFriendsOrLess',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.lookupPhone',
    platform: 'facebook',
    title: 'auditFbLookupPhone',
    why: 'auditWhyFindable',
    recommended: 'auditRecFriendsOrLess',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.searchEngines',
    platform: 'facebook',
    title: 'auditFbSearchEngines',
    why: 'auditWhyFindable',
    recommended: 'auditRecNo',
    link: `${FB}/settings/?tab=privacy`,
    check: 'page',
  },
  {
    id: 'fb.tagReview',
    platform: 'facebook',
    title: 'auditFbTagReview',
    why: 'auditWhyTags',
    recommended: 'auditRecOn',
    link: `${FB}/settings/?tab=profile_and_tagging`,
    check: 'page',
  },
  {
    id: 'fb.taggedVisibility',
    platform: 'facebook',
    title: 'auditFbTaggedVisibility',
    why: 'auditWhyTags',
    recommended: 'auditRecFriendsOrLess',
    link: `${FB}/settings/?tab=profile_and_tagging`,
    check: 'page',
  },
  {
    id: 'fb.profileLocked',
    platform: 'facebook',
    title: 'auditFbProfileLocked',
    why: 'auditWhyPostsVisible',
    recommended: 'auditRecLockedWhereAvailable',
    link: `${FB}/me`,
    check: 'manual',
  },
  {
    id: 'fb.publicPosts',
    platform: 'facebook',
    title: 'auditFbPublicPosts',
    why: 'auditWhyPostsVisible',
    recommended: 'auditRecNoPublicPosts',
    link: `${FB}/me`,
    check: 'own-profile',
  },
  {
    id: 'ig.privateAccount',
    platform: 'instagram',
    title: 'auditIgPrivateAccount',
    why: 'auditWhyPrivateAccount',
    recommended: 'auditRecOn',
    link: `${IG}/accounts/who_can_see_your_content/`,
    check: 'page',
  },
  {
    id: 'ig.activityStatus',
    platform: 'instagram',
    title: 'auditIgActivityStatus',
    why: 'auditWhyAvailability',
    recommended: 'auditRecOff',
    link: `${IG}/accounts/privacy_and_security/`,
    check: 'page',
  },
  {
    id: 'ig.storySharing',
    platform: 'instagram',
    title: 'auditIgStorySharing',
    why: 'auditWhyPostsVisible',
    recommended: 'auditRecOff',
    link: `${IG}/accounts/privacy_and_security/`,
    check: 'page',
  },
  {
    id: 'ig.tagsMentions',
    platform: 'instagram',
    title: 'auditIgTagsMentions',
    why: 'auditWhyTags',
    recommended: 'auditRecPeopleYouFollow',
    link: `${IG}/accounts/tags_and_mentions/`,
    check: 'page',
  },
  {
    id: 'ig.messageRequests',
    platform: 'instagram',
    title: 'auditIgMessageRequests',
    why: 'auditWhyUnwantedContact',
    recommended: 'auditRecMessageRequests',
    link: `${IG}/accounts/messages_and_story_replies/`,
    check: 'page',
  },
  {
    id: 'ig.accountSuggestions',
    platform: 'instagram',
    title: 'auditIgAccountSuggestions',
    why: 'auditWhyFriendLinks',
    recommended: 'auditRecOff',
    link: `${IG}/accounts/edit/`,
    check: 'page',
  },
  {
    id: 'ig.contactSyncing',
    platform: 'instagram',
    title: 'auditIgContactSyncing',
    why: 'auditWhyFriendLinks',
    recommended: 'auditRecOff',
    link: `${IG}/accounts/contact_history/`,
    check: 'manual',
  },
];

export const AUDIT_ITEM_IDS = new Set(AUDIT_ITEMS.map((i) => i.id));

export function itemsFor(platform: SiteId): AuditItem[] {
  return AUDIT_ITEMS.filter((i) => i.platform === platform);
}

/** The settings pages of a platform, in walk order, each once. */
export function settingsPages(platform: SiteId): string[] {
  return [...new Set(itemsFor(platform).map((i) => i.link))];
}
