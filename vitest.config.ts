import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: {
      'webextension-polyfill': fileURLToPath(
        new URL('./tests/support/fake-polyfill.ts', import.meta.url),
      ),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    // Both locale catalogs, as in the background (extension pages load theirs on demand).
    setupFiles: ['tests/support/i18n-setup.ts'],
  },
});
