// Runs the e2e suite in real VS Code where VS Code itself cannot be downloaded: code-server serves
// the workbench, headless Chromium (playwright-core) opens it with a test payload, and the suite runs
// in code-server's real Node extension host. Phases:
//   dev   the mocha suite (dist/test/e2e) against the extension loaded from this folder
//   ui    playwright tests of the workbench itself (test/e2e/ui/*.ui.mjs): screenshots, token colours
//   vsix  packages the extension, installs the .vsix with code-server --install-extension and runs
//         the mocha suite against the installed copy
// Prints each test, then a plain `e2e: N passed, N failed` line; exits non-zero on any failure.
//   node test/e2e/run-in-code-server.mjs [--phases=dev,ui,vsix] [--summary=FILE]
// Needs `npm run build` first. CABLE_E2E_TIMEOUT_MS bounds the whole run (default 10 minutes);
// CABLE_E2E_KEEP=1 keeps the scratch folder (code-server homes with the extension hosts’ logs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { ensureTools, tools } from '../../scripts/e2e-tools.mjs';
import { installExtension, linkExtension, startCodeServer } from '../../scripts/code-server.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const fixtures = join(root, 'test', 'fixtures', 'e2e');
const testsEntry = join(root, 'dist', 'test', 'e2e', 'index.js');
const uiTestsDir = join(root, 'test', 'e2e', 'ui');
// Prefixes test/e2e/index.ts puts on mocha's lines and on its result, among the workbench's log.
const LOG_MARK = 'cable-e2e| ';
const SUMMARY_MARK = 'cable-e2e-summary ';
const verbose = Boolean(process.env.CABLE_E2E_VERBOSE);

const options = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match) {
      console.error(`unknown argument ${arg}; usage: run-in-code-server.mjs [--phases=dev,ui,vsix] [--summary=FILE]`);
      process.exit(2);
    }
    return [match[1], match[2]];
  }),
);
const phases = (options.phases ?? 'dev,ui,vsix').split(',');
const timeoutMs = Number(process.env.CABLE_E2E_TIMEOUT_MS ?? 600_000);

const totals = { passed: 0, failed: 0 };
const cleanups = [];
const scratch = mkdtempSync(join(tmpdir(), 'cable-e2e-'));
// Set once the run is being stopped (time limit, signal): no phase may start anything after that.
let stopping = false;
// Every process group (code-server) and process (chromium) started, killed again on any exit.
const started = { groups: new Set(), processes: new Set() };
process.on('exit', () => {
  for (const group of started.groups) killQuietly(-group);
  for (const pid of started.processes) killQuietly(pid);
});

function killQuietly(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function refuseWhenStopping(what) {
  if (stopping) throw new Error(`not starting ${what}: the run is stopping`);
}

async function cleanUp() {
  stopping = true;
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`cleanup: ${error.message}`);
    }
  }
  if (!process.env.CABLE_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
}

function finish(code) {
  console.log(`e2e: ${totals.passed} passed, ${totals.failed} failed`);
  if (options.summary) writeFileSync(options.summary, JSON.stringify(totals));
  process.exit(code);
}

