// Store zips (npm run zip sets CLEARLINE_STORE=1) must not carry the development
// key: the stores assign their own id, and a key in a store upload is refused.
import { afterEach, describe, expect, it, vi } from 'vitest';

type ManifestFn = (env: { browser: string }) => Record<string, unknown>;

async function manifestFor(browser: string, store: boolean) {
  vi.resetModules();
  vi.stubEnv('CLEARLINE_STORE', store ? '1' : '');
  const config = (await import('../../wxt.config')).default as { manifest: ManifestFn };
  return config.manifest({ browser });
}

afterEach(() => vi.unstubAllEnvs());

describe('manifest key', () => {
  it('development and test builds for Chrome carry the key', async () => {
    expect((await manifestFor('chrome', false)).key).toEqual(expect.any(String));
  });
  it('store builds carry no key, for Chrome or Firefox', async () => {
    expect((await manifestFor('chrome', true)).key).toBeUndefined();
    expect((await manifestFor('firefox', true)).key).toBeUndefined();
  });
});
