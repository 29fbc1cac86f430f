import { HOST_MATCHES } from '../lib/sites/hosts';
import { facebook } from '../lib/sites/facebook';
import { startContentRuntime } from '../lib/content/runtime';

export default defineContentScript({
  matches: [...HOST_MATCHES.facebook],
  // Before any page script: our capture listeners on window must be the first to see a click.
  runAt: 'document_start',
  // WXT's start-up announcement through window.postMessage carries the extension's
  // id: the page would learn that Clearline is installed. Its document event is enough.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentRuntime(facebook, ctx);
  },
});