/** Launches headless Debian chromium as a server process we can kill by PID. */
async function launchBrowser() {
  refuseWhenStopping('chromium');
  const { chromium } = createRequire(import.meta.url)(tools.playwrightCore);
  const server = await chromium.launchServer({
    executablePath: tools.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const pid = server.process().pid;
  started.processes.add(pid);
  cleanups.push(async () => {
    await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    killQuietly(pid);
  });
  return chromium.connect(server.wsEndpoint());
}

async function startServer(name, settings) {
  refuseWhenStopping('code-server');
  const server = await startCodeServer({ home: join(scratch, name), folder: fixtures, ...settings });
  started.groups.add(server.pid);
  cleanups.push(server.stop);
  return server;
}

/** The workbench URL for `folder` with a payload, e.g. [['extensionDevelopmentPath', path]]. */
function workbenchUrl(server, payload) {
  const host = new URL(server.origin).host;
  const remote = payload.map(([key, path]) => [key, `vscode-remote://${host}${path}`]);
  return `${server.origin}/?folder=${encodeURIComponent(fixtures)}&payload=${encodeURIComponent(JSON.stringify(remote))}`;
}

/** Opens the workbench with a test payload and waits for the extension host to report the exit code. */
async function runMochaSuite(browser, server, label, payload) {
  console.log(`\n# ${label}`);
  const page = await browser.newPage();
  let summary;
  let reportExit;
  const exitCode = new Promise((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
  const workbenchErrors = [];
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...args);
    if (text.startsWith(SUMMARY_MARK)) summary = JSON.parse(text.slice(SUMMARY_MARK.length));
    else if (text.startsWith(LOG_MARK)) console.log(text.slice(LOG_MARK.length));
    else if (verbose) console.log(`[workbench ${type}] ${text}`);
    else if (type === 'error') workbenchErrors.push(text.split('\n')[0]);
  });
  await page.goto(workbenchUrl(server, [...payload, ['extensionTestsPath', testsEntry]]));
  const code = await exitCode;
  await page.close();
  if (!summary || summary.failed > 0 || code !== 0) {
    console.log(`workbench errors during ${label} (CABLE_E2E_VERBOSE=1 shows the whole log):`);
    for (const line of workbenchErrors) console.log(`  ${line}`);
  }
  if (!summary) {
    console.log(`${label}: the extension host exited with ${code} before reporting results`);
    totals.failed++;
    return;
  }
  totals.passed += summary.passed;
  totals.failed += summary.failed;
  if (code !== 0 && summary.failed === 0) {
    console.log(`${label}: the extension host exited with ${code}`);
    totals.failed++;
  }
}

async function runUiTests(browser, server, extensionsDir) {
  const screenshotsDir = process.env.CABLE_SCREENSHOTS_DIR ?? join(root, 'dist', 'screenshots');
  // A second workbench with workspace trust on, started for the tests that ask for it.
  let untrusted;
  const untrustedContext = () =>
    (untrusted ??= startServer('ui-untrusted', { extensionsDir, workspaceTrust: true }).then((other) => ({
      browser,
      url: `${other.origin}/?folder=${encodeURIComponent(fixtures)}`,
      home: other.home,
      screenshotsDir,
    })));
  // The restart test kills language servers, so it runs last: a page opened after it in the same
  // code-server was seen to get no code lens at all (VS Code sent the new server no codeLens request).
  const killsServers = (name) => (name === 'restart.ui.mjs' ? 1 : 0);
  const files = existsSync(uiTestsDir)
    ? readdirSync(uiTestsDir)
        .filter((name) => name.endsWith('.ui.mjs'))
        .sort((a, b) => killsServers(a) - killsServers(b) || a.localeCompare(b))
    : [];
  for (const file of files) {
    const { default: tests, cleanUp: cleanUpFile } = await import(pathToFileURL(join(uiTestsDir, file)).href);
    console.log(`\n# ui: ${file}`);
    const context = {
      browser,
      url: `${server.origin}/?folder=${encodeURIComponent(fixtures)}`,
      home: server.home,
      screenshotsDir,
      untrusted: untrustedContext,
    };
    // CABLE_E2E_GREP picks UI tests by name as it picks the mocha suite's.
    const grep = process.env.CABLE_E2E_GREP ? new RegExp(process.env.CABLE_E2E_GREP) : undefined;
    for (const { name, run } of tests) {
      if (grep && !grep.test(name)) continue;
      const testStarted = Date.now();
      try {
        await run(context);
        totals.passed++;
        console.log(`  ✔ ${name} (${Date.now() - testStarted}ms)`);
      } catch (error) {
        totals.failed++;
        console.log(`  ✘ ${name}\n    ${String(error.stack ?? error).replaceAll('\n', '\n    ')}`);
      }
    }
    await cleanUpFile?.();
  }
}

function packageVsix() {
  const vsix = join(scratch, 'cable.vsix');
  const result = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run package exited with ${result.status ?? result.signal}:\n${output}`);
  console.log(`\n${/Packaged: .*/.exec(output)?.[0] ?? `packaged ${vsix}`}`);
  return vsix;
}

async function main() {
  if (!existsSync(testsEntry)) throw new Error(`${testsEntry} is missing: run \`npm run build\` first`);
  const startedAt = Date.now();
  const browser = await launchBrowser();

  if (phases.includes('dev')) {
    const server = await startServer('dev', { testDriver: true, env: { CABLE_E2E_EXTENSION_ROOT: root } });
    await runMochaSuite(browser, server, 'e2e: extension from this folder', [['extensionDevelopmentPath', root]]);
  }

  if (phases.includes('ui')) {
    // The extension is linked in as installed: without the smoke-test driver (which makes the
    // workbench ignore the user's settings) the workbench honours no extensionDevelopmentPath.
    const extensionsDir = join(scratch, 'ui', 'extensions');
    linkExtension(extensionsDir);
    await runUiTests(browser, await startServer('ui', { extensionsDir }), extensionsDir);
  }

  if (phases.includes('vsix')) {
    const vsix = packageVsix();
    const extensionsDir = join(scratch, 'vsix', 'extensions');
    installExtension({ home: join(scratch, 'vsix'), extensionsDir, vsix });
    const server = await startServer('vsix', { testDriver: true, extensionsDir, env: { CABLE_E2E_EXTENSION_ROOT: extensionsDir } });
    // The workbench runs extensionTestsPath only in extension development mode, so point the
    // development path at an empty folder: the extension itself then loads from extensionsDir.
    const noExtension = join(scratch, 'vsix', 'no-extension');
    mkdirSync(noExtension);
    await runMochaSuite(browser, server, 'e2e: extension installed from the .vsix', [['extensionDevelopmentPath', noExtension]]);
  }
  console.log(`\ne2e run took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    console.error(`\n${signal}: stopping code-server and chromium`);
    await cleanUp();
    process.exit(130);
  });
}
// Installing the tools (minutes, once) is not part of the run's time limit.
try {
  ensureTools();
} catch (error) {
  console.error(`e2e tools: ${error.message}`);
  totals.failed++;
  await cleanUp();
  finish(1);
}
const overall = setTimeout(async () => {
  console.error(`e2e run exceeded ${timeoutMs} ms; stopping`);
  totals.failed++;
  await cleanUp();
  finish(1);
}, timeoutMs);

try {
  await main();
} catch (error) {
  console.error(`e2e run failed: ${error.stack ?? error}`);
  totals.failed++;
}
clearTimeout(overall);
await cleanUp();
finish(totals.failed > 0 ? 1 : 0);
