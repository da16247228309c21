// Snapshot of the scopes the grammar gives a set of real cables (vendored in test/grammar/fixtures).
// A change of scopes anywhere in them shows up as a diff of test/grammar/snapshots/*.snap;
// UPDATE_SNAPSHOTS=1 rewrites the files after a deliberate change (review the diff before committing).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, test } from 'node:test';
import { loadCableGrammar, tokenizeText, type TokenizedLine } from './textmate.ts';

const fixtures = join(__dirname, 'fixtures');
const snapshots = join(__dirname, 'snapshots');
const update = process.env.UPDATE_SNAPSHOTS === '1';

/** Which cables, and why: one of each header kind and rendering. */
const CABLES = [
  'seed/09BASRAH2.cable', // markdown export, full header, headings, signature
  'plain/00HARARE6677.txt', // partial extract with teletype printout and page headers
  'plain/03ABUDHABI2641.txt', // e-mail printout before the routing header
  'plain/08BERLIN1068.txt', // lower-case banner, E.O. and Tags
  'plain/09STATE100153.txt', // banner-like first line, DTG-only header, UNCLAS
  'plain/10BERLIN180.txt', // raw export record, TAGS continued, REF letters
  'markdown-style/09NAIROBI2497.cable', // export record and a second header copy
  'markdown-style/79TEHRAN8980.cable', // 1979 cable, (C - ENTIRE TEXT)
];

const shortScope = (scope: string) => scope.replace(/\.cable$/, '');

/** One line per source line, then one per token that has a scope besides text.cable. */
export function renderSnapshot(source: string, lines: TokenizedLine[]): string {
  const out = [`# Scopes of test/grammar/fixtures/${source} (".cable" left out of every scope)`];
  lines.forEach((line, index) => {
    out.push(`${String(index + 1).padStart(4)} | ${line.text}`);
    for (const token of line.tokens) {
      const scopes = token.scopes.slice(1).map(shortScope);
      if (scopes.length === 0) continue;
      out.push(`     | ${token.startIndex}-${token.endIndex} ${scopes.join(' ')}`);
    }
  });
  return `${out.join('\n')}\n`;
}

/** The first lines where two snapshots differ, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const index = at < 0 ? Math.min(a.length, b.length) : at;
  return [`first difference at snapshot line ${index + 1}:`, `- ${a[index] ?? '(end)'}`, `+ ${b[index] ?? '(end)'}`].join('\n');
}

describe('grammar snapshots', () => {
  for (const source of CABLES) {
    const snapshotPath = join(snapshots, `${basename(source)}.snap`);
    test(source, async () => {
      const grammar = await loadCableGrammar();
      const actual = renderSnapshot(source, tokenizeText(grammar, readFileSync(join(fixtures, source), 'utf8')));
      if (update) {
        mkdirSync(snapshots, { recursive: true });
        writeFileSync(snapshotPath, actual);
        return;
      }
      assert.ok(existsSync(snapshotPath), `no snapshot ${snapshotPath}: run UPDATE_SNAPSHOTS=1 node test/run.mjs ${__filename}`);
      const expected = readFileSync(snapshotPath, 'utf8');
      assert.ok(
        expected === actual,
        `${source} tokenizes differently from its snapshot (UPDATE_SNAPSHOTS=1 to accept)\n${firstDifference(expected, actual)}`,
      );
    });
  }
});
