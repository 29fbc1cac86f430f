// Which Facebook Clearline covers: www, web and m.facebook.com only. Bare
// facebook.com, l.facebook.com (outbound redirects), business.facebook.com and the
// rest are not ours: the content script never runs there. Plain data, so the build
// config can read it in Node.
export const facebookSite = {
  id: 'facebook',
  keyPrefix: 'fb',
  hosts: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
  /** Path words that name a part of the site, never a person or item (the diagnostics page shows them). */
  featurePaths: `about activity center e2ee edit feed followers following friends groups home.php
    messages notifications people permalink.php photo photo.php photos posts privacy profile.php
    read reel requests saved search settings story.php suggestions t top videos watch`,
} as const;
