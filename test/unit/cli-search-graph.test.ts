// `cable search` and `cable graph` as users run them: the built bundle over samples/, exit codes,
// the table, JSON, DOT and SVG.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'dist', 'cli', 'cable.js');

function cable(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: root, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cable search', () => {
  it('a table of the matches by date, the count on stderr', () => {
    const { status, stdout, stderr } = cable(['search', 'tag:PTER origin:MADRID', 'samples/plain']);
    assert.equal(status, 0, stderr);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^ID +DATE +CLASSIFICATION +ORIGIN +TAGS +SUBJECT$/);
    assert.deepEqual(
      lines.slice(1).map((line) => line.split(/\s+/).slice(0, 4).join(' ')),
      [
        '06MADRID2657 2006-10-20 CONFIDENTIAL MADRID',
        '06MADRID3104 2006-12-28 CONFIDENTIAL MADRID',
        '07MADRID173 2007-02-01 CONFIDENTIAL MADRID',
      ],
    );
    assert.equal(stderr, 'cable search: 3 cables found\n');
  });

  it('--json: the same order, files relative to the folder; missing cables with estimated dates', () => {
    const { status, stdout } = cable(['search', '--json', 'year:2006', 'samples']);
    assert.equal(status, 0);
    const answer = JSON.parse(stdout);
    assert.equal(answer.total, 4);
    assert.deepEqual(answer.cables.map((c: { file: string }) => c.file).sort(), [
      'markdown-style/06MADRID2657.cable',
      'markdown-style/06MADRID3104.cable',
      'plain/06MADRID2657.txt',
      'plain/06MADRID3104.txt',
    ]);
    const missing = JSON.parse(cable(['search', '--json', 'missing: citedby:07MADRID173', 'samples']).stdout);
    assert.deepEqual(
      missing.cables.map((c: { id: string; missing: boolean; dateEstimated: boolean; file: null }) => [
        c.id,
        c.missing,
        c.dateEstimated,
        c.file,
      ]),
      [
        ['06MADRID1799', true, true, null],
        ['06MADRID2374', true, true, null],
      ],
    );
  });

  it('a bad query: the message under the faulty term, the help, exit 2; a bad folder exits 2', () => {
    const { status, stderr, stdout } = cable(['search', 'tag:PTER year:06', 'samples']);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^cable search: year: takes a four-digit year, as in year:2006; not '06'\.\n {2}tag:PTER year:06\n {11}\^{7}\n/);
    assert.match(stderr, /citedby:07MADRID173 +the cables this one cites/);
    assert.equal(cable(['search', 'x', 'samples/09BASRAH2.cable']).status, 2);
    assert.equal(cable(['search']).status, 2);
  });
});

describe('cable graph', () => {
  it('DOT by default: 06MADRID2657, its two citing cables, the three it cites', () => {
    const { status, stdout } = cable(['graph', '06MADRID2657', 'samples']);
    assert.equal(status, 0);
    assert.match(stdout, /^digraph "citations of 06MADRID2657" \{/);
    assert.equal((stdout.match(/^ {2}"\w+" \[/gm) ?? []).length, 6);
    assert.match(stdout, /"06MADRID3104" -> "06MADRID2657";/);
    assert.match(stdout, /"06MADRID2374" \[.*style="filled,dashed"/);
  });

  it('--format json and svg, --hops 2', () => {
    const graph = JSON.parse(cable(['graph', '07madrid173', 'samples/plain', '--hops', '2', '--format', 'json']).stdout);
    assert.equal(graph.centre, '07MADRID173');
    assert.equal(graph.hops, 2);
    assert.ok(
      graph.nodes.some(
        (n: { id: string; hops: number; file: string }) => n.id === '06MADRID3104' && n.hops === 1 && n.file === '06MADRID3104.txt',
      ),
    );
    const svg = cable(['graph', '06MADRID2657', 'samples', '--format', 'svg', '--time-axis']).stdout;
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg, /<style>/);
    assert.match(svg, /<\/svg>\n$/);
  });

  it('an ID neither present nor cited exits 1; bad options exit 2', () => {
    const absent = cable(['graph', '99NOWHERE1', 'samples']);
    assert.equal(absent.status, 1);
    assert.match(absent.stderr, /99NOWHERE1 is not under samples, and no cable there cites it/);
    assert.equal(cable(['graph', '06MADRID2657', 'samples', '--hops', '4']).status, 2);
    assert.equal(cable(['graph', '06MADRID2657', 'samples', '--format', 'png']).status, 2);
  });
});
