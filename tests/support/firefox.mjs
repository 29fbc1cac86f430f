// Starts Firefox ESR with the built Firefox MV3 extension for the Firefox
// end-to-end tests. Firefox's WebDriver BiDi does not reach extension contexts
// (Mozilla bug 1755014), so the tests speak Marionette (extension pages, the
// prompt's frame, trusted clicks) and use BiDi on the same session only to answer
// the page requests from the practice site at the real addresses. Everything
// else Firefox tries to reach goes to a loopback proxy port where nothing
// listens: nothing leaves the machine.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { Marionette } from './marionette.mjs';
import { FIXTURES_DIR, loadRoutes, stripScripts } from './practice-site.mjs';

// CLEARLINE_FIREFOX_BUILD: another build to test (a deliberately broken one shows the suite fails).
export const FIREFOX_BUILD =
  process.env.CLEARLINE_FIREFOX_BUILD ?? resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const GECKO_ID = 'clearline@clearline-extension.org';
// Fixed before install (extensions.webextensions.uuids), so extension pages have a known address.
export const EXTENSION_UUID = '6f0c1b7e-3c1d-4e55-9a3b-c1ea411e0e20';
export const EXTENSION_BASE = `moz-extension://${EXTENSION_UUID}/`;

/** The Firefox to test: FIREFOX_PATH, else Debian's firefox-esr, else null (the suite skips). */
export function findFirefox() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => path && existsSync(path)) ?? null;
}

const PREFS = {
  'marionette.port': 0, // Firefox picks a free port and writes it to MarionetteActivePort
  'xpinstall.signatures.required': false,
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  // Every connection Firefox makes of its own (updates, settings, telemetry) is refused at once.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'app.update.disabledForTesting': true,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  // Extensions installed by policy (the force-install test) start without asking.
  'extensions.autoDisableScopes': 0,
};

const userJs = (prefs) =>
  Object.entries(prefs)
    .map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});`)
    .join('\n');

const SITE_HOSTS = ['www.facebook.com', 'm.facebook.com', 'www.instagram.com'];

/**
 * @param {{ extension?: boolean, extensionDir?: string, extraRoutes?: Record<string, string>, prefs?: Record<string, unknown> }} [options]
 *   extension: false starts Firefox without installing the build (a policy installs it).
 *   prefs: more Firefox preferences (touch events, say).
 */
export async function launchFirefox(options = {}) {
  const executable = findFirefox();
  if (!executable) throw new Error('Firefox ESR is not installed (apt-get install firefox-esr)');
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD;
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir}: run \`npx wxt build -b firefox --mv3\`.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'clearline-firefox-'));
  writeFileSync(join(profile, 'user.js'), userJs({ ...PREFS, ...options.prefs }));
  const child = spawn(
    executable,
    [
      '--headless',
      '--marionette',
      '--remote-debugging-port=0',
      '--remote-allow-system-access',
      '--no-remote',
      '--profile',
      profile,
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise((r) => child.once('exit', r));

  const portFile = join(profile, 'MarionetteActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || !readFileSync(portFile, 'utf8').trim()) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`Firefox did not start Marionette:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const marionette = await Marionette.connect(Number(readFileSync(portFile, 'utf8')));
  // Marionette takes the capabilities already merged, as its parameters (geckodriver's job).
  const session = await marionette.send('WebDriver:NewSession', { webSocketUrl: true });
  const bidi = await Bidi.open(session.capabilities.webSocketUrl);
  await servePracticeSite(bidi, options.extraRoutes ?? {});
  await marionette.send('WebDriver:SetWindowRect', { width: 1280, height: 900 });
  if (withExtension)
    await marionette.send('Addon:Install', { path: extensionDir, temporary: true });

  return {
    marionette,
    bidi,
    profile,
    async close() {
      await marionette.send('Marionette:Quit', {}, 10_000).catch(() => undefined);
      marionette.close();
      bidi.close();
      const quit = await Promise.race([
        exited,
        new Promise((r) => setTimeout(() => r('late'), 10_000)),
      ]);
      if (quit === 'late') child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** WebDriver BiDi over the session's own socket: commands and events. */
class Bidi {
  static async open(url) {
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new Bidi(socket);
  }

  constructor(socket) {
    this.socket = socket;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = new Map();
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.type === 'error')
          waiting?.reject(new Error(`${waiting.method}: ${message.error}: ${message.message}`));
        else waiting?.resolve(message.result);
      } else if (message.method) {
        for (const listener of this.listeners.get(message.method) ?? []) listener(message.params);
      }
    });
  }

  send(method, params = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  on(method, listener) {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), listener]);
  }

  close() {
    this.socket.close();
  }
}

// A policy like the one Facebook sends, as in the Chromium practice site.
const SITE_CSP =
  "default-src * data: blob: 'self'; script-src 'self' 'unsafe-inline'; style-src * 'unsafe-inline'; connect-src 'self'; frame-ancestors 'self'";

const withoutHash = (url) => {
  const u = new URL(url);
  u.hash = '';
  return u.href;
};

/** Answers the sites' addresses from the practice site; anything else there is a 404. */
async function servePracticeSite(bidi, extra) {
  const routes = new Map(loadRoutes().map((r) => [withoutHash(r.url), r]));
  const pages = new Map(Object.entries(extra).map(([u, html]) => [withoutHash(u), html]));
  await bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
  await bidi.send('network.addIntercept', {
    phases: ['beforeRequestSent'],
    urlPatterns: SITE_HOSTS.map((hostname) => ({ type: 'pattern', protocol: 'https', hostname })),
  });
  bidi.on('network.beforeRequestSent', ({ request, isBlocked }) => {
    if (!isBlocked) return;
    const key = withoutHash(request.url);
    let body = pages.get(key);
    const route = routes.get(key);
    if (body === undefined && route) {
      const html = readFileSync(join(FIXTURES_DIR, route.file), 'utf8');
      body = route.real ? stripScripts(html) : html;
    }
    const found = body !== undefined;
    const headers = [
      { name: 'content-type', value: found ? 'text/html; charset=utf-8' : 'text/plain' },
      ...(found ? [{ name: 'content-security-policy', value: SITE_CSP }] : []),
    ].map(({ name, value }) => ({ name, value: { type: 'string', value } }));
    void bidi
      .send('network.provideResponse', {
        request: request.request,
        statusCode: found ? 200 : 404,
        reasonPhrase: found ? 'OK' : 'Not Found',
        headers,
        body: { type: 'string', value: found ? body : 'not in the practice site' },
      })
      .catch(() => undefined);
  });
}
