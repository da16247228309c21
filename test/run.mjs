// Runs every test phase and ends with one plain line: `N passed, N failed`.
// Exits non-zero when any test fails or a phase cannot run.
//   node test/run.mjs            the static checks (layers, eslint, prettier: one test each), unit,
//                                grammar and protocol tests (test/**/*.test.ts), then the e2e suite
//                                in real VS Code (test/e2e/run-in-code-server.mjs)
//   node test/run.mjs --no-e2e   without the e2e phase (also when CABLE_SKIP_E2E=1)
//   node test/run.mjs FILE...    only these test files
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function findTestFiles(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === 'fixtures' || name === 'e2e') continue;
    if (statSync(path).isDirectory()) found.push(...findTestFiles(path));
    else if (name.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

function runNodeTests(files) {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-test-'));
  const summaryFile = join(scratch, 'summary.json');
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./test/summary-reporter.mjs',
      '--test-reporter-destination=stdout',
      ...files,
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, CABLE_TEST_SUMMARY: summaryFile } },
  );
  let counts;
  try {
    counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1, skipped: 0 };
    console.error(`test runner exited with ${result.status ?? result.signal} before reporting`);
  }
  rmSync(scratch, { recursive: true, force: true });
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** The layer check and `npm run lint` (eslint, then prettier), before the tests: each passes or fails as one test. */
function runStaticChecks() {
  const checks = [
    ['layer check', process.execPath, ['scripts/check-layers.mjs']],
    ['eslint', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']],
    ['prettier', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']],
  ];
  const counts = { passed: 0, failed: 0 };
  for (const [name, command, args] of checks) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
    const ok = result.status === 0;
    counts[ok ? 'passed' : 'failed']++;
    console.log(`${ok ? '✔' : '✖'} ${name}`);
  }
  return counts;
}

// The e2e phase installs its tools on first use (.tools/) and prints its own results.
function runE2eTests() {
  const scratch = mkdtempSync(join(tmpdir(), 'cable-e2e-summary-'));
  const summaryFile = join(scratch, 'summary.json');
  const result = spawnSync(process.execPath, ['test/e2e/run-in-code-server.mjs', `--summary=${summaryFile}`], {
    cwd: root,
    stdio: 'inherit',
  });
  let counts;
  try {
    counts = JSON.parse(readFileSync(summaryFile, 'utf8'));
  } catch {
    counts = { passed: 0, failed: 1 };
    console.error(`e2e runner exited with ${result.status ?? result.signal} before reporting`);
  }
  rmSync(scratch, { recursive: true, force: true });
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const args = process.argv.slice(2);
const named = args.filter((arg) => arg !== '--no-e2e');
const withE2e = named.length === 0 && !args.includes('--no-e2e') && !process.env.CABLE_SKIP_E2E;
const checks = named.length === 0 ? runStaticChecks() : { passed: 0, failed: 0 };
const total = runNodeTests(named.length > 0 ? named : findTestFiles(join(root, 'test')));
total.passed += checks.passed;
total.failed += checks.failed;
if (withE2e) {
  const e2e = runE2eTests();
  total.passed += e2e.passed;
  total.failed += e2e.failed;
}
const skipped = total.skipped ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exit(total.failed > 0 ? 1 : 0);
