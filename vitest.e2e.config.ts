import { defineConfig } from 'vitest/config';

// End-to-end tests drive a real Chromium with the built extension: one file at a
// time (two cores), generous timeouts for browser start-up, no retries (a flaky
// test is a bug to fix, not to hide).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
  },
});
