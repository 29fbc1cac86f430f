#!/usr/bin/env node
// Packages for the stores and for self-hosting (README, "Packaging"):
//   npm run package        the store zips: Chrome Web Store, Edge Add-ons, Firefox (AMO) + sources
//   npm run package:crx -- --key <agency.pem> --base-url <https://host/path/>
//                          a signed CRX3, updates.xml and extension-id.txt for Chrome and Edge
//   npm run package:xpi -- --base-url <https://host/path/>
//                          a Firefox build that updates from there, and updates.json (to sign)
// Each builds afresh into --out (dist/ by default): never from .output/, whose development
// build carries the development key.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  UsageError,
  crxName,
  keyWarning,
  extensionId,
  loadOrCreateKey,
  parseCommand,
  updatesJson,
  updatesXml,
  writeCrx,
  xpiName,
} from './packaging.mjs';

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// Paths under the current folder as relative, others (a key kept elsewhere) in full.
const shown = (path) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel || '.';
};

/** Runs WXT with only the packaging variables given here: none inherited from the shell. */
function wxt(args, env) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('CLEARLINE_')),
  );
  const result = spawnSync(join(root, 'node_modules/.bin/wxt'), args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...clean, ...env },
  });
  if (result.status !== 0) throw new Error(`wxt ${args.join(' ')} failed`);
}

/** The built manifest, checked: the package's version, and never the development key. */
function builtManifest(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.key !== undefined) throw new Error(`${dir}: the build carries a manifest key`);
  if (manifest.version !== version) {
    throw new Error(`${dir}: version ${manifest.version}, package.json says ${version}`);
  }
  return manifest;
}

function stores({ out }) {
  const dir = join(out, 'store');
  const env = { CLEARLINE_STORE: '1', CLEARLINE_OUT_DIR: dir };
  wxt(['zip'], env);
  wxt(['zip', '-b', 'firefox', '--mv3'], env);
  builtManifest(join(dir, 'chrome-mv3'));
  const firefox = builtManifest(join(dir, 'firefox-mv3'));
  if (firefox.browser_specific_settings.gecko.update_url !== undefined) {
    throw new Error('the AMO build carries an update_url: AMO refuses it');
  }
  // Edge Add-ons takes the Chrome package as it is; a copy under its own name avoids doubt.
  copyFileSync(
    join(dir, `clearline-${version}-chrome.zip`),
    join(dir, `clearline-${version}-edge.zip`),
  );
  console.log(`\nStore packages of Clearline ${version} in ${shown(dir)}/:`);
  console.log(`  clearline-${version}-chrome.zip   Chrome Web Store`);
  console.log(`  clearline-${version}-edge.zip     Edge Add-ons (the same file as the Chrome one)`);
  console.log(`  clearline-${version}-firefox.zip  Firefox Add-ons (AMO)`);
  console.log(
    `  clearline-${version}-sources.zip  AMO's "source code" upload, with the Firefox one`,
  );
}

async function crx({ out, key, baseUrl }) {
  const dir = join(out, 'self-hosted', 'chrome');
  const { privateKey, created } = loadOrCreateKey(key);
  const id = extensionId(privateKey);
  if (created) console.error(`\n${keyWarning(key, id)}\n`);
  if (!relative(root, key).startsWith('..')) {
    console.error(
      `WARNING: ${shown(key)} is inside the project folder. Git and the sources zip leave out ` +
        '*.pem files, but the key is safer kept elsewhere.',
    );
  }
  wxt(['build'], { CLEARLINE_UPDATE_URL: `${baseUrl}updates.xml`, CLEARLINE_OUT_DIR: dir });
  const build = join(dir, 'chrome-mv3');
  const manifest = builtManifest(build);
  if (manifest.update_url !== `${baseUrl}updates.xml`) throw new Error(`${build}: no update_url`);
  const crxPath = join(dir, crxName(version));
  const signedId = await writeCrx({ sourceDir: build, keyPath: key, crxPath });
  if (signedId !== id) throw new Error(`the CRX has the id ${signedId}, the key gives ${id}`);
  writeFileSync(join(dir, 'updates.xml'), updatesXml({ id, baseUrl, version }));
  writeFileSync(join(dir, 'extension-id.txt'), `${id}\n`);
  console.log(`\nSelf-hosted Clearline ${version} for Chrome and Edge in ${shown(dir)}/:`);
  console.log(`  ${crxName(version)}  signed with ${shown(key)}`);
  console.log(`  updates.xml       serve both files at ${baseUrl}`);
  console.log(`  extension-id.txt  the id`);
  console.log(`Extension id: ${id}`);
  console.log(`Force-install entry (ExtensionInstallForcelist): ${id};${baseUrl}updates.xml`);
  if (created) console.error(`\n${keyWarning(key, id)}`);
}

function xpi({ out, baseUrl }) {
  const dir = join(out, 'self-hosted', 'firefox');
  if (baseUrl.startsWith('http:')) {
    console.error('WARNING: Mozilla signs no add-on whose update_url is not https.');
  }
  wxt(['zip', '-b', 'firefox', '--mv3'], {
    CLEARLINE_UPDATE_URL: `${baseUrl}updates.json`,
    CLEARLINE_OUT_DIR: dir,
  });
  const build = join(dir, 'firefox-mv3');
  const { gecko } = builtManifest(build).browser_specific_settings;
  if (gecko.update_url !== `${baseUrl}updates.json`) throw new Error(`${build}: no update_url`);
  // Firefox installs only what Mozilla signed: name the zip so no one serves it as the .xpi.
  const unsigned = `clearline-${version}-firefox-unsigned.zip`;
  renameSync(join(dir, `clearline-${version}-firefox.zip`), join(dir, unsigned));
  writeFileSync(join(dir, 'updates.json'), updatesJson({ geckoId: gecko.id, baseUrl, version }));
  const sources = join(dir, `clearline-${version}-sources.zip`);
  console.log(`\nSelf-hosted Clearline ${version} for Firefox in ${shown(dir)}/:`);
  console.log(`  firefox-mv3/   the build to sign (it updates from ${baseUrl}updates.json)`);
  console.log(`  ${unsigned}  the same, zipped, unsigned`);
  console.log(`  clearline-${version}-sources.zip  its sources, for Mozilla's review`);
  console.log(`  updates.json   serve it at ${baseUrl} with the signed ${xpiName(version)}`);
  console.log(`Gecko id: ${gecko.id}`);
  console.log('\nFirefox installs only add-ons signed by Mozilla. Sign it (unlisted: not on AMO):');
  console.log(
    `  npx web-ext sign --channel unlisted --source-dir ${shown(build)} ` +
      `--upload-source-code ${shown(sources)} --artifacts-dir ${shown(dir)} ` +
      '--api-key "$AMO_JWT_ISSUER" --api-secret "$AMO_JWT_SECRET"',
  );
  console.log(`then rename the signed .xpi it downloads to ${xpiName(version)}.`);
}

const [command = '', ...argv] = process.argv.slice(2);
try {
  const options = parseCommand(command, argv);
  for (const warning of options.warnings) console.error(`WARNING: ${warning}`);
  if (command === 'stores') stores(options);
  else if (command === 'crx') await crx(options);
  else xpi(options);
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `Packaging failed: ${error.message}`);
  process.exit(1);
}
