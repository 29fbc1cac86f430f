// Which Instagram Clearline covers: www.instagram.com only. Bare instagram.com,
// l.instagram.com (outbound redirects), help. and about.instagram.com are not pages
// the content script runs on. Plain data, so the build config can read it in Node.
export const instagramSite = {
  id: 'instagram',
  keyPrefix: 'ig',
  hosts: ['https://www.instagram.com/*'],
  /** Path words that name a part of the site, never a person or item (the diagnostics page shows them). */
  featurePaths: `accounts activity center direct edit explore followers following inbox
    messages_and_story_replies p privacy_and_security reel reels saved tagged tags_and_mentions
    tv who_can_see_your_content`,
} as const;
