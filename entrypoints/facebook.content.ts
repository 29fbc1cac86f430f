import { HOST_MATCHES } from '../lib/sites/hosts';
import { facebook } from '../lib/sites/facebook';
import { startContentRuntime } from '../lib/content/runtime';

export default defineContentScript({
  matches: [...HOST_MATCHES.facebook],
  // Before any page script: our capture listeners on window must be the first to see a click.
  runAt: 'document_start',
  // A same-origin frame of the site (or a blank one it writes into) can hold the same
  // buttons: the prompt runs there too.
  allFrames: true,
  matchAboutBlank: true,
  // `ctx` is Clearline's own context (lib/content/context.ts, by an alias in
  // wxt.config.ts): it sends the page no start-up announcement and hears no stop signal.
  main(ctx) {
    startContentRuntime(facebook, ctx);
  },
});
