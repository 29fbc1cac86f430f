// `npm run policy:check` and the example policy files in docs/policies: the
// examples pass and name one id throughout, the generated plist and .reg match
// their source, errors name their full path in the file, and the install entry
// and the settings must name the same extension.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolicyFile, describeReport, reportErrors } from '../../../lib/policy/check';
import { exampleFormats, toPlist, toReg, type Json } from '../../../lib/policy/formats';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const POLICIES = join(ROOT, 'docs/policies');
const read = (name: string) => readFileSync(join(POLICIES, name), 'utf8');
const readJson = (name: string) => JSON.parse(read(name)) as Record<string, Json>;

const CHROME_ID = 'iapojipmiegpkakgieihmdkebkgjpgeo';
const OTHER_ID = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
/** A self-hosted id: the right form, and plainly not a real one. The examples use it. */
const EXAMPLE_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXAMPLE_UPDATE_URL = 'https://clearline.northside.example/clearline/updates.xml';
// The gecko id the Firefox build declares, read from the config rather than copied.
const FIREFOX_ID = /gecko: \{\s*id: '([^']+)'/.exec(
  readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8'),
)![1]!;

const chromeFile = readJson('chrome-linux.json');
const chromePolicy = (chromeFile['3rdparty'] as Record<string, Record<string, Json>>).extensions![
  EXAMPLE_ID
] as Record<string, Json>;
const firefoxFile = readJson('firefox-policies.json');

/** A good policy with one bad key, to build files around. */
const BAD_POLICY = {
  agencyName: 'Northside',
  promptMode: { friend: 'friend-away', follow: 'remind', message: 'remind' },
  formerClientYears: 99,
};

