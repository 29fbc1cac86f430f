import { HOST_MATCHES } from '../lib/sites/hosts';
import { instagram } from '../lib/sites/instagram';
import { startContentRuntime } from '../lib/content/runtime';

export default defineContentScript({
  matches: [...HOST_MATCHES.instagram],
  runAt: 'document_idle',
  main(ctx) {
    startContentRuntime(instagram, ctx);
  },
});
