// Every link into Settings names a page; the address alone, an older name or a
// stray hash still opens a page, never a blank one.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { SETTINGS_PAGES, pageFromHash, settingsUrl } from '../../lib/settings-pages';

describe('Settings pages', () => {
  it('each page is its own address', () => {
    for (const page of SETTINGS_PAGES) {
      expect(pageFromHash(`#${page}`)).toBe(page);
      expect(settingsUrl(page)).toBe(fakeBrowser.runtime.getURL(`/options.html#${page}`));
    }
    expect(SETTINGS_PAGES).toEqual([
      'clients',
      'observations',
      'privacy',
      'prompts',
      'protection',
      'agency',
      'about',
    ]);
  });

  it('the older addresses and no address open the page they meant', () => {
    expect(pageFromHash('#audit')).toBe('privacy');
    expect(pageFromHash('#first-step')).toBe('clients');
    expect(pageFromHash('')).toBe('clients');
    expect(pageFromHash('#clients-heading')).toBe('clients');
    expect(pageFromHash('privacy')).toBe('privacy');
  });
});
