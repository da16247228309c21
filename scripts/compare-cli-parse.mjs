// Compares this build's `cable parse` with another build's (say main's, before a change to the
// CLI's pipeline): stdout, stderr and exit status must be byte-identical over the whole corpus
// (both renderings), every file of other-forms, the hostile and source fixtures, each of those on
// standard input, and made-up bad inputs (errors amid a list, a truncated and a multi-megabyte
// cables.csv, an HTML page with no cable, files over the size cap). Prints each case and exits 1
// on any difference.
//   node scripts/compare-cli-parse.mjs OTHER_DIST/cli/cable.js
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const other = process.argv[2] && resolve(process.argv[2]);
if (!other || !existsSync(other)) {
  console.error('usage: node scripts/compare-cli-parse.mjs OTHER_DIST/cli/cable.js');
  process.exit(2);
}
const ours = join(root, 'dist', 'cli', 'cable.js');
const shared = join(root, '..', 'shared', 'corpus');

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

const work = mkdtempSync(join(tmpdir(), 'cable-compare-parse-'));
let differences = 0;

/** `merged`: stdout and stderr into one file, as a terminal shows them, so the order of messages among records counts. */
function compare(name, args, input, merged = false) {
  const run = (cli) => {
    const options = { input, maxBuffer: 1024 * 1024 * 1024, cwd: work, timeout: 600_000 };
    if (!merged) return spawnSync(process.execPath, [cli, 'parse', ...args], options);
    const both = join(work, 'both.out');
    const fd = openSync(both, 'w');
    const result = spawnSync(process.execPath, [cli, 'parse', ...args], { ...options, stdio: ['pipe', fd, fd] });
    closeSync(fd);
    return { status: result.status, stdout: readFileSync(both), stderr: Buffer.alloc(0) };
  };
  const [a, b] = [run(ours), run(other)];
  const same = a.status === b.status && a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr);
  if (!same) differences++;
  console.log(
    `${same ? 'same' : 'DIFFERENT'}: ${name} (exit ${a.status}/${b.status}, stdout ${a.stdout.length}/${b.stdout.length} bytes, stderr ${a.stderr.length}/${b.stderr.length} bytes)`,
  );
}

try {
  const corpus = [...filesUnder(join(shared, 'cablegate', 'plain')), ...filesUnder(join(shared, 'cablegate', 'markdown-style'))];
  const otherForms = filesUnder(join(shared, 'other-forms'));
  const fixtures = [...filesUnder(join(root, 'test', 'fixtures', 'hostile')), ...filesUnder(join(root, 'test', 'fixtures', 'sources'))];

  // Made-up inputs: what users feed the CLI by mistake or at scale.
  const csvRows = filesUnder(join(shared, 'other-forms', 'csv'))
    .filter((file) => file.endsWith('.csv'))
    .map((file) => readFileSync(file));
  const made = (name, bytes) => {
    writeFileSync(join(work, name), bytes);
    return join(work, name);
  };
  const bigCsv = made('big.csv', Buffer.concat(Array.from({ length: 120 }, () => csvRows).flat()));
  const truncatedCsv = made('truncated.csv', readFileSync(bigCsv).subarray(0, 50_000));
  const noCable = made(
    'no-cable.html',
    '<!DOCTYPE html><html><head><title>Not found</title></head><body><p>Nothing here.</p></body></html>\n',
  );
  const corpusText = Buffer.concat(corpus.slice(0, 400).map((file) => readFileSync(file)));
  const overCap = made('over-cap.txt', Buffer.concat([corpusText, corpusText]));
  const overChunk = made('over-a-megabyte.txt', corpusText.subarray(0, 1_500_000));
  const empty = made('empty.txt', '');
  mkdirSync(join(work, 'a-folder'));

  compare(`the corpus, ${corpus.length} files`, corpus);
  compare(`other-forms, ${otherForms.length} files`, otherForms);
  compare(`fixtures, ${fixtures.length} files`, fixtures);
  compare('made-up inputs', [bigCsv, truncatedCsv, noCable, overCap, overChunk, empty, '/dev/zero']);
  const amid = [
    ...corpus.slice(0, 50),
    'missing.txt',
    ...corpus.slice(50, 100),
    'a-folder',
    join(root, 'test', 'fixtures', 'hostile', 'binary.cable'),
    bigCsv,
    ...corpus.slice(100, 300),
    truncatedCsv,
    ...corpus.slice(300, 400),
  ];
  compare('errors amid a list', amid);
  compare('errors amid a list, stdout and stderr in one file', amid, undefined, true);
  compare('--year 2009 --id 09BASRAH2 over other-forms', ['--year', '2009', '--id', '09BASRAH2', ...otherForms]);
  compare('stdin among files', [corpus[0], '-', corpus[1]], readFileSync(corpus[2]));
  for (const file of [...otherForms, ...fixtures, bigCsv, truncatedCsv, noCable, overCap, empty])
    compare(`stdin: ${file.slice(file.lastIndexOf('/') + 1)}`, ['-'], readFileSync(file));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(differences ? `${differences} case(s) differ` : 'every case byte-identical');
process.exit(differences ? 1 : 0);
