// `npm start`: installs the e2e tools if missing, builds, and serves VS Code (code-server) on the
// samples/ folder with this extension loaded. Prints the URL to open; runs until Ctrl+C.
//   PORT=8080 npm start     the port to serve on (default 8080; 0 picks a free one)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUIET_SETTINGS, linkExtension, startCodeServer, writeUserSettings } from './code-server.mjs';
import { ensureTools } from './e2e-tools.mjs';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const samples = join(root, 'samples');
const port = Number(process.env.PORT ?? 8080);

async function main() {
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  ensureTools();
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  mkdirSync(samples, { recursive: true });

  // Settings, extensions and caches of this session live in a scratch folder, removed on exit.
  const home = mkdtempSync(join(tmpdir(), 'cable-start-'));
  let server;
  const stop = async (code) => {
    await server?.stop();
    rmSync(home, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  try {
    const extensionsDir = join(home, 'extensions');
    linkExtension(extensionsDir);
    writeUserSettings(home, QUIET_SETTINGS);
    server = await startCodeServer({ home, folder: samples, extensionsDir, port });
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }

  const url = `${server.origin}/?folder=${encodeURIComponent(samples)}`;
  console.log(`\nVS Code with the Cable extension is serving ${samples}\n\n  Open: ${url}\n\nPress Ctrl+C to stop.`);

  // Stay up until Ctrl+C; if code-server dies on its own, say so and fail.
  const watch = setInterval(() => {
    if (!server.exited()) return;
    clearInterval(watch);
    console.error(`code-server stopped unexpectedly:\n${server.log()}`);
    void stop(1);
  }, 1_000);
}

main().catch((error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