describe('the example policy files', () => {
  it('chrome-linux.json passes: installs the self-hosted id and sets its policy', () => {
    const report = checkPolicyFile(chromeFile);
    expect(reportErrors(report)).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.installs).toEqual([
      { path: 'ExtensionInstallForcelist.0', extensionId: EXAMPLE_ID, url: EXAMPLE_UPDATE_URL },
    ]);
    expect(report.policies).toEqual([
      { path: `3rdparty.extensions.${EXAMPLE_ID}`, extensionId: EXAMPLE_ID, problems: [] },
    ]);
  });

  it('firefox-policies.json passes: installs and sets the policy for the gecko id', () => {
    expect(FIREFOX_ID).toBe('clearline@clearline-extension.org');
    const report = checkPolicyFile(firefoxFile);
    expect(reportErrors(report)).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.installs.map((install) => install.extensionId)).toEqual([FIREFOX_ID]);
    expect(report.policies).toEqual([
      {
        path: `policies.3rdparty.Extensions.${FIREFOX_ID}`,
        extensionId: FIREFOX_ID,
        problems: [],
      },
    ]);
  });

  it('the Chrome and Firefox examples hold the same policy, from the same server', () => {
    const firefox = firefoxFile.policies as Record<string, Record<string, Record<string, Json>>>;
    expect(firefox['3rdparty']!.Extensions![FIREFOX_ID]).toEqual(chromePolicy);
    const [firefoxInstall] = checkPolicyFile(firefoxFile).installs;
    expect(new URL(firefoxInstall!.url!).origin).toBe(new URL(EXAMPLE_UPDATE_URL).origin);
  });

  it.each(['chrome-linux.json', 'clearline.plist', 'clearline.reg'])(
    '%s names the example id and no other Chrome id',
    (name) => {
      const ids = new Set(read(name).match(/\b[a-p]{32}\b/g));
      expect([...ids]).toEqual([EXAMPLE_ID]);
    },
  );

  it('firefox-policies.json names the gecko id and no Chrome id', () => {
    expect(read('firefox-policies.json')).not.toMatch(/\b[a-p]{32}\b/);
    const ids = new Set(read('firefox-policies.json').match(/"[^"]+@[^"]+"(?=: \{)/g));
    expect([...ids]).toEqual([`"${FIREFOX_ID}"`]);
  });

  it('clearline.plist and clearline.reg are generated from chrome-linux.json', () => {
    const generated = exampleFormats(chromeFile);
    for (const [name, text] of Object.entries(generated)) {
      expect(read(name), `${name}: run npm run policy:formats`).toBe(text);
    }
  });

  it('the generated files carry the policy and the install entry', () => {
    const entry = `${EXAMPLE_ID};${EXAMPLE_UPDATE_URL}`;
    expect(read('clearline.plist')).toContain(
      toPlist(chromePolicy).split('\n').slice(2).join('\n'),
    );
    expect(read('clearline.plist')).toContain(`com.google.Chrome.extensions.${EXAMPLE_ID}.`);
    expect(read('clearline.plist')).toContain(`  ${entry}\n`);
    expect(read('clearline.reg')).toBe(toReg(chromePolicy, EXAMPLE_ID, [entry]));
  });

  describe('clearline.reg', () => {
    const reg = read('clearline.reg');
    const lines = reg.split('\r\n');
    const section = (path: string) => {
      const start = lines.indexOf(`[${path}]`);
      if (start < 0) return null;
      const end = lines.indexOf('', start);
      return lines.slice(start + 1, end < 0 ? undefined : end);
    };
    const chrome = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${EXAMPLE_ID}\\policy`;
    const edge = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${EXAMPLE_ID}\\policy`;

    it('is a regedit file with Windows line endings', () => {
      expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
      expect(reg.replace(/\r\n/g, '')).not.toContain('\n');
    });

    it('force-installs the example id under both Chrome and Edge', () => {
      for (const browser of ['Google\\Chrome', 'Microsoft\\Edge']) {
        const key = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${browser}\\ExtensionInstallForcelist`;
        expect(section(key)).toEqual([`"1"="${EXAMPLE_ID};${EXAMPLE_UPDATE_URL}"`]);
      }
    });

    it('writes the policy under both Chrome and Edge', () => {
      expect(section(chrome)).not.toBeNull();
      expect(section(edge)).not.toBeNull();
      expect(section(edge)).toEqual(section(chrome));
    });

    it('writes workHours.days as a subkey with values named 1 to 5', () => {
      for (const root of [chrome, edge]) {
        expect(section(`${root}\\workHours`)).toEqual(['"start"="08:30"', '"end"="17:00"']);
        expect(section(`${root}\\workHours\\days`)).toEqual([
          '"1"=dword:00000001',
          '"2"=dword:00000002',
          '"3"=dword:00000003',
          '"4"=dword:00000004',
          '"5"=dword:00000005',
        ]);
      }
    });

    it('writes booleans and numbers as dword, plain strings in quotes', () => {
      const values = section(chrome)!;
      expect(values).toContain('"requirePassphrase"=dword:00000001');
      expect(values).toContain('"allowUserChanges"=dword:00000001');
      expect(values).toContain('"retentionDays"=dword:000000b4');
      expect(values).toContain('"clientTerm"="participant"');
      expect(section(`${chrome}\\platforms`)).toEqual([
        '"facebook"=dword:00000001',
        '"instagram"=dword:00000001',
      ]);
    });

    it('writes text with line breaks as hex(1), UTF-16LE with CRLF and a final NUL', () => {
      for (const key of ['policyText', 'crisisProtocol']) {
        const line = section(chrome)!.find((l) => l.startsWith(`"${key}"=`))!;
        expect(line, key).toMatch(/^"\w+"=hex\(1\):([0-9a-f]{2},)*[0-9a-f]{2}$/);
        const bytes = line
          .slice(line.indexOf(':') + 1)
          .split(',')
          .map((b) => parseInt(b, 16));
        const text = Buffer.from(bytes).toString('utf16le');
        expect(text).toBe(`${(chromePolicy[key] as string).replace(/\n/g, '\r\n')}\0`);
      }
    });
  });
});

describe('toReg and toPlist', () => {
  it('write false as dword 0 and escape quotes and backslashes', () => {
    const reg = toReg({ off: false, n: 0, s: 'say "hi" C:\\x' }, 'abc');
    expect(reg).toContain('"off"=dword:00000000');
    expect(reg).toContain('"n"=dword:00000000');
    expect(reg).toContain('"s"="say \\"hi\\" C:\\\\x"');
  });

  it('write non-ASCII text as hex(1), surrogate pairs included', () => {
    const reg = toReg({ s: 'Señal 🙂' }, 'abc');
    const line = reg.split('\r\n').find((l) => l.startsWith('"s"='))!;
    const bytes = line
      .slice(line.indexOf(':') + 1)
      .split(',')
      .map((b) => parseInt(b, 16));
    expect(Buffer.from(bytes).toString('utf16le')).toBe('Señal 🙂\0');
  });

  it('the plist escapes markup and keeps types', () => {
    const plist = toPlist({ s: 'a < b & c > d', yes: true, no: false, n: 3, l: [1, 'x'] });
    expect(plist).toContain('<string>a &lt; b &amp; c &gt; d</string>');
    expect(plist).toContain('<key>yes</key>\n  <true/>');
    expect(plist).toContain('<key>no</key>\n  <false/>');
    expect(plist).toContain('<integer>3</integer>');
    expect(plist).toContain(
      '<array>\n    <integer>1</integer>\n    <string>x</string>\n  </array>',
    );
  });
});

describe('checkPolicyFile', () => {
  it('reads a bare policy object, as pasted into an admin console', () => {
    const report = checkPolicyFile(BAD_POLICY);
    expect(report.fileProblems).toEqual([]);
    expect(report.policies).toHaveLength(1);
    expect(report.policies[0]).toMatchObject({ path: '(policy)', extensionId: null });
    expect(reportErrors(report).map((e) => e.path)).toEqual([
      'promptMode.friend',
      'formerClientYears',
    ]);
    expect(reportErrors(checkPolicyFile(chromePolicy))).toEqual([]);
  });

  it('errors carry their full path in a Chrome file', () => {
    const report = checkPolicyFile({ '3rdparty': { extensions: { [CHROME_ID]: BAD_POLICY } } });
    expect(reportErrors(report).map((e) => e.path)).toEqual([
      `3rdparty.extensions.${CHROME_ID}.promptMode.friend`,
      `3rdparty.extensions.${CHROME_ID}.formerClientYears`,
    ]);
  });

  it('errors carry their full path in a Firefox file', () => {
    const report = checkPolicyFile({
      policies: { '3rdparty': { Extensions: { [FIREFOX_ID]: BAD_POLICY } } },
    });
    expect(reportErrors(report).map((e) => e.path)).toEqual([
      `policies.3rdparty.Extensions.${FIREFOX_ID}.promptMode.friend`,
      `policies.3rdparty.Extensions.${FIREFOX_ID}.formerClientYears`,
    ]);
  });

  it('checks each extension id in the file on its own', () => {
    const report = checkPolicyFile({
      '3rdparty': { extensions: { good: chromePolicy, bad: BAD_POLICY, odd: 'not a policy' } },
    });
    expect(report.policies.map((p) => [p.extensionId, p.problems.length])).toEqual([
      ['good', 0],
      ['bad', 2],
      ['odd', 1],
    ]);
    // A policy that is not an object is reported at the id's own path.
    expect(report.policies[2]!.problems).toEqual([
      { path: '3rdparty.extensions.odd', message: expect.any(String) },
    ]);
  });

  it('a wrapper naming no extension is an error', () => {
    const report = checkPolicyFile({ '3rdparty': { extensions: {} } });
    expect(report.policies).toEqual([]);
    expect(reportErrors(report)).toEqual([
      { path: '3rdparty.extensions', message: expect.any(String) },
    ]);
    expect(reportErrors(checkPolicyFile({ policies: { '3rdparty': { Extensions: {} } } }))).toEqual(
      [{ path: 'policies.3rdparty.Extensions', message: expect.any(String) }],
    );
  });

  it.each([
    ['an array of extensions', { '3rdparty': { extensions: [BAD_POLICY] } }, '3rdparty.extensions'],
    ['a string of extensions', { '3rdparty': { extensions: 'x' } }, '3rdparty.extensions'],
    ['no extensions key', { '3rdparty': {} }, expect.stringMatching(/^3rdparty\.[Ee]xtensions$/)],
    ['a 3rdparty that is a string', { '3rdparty': 'x' }, '3rdparty'],
    ['a 3rdparty that is null', { '3rdparty': null }, '3rdparty'],
    [
      'Firefox Extensions that are a number',
      { policies: { '3rdparty': { Extensions: 5 } } },
      'policies.3rdparty.Extensions',
    ],
  ])('a wrapper that is not an object is an error: %s', (_label, file, path) => {
    const report = checkPolicyFile(file);
    expect(report.policies).toEqual([]);
    expect(reportErrors(report)).toEqual([{ path, message: expect.any(String) }]);
  });

  it.each([
    ['an array', [BAD_POLICY]],
    ['a string', 'policy'],
    ['a number', 3],
    ['null', null],
  ])('a file that is %s is an error at (file)', (_label, file) => {
    const report = checkPolicyFile(file);
    expect(report.policies).toEqual([]);
    expect(reportErrors(report)).toEqual([{ path: '(file)', message: expect.any(String) }]);
  });
});

const GOOD = { agencyName: 'Northside' };
const UPDATES = 'https://clearline.example-agency.org/clearline/updates.xml';
const XPI = 'https://clearline.example-agency.org/clearline/clearline.xpi';
const chromeSettings = (id: string) => ({ '3rdparty': { extensions: { [id]: GOOD } } });
const firefoxSettings = (id: string) => ({ '3rdparty': { Extensions: { [id]: GOOD } } });
const forceInstall = (url: string) => ({ installation_mode: 'force_installed', update_url: url });

/** The errors that name both ids and say the settings go nowhere. */
const mismatches = (file: unknown) =>
  reportErrors(checkPolicyFile(file)).filter((e) => e.message.includes('reach no extension'));

describe('the install entry and the settings name the same extension', () => {
  it.each([
    [
      'ExtensionInstallForcelist',
      { ExtensionInstallForcelist: [`${EXAMPLE_ID};${UPDATES}`], ...chromeSettings(EXAMPLE_ID) },
    ],
    [
      'ExtensionSettings, force_installed',
      { ExtensionSettings: { [EXAMPLE_ID]: forceInstall(UPDATES) }, ...chromeSettings(EXAMPLE_ID) },
    ],
    [
      'ExtensionSettings, normal_installed',
      {
        ExtensionSettings: {
          [EXAMPLE_ID]: { installation_mode: 'normal_installed', update_url: UPDATES },
        },
        ...chromeSettings(EXAMPLE_ID),
      },
    ],
    [
      'ExtensionSettings keyed by a comma-separated list of ids',
      {
        ExtensionSettings: { [`${OTHER_ID}, ${EXAMPLE_ID}`]: forceInstall(UPDATES) },
        ...chromeSettings(EXAMPLE_ID),
      },
    ],
    [
      'an id alone (from the browser store), among other extensions',
      { ExtensionInstallForcelist: [OTHER_ID, EXAMPLE_ID], ...chromeSettings(EXAMPLE_ID) },
    ],
    [
      'Firefox ExtensionSettings',
      {
        policies: {
          ExtensionSettings: {
            '*': { installation_mode: 'blocked' },
            [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: XPI },
          },
          ...firefoxSettings(FIREFOX_ID),
        },
      },
    ],
  ])('a match passes: %s', (_label, file) => {
    const report = checkPolicyFile(file);
    expect(reportErrors(report)).toEqual([]);
    expect(report.policies).toHaveLength(1);
    expect(report.installs.map((install) => install.extensionId)).toContain(
      report.policies[0]!.extensionId,
    );
  });

  it('a mismatch in ExtensionInstallForcelist is an error naming both ids', () => {
    const file = {
      ExtensionInstallForcelist: [`${OTHER_ID};${UPDATES}`],
      ...chromeSettings(EXAMPLE_ID),
    };
    expect(reportErrors(checkPolicyFile(file))).toEqual([
      {
        path: `3rdparty.extensions.${EXAMPLE_ID}`,
        message: expect.stringMatching(
          new RegExp(
            `for ${EXAMPLE_ID}, but the file installs ${OTHER_ID}: .*would reach no extension`,
          ),
        ),
      },
    ]);
  });

  it('a mismatch in ExtensionSettings is an error naming both ids', () => {
    const file = {
      ExtensionSettings: { [OTHER_ID]: forceInstall(UPDATES) },
      ...chromeSettings(EXAMPLE_ID),
    };
    const [error] = mismatches(file);
    expect(error?.path).toBe(`3rdparty.extensions.${EXAMPLE_ID}`);
    expect(error?.message).toContain(EXAMPLE_ID);
    expect(error?.message).toContain(OTHER_ID);
  });

  it('a mismatch in a Firefox file is an error naming both ids', () => {
    const file = {
      policies: {
        ExtensionSettings: {
          [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: XPI },
        },
        ...firefoxSettings('clearline@example.org'),
      },
    };
    const [error] = mismatches(file);
    expect(error?.path).toBe('policies.3rdparty.Extensions.clearline@example.org');
    expect(error?.message).toContain(FIREFOX_ID);
    expect(error?.message).toContain('clearline@example.org');
  });

  it('names every installed id when none matches', () => {
    const file = {
      ExtensionInstallForcelist: [OTHER_ID, CHROME_ID],
      ...chromeSettings(EXAMPLE_ID),
    };
    expect(mismatches(file)[0]?.message).toContain(`installs ${OTHER_ID} and ${CHROME_ID}:`);
  });

  it('entries that install nothing do not count: blocked, allowed, "*", update_url:', () => {
    const file = {
      ExtensionSettings: {
        '*': { installation_mode: 'force_installed', update_url: UPDATES },
        [`update_url:${UPDATES}`]: { installation_mode: 'force_installed' },
        [OTHER_ID]: { installation_mode: 'blocked' },
        [CHROME_ID]: { installation_mode: 'allowed', update_url: UPDATES },
      },
      ...chromeSettings(EXAMPLE_ID),
    };
    const report = checkPolicyFile(file);
    expect(report.installs).toEqual([]);
    expect(reportErrors(report)).toEqual([]);
  });

  it('settings with no install entry pass: the install may come from a store or another file', () => {
    expect(reportErrors(checkPolicyFile(chromeSettings(EXAMPLE_ID)))).toEqual([]);
    expect(reportErrors(checkPolicyFile({ policies: firefoxSettings(FIREFOX_ID) }))).toEqual([]);
  });
});

describe('a file with only the install part', () => {
  it.each([
    [
      'ExtensionInstallForcelist',
      { ExtensionInstallForcelist: [`${EXAMPLE_ID};${UPDATES}`] },
      EXAMPLE_ID,
      UPDATES,
    ],
    [
      'ExtensionSettings',
      { ExtensionSettings: { [EXAMPLE_ID]: forceInstall(UPDATES) } },
      EXAMPLE_ID,
      UPDATES,
    ],
    [
      'Firefox ExtensionSettings',
      {
        policies: {
          ExtensionSettings: {
            [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: XPI },
          },
        },
      },
      FIREFOX_ID,
      XPI,
    ],
    [
      'Firefox ExtensionSettings from addons.mozilla.org',
      {
        policies: { ExtensionSettings: { [FIREFOX_ID]: { installation_mode: 'force_installed' } } },
      },
      FIREFOX_ID,
      null,
    ],
  ])('passes, and says what it found: %s', (_label, file, id, url) => {
    const report = checkPolicyFile(file);
    expect(reportErrors(report)).toEqual([]);
    expect(report.policies).toEqual([]);
    expect(report.installs).toEqual([{ path: expect.any(String), extensionId: id, url }]);
    const { out, err, ok } = describeReport('f.json', report);
    expect(ok).toBe(true);
    expect(err).toEqual([]);
    expect(out[0]).toMatch(
      new RegExp(`^f\\.json: install entry for ${id} at .*, no Clearline settings$`),
    );
    expect(out.at(-1)).toBe('f.json: OK');
  });

  it('other browser policies beside it are not Clearline keys', () => {
    const report = checkPolicyFile({
      ExtensionInstallForcelist: [`${EXAMPLE_ID};${UPDATES}`],
      HomepageLocation: 'https://intranet.example',
    });
    expect(reportErrors(report)).toEqual([]);
  });

  it('a Clearline key at the top of a browser file is an error: it reaches no extension', () => {
    const report = checkPolicyFile({
      ExtensionInstallForcelist: [`${EXAMPLE_ID};${UPDATES}`],
      agencyName: 'Northside',
    });
    expect(reportErrors(report)).toEqual([
      { path: 'agencyName', message: expect.stringContaining('3rdparty.extensions.<id>') },
    ]);
  });

  it('a file that neither installs nor sets settings is an error', () => {
    const chrome = { ExtensionSettings: { [OTHER_ID]: { installation_mode: 'blocked' } } };
    expect(reportErrors(checkPolicyFile(chrome))).toEqual([
      { path: '3rdparty', message: expect.any(String) },
    ]);
    expect(reportErrors(checkPolicyFile({ policies: { DisableTelemetry: true } }))).toEqual([
      { path: 'policies.3rdparty', message: expect.any(String) },
    ]);
  });
});

describe('install entries that install nothing', () => {
  it.each([
    [
      'a list that is a string',
      { ExtensionInstallForcelist: `${EXAMPLE_ID};${UPDATES}` },
      'ExtensionInstallForcelist',
    ],
    [
      'an entry that is not a string',
      { ExtensionInstallForcelist: [{ id: EXAMPLE_ID }] },
      'ExtensionInstallForcelist.0',
    ],
    ['a URL with no id', { ExtensionInstallForcelist: [UPDATES] }, 'ExtensionInstallForcelist.0'],
    [
      'an id of the wrong form',
      { ExtensionInstallForcelist: [`${EXAMPLE_ID}q;${UPDATES}`] },
      'ExtensionInstallForcelist.0',
    ],
    [
      'a comma for the semicolon',
      { ExtensionInstallForcelist: [`${EXAMPLE_ID},${UPDATES}`] },
      'ExtensionInstallForcelist.0',
    ],
    [
      'an update URL that is not one',
      { ExtensionInstallForcelist: [`${EXAMPLE_ID};updates.xml`] },
      'ExtensionInstallForcelist.0',
    ],
    [
      'force_installed without update_url',
      { ExtensionSettings: { [EXAMPLE_ID]: { installation_mode: 'force_installed' } } },
      `ExtensionSettings.${EXAMPLE_ID}.update_url`,
    ],
    ['ExtensionSettings that is a list', { ExtensionSettings: [EXAMPLE_ID] }, 'ExtensionSettings'],
  ])('are errors: %s', (_label, file, path) => {
    const report = checkPolicyFile(file);
    expect(report.installs).toEqual([]);
    expect(reportErrors(report)).toContainEqual({ path, message: expect.any(String) });
  });
});

describe('plain http install and update addresses', () => {
  const chrome = (url: string) => ({ ExtensionInstallForcelist: [`${EXAMPLE_ID};${url}`] });
  const settings = (url: string) => ({ ExtensionSettings: { [EXAMPLE_ID]: forceInstall(url) } });
  const firefox = (url: string) => ({
    policies: {
      ExtensionSettings: {
        [FIREFOX_ID]: { installation_mode: 'force_installed', install_url: url },
      },
    },
  });

  it.each([
    [
      'ExtensionInstallForcelist',
      chrome('http://updates.example.org/u.xml'),
      'ExtensionInstallForcelist.0',
    ],
    [
      'ExtensionSettings',
      settings('http://10.0.0.5/u.xml'),
      `ExtensionSettings.${EXAMPLE_ID}.update_url`,
    ],
    [
      'Firefox',
      firefox('http://intranet/clearline.xpi'),
      `policies.ExtensionSettings.${FIREFOX_ID}.install_url`,
    ],
  ])('outside loopback are a warning, not an error: %s', (_label, file, path) => {
    const report = checkPolicyFile(file);
    expect(reportErrors(report)).toEqual([]);
    expect(report.installs).toHaveLength(1);
    expect(report.warnings).toEqual([{ path, message: expect.stringContaining('plain http') }]);
    const { err, ok } = describeReport('f.json', report);
    expect(ok).toBe(true);
    expect(err).toEqual([
      `  warning at ${path}: ${report.warnings[0]!.message}`,
      '1 warning(s), no errors.',
    ]);
  });

  it.each([
    'http://127.0.0.1:8080/updates.xml',
    'http://localhost/updates.xml',
    'http://[::1]:9000/updates.xml',
    'https://clearline.example-agency.org/updates.xml',
  ])('are fine on loopback, and https is fine: %s', (url) => {
    for (const file of [chrome(url), settings(url), firefox(url)]) {
      const report = checkPolicyFile(file);
      expect(reportErrors(report)).toEqual([]);
      expect(report.warnings).toEqual([]);
    }
  });

  it('a look-alike of loopback is not loopback', () => {
    for (const url of [
      'http://127.0.0.1.example.org/u.xml',
      'http://localhost.example.org/u.xml',
    ]) {
      expect(checkPolicyFile(chrome(url)).warnings).toHaveLength(1);
    }
  });

  it('a local file is fine for Firefox', () => {
    expect(checkPolicyFile(firefox('file:///opt/clearline/clearline.xpi')).warnings).toEqual([]);
  });
});

describe('node scripts/policy.mjs check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clearline-policy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const check = (file: string) =>
    spawnSync(process.execPath, ['scripts/policy.mjs', 'check', file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 0 on a good file', { timeout: 60_000 }, () => {
    for (const name of ['chrome-linux.json', 'firefox-policies.json']) {
      const result = check(join(POLICIES, name));
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(': OK');
      expect(result.stderr).toBe('');
    }
  });

  it('exits 1 on a bad file and names each bad path', { timeout: 60_000 }, () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ '3rdparty': { extensions: { [CHROME_ID]: { ...BAD_POLICY, bogus: 1 } } } }),
    );
    const result = check(file);
    expect(result.status).toBe(1);
    for (const path of ['promptMode.friend', 'formerClientYears', 'bogus']) {
      expect(result.stderr).toContain(`error at 3rdparty.extensions.${CHROME_ID}.${path}:`);
    }
    expect(result.stderr).toContain('3 error(s)');
  });

  it('exits 1 on a mismatched id, 0 on an install-only file', { timeout: 60_000 }, () => {
    const mismatched = join(dir, 'mismatched.json');
    writeFileSync(
      mismatched,
      JSON.stringify({ ExtensionInstallForcelist: [OTHER_ID], ...chromeSettings(EXAMPLE_ID) }),
    );
    const bad = check(mismatched);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(
      `error at 3rdparty.extensions.${EXAMPLE_ID}: the settings are for`,
    );
    expect(bad.stderr).toContain('1 error(s). Fix every error before rollout.');

    const installOnly = join(dir, 'install-only.json');
    writeFileSync(
      installOnly,
      JSON.stringify({ ExtensionInstallForcelist: [`${EXAMPLE_ID};${UPDATES}`] }),
    );
    const good = check(installOnly);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toBe(
      `${installOnly}: install entry for ${EXAMPLE_ID} at ExtensionInstallForcelist.0, from ${UPDATES}, no Clearline settings\n` +
        `${installOnly}: OK\n`,
    );
  });

  it('exits 1 on a file that is not JSON, showing where; or not there', { timeout: 60_000 }, () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"3rdparty": {');
    const broken = check(file);
    expect(broken.status).toBe(1);
    expect(broken.stderr.split('\n')).toEqual([
      `${file}:1:15: not valid JSON: Expected property name or '}' (the file ends with something still open: a } or ] or " is missing)`,
      '  1 | {"3rdparty": {',
      '    |               ^',
      '',
    ]);

    const missing = check(join(dir, 'missing.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('cannot be read');
  });
});
