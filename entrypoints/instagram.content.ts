import { HOST_MATCHES } from '../lib/sites/hosts';
import { instagram } from '../lib/sites/instagram';
import { startContentRuntime } from '../lib/content/runtime';

export default defineContentScript({
  matches: [...HOST_MATCHES.instagram],
  // Before any page script: our capture listeners on window must be the first to see a click.
  runAt: 'document_start',
  main(ctx) {
    startContentRuntime(instagram, ctx);
  },
});
