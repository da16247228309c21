// Compares the model of the working tree with the model of a git revision, in one process:
// first that both give the same CableModel (JSON, byte for byte) for every file of the corpus
// and the fixtures, then their speed, interleaved. Prints figures; exits 1 when the models differ.
//   node bench/parse-compare.mjs [REV] [ROUNDS]   (default: HEAD, 15 rounds)
// The machine's speed swings from minute to minute, so runs minutes apart do not compare: each
// round times both builds on the same batches of cables, and each batch keeps its fastest CPU
// time over the rounds; the sum of those minima is the figure.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const rev = process.argv[2] ?? 'HEAD';
const ROUNDS = Number(process.argv[3] ?? 15);
const BATCHES = 10;

const scratch = mkdtempSync(join(tmpdir(), 'cable-compare-'));
/** The model bundled as bench/parse.mjs bundles it, from `sourceRoot`. */
async function bundle(sourceRoot, name) {
  const outfile = join(scratch, `${name}.mjs`);
  await build({
    entryPoints: [join(sourceRoot, 'server/src/model/cable-model.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
const old = join(scratch, 'old');
mkdirSync(old);
execFileSync('sh', ['-c', `git -C "${root}" archive "${rev}" server/src/model server/src/data | tar -x -C "${old}"`]);
const before = await bundle(old, 'old');
const after = await bundle(root, 'new');
rmSync(scratch, { recursive: true, force: true });

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  // Regular files only: the fixtures hold links that loop.
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}
const shared = join(root, '..', 'shared', 'corpus');
const cablegate = [join(shared, 'cablegate', 'plain'), join(shared, 'cablegate', 'markdown-style')].flatMap(filesUnder);
const others = [join(shared, 'other-forms'), join(root, 'test', 'fixtures')].flatMap(filesUnder);

// Equivalence: every file as it is, and (for edge cases the corpus lacks) each cablegate file cut
// at a point of its own, with CRLF line ends, and in lower case.
let checked = 0;
const differing = [];
function check(text, fileName, label) {
  const a = JSON.stringify(before.parseCable(text, { fileName }));
  const b = JSON.stringify(after.parseCable(text, { fileName }));
  const fa = JSON.stringify(before.parseFrontMatter(text, { fileName }));
  const fb = JSON.stringify(after.parseFrontMatter(text, { fileName }));
  checked++;
  if (a !== b || fa !== fb) differing.push(label);
}
for (const file of [...cablegate, ...others]) {
  const text = readFileSync(file, 'utf8');
  const name = basename(file);
  check(text, name, file);
  if (!cablegate.includes(file)) continue;
  const cut = (text.length * ((name.length * 7919) % 97)) / 97;
  check(text.slice(0, cut), name, `${file} (cut at ${cut | 0})`);
  check(text.replaceAll('\n', '\r\n'), name, `${file} (CRLF)`);
  check(text.toLowerCase(), name, `${file} (lower case)`);
}
console.log(`models compared: ${checked} texts; ${differing.length} differ`);
for (const label of differing.slice(0, 20)) console.log(`  differs: ${label}`);

// Speed: the cablegate corpus (as bench:parse reads it), in batches.
const texts = cablegate.map((file) => readFileSync(file, 'utf8'));
const bytes = cablegate.reduce((n, file) => n + statSync(file).size, 0);
const batchSize = Math.ceil(texts.length / BATCHES);
const batches = Array.from({ length: BATCHES }, (_, b) => texts.slice(b * batchSize, (b + 1) * batchSize));
const builds = { [rev]: before, 'working tree': after };
const minima = Object.fromEntries(Object.keys(builds).map((name) => [name, batches.map(() => Infinity)]));
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const loads = [];
for (let round = 0; round <= ROUNDS; round++) {
  const order = round % 2 ? Object.keys(builds) : Object.keys(builds).reverse();
  batches.forEach((batch, b) => {
    for (const name of order) {
      const { parseCable } = builds[name];
      const start = cpuMs();
      for (const text of batch) parseCable(text);
      const used = cpuMs() - start;
      if (round > 0) minima[name][b] = Math.min(minima[name][b], used); // round 0 warms up
    }
  });
  loads.push(loadavg()[0]);
}
console.log(
  `${texts.length} files, ${(bytes / 1e6).toFixed(1)} MB; ${ROUNDS} rounds of ${BATCHES} batches, both builds interleaved; ` +
    `load average (1 min) ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
);
for (const name of Object.keys(builds)) {
  const ms = minima[name].reduce((a, b) => a + b, 0);
  console.log(
    `${name.padEnd(14)} ${ms.toFixed(1).padStart(7)} ms CPU (sum of per-batch minima)  ${(bytes / 1e3 / ms).toFixed(1)} MB/s per core`,
  );
}
process.exitCode = differing.length ? 1 : 0;
