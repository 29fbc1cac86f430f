import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { DEV_MANIFEST_KEY } from './config/dev-key';
import { SITE_IDS } from './lib/sites/registry';

// Store builds (npm run zip, npm run package) set CLEARLINE_STORE=1: no development key.
const storeBuild = process.env.CLEARLINE_STORE === '1';
// Self-hosted builds (npm run package:crx, package:xpi) carry the agency's update
// manifest address, so installed copies find new versions there, and no development key
// (the agency's own key fixes the id). The stores refuse an update_url: never both.
const updateUrl = process.env.CLEARLINE_UPDATE_URL || undefined;
if (storeBuild && updateUrl) {
  throw new Error(
    'CLEARLINE_STORE=1 with CLEARLINE_UPDATE_URL: store packages carry no update_url',
  );
}
const devKey = !storeBuild && !updateUrl;

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// A test build (tests/unit/test-site-build.test.ts) adds one practice site, a folder
// laid out like lib/sites/<site>/ and named by its id: never a store or agency build.
const testSiteDir = process.env.CLEARLINE_TEST_SITE
  ? resolve(process.env.CLEARLINE_TEST_SITE)
  : undefined;
if (testSiteDir && (storeBuild || updateUrl)) {
  throw new Error('CLEARLINE_TEST_SITE is for test builds only, not for packages');
}

/** Each registered site's folder; the content script is its content.ts, named by the id. */
const siteDirs = [
  ...SITE_IDS.map((id) => here(`./lib/sites/${id}`)),
  ...(testSiteDir ? [testSiteDir] : []),
];

// In a test build, lib/sites/test-build-site.ts and test-build-adapter.ts become the
// practice site's own site.ts and index.ts, so the registry lists it and the
// extension pages and background have its adapter.
function testSiteModules(dir: string): Plugin {
  const id = basename(dir);
  const modules: Record<string, string> = {
    [here('./lib/sites/test-build-site.ts')]:
      `export { ${id}Site as testBuildSite } from ${JSON.stringify(resolve(dir, 'site.ts'))};`,
    [here('./lib/sites/test-build-adapter.ts')]:
      `export { ${id} as testBuildAdapter } from ${JSON.stringify(resolve(dir, 'index.ts'))};`,
  };
  return {
    name: 'clearline-test-site',
    enforce: 'pre',
    load: (path) => modules[path],
  };
}

export default defineConfig({
  srcDir: '.',
  // The packaging script builds elsewhere (dist/), leaving the development build in place.
  outDir: process.env.CLEARLINE_OUT_DIR || '.output',
  vite: () => ({
    plugins: [preact(), ...(testSiteDir ? [testSiteModules(testSiteDir)] : [])],
    // Vite's modulepreload polyfill calls fetch(); extension pages load their
    // chunks from the package anyway, so leave it out: no network API in the build.
    // The preload links for static imports stay (no fetch in them): a page's chunks load side by side.
    build: { modulePreload: { polyfill: false } },
    // WXT's content-script context talks with the page through document events
    // (a start announcement naming the extension, and a stop signal any page can
    // forge): our own context, with no page events at all, takes its place.
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/content/context.ts', import.meta.url)),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus'],
    // host_permissions and the prompt's matches: the content scripts' own (see hooks).
    action: { default_title: '__MSG_extName__' },
    // The prompt is our own page, framed on the sites only. A dynamic URL
    // (Chromium) changes every session, so a page cannot probe for Clearline.
    web_accessible_resources: [
      {
        resources: ['prompt.html'],
        matches: [],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    // Extension pages may load only their own code and may connect nowhere.
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; connect-src 'none'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clearline@clearline-extension.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
              ...(updateUrl ? { update_url: updateUrl } : {}),
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          storage: { managed_schema: 'managed_schema.json' },
          // storage.session for content scripts, the navigation API, :has(): all older than this.
          minimum_chrome_version: '120',
          ...(devKey ? { key: DEV_MANIFEST_KEY } : {}),
          ...(updateUrl ? { update_url: updateUrl } : {}),
        }),
  }),
  hooks: {
    // One content script per site, from its folder: a new site needs no entrypoint file.
    'entrypoints:found': (_, infos) => {
      for (const dir of siteDirs) {
        infos.push({
          name: basename(dir),
          inputPath: resolve(dir, 'content.ts'),
          type: 'content-script',
        });
      }
    },
    // Clearline asks for exactly the hosts its content scripts run on, and frames its
    // prompt there only.
    'build:manifestGenerated': (_, manifest) => {
      const hosts = [...new Set((manifest.content_scripts ?? []).flatMap((c) => c.matches ?? []))];
      manifest.host_permissions = hosts;
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object') resource.matches = hosts;
      }
    },
  },
  zip: {
    artifactTemplate: 'clearline-{{version}}-{{browser}}.zip',
    // Firefox's review asks for the sources of a bundled add-on; the test
    // fixtures (captured pages, megabytes) are not needed to rebuild it.
    // Nor packages, nor a private key someone keeps in the project folder (the
    // sources zip goes to Mozilla).
    excludeSources: [
      'tests/**',
      'demo-output/**',
      '.tmp/**',
      'test-results/**',
      'dist/**',
      '**/*.pem',
    ],
  },
});
