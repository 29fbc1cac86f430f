#!/usr/bin/env node
// `npm test`: typecheck, lint, both builds, web-ext lint, unit tests, end-to-end
// tests. Ends with one line `N passed, N failed` (tests over unit and e2e; a
// failed check such as lint or the build counts as one failed test too).
// `--e2e-only` builds and runs the end-to-end tests alone.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const e2eOnly = process.argv.includes('--e2e-only');
const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('.tmp', { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[cmd, ...args].join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, cmd, args) {
  if (!run(label, cmd, args)) {
    failed += 1;
    failures.push(label);
    return false;
  }
  return true;
}

/** Runs vitest with a JSON report and adds its counts; a crash with no report counts as a failure. */
function vitest(label, args) {
  const report = `.tmp/${label}.json`;
  rmSync(report, { force: true });
  const ok = run(label, bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    failed += 1;
    failures.push(`${label} (no report)`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  reportSecondRuns(label, json);
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numFailedTests > 0 || (!ok && json.numFailedTests === 0)) {
    failures.push(label);
    if (json.numFailedTests === 0) failed += 1; // a failed file (import error) with no failed test
  }
}

/** Tests that failed once and passed when run again (e2e retries once): named, never silent. */
function reportSecondRuns(label, json) {
  const flaky = json.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'passed' && test.failureMessages.length > 0)
      .map((test) => ({ name: test.fullName, error: test.failureMessages[0].split('\n')[0] })),
  );
  if (flaky.length === 0) return;
  console.log(`\nPassed on a second run (${label}): ${flaky.length}`);
  for (const test of flaky) console.log(`- ${test.name}\n  first run: ${test.error}`);
}

if (!e2eOnly) {
  check('typecheck', bin('tsc'), ['--noEmit']);
  check('eslint', bin('eslint'), ['.']);
  check('prettier', bin('prettier'), ['--check', '.']);
}
const built =
  check('build chrome', bin('wxt'), ['build']) &&
  check('build firefox', bin('wxt'), ['build', '-b', 'firefox', '--mv3']);
if (!e2eOnly && built) {
  check('web-ext lint', bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv3']);
}
if (!e2eOnly) vitest('unit', []);
if (built) vitest('e2e', ['-c', 'vitest.e2e.config.ts']);
else {
  failed += 1;
  failures.push('e2e (no build)');
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
