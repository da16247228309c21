// `cable check` and `cable index` as users run them: the built bundle, real folders, exit codes;
// the check output read back with the problem matcher the manifest contributes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { runCheck } from '../../server/src/cli/check.ts';
import { createCancellationSource } from '../../server/src/service/language-service.ts';
import { SAMPLE_CORPUS_DIR, SEED_FILE } from '../support/corpus.ts';
import { edit } from '../support/features.ts';
import { SEED_TEXT } from '../support/service.ts';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'dist', 'cli', 'cable.js');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const MATCHER = new RegExp(manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'cable').pattern.regexp);

function cable(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Scratch folders, removed when the tests end. */
const scratchFolders: string[] = [];
after(() => {
  for (const dir of scratchFolders) rmSync(dir, { recursive: true, force: true });
});

/** A folder with a faulty cable, a clean one, a note that is not a cable, and a node_modules copy. */
function faultyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cable-check-'));
  scratchFolders.push(dir);
  mkdirSync(join(dir, 'drafts'));
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(join(dir, 'drafts', 'draft.cable'), edit(edit(SEED_TEXT, '13. (C) Aziz', '13. (S) Aziz'), '[IR](#)', '[IR](#) [PXYZ](#)'));
  writeFileSync(join(dir, 'clean.txt'), SEED_TEXT);
  writeFileSync(join(dir, 'notes.txt'), 'Notes: REF A and para 2 need checking.\n');
  writeFileSync(join(dir, 'node_modules', 'copy.cable'), edit(SEED_TEXT, '13. (C) Aziz', '13. (S) Aziz'));
  return dir;
}

describe('cable check', () => {
  it('a clean cable: no output, a summary on stderr, exit 0', () => {
    const { status, stdout, stderr } = cable(['check', SEED_FILE]);
    assert.equal(status, 0);
    assert.equal(stdout, '');
    assert.equal(stderr, 'cable check: 1 cable checked: 0 errors, 0 warnings, 0 info\n');
  });

  it('a folder: every problem as file:line:col: severity code: message, which the problem matcher reads; exit 1 on an error', () => {
    const dir = faultyFolder();
    const { status, stdout, stderr } = cable(['check', '.'], dir);
    assert.equal(status, 1);
    const problems = stdout
      .trim()
      .split('\n')
      .map((line) => {
        const m = MATCHER.exec(line);
        assert.ok(m, `the problem matcher does not read: ${line}`);
        return m.slice(1, 6).join(' ');
      });
    assert.deepEqual(problems, ['drafts/draft.cable 19 54 warning unknown-tag', 'drafts/draft.cable 37 5 error marking-above-banner']);
    assert.match(stderr, /2 cables checked: 1 error, 1 warning, 0 info/);
  });

  it('--ignore skips codes; a warning alone exits 0', () => {
    const dir = faultyFolder();
    const { status, stdout } = cable(['check', '--ignore', 'marking-above-banner', dir]);
    assert.equal(status, 0);
    assert.match(stdout, /: warning unknown-tag: Unknown TAGS code PXYZ/);
    assert.equal(cable(['check', '--ignore=marking-above-banner,unknown-tag', dir]).stdout, '');
  });

  it('bad usage exits 2; an unreadable path is reported and exits 1', () => {
    const unknown = cable(['check', '--ignore', 'no-such-code', SEED_FILE]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown: no-such-code/);
    assert.equal(cable(['check', '--fast']).status, 2);
    const missing = cable(['check', join(tmpdir(), 'no-such-dir', 'x.cable'), SEED_FILE]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /x\.cable: .*(no such file|ENOENT)/i);
    assert.match(missing.stderr, /1 cable checked/);
    assert.match(cable(['check', '--help']).stdout, /^usage: cable check/);
  });

  it('a file over cable.maxFileSize: too-large, as the editor reports it (default cap, and --max-file-size)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-check-large-'));
    scratchFolders.push(dir);
    // The seed followed by a log of 5.5 MB: over the default cap of 5 MB.
    writeFileSync(join(dir, 'huge.cable'), `${SEED_TEXT}\n${'LOG LINE OF AN EXPORT THAT RAN ON\n'.repeat(170_000)}`);
    const huge = cable(['check', join(dir, 'huge.cable')]);
    assert.match(huge.stdout, /huge\.cable:1:1: warning too-large: This file is 5\.\d MB, more than cable\.maxFileSize \(5 MB\)/);
    assert.equal(huge.status, 0);
    const seed = join(dir, 'seed.cable');
    writeFileSync(seed, SEED_TEXT);
    assert.doesNotMatch(cable(['check', seed]).stdout, /too-large/);
    assert.match(
      cable(['check', '--max-file-size', '1000', seed]).stdout,
      /seed\.cable:1:1: warning too-large: .*more than cable\.maxFileSize \(1000 bytes\)/,
    );
    assert.doesNotMatch(cable(['check', '--max-file-size=1000', '--ignore', 'too-large', seed]).stdout, /too-large/);
    assert.equal(cable(['check', '--max-file-size', 'big', seed]).status, 2);
  });

  it('interrupted (Ctrl+C): stops between files, says how far it got, exits 130', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-check-interrupted-'));
    scratchFolders.push(dir);
    for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, `${name}.cable`), edit(SEED_TEXT, '[IR](#)', '[IR](#) [PXYZ](#)'));
    const interrupt = createCancellationSource();
    const out: string[] = [];
    const err: string[] = [];
    // Cancelled as the first problem is printed: the files after it are not checked.
    const status = await runCheck(
      { paths: [dir], ignore: new Set() },
      (line) => (out.push(line), interrupt.cancel()),
      (line) => err.push(line),
      interrupt.token,
    );
    assert.equal(status, 130);
    assert.equal(new Set(out.map((line) => line.split(':')[0])).size, 1);
    assert.match(err.at(-1)!, /^cable check: 1 cable checked \(interrupted: 1 of 3\):/);
  });

  it('the corpus sample: every cable checked, exit 0 (warnings only)', () => {
    const { status, stderr } = cable(['check', join(SAMPLE_CORPUS_DIR, 'plain')]);
    assert.equal(status, 0);
    assert.match(stderr, /43 cables checked: 0 errors, \d+ warnings, \d+ info/);
  });
});

