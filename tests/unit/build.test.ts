// Guards on the built extension (npm test builds before the unit tests run).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BUILDS = { chrome: '.output/chrome-mv3', firefox: '.output/firefox-mv3' } as const;

function manifest(build: keyof typeof BUILDS) {
  const path = join(BUILDS[build], 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(path, 'utf8'));
}

const SITES = {
  facebook: [
    'https://m.facebook.com/*',
    'https://web.facebook.com/*',
    'https://www.facebook.com/*',
  ],
  instagram: ['https://www.instagram.com/*'],
};

describe('manifest snapshot: any change of permissions or matches must be deliberate', () => {
  for (const build of ['chrome', 'firefox'] as const) {
    it(`${build}: permissions, hosts and content scripts`, () => {
      const m = manifest(build);
      expect(m.manifest_version).toBe(3);
      expect(m.permissions).toEqual(['storage', 'alarms', 'notifications', 'contextMenus']);
      expect(m.optional_permissions).toBeUndefined();
      expect([...m.host_permissions].sort()).toEqual(
        [...SITES.facebook, ...SITES.instagram].sort(),
      );
      expect(
        m.content_scripts.map((c: { matches: string[]; js: string[]; all_frames?: boolean }) => ({
          js: c.js,
          matches: [...c.matches].sort(),
          allFrames: c.all_frames ?? false,
        })),
      ).toEqual([
        { js: ['content-scripts/facebook.js'], matches: SITES.facebook, allFrames: true },
        { js: ['content-scripts/instagram.js'], matches: SITES.instagram, allFrames: true },
      ]);
      // Only the prompt page, only on the two sites; a per-session URL where supported.
      expect(
        m.web_accessible_resources.map((w: { matches: string[] }) => ({
          ...w,
          matches: [...w.matches].sort(),
        })),
      ).toEqual([
        {
          resources: ['prompt.html'],
          matches: [...SITES.facebook, ...SITES.instagram].sort(),
          ...(build === 'chrome' ? { use_dynamic_url: true } : {}),
        },
      ]);
      expect(m.externally_connectable).toBeUndefined();
      expect(m.content_security_policy.extension_pages).toContain("connect-src 'none'");
    });
  }

  it('chrome: development build carries the key that fixes the id, and the managed schema', () => {
    const m = manifest('chrome');
    expect(typeof m.key).toBe('string');
    expect(m.storage).toEqual({ managed_schema: 'managed_schema.json' });
  });

  it('firefox: a gecko id and no data collection', () => {
    const m = manifest('firefox');
    expect(m.browser_specific_settings.gecko.id).toBe('clearline@clearline-extension.org');
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
    });
    expect(m.key).toBeUndefined();
  });
});

describe('size budget', () => {
  const BUDGET = 30 * 1024;
  for (const build of ['chrome', 'firefox'] as const) {
    const dir = join(BUILDS[build], 'content-scripts');
    it(`${build}: each content script is at most 30 KB gzipped`, () => {
      const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
      expect(scripts.sort()).toEqual(['facebook.js', 'instagram.js']);
      for (const file of scripts) {
        const size = gzipSync(readFileSync(join(dir, file))).length;
        expect(size, `${file}: ${size} bytes gzipped`).toBeLessThanOrEqual(BUDGET);
      }
    });
  }
});

describe('no signal to or from the page', () => {
  for (const build of ['chrome', 'firefox'] as const) {
    it(`${build}: the content scripts carry none of WXT's page events (start announcement, stop signal)`, () => {
      const dir = join(BUILDS[build], 'content-scripts');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        const code = readFileSync(join(dir, file), 'utf8');
        expect(code, file).not.toContain('content-script-started');
        expect(code, file).not.toContain('wxt:');
      }
    });
  }
});

describe('nothing leaves the device', () => {
  it('no network API appears anywhere in the built code', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.js')) files.push(path);
      }
    };
    walk(BUILDS.chrome);
    expect(files.length).toBeGreaterThan(3);
    const network =
      /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection)\s*\(|new\s+(XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection)\b|\bimportScripts\s*\(/;
    for (const file of files) {
      const match = readFileSync(file, 'utf8').match(network);
      expect(match?.[0], file).toBeUndefined();
    }
  });
});
