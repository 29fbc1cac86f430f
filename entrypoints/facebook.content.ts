import { HOST_MATCHES } from '../lib/sites/hosts';
import { facebook } from '../lib/sites/facebook';
import { startContentRuntime } from '../lib/content/runtime';

export default defineContentScript({
  matches: [...HOST_MATCHES.facebook],
  runAt: 'document_idle',
  main(ctx) {
    startContentRuntime(facebook, ctx);
  },
});
