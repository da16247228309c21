// A folder opened again with its index cache, in process: the time and CPU from the start of the
// index to the first definition (a lookup of one cable's ID, its file checked by size and mtime
// first, as the server answers), then to references to it, then to the end of the checking pass;
// peak RSS. Prints figures;
// never passes or fails.
//   node --import tsx bench/warm-open.ts DIR CACHE_DIR      (after `node scripts/build.mjs`)
// DIR is a workspace made by `npm run bench:make-workspace -- N DIR`. Without a cache in CACHE_DIR,
// `cable index --cache-dir CACHE_DIR DIR` (the built CLI) makes it first: the cold pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import packageJson from '../package.json';
import { cacheVersion, createIndexCache } from '../server/src/node/index-cache.ts';
import { createNodeWorkspace } from '../server/src/node/node-workspace.ts';
import { WorkspaceIndex } from '../server/src/workspace/workspace-index.ts';

const root = resolve(__dirname, '..');
const [dirArg, cacheArg] = process.argv.slice(2);
if (!dirArg || !cacheArg) {
  process.stderr.write('usage: node --import tsx bench/warm-open.ts DIR CACHE_DIR\n');
  process.exit(2);
}
const dir = resolve(dirArg);
const cacheDir = resolve(cacheArg);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

if (!existsSync(cacheDir) || !readdirSync(cacheDir).some((name) => name.endsWith('.jsonl'))) {
  const started = performance.now();
  const cold = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'cable.js'), 'index', '--cache-dir', cacheDir, dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (cold.status !== 0) process.exit(cold.status ?? 1);
  console.log(
    `cold: cable index --cache-dir (the cache written)  ${((performance.now() - started) / 1000).toFixed(2)} s wall  load ${load()}`,
  );
}

/** One cable's ID, from a file name of the workspace (make-workspace names files by ID). */
function someId(): string {
  for (const year of readdirSync(dir)
    .filter((name) => /^\d{4}$/.test(name))
    .sort()) {
    for (const month of readdirSync(join(dir, year)).sort()) {
      const file = readdirSync(join(dir, year, month)).find((name) => /\.(cable|txt)$/.test(name));
      if (file) return file.replace(/\.[^.]+$/, '');
    }
  }
  throw new Error(`no cable in ${dir}`);
}

const id = someId();
const logger = { info: (m: string) => console.log(`  log: ${m}`), warn: (m: string) => console.log(`  warn: ${m}`), error: console.error };
const store = createIndexCache(cacheDir, cacheVersion(packageJson.version, join(root, 'dist', 'server', 'index-worker.js')), logger);
const index = new WorkspaceIndex(createNodeWorkspace(logger), logger, { store });
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return ((user + system) / 1e6).toFixed(2);
};
async function main(): Promise<void> {
  console.log(`warm open of ${dir} (load ${load()})`);
  const started = performance.now();
  const startCpu = process.cpuUsage();
  const since = () => {
    const { user, system } = process.cpuUsage(startCpu);
    return `${((performance.now() - started) / 1000).toFixed(2)} s wall, ${((user + system) / 1e6).toFixed(2)} s CPU`;
  };
  index.setFolders([{ uri: pathToFileURL(dir).href }]);
  await index.ensureIndexed();
  const found = await index.checked(() => index.lookup(id));
  console.log(`first definition (${id}: ${found.length} cable)  ${since()}  load ${load()}`);
  const citing = await index.checked(() => index.citing(id));
  console.log(`then references (${citing.length} citing)  ${since()}`);
  await index.ensureIndexed(undefined, true);
  console.log(`every file checked                 ${since()}  load ${load()}`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (process CPU ${cpu()} s)`);
}

void main();
