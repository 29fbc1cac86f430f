import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentRuntime } from '../../../lib/content/runtime';
import { CONTENT_SCRIPT_OPTIONS } from '../../../lib/sites/content-script';
import { townsquare } from '.';
import { townsquareSite } from './site';

export default defineContentScript({
  ...CONTENT_SCRIPT_OPTIONS,
  matches: [...townsquareSite.hosts],
  main(ctx) {
    startContentRuntime(townsquare, ctx);
  },
});
