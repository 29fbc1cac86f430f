import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

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
  {
    // Tools and tests run in Node and evaluate code inside extension pages.
    files: ['scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node, chrome: 'readonly' } },
    rules: { 'no-restricted-globals': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
