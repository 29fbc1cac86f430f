import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentRuntime } from '../../content/runtime';
import { CONTENT_SCRIPT_OPTIONS } from '../content-script';
import { instagram } from '.';
import { instagramSite } from './site';

export default defineContentScript({
  ...CONTENT_SCRIPT_OPTIONS,
  matches: [...instagramSite.hosts],
  // `ctx` is Clearline's own context (lib/content/context.ts, by an alias in
  // wxt.config.ts): it sends the page no start-up announcement and hears no stop signal.
  main(ctx) {
    startContentRuntime(instagram, ctx);
  },
});
