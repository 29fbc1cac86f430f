// A third site is one folder: a test build adds the practice site Town Square
// (tests/sites/townsquare, pages in tests/fixtures/practice/townsquare) with
// CLEARLINE_TEST_SITE and nothing else, and gets its content script, its hosts and
// its adapter. A production build carries none of it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TOWN_SQUARE, buildWithTownSquare } from '../support/test-site-build';

const out = mkdtempSync(join(tmpdir(), 'clearline-test-site-'));
const build = join(out, 'chrome-mv3');
afterAll(() => rmSync(out, { recursive: true, force: true }));

let result: ReturnType<typeof buildWithTownSquare>;
beforeAll(() => {
  result = buildWithTownSquare(out);
}, 250_000);

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function codeIn(dir: string): string {
  let code = '';
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.js'))
      code += readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return code;
}

describe('a test build with the practice site Town Square', () => {
  it('builds', () => {
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  });

  it('runs a content script of its own there, and asks for its host', () => {
    const m = manifestOf(build);
    const scripts = m.content_scripts.map((c: { js: string[]; matches: string[] }) => ({
      js: c.js,
      matches: c.matches,
    }));
    expect(scripts).toContainEqual({
      js: ['content-scripts/townsquare.js'],
      matches: [TOWN_SQUARE],
    });
    expect(scripts).toHaveLength(3);
    expect(m.host_permissions).toContain(TOWN_SQUARE);
    expect(m.web_accessible_resources[0].matches).toContain(TOWN_SQUARE);
  });

  it('carries only its own adapter in its content script, and its adapter in the background', () => {
    const own = readFileSync(join(build, 'content-scripts/townsquare.js'), 'utf8');
    expect(own).toContain('townsquare.example');
    expect(own).not.toContain('Allow tags from'); // Instagram's privacy reader
    expect(own).not.toContain('Send this to friends or post it'); // Facebook's Share
    expect(readFileSync(join(build, 'background.js'), 'utf8')).toContain('Write a message');
  });
});

describe('a production build', () => {
  it('carries nothing of the practice site', () => {
    const production = join(ROOT, '.output/chrome-mv3');
    if (!existsSync(production)) throw new Error(`${production} is missing: run \`npm run build\``);
    expect(manifestOf(production).host_permissions).not.toContain(TOWN_SQUARE);
    expect(codeIn(production)).not.toMatch(/townsquare/i);
  });
});
