// `cable import` of a whole cables.csv: MB/s and peak RSS, against the goals of issue 14
// (≥ 50 MB/s, RSS < 300 MB). Builds a synthetic cables.csv of at least 1 GB from the corpus's
// cables in the real quoting (eight quoted columns, no header, `\"` and `\'` escapes, multi-line
// routing header and body), each row a cable with an ID of its own, then imports it once into an
// empty folder with /usr/bin/time, after copying the file once (cp) as the disk's floor. Prints
// figures; never passes or fails.
//   node bench/import.mjs [GB]      (default 1; files go to a temporary folder, removed after)
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const shared = join(root, '..', 'shared', 'corpus', 'cablegate', 'plain');
const corpusDir = existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample', 'plain');
const gigabytes = Number(process.argv[2] ?? 1);
const target = gigabytes * 1024 ** 3;

spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });

/** The corpus's cables as cables.csv holds them: routing header (to its blank line) and body. */
const cables = readdirSync(corpusDir).map((name) => {
  const text = readFileSync(join(corpusDir, name), 'utf8');
  const split = text.indexOf('\n\n');
  return split === -1 ? { header: '', body: text } : { header: text.slice(0, split + 2), body: text.slice(split + 2) };
});
const quote = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/'/g, "\\'")}"`;

const work = mkdtempSync(join(tmpdir(), 'cable-bench-import-'));
const csv = join(work, 'cables.csv');
const out = join(work, 'out');
try {
  const stream = createWriteStream(csv);
  let bytes = 0;
  let row = 0;
  while (bytes < target) {
    const cable = cables[row % cables.length];
    row++;
    const line =
      [row, '2/19/1985 12:37', `85SYNTHETIC${row}`, 'Embassy Beirut', 'UNCLASSIFIED', '85BEIRUT992', cable.header, cable.body]
        .map((v) => quote(String(v)))
        .join(',') + '\n';
    bytes += Buffer.byteLength(line);
    if (!stream.write(line)) await new Promise((resolve) => stream.once('drain', resolve));
  }
  await new Promise((resolve) => stream.end(resolve));
  const size = statSync(csv).size;
  console.log(
    `synthetic cables.csv: ${row.toLocaleString('en-US')} rows, ${(size / 1024 ** 2).toFixed(0)} MB (from ${cables.length} corpus cables)`,
  );

  // The floor: the same bytes read and written once (cp), on the same disk, just before.
  const copyStart = process.hrtime.bigint();
  spawnSync('cp', [csv, join(work, 'copy.csv')]);
  const copySeconds = Number(process.hrtime.bigint() - copyStart) / 1e9;
  rmSync(join(work, 'copy.csv'));
  console.log(
    `floor: cp of the file ${(size / 1024 ** 2 / copySeconds).toFixed(1)} MB/s (${copySeconds.toFixed(1)} s), load ${loadavg()[0].toFixed(1)}`,
  );

  const load = loadavg()[0].toFixed(1);
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', process.execPath, join(root, 'dist', 'cli', 'cable.js'), 'import', csv, '--out', out],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const lines = run.stderr.trim().split('\n');
  const [wall, user, system, maxKb] = lines.at(-1).split(' ').map(Number);
  console.log(lines.filter((l) => l.includes('cables found')).join('\n'));
  const mb = size / 1024 ** 2;
  console.log(
    `cable import: ${(mb / wall).toFixed(1)} MB/s wall (${wall.toFixed(1)} s), ${(mb / (user + system)).toFixed(1)} MB/s CPU (user ${user} s + system ${system} s), peak RSS ${(maxKb / 1024).toFixed(0)} MB; load ${load} at start; exit ${run.status}`,
  );
  console.log(`files written: ${readdirSync(out).length.toLocaleString('en-US')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
