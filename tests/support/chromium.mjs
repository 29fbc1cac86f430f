// Finds a Chromium for the end-to-end tests, the benchmark and `npm start`.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/chromium', 'chromium-browser', 'google-chrome'];

function onPath(name) {
  if (name.startsWith('/')) return existsSync(name) ? name : null;
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** CHROME_PATH, then /usr/bin/chromium, chromium-browser, google-chrome. Throws how to install one. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  for (const name of CANDIDATES) {
    const found = onPath(name);
    if (found) return found;
  }
  throw new Error(
    [
      'No Chromium found (looked at CHROME_PATH, /usr/bin/chromium, chromium-browser, google-chrome).',
      'Install one:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium   (Ubuntu: chromium-browser)',
      '  With internet:  npx @puppeteer/browsers install chrome@stable, then set CHROME_PATH to the path it prints',
    ].join('\n'),
  );
}
