// Entry point VS Code calls with `extensionTestsPath`: runs every `*.e2e.js` bundle beside this one
// in mocha and rejects when a test fails. New features add a `test/e2e/<feature>.e2e.ts` file.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// The workbench forwards every log line to the runner; these prefixes mark the ones from mocha.
const LOG_MARK = 'cable-e2e| ';
const SUMMARY_MARK = 'cable-e2e-summary ';

export async function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(LOG_MARK + line);
  };
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 60_000,
    // The runner may narrow the run, e.g. to the smoke checks of an installed .vsix.
    grep: process.env.CABLE_E2E_GREP || undefined,
  });
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.e2e.js'))
    .sort();
  if (files.length === 0) throw new Error(`no *.e2e.js test bundles in ${__dirname}`);
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  await mocha.loadFilesAsync();
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1, pending: 0 } as Mocha.Stats)));
  });
  // One machine-readable line for test/e2e/run-in-code-server.mjs, which adds up the phases.
  console.log(`${SUMMARY_MARK}${JSON.stringify({ passed: stats.passes, failed: stats.failures, pending: stats.pending })}`);
  if (stats.failures > 0) throw new Error(`${stats.failures} e2e test(s) failed`);
}
