// Sample URLs per site with the page kind and profile key each must give. Shapes
// are the ones the sites use (2024-2026); ids and usernames are made up.
// Every URL is run through every detector of both adapters.
import type { PageKind, ProfileKey } from '../../../lib/sites/types';

export interface UrlCase {
  readonly url: string;
  readonly kind: PageKind;
  readonly key: ProfileKey | null;
}

function c(url: string, kind: PageKind, key: ProfileKey | null = null): UrlCase {
  return { url, kind, key };
}

const FB = 'https://www.facebook.com';
const ID = '100012345678901';

export const FACEBOOK_URLS: readonly UrlCase[] = [
  // home
  c(`${FB}/`, 'home'),
  c(`${FB}/?sk=h_chr`, 'home'),
  c(`${FB}/home.php?ref=logo`, 'home'),
  c('https://m.facebook.com/', 'home'),
  c('https://web.facebook.com/#', 'home'),

  // profile: username, case, trailing slash, query, fragment, encoding, hosts
  c(`${FB}/jane.doe`, 'profile', 'fb:jane.doe'),
  c(`${FB}/Jane.Doe/`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe?ref=bookmarks`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/?__tn__=-UC*F#posts`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane%2Edoe`, 'profile', 'fb:jane.doe'),
  c(`${FB}//jane.doe//`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/about`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/about_contact_and_basic_info`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/friends`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/friends_mutual`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/photos`, 'profile', 'fb:jane.doe'),
  c(`${FB}/jane.doe/videos/`, 'profile', 'fb:jane.doe'),
  c('https://m.facebook.com/jane.doe', 'profile', 'fb:jane.doe'),
  c('https://web.facebook.com/JaneDoe1985?_rdc=1&_rdr', 'profile', 'fb:janedoe1985'),
  // profile: numeric ids
  c(`${FB}/profile.php?id=${ID}`, 'profile', `fb:id:${ID}`),
  c(`${FB}/profile.php?id=${ID}&sk=about`, 'profile', `fb:id:${ID}`),
  c(`https://m.facebook.com/profile.php?id=${ID}&refid=18`, 'profile', `fb:id:${ID}`),
  c(`${FB}/people/Jane-Doe/${ID}/`, 'profile', `fb:id:${ID}`),
  c(`${FB}/people/Jos%C3%A9-P%C3%A9rez/${ID}/?sk=friends`, 'profile', `fb:id:${ID}`),
  c(`${FB}/${ID}`, 'profile', `fb:id:${ID}`),
  c(`${FB}/groups/recoverycircle/user/${ID}/`, 'profile', `fb:id:${ID}`),
  // profile whose owner the URL does not say: the coach's own (redirects)
  c(`${FB}/me/`, 'profile'),
  c(`${FB}/profile.php`, 'profile'),
  c(`${FB}/profile.php?id=jane.doe`, 'profile'),

  // settings
  c(`${FB}/settings`, 'settings'),
  c(`${FB}/settings/?tab=privacy`, 'settings'),
  c(`${FB}/settings?tab=how_people_find_and_contact_you`, 'settings'),
  c(`${FB}/privacy/checkup/?source=settings`, 'settings'),
  c(`${FB}/privacy/review/`, 'settings'),
  c('https://m.facebook.com/settings/', 'settings'),
  c('https://m.facebook.com/privacy/touch/basic/', 'settings'),

  // post: permalinks of every kind; the author is the key when the URL names one
  c(`${FB}/jane.doe/posts/pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz123`, 'post', 'fb:jane.doe'),
  c(`${FB}/Jane.Doe/posts/1234567890123456/?comment_id=42`, 'post', 'fb:jane.doe'),
  c(`${FB}/${ID}/posts/1234567890123456/`, 'post', `fb:id:${ID}`),
  c(`${FB}/permalink.php?story_fbid=pfbid0abc&id=${ID}`, 'post', `fb:id:${ID}`),
  c(`https://m.facebook.com/story.php?story_fbid=1234567890&id=${ID}`, 'post', `fb:id:${ID}`),
  c(`${FB}/photo/?fbid=1234567890&set=a.987654321`, 'post'),
  c(`${FB}/photo.php?fbid=1234567890&set=a.987654321&type=3`, 'post'),
  c(`${FB}/jane.doe/photos/a.987654321/1234567890/`, 'post', 'fb:jane.doe'),
  c(`${FB}/jane.doe/videos/1234567890123456/`, 'post', 'fb:jane.doe'),
  c(`${FB}/watch/?v=1234567890123456`, 'post'),
  c(`${FB}/watch?v=1234567890123456&ref=sharing`, 'post'),
  c(`${FB}/reel/1234567890123456`, 'post'),
  c(`${FB}/groups/recoverycircle/posts/1234567890123456/`, 'post'),
  c(`${FB}/groups/123456789/permalink/1234567890123456/`, 'post'),
  c(`${FB}/share/p/1AbCdEfGh2/`, 'post'),
  c(`${FB}/share/v/1AbCdEfGh2/`, 'post'),

  // messages
  c(`${FB}/messages/`, 'messages'),
  c(`${FB}/messages/t/${ID}`, 'messages'),
  c(`${FB}/messages/e2ee/t/7312345678901234/`, 'messages'),
  c('https://m.facebook.com/messages/read/?tid=cid.c.123', 'messages'),

  // search
  c(`${FB}/search/top?q=jane%20doe`, 'search'),
  c(`${FB}/search/people/?q=jane%20doe`, 'search'),
  c('https://m.facebook.com/search/top/?q=jane', 'search'),

  // friend requests and suggestions; a profile opened beside a request has a key
  c(`${FB}/friends`, 'friend-requests'),
  c(`${FB}/friends/requests`, 'friend-requests'),
  c(`${FB}/friends/requests/?profile_id=${ID}`, 'friend-requests', `fb:id:${ID}`),
  c(`${FB}/friends/suggestions/`, 'friend-requests'),
  c('https://m.facebook.com/friends/center/requests/', 'friend-requests'),

  // other: features whose first segment would pass as a username, and other pages
  c(`${FB}/friends/list`, 'other'),
  c(`${FB}/watch/`, 'other'),
  c(`${FB}/marketplace/item/1234567890/`, 'other'),
  c(`${FB}/groups/recoverycircle/`, 'other'),
  c(`${FB}/events/1234567890/`, 'other'),
  c(`${FB}/gaming/`, 'other'),
  c(`${FB}/pages/Some-Page/1234567890`, 'other'),
  c(`${FB}/notifications`, 'other'),
  c(`${FB}/bookmarks/`, 'other'),
  c(`${FB}/saved/`, 'other'),
  c(`${FB}/memories/`, 'other'),
  c(`${FB}/reels/`, 'other'),
  c(`${FB}/stories/1234567890/UzpfSTEwMDA/`, 'other'),
  c(`${FB}/hashtag/recovery`, 'other'),
  c(`${FB}/login/?next=%2Fjane.doe`, 'other'),
  c(`${FB}/recover/initiate/`, 'other'),
  c(`${FB}/business/help`, 'other'),
  c(`${FB}/policies/`, 'other'),
  c(`${FB}/privacy/policy/`, 'other'),
  c(`${FB}/fundraisers/`, 'other'),
  c(`${FB}/live/`, 'other'),
  c(`${FB}/feed/`, 'other'),
  c(`${FB}/share/1AbCdEfGh2/`, 'other'),
  c(`${FB}/sharer.php?u=https%3A%2F%2Fexample.org`, 'other'),
  c(`${FB}/sharer/sharer.php?u=https%3A%2F%2Fexample.org`, 'other'),
  c(`${FB}/dialog/feed?app_id=1`, 'other'),
  c(`${FB}/plugins/post.php?href=x`, 'other'),
  c(`${FB}/l.php?u=https%3A%2F%2Fexample.org`, 'other'),
  c(`${FB}/permalink.php?id=${ID}`, 'other', `fb:id:${ID}`),
  c(`${FB}/photo.php`, 'other'),
  c(`${FB}/help/123456`, 'other'),
  c(`${FB}/jdoe`, 'other'), // 4 characters: too short for a username
  c(`${FB}/jane-doe`, 'other'), // hyphen: not a username character
  c(`${FB}/j%C3%A1ne.doe`, 'other'),
];

const IG = 'https://www.instagram.com';

export const INSTAGRAM_URLS: readonly UrlCase[] = [
  // home
  c(`${IG}/`, 'home'),
  c(`${IG}/?variant=following`, 'home'),
  c(`${IG}/#`, 'home'),

  // profile and its tabs
  c(`${IG}/jane_doe/`, 'profile', 'ig:jane_doe'),
  c(`${IG}/Jane_Doe`, 'profile', 'ig:jane_doe'),
  c(`${IG}/jane.doe/?hl=es`, 'profile', 'ig:jane.doe'),
  c(`${IG}/jane_doe/?igsh=MWx2b2ZzZ3Rn#`, 'profile', 'ig:jane_doe'),
  c(`${IG}/jane%5Fdoe/`, 'profile', 'ig:jane_doe'),
  c(`${IG}/j/`, 'profile', 'ig:j'),
  c(`${IG}/jane_doe/tagged/`, 'profile', 'ig:jane_doe'),
  c(`${IG}/jane_doe/reels/`, 'profile', 'ig:jane_doe'),
  c(`${IG}/jane_doe/followers/`, 'profile', 'ig:jane_doe'),
  c(`${IG}/jane_doe/followers/mutualOnly`, 'profile', 'ig:jane_doe'),
  c(`${IG}/jane_doe/following/`, 'profile', 'ig:jane_doe'),

  // settings
  c(`${IG}/accounts/edit/`, 'settings'),
  c(`${IG}/accounts/privacy_and_security/`, 'settings'),
  c(`${IG}/accounts/who_can_see_your_content/`, 'settings'),
  c(`${IG}/accounts/settings/v2/`, 'settings'),
  c(`${IG}/accounts/blocked_accounts/`, 'settings'),
  c(`${IG}/accounts/close_friends/`, 'settings'),

  // post: the author is the key when the URL names one
  c(`${IG}/p/C1a2B3c4D5e/`, 'post'),
  c(`${IG}/p/C1a2B3c4D5e/?img_index=2&igsh=abc`, 'post'),
  c(`${IG}/reel/C9xYz-AbCd_/`, 'post'),
  c(`${IG}/reels/C9xYz-AbCd_/`, 'post'),
  c(`${IG}/tv/B7aBcDeFgHi/`, 'post'),
  c(`${IG}/jane_doe/p/C1a2B3c4D5e/`, 'post', 'ig:jane_doe'),
  c(`${IG}/Jane_Doe/reel/C9xYz-AbCd_/`, 'post', 'ig:jane_doe'),

  // messages
  c(`${IG}/direct/inbox/`, 'messages'),
  c(`${IG}/direct/t/340282366841710300949128123456789/`, 'messages'),
  c(`${IG}/direct/requests/`, 'messages'),

  // search
  c(`${IG}/explore/search/`, 'search'),
  c(`${IG}/explore/search/keyword/?q=recovery`, 'search'),

  // follow requests and suggestions
  c(`${IG}/accounts/activity/`, 'friend-requests'),
  c(`${IG}/accounts/activity/?followRequests=1`, 'friend-requests'),
  c(`${IG}/explore/people/`, 'friend-requests'),

  // other
  c(`${IG}/explore/`, 'other'),
  c(`${IG}/explore/tags/recovery/`, 'other'),
  c(`${IG}/explore/locations/123456/new-york/`, 'other'),
  c(`${IG}/stories/jane_doe/3456789012345678901/`, 'other', 'ig:jane_doe'),
  c(`${IG}/stories/Jane_Doe/`, 'other', 'ig:jane_doe'),
  c(`${IG}/stories/highlights/17912345678901234/`, 'other'),
  c(`${IG}/accounts/login/?next=%2Fjane_doe%2F`, 'other'),
  c(`${IG}/accounts/emailsignup/`, 'other'),
  c(`${IG}/accounts/password/reset/`, 'other'),
  c(`${IG}/reels/`, 'other'),
  c(`${IG}/reels/audio/123456789/`, 'other'),
  c(`${IG}/about/`, 'other'),
  c(`${IG}/legal/privacy/`, 'other'),
  c(`${IG}/developer/`, 'other'),
  c(`${IG}/challenge/?next=/`, 'other'),
  c(`${IG}/your_activity/interactions/likes`, 'other'),
  c(`${IG}/jane_doe/p/`, 'other', 'ig:jane_doe'),
  c(`${IG}/jane-doe/`, 'other'), // hyphen: not a username character
  c(`${IG}/.jane/`, 'other'),
  c(`${IG}/abcdefghijklmnopqrstuvwxyz12345/`, 'other'), // 31 characters
];

/** On neither site's hosts: every detector of both adapters must say no. */
export const FOREIGN_URLS: readonly string[] = [
  'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F&h=AT0',
  'https://lm.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2F',
  'https://facebook.com/jane.doe',
  'https://business.facebook.com/x',
  'https://developers.facebook.com/docs/',
  'https://www.facebook.com.evil.com/jane.doe',
  'http://www.facebook.com/jane.doe',
  'https://fb.com/jane.doe',
  'https://www.messenger.com/t/100012345678901',
  'https://evil.com/jane.doe',
  'https://evil.com/jane_doe/',
  'https://instagram.com/jane_doe/',
  'https://l.instagram.com/?u=https%3A%2F%2Fexample.org%2F',
  'https://help.instagram.com/123456',
  'https://www.instagram.com.evil.com/jane_doe/',
  'http://www.instagram.com/jane_doe/',
  'https://www.threads.net/@jane_doe',
];

interface Detecting {
  readonly detectors: Readonly<Record<string, (url: URL) => boolean>>;
}

/** The page kinds whose detector answers true for `url`: one, or none for 'other'. */
export function answeringKinds(adapter: Detecting, url: URL): string[] {
  return Object.entries(adapter.detectors)
    .filter(([, detect]) => detect(url))
    .map(([kind]) => kind);
}
