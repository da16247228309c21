// Extension activation time and bundle sizes. Prints figures; never passes or fails.
//   node bench/activation.mjs [--runs=N] [--sizes-only]
// Sizes: the production bundles (dist/client, dist/server, dist/cli) and the .vsix, built the way
// `npm run package` builds them but in a scratch copy of the project, so dist/ is left as it is.
// Activation: the .vsix installed into code-server (real VS Code, tools from `npm run e2e-tools`),
// whose workbench headless chromium opens N times with bench/activation.host.ts as the extension
// tests entry; each window is a fresh extension host. Per window: VS Code's own activation time
// (code loading + the activate() call, as Developer: Show Running Extensions shows it), and the
// time from opening a cable to its first non-empty outline (documentSymbol), which includes
// starting the language server.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { build } from 'esbuild';
import { installExtension, startCodeServer } from '../scripts/code-server.mjs';
import { ensureTools, tools } from '../scripts/e2e-tools.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 5);
const sizesOnly = process.argv.includes('--sizes-only');
const REPORT_MARK = 'cable-activation ';
const scratch = mkdtempSync(join(tmpdir(), 'cable-bench-activation-'));
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

function run(command, commandArgs, cwd) {
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}`);
  return result.stdout + result.stderr;
}

/**
 * A copy of the project holding what the .vsix takes (the `!` lines of .vscodeignore, but dist/),
 * with links to the sources and tools the build reads: `npm run package` there.
 */
function packageInScratch() {
  const project = join(scratch, 'project');
  mkdirSync(project);
  for (const name of ['client', 'server', 'test', 'scripts', 'node_modules']) symlinkSync(join(root, name), join(project, name));
  const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8');
  const packaged = new Set(
    ignore
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).split('/')[0]),
  );
  for (const name of [...packaged, '.vscodeignore'])
    if (name !== 'dist') cpSync(join(root, name), join(project, name), { recursive: true });
  const vsix = join(scratch, 'cable.vsix');
  run('npm', ['run', '--silent', 'package', '--', '--out', vsix], project);
  return { project, vsix };
}

function printSizes({ project, vsix }) {
  console.log('bundle sizes (production build, as packaged):');
  for (const part of ['client', 'server', 'cli']) {
    const dir = join(project, 'dist', part);
    const files = readdirSync(dir).filter((name) => name.endsWith('.js'));
    const size = files.reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
    console.log(`  ${`dist/${part}`.padEnd(13)} ${kb(size).padStart(8)}  (${files.join(', ')})`);
  }
  const size = statSync(vsix).size;
  console.log(`  ${'.vsix'.padEnd(13)} ${kb(size).padStart(8)}  (${size} bytes; goal < 1 MB)`);
  const listing = run('unzip', ['-l', vsix])
    .split('\n')
    .filter((line) => /^\s*\d+\s+\S+\s+\S+\s+\S/.test(line) && !/\d+ files$/.test(line));
  const largest = listing
    .map((line) => line.trim().split(/\s+/))
    .map((cols) => [Number(cols[0]), cols[3]])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 5);
  console.log(`  largest files in the .vsix (uncompressed): ${largest.map(([bytes, name]) => `${name} ${kb(bytes)}`).join(', ')}`);
}

/** Bundles the extension host entry; returns its folder. */
async function buildHostEntry() {
  const dir = join(scratch, 'host');
  await build({
    entryPoints: [join(root, 'bench', 'activation.host.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    outfile: join(dir, 'index.js'),
    logLevel: 'warning',
  });
  return dir;
}

/** `Activation: 12ms` of the Cable row in the Running Extensions editor, once it shows. */
async function readActivationTime(page) {
  const deadline = Date.now() + 4_000;
  while (Date.now() < deadline) {
    const text = await page.evaluate(() => {
      for (const row of document.querySelectorAll('.runtime-extensions-editor .extension')) {
        if (row.querySelector('.name')?.textContent?.startsWith('Cable')) return row.querySelector('.activation-time')?.textContent ?? '';
      }
      return '';
    });
    const ms = /(Startup )?Activation: (\d+)ms/.exec(text);
    if (ms) return { activationMs: Number(ms[2]), startup: Boolean(ms[1]) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

/** Opens one workbench window with the entry and resolves with its report. */
async function measureOnce(browser, server, folder, noExtension, entry) {
  const page = await browser.newPage();
  try {
    let report;
    let reported;
    let reportExit;
    const exited = new Promise((resolve) => {
      reportExit = resolve;
    });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', (_type, logArgs) => {
      const text = format(...logArgs);
      if (text.startsWith(REPORT_MARK)) {
        report = JSON.parse(text.slice(REPORT_MARK.length));
        reported = readActivationTime(page).then((shown) => Object.assign(report, shown));
      }
    });
    const host = new URL(server.origin).host;
    const payload = [
      ['extensionDevelopmentPath', noExtension],
      ['extensionTestsPath', entry],
    ].map(([key, path]) => [key, `vscode-remote://${host}${path}`]);
    await page.goto(`${server.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 120_000))]);
    if (!report) throw new Error(`the extension host reported nothing (exit ${code})`);
    await reported;
    return report;
  } finally {
    await page.close();
  }
}

const stats = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0).padStart(5)} ms   min ${sorted[0].toFixed(0).padStart(5)} ms   max ${sorted[sorted.length - 1].toFixed(0).padStart(5)} ms`;
};

async function measureActivation(vsix) {
  ensureTools();
  const home = join(scratch, 'code-server');
  const extensionsDir = join(home, 'extensions');
  installExtension({ home, extensionsDir, vsix });
  const folder = join(root, 'test', 'fixtures', 'e2e');
  // The workbench runs extensionTestsPath only in extension development mode: the development
  // path is an empty folder, so the extension itself is the installed copy.
  const noExtension = join(scratch, 'no-extension');
  mkdirSync(noExtension);
  const entry = await buildHostEntry();
  const server = await startCodeServer({ home, folder, extensionsDir, testDriver: true });
  const { chromium } = createRequire(import.meta.url)(tools.playwrightCore);
  const browserServer = await chromium.launchServer({
    executablePath: tools.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    const browser = await chromium.connect(browserServer.wsEndpoint());
    // A first window warms code-server's caches (the workbench's own files); it is not counted.
    await measureOnce(browser, server, folder, noExtension, entry);
    const reports = [];
    for (let i = 0; i < runs; i++) reports.push(await measureOnce(browser, server, folder, noExtension, entry));
    const shown = reports.filter((r) => r.activationMs !== undefined);
    console.log(`activation in code-server (extension installed from the .vsix; ${runs} windows, each a fresh extension host):`);
    if (shown.length)
      console.log(
        `  VS Code's activation time          ${stats(shown.map((r) => r.activationMs))}   (goal < 100 ms; code loading + activate(), as Show Running Extensions shows it)`,
      );
    if (shown.length < reports.length) console.log(`  (${reports.length - shown.length} window(s) showed no activation time)`);
    console.log(
      `  open a cable → first outline        ${stats(reports.map((r) => r.firstOutlineMs))}   (${reports[0].file}; includes starting the language server)`,
    );
    console.log(
      `  active before the cable was opened: ${reports.filter((r) => r.activeBefore).length} of ${reports.length} windows (Plain Text activates it too)`,
    );
  } finally {
    await Promise.race([browserServer.close(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await server.stop();
  }
}

console.log(
  `node ${process.version}; ${cpus().length} × ${cpus()[0]?.model.trim()}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
try {
  const packaged = packageInScratch();
  printSizes(packaged);
  if (!sizesOnly) await measureActivation(packaged.vsix);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
