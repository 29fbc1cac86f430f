import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/**
 * The domains: what Clearline keeps and decides. Each stands on the layers below
 * it (keyring, settings, db) and on no other domain, apart from a domain's
 * types.ts, which is vocabulary only.
 */
const DOMAINS = {
  store: 'lib/store',
  observations: 'lib/observations',
  audit: 'lib/audit',
  policy: 'lib/policy',
  prompt: 'lib/prompt',
};
const DOMAIN_FOLDERS = ['lib/store', 'lib/observations', 'lib/audit', 'lib/policy', 'lib/prompt'];
/** The site adapters are a leaf; each site's content.ts is the content script's entry, above them. */
const SITE_ADAPTERS = 'lib/sites/**/!(content).ts';
/** What a lower layer may still take from a domain: its vocabulary, and the privacy checklist (data). */
const VOCABULARY = ['./types.ts', './checklist.ts'];

const domainsStandAlone = Object.entries(DOMAINS).map(([name, target]) => ({
  target,
  from: DOMAIN_FOLDERS.filter((folder) => folder !== `lib/${name}`),
  except: VOCABULARY,
  message: 'A domain stands on keyring, settings and db, not on another domain.',
}));

/**
 * The layers, top to bottom: pages and content scripts; lib/background (the
 * handlers, which entrypoints/background.ts wires); lib/messaging.ts; the
 * domains; lib/keyring; lib/settings; lib/db. Imports only go down, so a change
 * low in the tree never needs one above it, and none forms a cycle.
 */
const layers = {
  files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
  plugins: { 'import-x': importX },
  settings: {
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
  },
  rules: {
    // Type-only imports are erased from the build and do not count as a cycle.
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
    'import-x/no-restricted-paths': [
      'error',
      {
        zones: [
          {
            target: 'lib',
            from: ['components', 'entrypoints'],
            message: 'lib/ is below the pages: pass what it needs in, or move it down.',
          },
          {
            target: [
              ...Object.values(DOMAINS),
              'lib/settings',
              'lib/keyring',
              'lib/db',
              SITE_ADAPTERS,
            ],
            from: ['lib/background', 'lib/content', 'lib/messaging.ts'],
            message: 'Below the background and the messages: never import them.',
          },
          ...domainsStandAlone,
          {
            target: 'lib/settings',
            from: [...DOMAIN_FOLDERS, 'lib/keyring', 'lib/db'],
            except: VOCABULARY,
            message: 'Every domain reads settings; settings reads no domain.',
          },
          {
            target: 'lib/keyring',
            from: DOMAIN_FOLDERS,
            // The prompt reasons are sealed too: the key change re-seals them (reseal.ts).
            except: [...VOCABULARY, './counters.ts'],
            message: 'The keyring seals for every domain and reads none.',
          },
          {
            target: 'lib/db',
            from: [...DOMAIN_FOLDERS, 'lib/settings', 'lib/keyring'],
            except: ['./types.ts'],
            message: "lib/db is the bottom layer: only the domains' types reach it.",
          },
          {
            target: [
              'components',
              'lib/content',
              'entrypoints/!(background).ts',
              'entrypoints/*/**',
            ],
            // A page's or content script's IndexedDB would not be the background's (a
            // content script's belongs to the site): the data is reached by message.
            from: ['lib/background', 'lib/keyring', 'lib/db'],
            message: 'Pages and content scripts reach the data by message only (lib/messaging.ts).',
          },
        ],
      },
    ],
  },
};

/** lib/messaging.ts takes values only from leaves, so that importing it pulls in no domain. */
const messagingTakesTypes = {
  files: ['lib/messaging.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^\\./(?!browser$|diagnostics$|sites/registry$|[a-z-]+/types$)',
            allowTypeImports: true,
            message: 'Import only types here, or values from a types file or another leaf.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      '.output/**',
      'dist/**',
      '.wxt/**',
      'node_modules/**',
      'demo-output/**',
      '.tmp/**',
      'tests/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Nothing leaves the device: forbid every network API in extension code.
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Clearline makes no network requests.' },
        { name: 'XMLHttpRequest', message: 'Clearline makes no network requests.' },
        { name: 'WebSocket', message: 'Clearline makes no network requests.' },
        { name: 'EventSource', message: 'Clearline makes no network requests.' },
      ],
      // Page text must render as text: no raw HTML in Preact either.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never raw HTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  layers,
  messagingTakesTypes,
  {
    // Tools and tests run in Node and evaluate code inside extension pages.
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, chrome: 'readonly' } },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
