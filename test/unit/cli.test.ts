// The `cable` command as users run it: the built bundle, real files, real exit codes.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SEED_FILE, SAMPLE_CORPUS_DIR } from '../support/corpus.ts';

const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'cable.js');

function cable(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cable parse', () => {
  it('prints one JSON record per file with the documented fields', () => {
    const plain = join(SAMPLE_CORPUS_DIR, 'plain', '05ANKARA1730.txt');
    const { status, stdout } = cable(['parse', SEED_FILE, plain]);
    assert.equal(status, 0);
    const records = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.equal(records.length, 2);
    const [seed, ankara] = records;
    assert.deepEqual(Object.keys(seed), [
      'file',
      'id',
      'documentNumber',
      'classification',
      'date',
      'origin',
      'precedence',
      'subject',
      'tags',
      'references',
      'paragraphs',
      'diagnostics',
    ]);
    assert.equal(seed.id, '09BASRAH2');
    assert.deepEqual(
      seed.tags.find((t: { code: string }) => t.code === 'PINS'),
      { code: 'PINS', kind: 'subject', meaning: 'National Security' },
    );
    assert.deepEqual(seed.references, [
      { label: null, text: '2008 BAGHDAD 3475', kind: 'cable', id: '08BAGHDAD3475', ids: ['08BAGHDAD3475'], line: 23 },
    ]);
    assert.deepEqual(
      seed.paragraphs.map((p: { number: number }) => p.number),
      [1, 2, 3, 4, 5],
    );
    // The partial extract has no DTG: its year comes from the file name, which matches the banner.
    assert.equal(ankara.id, '05ANKARA1730');
    assert.deepEqual(
      ankara.references.map((r: { label: string; id: string }) => `${r.label}:${r.id}`),
      ['A:05ANKARA1074', 'B:05ANKARA1231', 'C:05ANKARA1275', 'D:05ANKARA1511', 'E:05ANKARA1342', 'F:05ANKARA944', 'G:05ANKARA1102'],
    );
  });

  it('gives a PlusD cable its document number, and a FRUS telegram its ID, local date and place of origin', () => {
    const fixtures = join(__dirname, '..', 'fixtures', 'other-forms');
    const { status, stdout } = cable([
      'parse',
      join(fixtures, 'plusd', '1975ADDIS09462.txt'),
      join(fixtures, 'frus', 'frus1958-60v11-d142.txt'),
    ]);
    assert.equal(status, 0);
    const [addis, frus] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      [addis.id, addis.documentNumber, addis.classification, addis.date],
      ['75ADDISABABA9462', '1975ADDIS09462', 'CONFIDENTIAL', '1975-08-06T15:07Z'],
    );
    assert.deepEqual(
      [frus.id, frus.documentNumber, frus.date, frus.origin, frus.paragraphs],
      ['58BEIRUT406', null, '1958-07-15T18:00', 'Beirut', []],
    );
  });

  it('reads a fragment from stdin with --year and --id as its context', () => {
    const fragment = 'REF: A. STATE 123 B. 08 BAGHDAD 3475 C. E-MAIL FROM POLOFF 10/23/2008\n';
    const withYear = JSON.parse(cable(['parse', '--year', '2009', '-'], fragment).stdout);
    assert.deepEqual(
      withYear.references.map((r: { id: string | null; kind: string }) => [r.kind, r.id]),
      [
        ['cable', '09STATE123'],
        ['cable', '08BAGHDAD3475'],
        ['other', null],
      ],
    );
    const withId = JSON.parse(cable(['parse', '--id', '07madrid173', '-'], fragment).stdout);
    assert.equal(withId.id, '07MADRID173');
    assert.equal(withId.references[0].id, '07STATE123');
    const without = JSON.parse(cable(['parse', '-'], fragment).stdout);
    assert.equal(without.references[0].id, null, 'no year, no invented ID');
  });

  it('reports unreadable inputs on stderr, goes on with the others and exits 1', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const binary = join(dir, 'binary.cable');
    writeFileSync(binary, Buffer.from([0x43, 0x00, 0x01, 0x02, 0xff]));
    const { status, stdout, stderr } = cable(['parse', join(dir, 'missing.cable'), dir, binary, SEED_FILE]);
    assert.equal(status, 1);
    assert.equal(stdout.trim().split('\n').length, 1);
    assert.match(stderr, /missing\.cable: no such file/);
    assert.match(stderr, /: is a directory/);
    assert.match(stderr, /binary\.cable: is a binary file/);
  });

  it('rejects bad options with usage and exit 2', () => {
    assert.equal(cable(['parse', '--year', 'abc']).status, 2);
    assert.equal(cable(['frobnicate']).status, 2);
    assert.equal(cable(['--help']).status, 0);
  });
});

