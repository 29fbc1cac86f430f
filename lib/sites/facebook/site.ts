// Which Facebook Clearline covers: www, web and m.facebook.com only. Bare
// facebook.com, l.facebook.com (outbound redirects), business.facebook.com and the
// rest are not ours: the content script never runs there. Plain data, so the build
// config can read it in Node.
export const facebookSite = {
  id: 'facebook',
  keyPrefix: 'fb',
  hosts: ['https://www.facebook.com/*', 'https://web.facebook.com/*', 'https://m.facebook.com/*'],
} as const;
