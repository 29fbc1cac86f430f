// Checks an agency's policy file before rollout (`npm run policy:check`): the
// Chrome/Edge managed JSON ({"3rdparty": {"extensions": {"<id>": {...}}}}), a
// Firefox policies.json ({"policies": {"3rdparty": {"Extensions": {"<id>": {...}}}}}),
// or the bare policy object. Each error names its path in the file.
//
// A browser's file may also install Clearline (Chrome/Edge ExtensionInstallForcelist
// or ExtensionSettings, Firefox ExtensionSettings), with or without the settings.
// The install entry and the settings must name the same id: settings under any
// other id reach no extension, and nothing says so at rollout.
import { POLICY_FIELDS, readPolicy, type PolicyProblem } from '../settings/agency-policy';

export interface InstallEntry {
  /** Where in the file, e.g. "ExtensionInstallForcelist.0". */
  path: string;
  extensionId: string;
  /** The update URL (Chrome, Edge) or install URL (Firefox); null: the browser's own store. */
  url: string | null;
}

export interface PolicyFileReport {
  /** Each policy found in the file: where, and its problems. */
  policies: { path: string; extensionId: string | null; problems: PolicyProblem[] }[];
  /** Each entry that installs an extension (force_installed or normal_installed). */
  installs: InstallEntry[];
  /** Problems with the file itself: its shape, its install entries, an id mismatch. */
  fileProblems: PolicyProblem[];
  /** Worth fixing, but the file works as it is. */
  warnings: PolicyProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 32 letters a to p, from the hash of the extension's key. */
const CHROME_ID = /^[a-p]{32}$/;
const INSTALL_MODES = ['force_installed', 'normal_installed'];
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/** Whether the address can install anything; warns on plain http beyond this machine. */
function checkUrl(path: string, url: string, report: PolicyFileReport): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    report.fileProblems.push({
      path,
      message: `"${url}" is not a full address: the browser installs nothing from it`,
    });
    return false;
  }
  if (parsed.protocol === 'http:' && !LOOPBACK.includes(parsed.hostname)) {
    report.warnings.push({
      path,
      message:
        `${url} is plain http: anyone on the network between the browser and ${parsed.host} ` +
        'can read and change what it fetches (hold back updates, or serve an older Clearline). ' +
        'Serve it over https.',
    });
  }
  return true;
}

function checkChromeId(path: string, id: string, report: PolicyFileReport): boolean {
  if (CHROME_ID.test(id)) return true;
  report.fileProblems.push({
    path,
    message: `"${id}" is not an extension id (32 letters a to p): the browser skips this entry`,
  });
  return false;
}

function readForcelist(list: unknown, report: PolicyFileReport) {
  const path = 'ExtensionInstallForcelist';
  if (!Array.isArray(list)) {
    report.fileProblems.push({ path, message: 'must be a list of "<id>;<update URL>" entries' });
    return;
  }
  list.forEach((entry: unknown, i) => {
    const at = `${path}.${i}`;
    if (typeof entry !== 'string') {
      report.fileProblems.push({ path: at, message: 'must be a string "<id>;<update URL>"' });
      return;
    }
    const semicolon = entry.indexOf(';');
    // An id alone installs from the browser's own store.
    const id = semicolon < 0 ? entry : entry.slice(0, semicolon);
    const url = semicolon < 0 ? null : entry.slice(semicolon + 1);
    if (!checkChromeId(at, id, report)) return;
    if (url !== null && !checkUrl(at, url, report)) return;
    report.installs.push({ path: at, extensionId: id, url });
  });
}

function readExtensionSettings(settings: unknown, firefox: boolean, report: PolicyFileReport) {
  const path = firefox ? 'policies.ExtensionSettings' : 'ExtensionSettings';
  if (!isObject(settings)) {
    report.fileProblems.push({ path, message: 'must be an object keyed by extension id' });
    return;
  }
  const urlKey = firefox ? 'install_url' : 'update_url';
  for (const [key, entry] of Object.entries(settings)) {
    // "*" holds defaults and "update_url:<url>" settings by address: neither installs.
    if (key === '*' || key.startsWith('update_url:')) continue;
    if (!isObject(entry)) continue;
    const mode = entry.installation_mode;
    if (typeof mode !== 'string' || !INSTALL_MODES.includes(mode)) continue;
    const at = `${path}.${key}`;
    // Chrome and Edge read a key as a comma-separated list of ids; Firefox ids
    // look like e-mail addresses or {uuid}s, and a key names one.
    const ids = firefox ? [key] : key.split(',').map((id) => id.trim());
    const valid = firefox ? ids : ids.filter((id) => checkChromeId(at, id, report));
    const url = entry[urlKey];
    if (url === undefined && firefox) {
      // Firefox then installs from addons.mozilla.org.
      for (const id of valid) report.installs.push({ path: at, extensionId: id, url: null });
      continue;
    }
    if (typeof url !== 'string') {
      report.fileProblems.push({
        path: `${at}.${urlKey}`,
        message: `${mode} needs an ${urlKey} (a string): without it the browser installs nothing`,
      });
      continue;
    }
    if (!checkUrl(`${at}.${urlKey}`, url, report)) continue;
    for (const id of valid) report.installs.push({ path: at, extensionId: id, url });
  }
}

