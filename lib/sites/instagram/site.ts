// Which Instagram Clearline covers: www.instagram.com only. Bare instagram.com,
// l.instagram.com (outbound redirects), help. and about.instagram.com are not pages
// the content script runs on. Plain data, so the build config can read it in Node.
export const instagramSite = {
  id: 'instagram',
  keyPrefix: 'ig',
  hosts: ['https://www.instagram.com/*'],
} as const;
