// `npm run policy:check` and the example policy files in docs/policies: the
// examples pass, the generated plist and .reg match their source, and errors name
// their full path in the file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolicyFile, reportErrors } from '../../../lib/policy/check';
import { toPlist, toReg, type Json } from '../../../lib/policy/formats';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const POLICIES = join(ROOT, 'docs/policies');
const read = (name: string) => readFileSync(join(POLICIES, name), 'utf8');
const readJson = (name: string) => JSON.parse(read(name)) as Record<string, Json>;

const CHROME_ID = 'iapojipmiegpkakgieihmdkebkgjpgeo';
const FIREFOX_ID = 'clearline@clearline-extension.org';

const chromeFile = readJson('chrome-linux.json');
const chromePolicy = (chromeFile['3rdparty'] as Record<string, Record<string, Json>>).extensions![
  CHROME_ID
] as Record<string, Json>;

/** A good policy with one bad key, to build files around. */
const BAD_POLICY = {
  agencyName: 'Northside',
  promptMode: { friend: 'friend-away', follow: 'remind', message: 'remind' },
  formerClientYears: 99,
};

describe('the example policy files', () => {
  it('chrome-linux.json passes, its policy at 3rdparty.extensions.<id>', () => {
    const report = checkPolicyFile(chromeFile);
    expect(reportErrors(report)).toEqual([]);
    expect(report.fileProblems).toEqual([]);
    expect(report.policies).toEqual([
      { path: `3rdparty.extensions.${CHROME_ID}`, extensionId: CHROME_ID, problems: [] },
    ]);
  });

  it('firefox-policies.json passes, its policy at policies.3rdparty.Extensions.<id>', () => {
    const report = checkPolicyFile(readJson('firefox-policies.json'));
    expect(reportErrors(report)).toEqual([]);
    expect(report.policies).toEqual([
      {
        path: `policies.3rdparty.Extensions.${FIREFOX_ID}`,
        extensionId: FIREFOX_ID,
        problems: [],
      },
    ]);
  });

  it('the Chrome and Firefox examples hold the same policy', () => {
    const firefox = readJson('firefox-policies.json').policies as Record<
      string,
      Record<string, Record<string, Json>>
    >;
    expect(firefox['3rdparty']!.Extensions![FIREFOX_ID]).toEqual(chromePolicy);
  });

  it('clearline.plist is toPlist of the chrome-linux.json policy', () => {
    expect(read('clearline.plist'), 'run npm run policy:formats').toBe(toPlist(chromePolicy));
  });

  it('clearline.reg is toReg of the chrome-linux.json policy', () => {
    expect(read('clearline.reg'), 'run npm run policy:formats').toBe(
      toReg(chromePolicy, CHROME_ID),
    );
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
    const chrome = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${CHROME_ID}\\policy`;
    const edge = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${CHROME_ID}\\policy`;

    it('is a regedit file with Windows line endings', () => {
      expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
      expect(reg.replace(/\r\n/g, '')).not.toContain('\n');
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
