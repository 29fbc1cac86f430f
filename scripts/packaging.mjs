// The pieces of `npm run package*` (scripts/package.mjs), kept apart so that the unit tests
// reach them without building anything.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import crx3 from 'crx3';

/** A mistake on the command line: printed as it is, without a stack, and the exit code is 1. */
export class UsageError extends Error {}

export const USAGE = {
  stores: 'npm run package [-- --out <dir>]',
  crx: 'npm run package:crx -- --key <agency.pem> --base-url <https://host/path/> [--out <dir>]',
  xpi: 'npm run package:xpi -- --base-url <https://host/path/> [--out <dir>]',
};

/**
 * Reads the options of one packaging command. Throws a UsageError on anything missing, unknown
 * or unsafe, before any key is made or anything is built.
 * @returns {{ out: string, key?: string, baseUrl?: string, warnings: string[] }}
 */
export function parseCommand(command, argv) {
  if (!(command in USAGE)) throw new UsageError(`Unknown command ${command}: stores, crx or xpi`);
  const options = { out: { type: 'string', default: 'dist' } };
  if (command === 'crx') options.key = { type: 'string' };
  if (command !== 'stores') options['base-url'] = { type: 'string' };
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(`${error.message}\nUsage: ${USAGE[command]}`);
  }
  /** @type {{ out: string, key?: string, baseUrl?: string, warnings: string[] }} */
  const parsed = { out: resolve(values.out), warnings: [] };
  if (command === 'crx') {
    if (!values.key) {
      throw new UsageError(
        "--key is required: the path of your agency's private key (made there if it does not " +
          `exist yet)\nUsage: ${USAGE.crx}`,
      );
    }
    parsed.key = resolve(values.key);
  }
  if (command !== 'stores') {
    const { baseUrl, warning } = normalizeBaseUrl(values['base-url'], USAGE[command]);
    parsed.baseUrl = baseUrl;
    if (warning) parsed.warnings.push(warning);
  }
  return parsed;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1']);

/**
 * The address the packages will be served from, ending with '/'. Browsers fetch updates from it
 * for as long as the extension is installed, so it must be https; http is let through only for
 * a test server on this machine.
 */
export function normalizeBaseUrl(raw, usage = '') {
  const tail = usage ? `\nUsage: ${usage}` : '';
  if (!raw) {
    throw new UsageError(
      '--base-url is required: the https address the packages will be served from, ' +
        `for example https://intranet.example.org/clearline/${tail}`,
    );
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url ${raw} is not a full address (https://host/path/)${tail}`);
  }
  if (/[?#]/.test(raw)) {
    throw new UsageError(`--base-url ${raw}: no query or fragment, the file names go after it`);
  }
  if (url.username || url.password) {
    throw new UsageError(`--base-url ${raw}: no user name or password in the address`);
  }
  let warning;
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
    warning =
      `--base-url ${url.href} is plain http: fine for a test server on this machine, but ` +
      "staff browsers must fetch Clearline and its updates over https. Don't roll this out.";
  } else if (url.protocol !== 'https:') {
    throw new UsageError(
      `--base-url ${raw} must be an https address (http only for localhost or 127.0.0.1): ` +
        `browsers install and update from it, and must be sure of what they get${tail}`,
    );
  }
  return { baseUrl: url.href.endsWith('/') ? url.href : `${url.href}/`, warning };
}

/**
 * Reads the agency's RSA private key, or makes one (RSA 2048, PKCS #8 PEM, readable by its
 * owner only) when the file does not exist. `created` tells the caller to warn.
 */
export function loadOrCreateKey(path) {
  if (!existsSync(path)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    mkdirSync(dirname(path), { recursive: true });
    // 'wx': never write over a key, even one that appeared since the check above.
    writeFileSync(path, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
      flag: 'wx',
    });
    return { privateKey, created: true };
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch (error) {
    throw new UsageError(
      `${path} is not a private key in PEM form without a passphrase (${error.message})`,
    );
  }
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new UsageError(
      `${path} is a ${privateKey.asymmetricKeyType} key: a CRX is signed with an RSA key`,
    );
  }
  if (privateKey.asymmetricKeyDetails.modulusLength < 2048) {
    throw new UsageError(`${path} is an RSA key under 2048 bits: too weak to sign with`);
  }
  return { privateKey, created: false };
}

export function keyWarning(path, id) {
  return [
    `WARNING: a new private key was made and saved at ${path}`,
    '  Keep it safe and private, and keep a backup: every later version of Clearline must be',
    '  signed with this same key. Losing it, or signing with another key, changes the',
    `  extension id (now ${id}): browsers then see another`,
    '  extension, and every policy naming the id must change. Never commit the key, never put',
    '  it on the web server.',
  ].join('\n');
}

/** The extension id of a public key: the first 16 bytes of sha256(DER SPKI), 0-f as a-p. */
export function extensionId(key) {
  const der = Buffer.isBuffer(key)
    ? key
    : createPublicKey(key).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Signs the extension in `sourceDir` as a CRX3 at `crxPath` with the key at `keyPath`, and
 * returns the id the library derived. The library zips the folder and signs it; the id is
 * checked against our own derivation, so the two can never disagree silently.
 */
export async function writeCrx({ sourceDir, keyPath, crxPath }) {
  const manifest = join(resolve(sourceDir), 'manifest.json');
  if (!existsSync(manifest)) throw new Error(`${manifest} is missing: nothing to pack`);
  mkdirSync(dirname(crxPath), { recursive: true });
  const info = await crx3([manifest], { keyPath: resolve(keyPath), crxPath: resolve(crxPath) });
  const id = extensionId(createPrivateKey(readFileSync(keyPath)));
  if (info.appId !== id) throw new Error(`crx3 derived the id ${info.appId}, expected ${id}`);
  return id;
}

const xmlAttribute = (value) =>
  String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

export const crxName = (version) => `clearline-${version}.crx`;
export const xpiName = (version) => `clearline-${version}.xpi`;

/** Chrome and Edge's update manifest (gupdate) for one version of one extension. */
export function updatesXml({ id, baseUrl, version }) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">',
    `  <app appid="${xmlAttribute(id)}">`,
    `    <updatecheck codebase="${xmlAttribute(baseUrl + crxName(version))}" version="${xmlAttribute(version)}"/>`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** Firefox's update manifest for one version of one add-on. */
export function updatesJson({ geckoId, baseUrl, version }) {
  const manifest = {
    addons: { [geckoId]: { updates: [{ version, update_link: baseUrl + xpiName(version) }] } },
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}
