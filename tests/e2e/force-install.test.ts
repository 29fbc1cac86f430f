// The self-hosted path end to end, as an agency deploys it on Linux: `npm run package:crx`
// signs a CRX with the agency's key, a web server on 127.0.0.1 serves it with updates.xml, and
// the browser's own policy file force-installs it (ExtensionInstallForcelist) with the agency's
// policy. Chromium starts with no extension flags at all: the policy alone installs Clearline,
// as an admin install the coach cannot remove or turn off. Then a higher version, signed with
// the same key, is published and Chromium updates to it, keeping the coach's data.
//
// Needs root for the policy file (tests/e2e/policy-file.ts); it is removed afterwards, and the
// e2e config runs one file at a time, so no other browser test sees it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium.mjs';
import { crxName, updatesXml, writeCrx } from '../../scripts/packaging.mjs';
import { addClient, clientRows } from './options-page';
import { POLICY_DIR, isRoot, warnIfNotRoot, waitForManaged } from './policy-file';

warnIfNotRoot('the force-install e2e test');

const root = resolve(import.meta.dirname, '../..');
const POLICY_FILE = join(POLICY_DIR, 'clearline-e2e-force-install.json');
const AGENCY = 'Eastside Peer Support';
const CLIENT = { url: 'facebook.com/alex.rivera.demo', label: 'A.R.' };
const INSTALL_TIMEOUT = 60_000;

const work = mkdtempSync(join(tmpdir(), 'clearline-force-install-'));
const keyPath = join(work, 'agency.pem');
const served = join(work, 'served');
const profileDir = join(work, 'profile');
let server: Server;
let baseUrl: string;
let id: string;
let version: string;
let browser: Browser | undefined;

/** The web server's files, read on each request, so a new version is published by writing. */
function serve(): Promise<string> {
  server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.replace(
      /^\/clearline\//,
      '',
    );
    let body: Buffer;
    try {
      if (!/^[\w.-]+$/.test(name)) throw new Error('bad name');
      body = readFileSync(join(served, name));
    } catch {
      response.writeHead(404).end();
      return;
    }
    const type = name.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension';
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      done(`http://127.0.0.1:${(server.address() as AddressInfo).port}/clearline/`);
    }),
  );
}

function writePolicyFile(extensionId: string): void {
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({
      ExtensionInstallForcelist: [`${extensionId};${baseUrl}updates.xml`],
      // Chromium's default (0) keeps DevTools, and so puppeteer, away from extensions installed
      // by policy; 1 lets the test see the service worker and drive the extension's pages.
      DeveloperToolsAvailability: 1,
      '3rdparty': {
        extensions: {
          [extensionId]: {
            agencyName: AGENCY,
            supervisorContact: 'Sam Ortiz, 555-0142',
            showWelcome: false,
          },
        },
      },
    }),
  );
}

async function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findChromium(),
    headless: true,
    userDataDir: profileDir,
    pipe: true,
    defaultViewport: { width: 1280, height: 900 },
    // No extension is loaded by flag: `true` with no paths only drops Puppeteer's
    // --disable-extensions and lets it attach to extension targets. Its default
    // --disable-background-networking also turns the extension updater off: dropped too.
    enableExtensions: true,
    ignoreDefaultArgs: ['--disable-background-networking'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-component-update',
      '--disable-sync',
      '--disable-features=Translate,MediaRouter,OptimizationHints',
    ],
  });
}

async function extensionPage(b: Browser, path: string): Promise<Page> {
  const page = await b.newPage();
  await page.goto(`chrome-extension://${id}/${path}`);
  return page;
}

