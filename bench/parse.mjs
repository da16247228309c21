// Parse throughput of the cable model over the corpus, on one core, against the floor of
// reading and decoding the same bytes without parsing. Prints figures; never passes or fails.
//   node bench/parse.mjs [DIR...]   (default: both renderings of ../shared/corpus/cablegate,
//                                    else the vendored sample)
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared', 'corpus', 'cablegate');
const sample = join(root, 'test', 'fixtures', 'corpus-sample');
const base = existsSync(shared) ? shared : sample;
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(base, 'plain'), join(base, 'markdown-style')];

const outdir = mkdtempSync(join(tmpdir(), 'cable-bench-'));
await build({ entryPoints: [join(root, 'server/src/model/index.ts')], bundle: true, platform: 'node', format: 'esm', outfile: join(outdir, 'model.mjs'), logLevel: 'warning' });
const { parseCable } = await import(pathToFileURL(join(outdir, 'model.mjs')).href);

const files = dirs.flatMap((dir) => readdirSync(dir).map((name) => join(dir, name)));
const ROUNDS = 5;

function timeRead() {
  const start = process.hrtime.bigint();
  let bytes = 0;
  const texts = [];
  for (const file of files) {
    const buffer = readFileSync(file);
    bytes += buffer.length;
    texts.push(buffer.toString('utf8'));
  }
  return { texts, bytes, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

function timeParse(texts) {
  const start = process.hrtime.bigint();
  let paragraphs = 0;
  for (const text of texts) paragraphs += parseCable(text).paragraphs.length;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, paragraphs };
}

const reads = [];
const parses = [];
let texts;
let bytes = 0;
for (let round = 0; round < ROUNDS + 1; round++) {
  const read = timeRead();
  texts = read.texts;
  bytes = read.bytes;
  const parse = timeParse(texts);
  if (round === 0) continue; // warm-up: JIT and disk cache
  reads.push(read.seconds);
  parses.push(parse.seconds);
}
const best = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = bytes / 1e6;
console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB (${dirs.map((d) => d.replace(root, '')).join(', ')})`);
console.log(`read + decode (floor): median ${(mb / median(reads)).toFixed(0)} MB/s, best ${(mb / best(reads)).toFixed(0)} MB/s`);
console.log(`parseCable:            median ${(mb / median(parses)).toFixed(1)} MB/s, best ${(mb / best(parses)).toFixed(1)} MB/s  (${ROUNDS} rounds, one core)`);
console.log(`parse / read time:     ${(median(parses) / median(reads)).toFixed(2)}x`);