describe('cable index', () => {
  it('the corpus sample: cables with what they cite and who cites them', () => {
    const { status, stdout } = cable(['index', join(SAMPLE_CORPUS_DIR, 'plain')]);
    assert.equal(status, 0);
    const graph = JSON.parse(stdout);
    assert.equal(graph.totals.cables, 43);
    const byId = new Map(graph.cables.map((c: { id: string }) => [c.id, c]));
    const cited = byId.get('06MADRID2657') as {
      citedBy: { id: string; line: number }[];
      cites: { id: string; inFolder: boolean }[];
      subject: string;
    };
    assert.deepEqual(
      cited.citedBy.map((c) => `${c.id}:${c.line}`),
      ['06MADRID3104:24', '07MADRID173:29'],
    );
    assert.deepEqual(
      cited.cites.map((c) => `${c.id}:${c.inFolder}`),
      ['06MADRID1914:false', '06MADRID1799:false', '06MADRID2374:false'],
    );
    const citing = byId.get('07MADRID173') as { cites: { id: string; inFolder: boolean }[]; file: string };
    assert.equal(citing.file, '07MADRID173.txt');
    assert.deepEqual(
      citing.cites.filter((c) => c.inFolder).map((c) => c.id),
      ['06MADRID3104', '06MADRID2657'],
    );
    assert.equal(graph.totals.citationsInFolder, 3);
    assert.equal(graph.totals.citedCables, 2);
  });

  it('not a folder, or no folder: exit 2 with usage', () => {
    assert.equal(cable(['index', SEED_FILE]).status, 2);
    assert.equal(cable(['index']).status, 2);
    assert.equal(cable(['index', '--cache-dir']).status, 2);
    assert.match(cable(['index', '--help']).stdout, /^usage: cable index \[--cache-dir CACHE\] DIR/);
  });

  it('--cache-dir: a second run gives the same graph from the cache, and a file changed since is read again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-index-'));
    const cacheDir = mkdtempSync(join(tmpdir(), 'cable-index-cache-'));
    scratchFolders.push(dir, cacheDir);
    for (const name of ['06MADRID2657.txt', '06MADRID3104.txt', '07MADRID173.txt'])
      writeFileSync(join(dir, name), readFileSync(join(SAMPLE_CORPUS_DIR, 'plain', name)));
    const plain = cable(['index', dir]);
    const first = cable(['index', '--cache-dir', cacheDir, dir]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, plain.stdout);
    const [cacheFile] = readdirSync(cacheDir);
    assert.match(cacheFile ?? '', /^index-[0-9a-f]+\.jsonl$/);
    const written = statSync(join(cacheDir, cacheFile!)).mtimeMs;

    const second = cable(['index', '--cache-dir', cacheDir, dir]);
    assert.equal(second.stdout, plain.stdout);
    assert.equal(statSync(join(cacheDir, cacheFile!)).mtimeMs, written, 'nothing changed: the cache is not written again');

    // 07MADRID173 no longer cites 06MADRID3104.
    const citing = join(dir, '07MADRID173.txt');
    writeFileSync(citing, readFileSync(citing, 'utf8').replace(/2006 MADRID 3104/g, '2006 MADRID 9999'));
    const cites = (stdout: string) =>
      (JSON.parse(stdout) as { cables: { id: string; cites: { id: string }[] }[] }).cables
        .find((c) => c.id === '07MADRID173')!
        .cites.map((c) => c.id);
    const third = cable(['index', '--cache-dir', cacheDir, dir]);
    assert.deepEqual(cites(third.stdout), cites(cable(['index', dir]).stdout));
    assert.ok(!cites(third.stdout).includes('06MADRID3104'));
  });
});
