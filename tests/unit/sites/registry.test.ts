// The one list of sites, and what a site registered in a test build gets from it:
// every list in the code follows the registry, so a third site needs no other edit.
import { describe, expect, it, vi } from 'vitest';
import { townsquareSite } from '../../sites/townsquare/site';
import { townsquare } from '../../sites/townsquare';

describe('the registry of a production build', () => {
  it('lists Facebook and Instagram, with their hosts', async () => {
    const { SITE_IDS, ALL_HOST_MATCHES, ADAPTERS } = await import('../../../lib/sites');
    expect(SITE_IDS).toEqual(['facebook', 'instagram']);
    expect(Object.keys(ADAPTERS)).toEqual(['facebook', 'instagram']);
    expect(ALL_HOST_MATCHES).not.toContain(townsquareSite.hosts[0]);
  });
});

describe('the registry of a test build with the practice site Town Square', () => {
  async function testBuild() {
    vi.resetModules();
    // What wxt.config.ts does for CLEARLINE_TEST_SITE=tests/sites/townsquare.
    vi.doMock('../../../lib/sites/test-build-site', () => ({ testBuildSite: townsquareSite }));
    vi.doMock('../../../lib/sites/test-build-adapter', () => ({ testBuildAdapter: townsquare }));
    const sites = await import('../../../lib/sites');
    const settings = await import('../../../lib/settings/definitions');
    const words = await import('../../../lib/page-kind-words');
    vi.doUnmock('../../../lib/sites/test-build-site');
    vi.doUnmock('../../../lib/sites/test-build-adapter');
    return { sites, settings, words };
  }

  it('recognizes its addresses and gives its adapter', async () => {
    const { sites } = await testBuild();
    expect(sites.SITE_IDS).toEqual(['facebook', 'instagram', 'townsquare']);
    expect(sites.ALL_HOST_MATCHES).toContain('https://www.townsquare.example/*');
    const profile = new URL('https://www.townsquare.example/@jordan_lee_demo');
    const adapter = sites.adapterForUrl(profile);
    expect(adapter?.id).toBe('townsquare');
    expect(adapter?.pageKind(profile)).toBe('profile');
    expect(adapter?.profileKeyFromUrl(profile)).toBe('ts:jordan_lee_demo');
    expect(sites.adapterForUrl(new URL('https://www.facebook.com/'))?.id).toBe('facebook');
  });

  it('gets a switch in the settings and a name key, with no other edit', async () => {
    const { settings, words } = await testBuild();
    expect(settings.DEFAULT_SETTINGS.platforms).toEqual({
      facebook: true,
      instagram: true,
      townsquare: true,
    });
    const { properties } = settings.SETTING_FIELDS.platforms.json as { properties: object };
    expect(Object.keys(properties)).toEqual(['facebook', 'instagram', 'townsquare']);
    expect((words.SITE_WORDS as Record<string, string>).townsquare).toBe('siteTownsquare');
  });
});