function readThirdParty(thirdParty: unknown, firefox: boolean, report: PolicyFileReport) {
  const rootPath = firefox ? 'policies.' : '';
  if (!isObject(thirdParty)) {
    report.fileProblems.push({ path: `${rootPath}3rdparty`, message: 'must be an object' });
    return;
  }
  // Chrome and Edge spell it "extensions"; Firefox "Extensions".
  const key = 'Extensions' in thirdParty || firefox ? 'Extensions' : 'extensions';
  const wrapperPath = `${rootPath}3rdparty.${key}`;
  const extensions = thirdParty[key];
  if (!isObject(extensions)) {
    report.fileProblems.push({ path: wrapperPath, message: 'must be an object of extension ids' });
    return;
  }
  const ids = Object.keys(extensions);
  if (ids.length === 0) {
    report.fileProblems.push({ path: wrapperPath, message: 'names no extension' });
  }
  for (const id of ids) {
    const path = `${wrapperPath}.${id}`;
    report.policies.push({
      path,
      extensionId: id,
      problems: readPolicy(extensions[id]).problems.map((p) => ({
        path: p.path === '(policy)' ? path : `${path}.${p.path}`,
        message: p.message,
      })),
    });
  }
}

/**
 * Settings alone are fine (the install may come from a store or another file);
 * but when the file installs something, each id with settings must be one it installs.
 */
function crossCheck(report: PolicyFileReport) {
  if (report.installs.length === 0) return;
  const installed = [...new Set(report.installs.map((install) => install.extensionId))];
  for (const policy of report.policies) {
    if (policy.extensionId === null || installed.includes(policy.extensionId)) continue;
    report.fileProblems.push({
      path: policy.path,
      message:
        `the settings are for ${policy.extensionId}, but the file installs ${installed.join(' and ')}: ` +
        'the settings would reach no extension. Use the same id in both places.',
    });
  }
}

export function checkPolicyFile(file: unknown): PolicyFileReport {
  const report: PolicyFileReport = { policies: [], installs: [], fileProblems: [], warnings: [] };
  if (!isObject(file)) {
    report.fileProblems.push({ path: '(file)', message: 'the file must hold a JSON object' });
    return report;
  }
  const root = isObject(file.policies) ? file.policies : file;
  const firefox = root !== file;
  const rootPath = firefox ? 'policies.' : '';
  const installKeys = firefox
    ? ['ExtensionSettings']
    : ['ExtensionInstallForcelist', 'ExtensionSettings'];
  const thirdParty = root['3rdparty'];
  if (!firefox && thirdParty === undefined && !installKeys.some((key) => key in root)) {
    // No wrapper: the bare policy object, as pasted into Google Admin or Intune.
    report.policies.push({
      path: '(policy)',
      extensionId: null,
      problems: readPolicy(file).problems,
    });
    return report;
  }
  if ('ExtensionInstallForcelist' in root && !firefox) {
    readForcelist(root.ExtensionInstallForcelist, report);
  }
  if ('ExtensionSettings' in root) readExtensionSettings(root.ExtensionSettings, firefox, report);
  // Beside the browser's own policies, a Clearline key is read as one of the
  // browser's (and ignored): it never reaches Clearline.
  for (const key of Object.keys(root)) {
    if (!Object.hasOwn(POLICY_FIELDS, key)) continue;
    report.fileProblems.push({
      path: `${rootPath}${key}`,
      message: `a Clearline key at the top of the file reaches no extension: move it under ${rootPath}3rdparty.${firefox ? 'Extensions' : 'extensions'}.<id>`,
    });
  }
  if (thirdParty !== undefined) readThirdParty(thirdParty, firefox, report);
  else if (report.installs.length === 0 && report.fileProblems.length === 0) {
    report.fileProblems.push({
      path: `${rootPath}3rdparty`,
      message: `installs no extension and sets no ${rootPath}3rdparty policy for Clearline`,
    });
  }
  crossCheck(report);
  return report;
}

export function reportErrors(report: PolicyFileReport): PolicyProblem[] {
  return [...report.fileProblems, ...report.policies.flatMap((p) => p.problems)];
}

/** What `npm run policy:check` prints: found parts on stdout, errors and warnings on stderr. */
export function describeReport(
  file: string,
  report: PolicyFileReport,
): { out: string[]; err: string[]; ok: boolean } {
  const out: string[] = [];
  const err: string[] = [];
  const noSettings = report.policies.length === 0 ? ', no Clearline settings' : '';
  for (const install of report.installs) {
    const from = install.url ?? "the browser's store";
    out.push(
      `${file}: install entry for ${install.extensionId} at ${install.path}, from ${from}${noSettings}`,
    );
  }
  for (const policy of report.policies) {
    out.push(
      policy.extensionId === null
        ? `${file}: a bare Clearline policy (as pasted into an admin console)`
        : `${file}: Clearline settings for ${policy.extensionId} at ${policy.path}`,
    );
  }
  const errors = reportErrors(report);
  for (const error of errors) err.push(`  error at ${error.path}: ${error.message}`);
  for (const warning of report.warnings)
    err.push(`  warning at ${warning.path}: ${warning.message}`);
  if (errors.length === 0) {
    out.push(`${file}: OK`);
    if (report.warnings.length > 0) err.push(`${report.warnings.length} warning(s), no errors.`);
    return { out, err, ok: true };
  }
  const keyErrors = report.policies.some((policy) => policy.problems.length > 0);
  err.push(
    `${errors.length} error(s).` +
      (keyErrors
        ? ' Clearline ignores each bad key (requirePassphrase and allowUserChanges take their ' +
          'strictest value instead); the rest applies. Chrome and Edge drop a value of the wrong ' +
          'type before Clearline sees it.'
        : '') +
      ' Fix every error before rollout.',
  );
  return { out, err, ok: false };
}
