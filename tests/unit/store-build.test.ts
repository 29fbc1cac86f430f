// Store zips (npm run zip and npm run package set CLEARLINE_STORE=1) must not carry the
// development key: the stores assign their own id, and a key in a store upload is refused.
// Self-hosted builds (CLEARLINE_UPDATE_URL) carry the agency's update address instead, and
// no development key either: the agency's own key fixes the id.
import { afterEach, describe, expect, it, vi } from 'vitest';

type ManifestFn = (env: { browser: string }) => Record<string, unknown>;

async function manifestFor(browser: string, store: boolean, updateUrl = '') {
  vi.resetModules();
  vi.stubEnv('CLEARLINE_STORE', store ? '1' : '');
  vi.stubEnv('CLEARLINE_UPDATE_URL', updateUrl);
  const config = (await import('../../wxt.config')).default as { manifest: ManifestFn };
  return config.manifest({ browser });
}

type Gecko = { browser_specific_settings: { gecko: Record<string, unknown> } };
const gecko = (manifest: Record<string, unknown>) =>
  (manifest as unknown as Gecko).browser_specific_settings.gecko;

afterEach(() => vi.unstubAllEnvs());

describe('manifest key', () => {
  it('development and test builds for Chrome carry the key', async () => {
    expect((await manifestFor('chrome', false)).key).toEqual(expect.any(String));
  });
  it('store builds carry no key, for Chrome or Firefox', async () => {
    expect((await manifestFor('chrome', true)).key).toBeUndefined();
    expect((await manifestFor('firefox', true)).key).toBeUndefined();
  });
  it('self-hosted builds carry no key', async () => {
    const url = 'https://intranet.example.org/c/updates.xml';
    expect((await manifestFor('chrome', false, url)).key).toBeUndefined();
  });
});

describe('update_url', () => {
  it('only in self-hosted builds: top level for Chrome, gecko for Firefox', async () => {
    const xml = 'https://intranet.example.org/c/updates.xml';
    const json = 'https://intranet.example.org/c/updates.json';
    expect((await manifestFor('chrome', false, xml)).update_url).toBe(xml);
    expect(gecko(await manifestFor('firefox', false, json)).update_url).toBe(json);
    expect((await manifestFor('firefox', false, json)).update_url).toBeUndefined();
    for (const store of [true, false]) {
      expect((await manifestFor('chrome', store)).update_url).toBeUndefined();
      expect(gecko(await manifestFor('firefox', store)).update_url).toBeUndefined();
    }
  });
  it('a store build with an update address is refused outright', async () => {
    await expect(manifestFor('firefox', true, 'https://h.example/updates.json')).rejects.toThrow(
      'store packages carry no update_url',
    );
  });
});
