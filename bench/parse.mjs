// Parse throughput of the cable model over the corpus, on one core, against the floor of
// reading and decoding the same bytes without parsing. Prints figures; never passes or fails.
//   node bench/parse.mjs [DIR...]   (default: both renderings of ../shared/corpus/cablegate,
//                                    else the vendored sample)
// MB/s per core is bytes over the process's CPU time (user + system), so other processes
// loading the machine do not count against it; wall-clock MB/s is printed beside it.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared', 'corpus', 'cablegate');
const sample = join(root, 'test', 'fixtures', 'corpus-sample');
const base = existsSync(shared) ? shared : sample;
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(base, 'plain'), join(base, 'markdown-style')];

const outdir = mkdtempSync(join(tmpdir(), 'cable-bench-'));
await build({
  entryPoints: [join(root, 'server/src/model/cable-model.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: join(outdir, 'model.mjs'),
  logLevel: 'warning',
});
const { parseCable, parseFrontMatter } = await import(pathToFileURL(join(outdir, 'model.mjs')).href);
rmSync(outdir, { recursive: true, force: true });

const files = dirs.flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));
const ROUNDS = 7;

/** Wall and CPU seconds of `work`. */
function time(work) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = work();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { result, wall, cpu: (used.user + used.system) / 1e6 };
}

function readAll() {
  let bytes = 0;
  const texts = [];
  for (const file of files) {
    const buffer = readFileSync(file);
    bytes += buffer.length;
    texts.push(buffer.toString('utf8'));
  }
  return { texts, bytes };
}

const runs = { read: [], parse: [], front: [] };
let texts;
let bytes = 0;
for (let round = 0; round < ROUNDS + 1; round++) {
  const read = time(readAll);
  ({ texts, bytes } = read.result);
  const parse = time(() => texts.reduce((n, text) => n + parseCable(text).paragraphs.length, 0));
  const front = parseFrontMatter ? time(() => texts.reduce((n, text) => n + (parseFrontMatter(text).id ? 1 : 0), 0)) : undefined;
  if (round === 0) continue; // warm-up: JIT and disk cache
  runs.read.push(read);
  runs.parse.push(parse);
  if (front) runs.front.push(front);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const best = (xs) => Math.min(...xs);
const mb = bytes / 1e6;
const rate = (samples, key) =>
  `median ${(mb / median(samples.map((s) => s[key]))).toFixed(1).padStart(6)} MB/s, best ${(mb / best(samples.map((s) => s[key]))).toFixed(1).padStart(6)} MB/s`;
const line = (name, samples) =>
  console.log(`${name.padEnd(30)} per core (CPU time): ${rate(samples, 'cpu')}   wall: ${rate(samples, 'wall')}`);

console.log(
  `node ${process.version}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${ROUNDS} rounds after a warm-up, one thread`,
);
console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB (${dirs.map((d) => d.replace(root, '')).join(', ')})`);
line('read + decode (the floor)', runs.read);
line('parseCable (full model)', runs.parse);
if (runs.front.length) line('parseFrontMatter (index)', runs.front);
const ratio = median(runs.parse.map((s) => s.cpu)) / median(runs.read.map((s) => s.cpu));
console.log(`parseCable / read CPU time:    ${ratio.toFixed(2)}x  (goal: within 3x, and >= 100 MB/s per core)`);
