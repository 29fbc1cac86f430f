// The browser's own enterprise policy file, as an agency deploys Clearline's
// policy on Linux: /etc/chromium/policies/managed/*.json. Writing it needs root
// (CI runs as root); it reaches every Chromium on the machine, so a test file that
// writes it runs alone, and removes it afterwards whatever happens.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEV_EXTENSION_ID } from '../../config/dev-key';

export const POLICY_DIR = '/etc/chromium/policies/managed';
export const POLICY_FILE = join(POLICY_DIR, 'clearline-e2e-test.json');
export const isRoot = process.getuid?.() === 0;

/** Says once, plainly, why a policy test file is skipped. */
export function warnIfNotRoot(what: string): void {
  if (isRoot) return;
  console.warn(
    `SKIPPED: ${what} need root, to write the browser policy file in ${POLICY_DIR} ` +
      '(CI runs as root).',
  );
}

/** Clearline's policy, for the build's extension id (config/dev-key.ts). */
export function writePolicy(policy: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [DEV_EXTENSION_ID]: policy } } }),
  );
}

export function removePolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}

/** Managed storage answers {} for the first seconds: poll it from an extension page. */
export async function waitForManaged(page: Page, key: string, value: unknown, timeout = 30_000) {
  await page.waitForFunction(
    async (k: string, wanted: string) => {
      const managed = await chrome.storage.managed.get(k);
      return JSON.stringify(managed[k]) === wanted;
    },
    { timeout, polling: 200 },
    key,
    JSON.stringify(value),
  );
}
