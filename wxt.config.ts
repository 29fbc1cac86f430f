import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { DEV_MANIFEST_KEY } from './config/dev-key';
import { HOST_MATCHES } from './lib/sites/hosts';

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

export default defineConfig({
  srcDir: '.',
  // The packaging script builds elsewhere (dist/), leaving the development build in place.
  outDir: process.env.CLEARLINE_OUT_DIR || '.output',
  vite: () => ({
    plugins: [preact()],
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
    host_permissions: [...HOST_MATCHES.facebook, ...HOST_MATCHES.instagram],
    action: { default_title: '__MSG_extName__' },
    // The prompt is our own page, framed on the two sites only. A dynamic URL
    // (Chromium) changes every session, so a page cannot probe for Clearline.
    web_accessible_resources: [
      {
        resources: ['prompt.html'],
        matches: [...HOST_MATCHES.facebook, ...HOST_MATCHES.instagram],
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
