// The packaging pieces (scripts/packaging.mjs) on their own, with a tiny extension folder for
// the CRX: fast, no build. tests/unit/package-output.test.ts checks the real packages.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID, DEV_MANIFEST_KEY } from '../../config/dev-key';
import {
  UsageError,
  extensionId,
  loadOrCreateKey,
  normalizeBaseUrl,
  parseCommand,
  updatesJson,
  updatesXml,
  writeCrx,
} from '../../scripts/packaging.mjs';
import { readCrx, readZip } from '../support/crx';
import { idOfKeyFile, parseXml } from '../support/packages';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'clearline-packaging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('base URL', () => {
  it('https, ending with a slash', () => {
    expect(normalizeBaseUrl('https://intranet.example.org/clearline')).toEqual({
      baseUrl: 'https://intranet.example.org/clearline/',
      warning: undefined,
    });
    expect(normalizeBaseUrl('https://intranet.example.org/clearline/').baseUrl).toBe(
      'https://intranet.example.org/clearline/',
    );
    expect(normalizeBaseUrl('https://intranet.example.org').baseUrl).toBe(
      'https://intranet.example.org/',
    );
  });

  it('http only on this machine, with a warning', () => {
    for (const url of ['http://127.0.0.1:8080/ext', 'http://localhost/ext/']) {
      const { baseUrl, warning } = normalizeBaseUrl(url);
      expect(baseUrl.endsWith('/ext/')).toBe(true);
      expect(warning).toContain('plain http');
    }
  });

  it('anything else is refused', () => {
    const refused = {
      '': '--base-url is required',
      'http://intranet.example.org/clearline/': 'must be an https address',
      'http://127.0.0.2/': 'must be an https address',
      'ftp://intranet.example.org/': 'must be an https address',
      'intranet.example.org/clearline/': 'is not a full address',
      'https://intranet.example.org/c/?v=1': 'no query or fragment',
      'https://intranet.example.org/c/#top': 'no query or fragment',
      'https://admin:secret@intranet.example.org/c/': 'no user name or password',
    };
    for (const [url, message] of Object.entries(refused)) {
      expect(() => normalizeBaseUrl(url), url).toThrow(UsageError);
      expect(() => normalizeBaseUrl(url), url).toThrow(message);
    }
  });
});

describe('command line', () => {
  it('reads the options of each command', () => {
    const crx = parseCommand('crx', ['--key', 'a.pem', '--base-url', 'https://h.example/c']);
    expect(crx).toMatchObject({ baseUrl: 'https://h.example/c/', warnings: [] });
    expect(crx.key).toBe(join(process.cwd(), 'a.pem'));
    expect(crx.out).toBe(join(process.cwd(), 'dist'));
    expect(parseCommand('xpi', ['--base-url=https://h.example/c/', '--out', 'o']).out).toBe(
      join(process.cwd(), 'o'),
    );
    expect(parseCommand('stores', [])).toMatchObject({ warnings: [] });
    expect(
      parseCommand('crx', ['--key', 'a.pem', '--base-url', 'http://localhost:9/']).warnings,
    ).toHaveLength(1);
  });

  it('refuses what is missing or unknown', () => {
    const cases: [string, string[], string][] = [
      ['crx', ['--base-url', 'https://h.example/'], '--key is required'],
      ['crx', ['--key', 'a.pem'], '--base-url is required'],
      ['xpi', [], '--base-url is required'],
      ['crx', ['--key', 'a.pem', '--base-url', 'https://h.example/', '--keys', 'b'], 'Unknown'],
      ['stores', ['--base-url', 'https://h.example/'], 'Unknown'],
      ['crx', ['--key', 'a.pem', 'https://h.example/'], 'Unexpected argument'],
      ['sign', [], 'Unknown command'],
    ];
    for (const [command, argv, message] of cases) {
      expect(() => parseCommand(command, argv), argv.join(' ')).toThrow(message);
    }
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/package.mjs', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('exits 1 with the reason, before making a key or building', { timeout: 60_000 }, () => {
    const key = join(work, 'never-made.pem');
    const cases: [string[], string][] = [
      [['crx', '--key', key], '--base-url is required'],
      [['crx', '--key', key, '--base-url', 'http://intranet.example.org/'], 'must be an https'],
      [['crx', '--base-url', 'https://intranet.example.org/'], '--key is required'],
      [['xpi', '--base-url', 'http://intranet.example.org/'], 'must be an https'],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('    at '); // a message, not a stack
      expect(result.stdout).toBe('');
    }
    expect(existsSync(key)).toBe(false);
  });
});

describe('extension id', () => {
  it('is derived from the public key as Chromium does (the development key as a known answer)', () => {
    expect(extensionId(Buffer.from(DEV_MANIFEST_KEY, 'base64'))).toBe(DEV_EXTENSION_ID);
  });
});

