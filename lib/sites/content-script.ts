// How every site's content script runs (lib/sites/<site>/content.ts). The build
// adds one content script per registered site (wxt.config.ts), each carrying only
// its own adapter: a page loads one site's code, never all of them.
export const CONTENT_SCRIPT_OPTIONS = {
  // Before any page script: our capture listeners on window must be the first to see a click.
  runAt: 'document_start',
  // A same-origin frame of the site (or a blank one it writes into) can hold the same
  // buttons: the prompt runs there too.
  allFrames: true,
  matchAboutBlank: true,
} as const;
