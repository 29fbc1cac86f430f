// A test build with the practice site Town Square (tests/sites/townsquare), made
// in a folder of its own so the development build in .output/ stays as it is.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TOWN_SQUARE = 'https://www.townsquare.example/*';

/** Builds into `out` (the Chrome build lands in `out`/chrome-mv3). */
export function buildWithTownSquare(out: string) {
  // The test runner's own variables would make WXT build in test mode.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$)/.test(name)),
  );
  return spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    env: { ...env, CLEARLINE_TEST_SITE: 'tests/sites/townsquare', CLEARLINE_OUT_DIR: out },
    encoding: 'utf8',
    timeout: 240_000,
  });
}