describe('cable parse over many files (parsed by worker threads)', () => {
  // Both renderings of the sample, 90 files: more than two batches of the workers.
  const sample = ['plain', 'markdown-style'].flatMap((dir) =>
    readdirSync(join(SAMPLE_CORPUS_DIR, dir))
      .sort()
      .map((name) => join(SAMPLE_CORPUS_DIR, dir, name)),
  );
  const recordLines = (stdout: string) => stdout.trimEnd().split('\n');
  const fileOf = (line: string) => (JSON.parse(line) as { file: string }).file;

  it('writes the records in the order of the arguments, each as a run over that file alone writes it', () => {
    const files = [...sample.filter((_, i) => i % 2 === 1).reverse(), ...sample.filter((_, i) => i % 2 === 0)];
    const { status, stdout, stderr } = cable(['parse', ...files]);
    assert.equal(status, 0, stderr);
    const lines = recordLines(stdout);
    assert.deepEqual(lines.map(fileOf), files);
    for (const i of [0, 44, files.length - 1]) assert.equal(lines[i], cable(['parse', files[i]!]).stdout.trimEnd());
  });

  it('writes the message of an unreadable file in its place among the records, goes on and exits 1', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'folder'));
    const files = [...sample.slice(0, 40), join(dir, 'missing.txt'), ...sample.slice(40, 70), join(dir, 'folder'), ...sample.slice(70)];
    // stdout and stderr into one file, as a terminal shows them.
    const both = join(dir, 'both.txt');
    const fd = openSync(both, 'w');
    const run = spawnSync(process.execPath, [CLI, 'parse', ...files], { stdio: ['ignore', fd, fd], timeout: 30_000 });
    closeSync(fd);
    assert.equal(run.status, 1);
    const lines = readFileSync(both, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, files.length);
    assert.equal(lines[40], `cable: ${join(dir, 'missing.txt')}: no such file`);
    assert.equal(lines[71], `cable: ${join(dir, 'folder')}: is a directory`);
    assert.deepEqual(
      lines.filter((_, i) => i !== 40 && i !== 71).map(fileOf),
      files.filter((_, i) => i !== 40 && i !== 71),
    );
  });

  it('reads standard input and a cables.csv over a megabyte (both streamed) in their place in the list', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const csv = readFileSync(join(__dirname, '..', 'fixtures', 'sources', 'cables.csv'));
    const big = join(dir, 'big.csv');
    writeFileSync(big, Buffer.concat(Array.from({ length: 320 }, () => csv)));
    const files = [...sample.slice(0, 30), big, ...sample.slice(30, 60), '-', ...sample.slice(60)];
    const { status, stdout, stderr } = cable(['parse', ...files], readFileSync(SEED_FILE, 'utf8'));
    assert.equal(status, 0, stderr);
    const lines = recordLines(stdout);
    const rows = lines.slice(30, 30 + 640).map((line) => JSON.parse(line) as { file: string; source: { row: number } });
    assert.deepEqual(
      rows.map((r) => [r.file, r.source.row]),
      Array.from({ length: 640 }, (_, i) => [big, i + 1]),
    );
    const rest = [...lines.slice(0, 30), ...lines.slice(30 + 640)];
    assert.deepEqual(
      rest.map(fileOf),
      files.filter((file) => file !== big),
    );
    assert.equal(JSON.parse(rest[60]!).id, '09BASRAH2');
  });

  it('reads a named pipe once, alone and in its place among many files (it was opened twice: the second open waited forever)', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-cli-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const pipe = join(dir, 'pipe');
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0);
    // A writer in its own process, as a shell's `cable parse <(…)` or a named pipe has one; the run's
    // timeout (30 s) ends a hang, which fails the test.
    const writer = () => {
      const child = spawn('sh', ['-c', 'cat "$0" > "$1"', SEED_FILE, pipe], { stdio: 'ignore' });
      t.after(() => child.kill());
    };
    writer();
    const alone = cable(['parse', pipe]);
    assert.equal(alone.status, 0, alone.stderr);
    assert.equal(JSON.parse(alone.stdout).id, '09BASRAH2');

    writer();
    const files = [...sample.slice(0, 50), pipe, ...sample.slice(50)];
    const { status, stdout, stderr } = cable(['parse', ...files]);
    assert.equal(status, 0, stderr);
    const lines = recordLines(stdout);
    assert.deepEqual(lines.map(fileOf), files);
    assert.equal(JSON.parse(lines[50]!).id, '09BASRAH2');
  });
});

describe('cable outline', () => {
  it('prints the paragraphs under their headings', () => {
    const { status, stdout } = cable(['outline', SEED_FILE]);
    assert.equal(status, 0);
    assert.match(stdout, /09BASRAH2 · CONFIDENTIAL · 2009-01-25 14:27Z/);
    assert.match(stdout, /\n {2}1\. \(C\) Summary: Meeting with the REO Director/);
    assert.match(stdout, /\n {2}Iran\n {4}3\. \(C\) Aziz vented/);
    assert.match(stdout, /REF 2008 BAGHDAD 3475 → 08BAGHDAD3475/);
  });
});
