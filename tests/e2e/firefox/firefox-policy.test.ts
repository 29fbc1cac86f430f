// An agency's Firefox rollout: policies.json in Firefox's distribution folder
// force-installs the packaged extension and carries Clearline's settings under
// `3rdparty`. Firefox checks nothing against managed_schema: Clearline's own
// validation is all, so a malformed value must fail closed or be ignored, never
// reach the coach as if it were the agency's. Writing the file needs root (CI runs
// as root); it reaches every Firefox of this installation, so this file runs alone
// (e2e files run one at a time) and removes it afterwards whatever happens.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_BUILD, GECKO_ID } from '../../support/firefox.mjs';
import { FirefoxClearline, firefoxPath, warnIfNoFirefox } from './firefox-clearline';

warnIfNoFirefox();
const isRoot = process.getuid?.() === 0;
if (firefoxPath && !isRoot)
  console.warn(
    'SKIPPED: the Firefox policy test needs root, to write policies.json (CI runs as root).',
  );

const AGENCY = 'Northside Recovery Services';
const POLICY = {
  agencyName: AGENCY,
  promptMode: { friend: 'block-clients', follow: 'remind', message: 'remind' },
  clientTerm: 'participant',
  // Malformed: Chromium would drop it against the schema; in Firefox Clearline must.
  idleLockMinutes: 99999,
};

const distribution = firefoxPath ? join(dirname(realpathSync(firefoxPath)), 'distribution') : '';
const POLICY_FILE = join(distribution, 'policies.json');
const work = mkdtempSync(join(tmpdir(), 'clearline-firefox-policy-'));

/** The built extension as the .xpi an agency hosts (a zip of the build folder). */
async function packBuild(): Promise<string> {
  const zip = new JSZip();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else zip.file(relative(FIREFOX_BUILD, path), readFileSync(path));
    }
  };
  walk(FIREFOX_BUILD);
  const file = join(work, 'clearline.xpi');
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

let firefox: FirefoxClearline;

describe.skipIf(!firefoxPath || !isRoot)(
  'Firefox ESR: an agency rollout through policies.json',
  () => {
    beforeAll(async () => {
      const xpi = await packBuild();
      mkdirSync(distribution, { recursive: true });
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({
          policies: {
            ExtensionSettings: {
              [GECKO_ID]: { installation_mode: 'force_installed', install_url: `file://${xpi}` },
            },
            '3rdparty': { Extensions: { [GECKO_ID]: POLICY } },
          },
        }),
      );
      firefox = await FirefoxClearline.start({ extension: false });
    });
    afterAll(async () => {
      rmSync(POLICY_FILE, { force: true });
      await firefox?.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('force-installs Clearline, and Settings shows the agency and its locks', async () => {
      const deadline = Date.now() + 30_000;
      while ((await firefox.eventPageState()) !== 'running') {
        if (Date.now() > deadline) throw new Error('the policy never installed Clearline');
        await new Promise((r) => setTimeout(r, 250));
      }
      await firefox.openExtensionPage('options.html#agency');
      const source = (key: string) =>
        firefox.waitFor<{ source: string; locked: string; text: string }>(
          `const el = document.querySelector('[data-testid="source-' + arguments[0] + '"]');
         return el && { source: el.getAttribute('data-source'), locked: el.getAttribute('data-locked'), text: el.innerText };`,
          `the source of ${key}`,
          30_000,
          key,
        );
      await firefox.waitFor(
        `return document.querySelector('[data-testid="agency-rules"]')?.innerText.includes(arguments[0])`,
        "the agency's name",
        30_000,
        AGENCY,
      );
      // The settings and their sources are on the prompts page of Settings.
      await firefox.evaluate(`location.hash = '#prompts'`);
      expect(await source('promptMode')).toMatchObject({
        source: 'agency',
        locked: 'true',
        text: expect.stringContaining(`Set by your agency: ${AGENCY}`),
      });
      expect(
        await firefox.evaluate<[string, boolean]>(
          `const s = document.querySelector('select[name="promptMode.friend"]'); return [s.value, s.disabled];`,
        ),
      ).toEqual(['block-clients', true]);
      // The malformed value is not the agency's: Clearline's default stands, unlocked.
      expect(await source('idleLockMinutes')).toMatchObject({ source: 'default', locked: 'false' });
      expect(
        await firefox.evaluate<string>(`return document.querySelector('main').innerText`),
      ).toContain('participant');
    });
  },
);
