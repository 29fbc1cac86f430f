// The real packages: `npm run package`, `package:crx` and `package:xpi` are run once each, into
// a folder of their own (the development build in .output/ is left alone), and their files
// are read back as a store or a browser would.
import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCrx, readZip } from '../support/crx';
import { idOfKeyFile, parseXml } from '../support/packages';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const BASE = 'https://intranet.example.org/clearline/';
const GECKO_ID = 'clearline@clearline-extension.org';

const work = mkdtempSync(join(tmpdir(), 'clearline-package-'));
const out = join(work, 'dist');
const key = join(work, 'keys', 'agency.pem');
// A key left in the project folder must never reach the sources zip sent to Mozilla.
const strayKey = join(ROOT, 'config', `stray-${process.pid}.pem`);

type Run = { status: number | null; stdout: string; stderr: string };
const runs: Record<'stores' | 'crx' | 'xpi', Run> = {} as never;

function run(args: string[]): Run {
  // Vitest's own variables would make a test build of the extension, not a production one.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$)/.test(name)),
  );
  const result = spawnSync(process.execPath, ['scripts/package.mjs', ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  writeFileSync(strayKey, 'not a real key\n');
  try {
    runs.stores = run(['stores', '--out', out]);
  } finally {
    rmSync(strayKey, { force: true });
  }
  // Without the trailing slash: the script adds it.
  runs.crx = run(['crx', '--key', key, '--base-url', BASE.slice(0, -1), '--out', out]);
  runs.xpi = run(['xpi', '--base-url', BASE, '--out', out]);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const manifestIn = (zip: Buffer) => JSON.parse(readZip(zip).get('manifest.json')!.toString());

describe('npm run package: the store zips', () => {
  const dir = join(out, 'store');
  const file = (browser: string) => readFileSync(join(dir, `clearline-${version}-${browser}.zip`));

  it('succeeds and names each zip with the version', () => {
    expect(runs.stores.status, runs.stores.stderr).toBe(0);
    for (const name of ['chrome', 'edge', 'firefox', 'sources']) {
      expect(existsSync(join(dir, `clearline-${version}-${name}.zip`)), name).toBe(true);
    }
  });

  it('Chrome (and Edge, the same file): no development key, no update_url', () => {
    const chrome = manifestIn(file('chrome'));
    expect(chrome.version).toBe(version);
    expect(chrome.key).toBeUndefined();
    expect(chrome.update_url).toBeUndefined();
    expect(file('edge').equals(file('chrome'))).toBe(true);
  });

  it('Firefox (AMO): no update_url, which AMO refuses', () => {
    const firefox = manifestIn(file('firefox'));
    expect(firefox.version).toBe(version);
    expect(firefox.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    expect(firefox.browser_specific_settings.gecko.update_url).toBeUndefined();
    expect(firefox.key).toBeUndefined();
  });

  it('the sources: enough to rebuild, and no key, package or test fixture', () => {
    const names = [...readZip(file('sources')).keys()];
    for (const needed of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'config/dev-key.ts',
    ])
      expect(names, needed).toContain(needed);
    expect(names.filter((n) => /\.pem$|^dist\/|^tests\/|^\.output\//.test(n))).toEqual([]);
  });
});

describe('npm run package:crx: self-hosted Chrome and Edge', () => {
  const dir = join(out, 'self-hosted', 'chrome');
  const id = () => idOfKeyFile(key);

  it('makes the key it was pointed at, warns to keep it, and prints the id', () => {
    expect(runs.crx.status, runs.crx.stderr).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(runs.crx.stderr).toContain(`WARNING: a new private key was made and saved at ${key}`);
    expect(runs.crx.stderr).toContain('changes the');
    expect(runs.crx.stdout).toContain(`Extension id: ${id()}\n`);
    expect(readFileSync(join(dir, 'extension-id.txt'), 'utf8')).toBe(`${id()}\n`);
  });

  it('the CRX3 verifies, for the id of that key', () => {
    const crx = readCrx(readFileSync(join(dir, `clearline-${version}.crx`)));
    expect(crx.magic).toBe('Cr24');
    expect(crx.version).toBe(3);
    expect(crx.headerLength).toBeGreaterThan(500);
    expect(crx.headerLength).toBeLessThan(4096);
    expect(crx.signaturesVerify).toBe(true);
    const publicKey = createPublicKey(readFileSync(key)).export({ type: 'spki', format: 'der' });
    expect(crx.publicKeys).toEqual([publicKey]);
    const hex = [...id()].map((c) => (c.charCodeAt(0) - 97).toString(16)).join('');
    expect(crx.crxId.toString('hex')).toBe(hex);
  });

  it('inside: the extension without the development key, updating from the agency', () => {
    const crx = readCrx(readFileSync(join(dir, `clearline-${version}.crx`)));
    const files = readZip(crx.archive);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    expect(manifest.key).toBeUndefined();
    expect(manifest.version).toBe(version);
    expect(manifest.update_url).toBe(`${BASE}updates.xml`);
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(files.has('background.js')).toBe(true);
    expect(files.has('managed_schema.json')).toBe(true);
  });

  it('updates.xml names that id, the CRX address and the version', () => {
    const doc = parseXml(readFileSync(join(dir, 'updates.xml'), 'utf8'));
    const app = doc.children[0]!;
    expect(app.attributes.appid).toBe(id());
    expect(app.children[0]!.attributes).toEqual({
      codebase: `${BASE}clearline-${version}.crx`,
      version,
    });
  });
});

describe('npm run package:xpi: self-hosted Firefox, to be signed by Mozilla', () => {
  const dir = join(out, 'self-hosted', 'firefox');

  it('the build updates from the agency, and updates.json points at the signed .xpi', () => {
    expect(runs.xpi.status, runs.xpi.stderr).toBe(0);
    const build = JSON.parse(readFileSync(join(dir, 'firefox-mv3', 'manifest.json'), 'utf8'));
    expect(build.browser_specific_settings.gecko.update_url).toBe(`${BASE}updates.json`);
    const zipped = manifestIn(readFileSync(join(dir, `clearline-${version}-firefox-unsigned.zip`)));
    expect(zipped).toEqual(build);
    expect(JSON.parse(readFileSync(join(dir, 'updates.json'), 'utf8'))).toEqual({
      addons: {
        [GECKO_ID]: {
          updates: [{ version, update_link: `${BASE}clearline-${version}.xpi` }],
        },
      },
    });
    expect(runs.xpi.stdout).toContain('npx web-ext sign --channel unlisted --source-dir');
  });
});