const workerOf = (b: Browser) =>
  b.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`),
    { timeout: INSTALL_TIMEOUT },
  );

describe.skipIf(!isRoot)('force-installed from a self-hosted server by policy', () => {
  beforeAll(async () => {
    baseUrl = await serve();
    const result = spawnSync(
      'node',
      ['scripts/package.mjs', 'crx', '--key', keyPath, '--base-url', baseUrl, '--out', work],
      { cwd: root, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`package:crx failed:\n${result.stderr}`);
    const out = join(work, 'self-hosted', 'chrome');
    id = readFileSync(join(out, 'extension-id.txt'), 'utf8').trim();
    version = JSON.parse(readFileSync(join(out, 'chrome-mv3', 'manifest.json'), 'utf8')).version;
    cpSync(out, served, { recursive: true });
    writePolicyFile(id);
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    rmSync(POLICY_FILE, { force: true });
    await browser?.close().catch(() => undefined);
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    rmSync(work, { recursive: true, force: true });
  });

  it('installs by policy alone, as an admin install that cannot be removed or turned off', async () => {
    await workerOf(browser!);
    const page = await extensionPage(browser!, 'options.html');
    const self = await page.evaluate(() => chrome.management.getSelf());
    expect(self).toMatchObject({ id, version, installType: 'admin', mayDisable: false });
    await page.close();
  }, 90_000);

  it("the options page shows the agency's name, and a client can be added", async () => {
    const options = await extensionPage(browser!, 'options.html');
    await waitForManaged(options, 'agencyName', AGENCY);
    await options.waitForFunction(
      (agency: string) => document.querySelector('main')?.innerText.includes(agency),
      { timeout: 15_000 },
      AGENCY,
    );
    await options.waitForSelector('form[data-testid="add-client"]');
    await addClient(options, CLIENT);
    expect((await clientRows(options)).join('\n')).toContain('A.R.');
    await options.close();
  });

  it('updates to a higher version from the same server, with the data intact', async () => {
    // The next version: the same build with a higher version, signed with the same key.
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
    const next = `${major}.${minor}.${patch + 1}`;
    const build = join(work, 'next');
    cpSync(join(served, 'chrome-mv3'), build, { recursive: true });
    const manifestPath = join(build, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: next }));
    const signed = await writeCrx({
      sourceDir: build,
      keyPath,
      crxPath: join(served, crxName(next)),
    });
    expect(signed).toBe(id);
    writeFileSync(join(served, 'updates.xml'), updatesXml({ id, baseUrl, version: next }));

    // Ask Chromium to check now (it would otherwise check every few hours). It throttles the
    // call: a second one within seconds answers 'throttled', so the first must find it.
    const page = await extensionPage(browser!, 'options.html');
    let status = '';
    for (let attempt = 0; attempt < 5 && status !== 'update_available'; attempt++) {
      const answer = await page.evaluate(async () => {
        const result: unknown = await (
          chrome.runtime as unknown as { requestUpdateCheck(): Promise<unknown> }
        ).requestUpdateCheck();
        // Promise form: { status, version }; older callback form: [status, details].
        return Array.isArray(result) ? { status: result[0] } : (result as { status: string });
      });
      status = answer.status;
      if (status !== 'update_available') await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(status, 'requestUpdateCheck never found the new version').toBe('update_available');
    await page.close();

    // Chromium applies a downloaded update once the extension is idle; reload() applies it at
    // once. Each extension page reads the manifest of the version it was opened in.
    const deadline = Date.now() + INSTALL_TIMEOUT;
    let options: Page | undefined;
    let running = version;
    while (Date.now() < deadline) {
      await workerOf(browser!);
      options = await extensionPage(browser!, 'options.html').catch(() => undefined);
      running = (await options?.evaluate(() => chrome.runtime.getManifest().version)) ?? '';
      if (running === next) break;
      await options?.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
      await options?.close().catch(() => undefined);
      options = undefined;
      await new Promise((r) => setTimeout(r, 2_000));
    }
    expect(running, 'the new version never came up').toBe(next);
    options = options!;
    expect(await options.evaluate(() => chrome.management.getSelf())).toMatchObject({
      version: next,
      installType: 'admin',
      mayDisable: false,
    });
    await options.waitForSelector('li[data-testid="client"]', { timeout: 15_000 });
    expect((await clientRows(options)).join('\n')).toContain('A.R.');
    await options.close();
  }, 120_000);
});