describe('private key', () => {
  it('is made when missing (RSA 2048, owner only), then read again unchanged', () => {
    const path = join(work, 'keys', 'agency.pem');
    const made = loadOrCreateKey(path);
    expect(made.created).toBe(true);
    expect(made.privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = loadOrCreateKey(path);
    expect(again.created).toBe(false);
    expect(extensionId(again.privateKey)).toBe(extensionId(made.privateKey));
    expect(extensionId(made.privateKey)).toBe(idOfKeyFile(path));
  });

  it('refuses a file that is not an RSA private key of 2048 bits or more', () => {
    const write = (name: string, text: string) => {
      const path = join(work, name);
      writeFileSync(path, text);
      return path;
    };
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const pem = (key: typeof ec) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadOrCreateKey(write('junk.pem', 'not a key'))).toThrow('not a private key');
    expect(() => loadOrCreateKey(write('ec.pem', pem(ec)))).toThrow('an RSA key');
    expect(() => loadOrCreateKey(write('small.pem', pem(small)))).toThrow('under 2048 bits');
  });
});

describe('CRX3 of a tiny extension', () => {
  const source = join(work, 'tiny');
  mkdirSync(join(source, 'chunks'), { recursive: true });
  const manifest = { manifest_version: 3, name: 'Tiny', version: '1.2.3' };
  writeFileSync(join(source, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(source, 'chunks', 'a.js'), 'console.log("a");\n'.repeat(50));

  it('verifies as Chromium checks it, and carries the folder', async () => {
    const keyPath = join(work, 'tiny.pem');
    loadOrCreateKey(keyPath);
    const crxPath = join(work, 'out', 'tiny.crx');
    const id = await writeCrx({ sourceDir: source, keyPath, crxPath });
    expect(id).toBe(idOfKeyFile(keyPath));

    const crx = readCrx(readFileSync(crxPath));
    expect(crx.magic).toBe('Cr24');
    expect(crx.version).toBe(3);
    expect(crx.headerLength).toBeGreaterThan(256 + 270); // a 2048-bit signature and public key
    expect(crx.headerLength).toBeLessThan(4096);
    expect(crx.signaturesVerify).toBe(true);
    expect(crx.publicKeys).toHaveLength(1);
    expect(extensionId(crx.publicKeys[0]!)).toBe(id);
    expect(crx.crxId.toString('hex')).toBe(
      [...id].map((c) => (c.charCodeAt(0) - 97).toString(16)).join(''),
    );

    const files = readZip(crx.archive);
    expect([...files.keys()].sort()).toEqual(['chunks/a.js', 'manifest.json']);
    expect(JSON.parse(files.get('manifest.json')!.toString())).toEqual(manifest);
    expect(files.get('chunks/a.js')!.equals(readFileSync(join(source, 'chunks', 'a.js')))).toBe(
      true,
    );
  });

  it('a changed archive no longer verifies (the check above can fail)', async () => {
    const keyPath = join(work, 'tiny.pem');
    const crxPath = join(work, 'out', 'tiny2.crx');
    await writeCrx({ sourceDir: source, keyPath, crxPath });
    const file = readFileSync(crxPath);
    file[file.length - 30]! ^= 1;
    expect(readCrx(file).signaturesVerify).toBe(false);
  });
});

describe('update manifests', () => {
  const id = 'abcdefghijklmnopabcdefghijklmnop';

  it('updates.xml: well-formed gupdate with the id, the CRX address and the version', () => {
    const xml = updatesXml({ id, baseUrl: 'https://intranet.example.org/c/', version: '0.4.1' });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">\n' +
        `  <app appid="${id}">\n` +
        '    <updatecheck codebase="https://intranet.example.org/c/clearline-0.4.1.crx" version="0.4.1"/>\n' +
        '  </app>\n' +
        '</gupdate>\n',
    );
    const doc = parseXml(xml);
    expect(doc.name).toBe('gupdate');
    expect(doc.attributes).toEqual({
      xmlns: 'http://www.google.com/update2/response',
      protocol: '2.0',
    });
  });

  it('updates.xml: an address with & stays well-formed', () => {
    const xml = updatesXml({ id, baseUrl: 'https://h.example/a&b/', version: '1.0.0' });
    const check = parseXml(xml).children[0]!.children[0]!;
    expect(check.name).toBe('updatecheck');
    expect(check.attributes.codebase).toBe('https://h.example/a&b/clearline-1.0.0.crx');
  });

  it('updates.json: Firefox format for the gecko id', () => {
    const json = updatesJson({
      geckoId: 'clearline@clearline-extension.org',
      baseUrl: 'https://intranet.example.org/c/',
      version: '0.4.1',
    });
    expect(JSON.parse(json)).toEqual({
      addons: {
        'clearline@clearline-extension.org': {
          updates: [
            {
              version: '0.4.1',
              update_link: 'https://intranet.example.org/c/clearline-0.4.1.xpi',
            },
          ],
        },
      },
    });
  });
});
