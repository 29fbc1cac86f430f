// Checks an agency's policy file before rollout (`npm run policy:check`): the
// Chrome/Edge managed JSON ({"3rdparty": {"extensions": {"<id>": {...}}}}), a
// Firefox policies.json ({"policies": {"3rdparty": {"Extensions": {"<id>": {...}}}}}),
// or the bare policy object. Each error names its path in the file.
import { readPolicy, type PolicyProblem } from './schema';

export interface PolicyFileReport {
  /** Each policy found in the file: where, and its problems. */
  policies: { path: string; extensionId: string | null; problems: PolicyProblem[] }[];
  /** Problems with the file's shape itself (no policy found, a wrapper that is not an object). */
  fileProblems: PolicyProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function extensionsIn(
  wrapper: unknown,
  path: string,
  report: PolicyFileReport,
): Record<string, unknown> | null {
  if (!isObject(wrapper)) {
    report.fileProblems.push({ path, message: 'must be an object of extension ids' });
    return null;
  }
  return wrapper;
}

export function checkPolicyFile(file: unknown): PolicyFileReport {
  const report: PolicyFileReport = { policies: [], fileProblems: [] };
  if (!isObject(file)) {
    report.fileProblems.push({ path: '(file)', message: 'the file must hold a JSON object' });
    return report;
  }
  const root = isObject(file.policies) ? file.policies : file;
  const rootPath = root === file ? '' : 'policies.';
  const thirdParty = root['3rdparty'];
  if (thirdParty === undefined && root !== file) {
    report.fileProblems.push({
      path: 'policies.3rdparty',
      message: 'sets no 3rdparty.Extensions policy for Clearline',
    });
    return report;
  }
  if (thirdParty === undefined) {
    // No wrapper: the bare policy object, as pasted into Google Admin or Intune.
    report.policies.push({
      path: '(policy)',
      extensionId: null,
      problems: readPolicy(file).problems,
    });
    return report;
  }
  if (!isObject(thirdParty)) {
    report.fileProblems.push({ path: `${rootPath}3rdparty`, message: 'must be an object' });
    return report;
  }
  // Chrome and Edge spell it "extensions"; Firefox "Extensions".
  const key = 'Extensions' in thirdParty || root !== file ? 'Extensions' : 'extensions';
  const wrapperPath = `${rootPath}3rdparty.${key}`;
  const extensions = extensionsIn(thirdParty[key], wrapperPath, report);
  if (!extensions) return report;
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
  return report;
}

export function reportErrors(report: PolicyFileReport): PolicyProblem[] {
  return [...report.fileProblems, ...report.policies.flatMap((p) => p.problems)];
}
