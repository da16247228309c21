// Starts and stops code-server (real VS Code in a browser) from the tools in .tools/, keeping all of
// its state in one scratch folder so it never writes into the home folder. Used by the e2e runner
// and by `npm start`.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tools } from './e2e-tools.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** User settings that keep first-run clutter (welcome page, chat, tips, prompts) off the cables. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'window.commandCenter': false,
  'git.openRepositoryInParentFolders': 'never',
  // Cables in the markdown-style rendering keep each paragraph on one long line.
  'editor.wordWrap': 'on',
};

const userDataDir = (home) => join(home, 'user-data');

/** Writes the user settings.json code-server reads for a `home` given to startCodeServer. */
export function writeUserSettings(home, settings) {
  const file = join(userDataDir(home), 'User', 'settings.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(settings, null, 2));
}

/** Environment that keeps code-server's config, data and cache inside `home`. */
function scratchEnv(home, extra) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'xdg-config'),
    XDG_DATA_HOME: join(home, 'xdg-data'),
    XDG_CACHE_HOME: join(home, 'xdg-cache'),
    ...extra,
  };
}

/** `workspaceTrust`: ask VS Code's workspace trust as a user's editor does (else every folder is trusted). */
function commonArgs(home, extensionsDir, workspaceTrust = false) {
  return [
    '--config',
    join(home, 'config.yaml'),
    '--user-data-dir',
    userDataDir(home),
    '--extensions-dir',
    extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
}

/** Installs a .vsix into `extensionsDir` with code-server's own CLI (the way a user would). */
export function installExtension({ home, extensionsDir, vsix }) {
  const result = spawnSync(tools.node, [tools.codeServerEntry, ...commonArgs(home, extensionsDir), '--install-extension', vsix], {
    env: scratchEnv(home),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0)
    throw new Error(
      `code-server --install-extension ${vsix} failed (${result.status ?? result.signal ?? result.error?.message}):\n${output}`,
    );
  return output.trim();
}

/**
 * Makes this folder an installed extension of `extensionsDir` (a link named publisher.name-version,
 * as an installed copy would be), so VS Code loads it like any extension and rebuilds show after a
 * window reload. The extensionDevelopmentPath payload is no substitute outside tests: the workbench
 * honours it only with the smoke-test driver, which also makes it ignore the user's settings.
 */
export function linkExtension(extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  mkdirSync(extensionsDir, { recursive: true });
  symlinkSync(root, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`));
}

/**
 * Starts code-server on a free loopback port and resolves once /healthz answers.
 * `testDriver` turns on the smoke-test driver, without which the workbench ignores test payloads.
 * The returned `stop()` ends code-server's whole process group (extension hosts, language servers).
 */
export async function startCodeServer({
  home,
  folder,
  extensionsDir = join(home, 'extensions'),
  port = 0,
  testDriver = false,
  workspaceTrust = false,
  env = {},
  timeoutMs = 60_000,
}) {
  mkdirSync(home, { recursive: true });
  const logFile = join(home, 'code-server.log');
  const logStream = createWriteStream(logFile);
  const args = [
    tools.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    ...commonArgs(home, extensionsDir, workspaceTrust),
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  // detached: its own process group, so stop() also reaches the extension hosts it spawns.
  const child = spawn(tools.node, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: scratchEnv(home, env) });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    logStream.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });

  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const deadline = Date.now() + 5_000;
      while (!exited && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Anything of the group that ignored SIGTERM (or outlived code-server) goes now.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the whole group is gone
    }
    logStream.end();
  };

  const deadline = Date.now() + timeoutMs;
  try {
    let origin;
    while (!origin) {
      if (exited) throw new Error('code-server exited while starting');
      if (Date.now() > deadline) throw new Error(`code-server did not start within ${timeoutMs} ms`);
      origin = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!origin) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (;;) {
      if (exited) throw new Error('code-server exited while starting');
      if (Date.now() > deadline) throw new Error(`code-server's /healthz did not answer within ${timeoutMs} ms`);
      const healthy = await fetch(`${origin}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (healthy) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { origin, pid: child.pid, home, logFile, log: () => output, stop, exited: () => exited };
  } catch (error) {
    await stop();
    error.message += `\n--- code-server output ---\n${output || readFileSync(logFile, 'utf8')}`;
    throw error;
  }
}
