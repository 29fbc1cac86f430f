// Starts Chromium, with or without the built extension, the same way for the
// end-to-end tests, the benchmark and `npm start`.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChromium } from './chromium.mjs';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../.output/chrome-mv3');

// Without these Chromium's own background connections hit the closed network.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,MediaRouter,OptimizationHints',
];

/**
 * @param {{ extension?: boolean, extensionDir?: string, headless?: boolean, userDataDir?: string, args?: string[], protocolTimeout?: number }} [options]
 *   extensionDir: another build than the development one (a test build).
 *   protocolTimeout: how long one browser call may take before it fails with its name (puppeteer's default: 180 s).
 * @returns {Promise<{ browser: import('puppeteer-core').Browser, extensionId: string | null, userDataDir: string, close: () => Promise<void> }>}
 */
export async function launchBrowser(options = {}) {
  const withExtension = options.extension ?? true;
  const extensionDir = options.extensionDir ?? CHROME_BUILD;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${extensionDir}: run \`npm run build\` first.`);
  }
  const ownsDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'clearline-profile-'));
  const browser = await puppeteer.launch({
    executablePath: findChromium(),
    headless: options.headless ?? true,
    userDataDir,
    pipe: true,
    // Branded Chrome 137+ ignores --load-extension; this loads it over the pipe.
    enableExtensions: withExtension ? [extensionDir] : false,
    defaultViewport: { width: 1280, height: 900 },
    args: [...QUIET_FLAGS, ...(options.args ?? [])],
    ...(options.protocolTimeout ? { protocolTimeout: options.protocolTimeout } : {}),
  });
  let extensionId = null;
  if (withExtension) {
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 20_000 },
    );
    extensionId = new URL(worker.url()).host;
  }
  return {
    browser,
    extensionId,
    userDataDir,
    async close() {
      await browser.close().catch(() => undefined);
      if (ownsDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
