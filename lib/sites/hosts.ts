// The only hosts Clearline runs on or asks permission for. Kept apart from the
// adapters so the build config can read it without pulling in page logic.
export const HOST_MATCHES = {
  facebook: [
    'https://www.facebook.com/*',
    'https://web.facebook.com/*',
    'https://m.facebook.com/*',
  ],
  instagram: ['https://www.instagram.com/*'],
} as const;
