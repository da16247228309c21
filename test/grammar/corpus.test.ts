// Tokenizes whole cables and checks, against independent plain-regex findings (coverage.ts), that every
// TAGS code, every portion marking right after a paragraph number and every routing indicator on the
// header lines gets its scope. Runs on the vendored fixtures always, and on the whole shared corpus
// (both renderings) when ../shared/corpus is there.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { expectationsFor, unmetExpectations, type Expectation, type ExpectationKind } from './coverage.ts';
import { loadCableGrammar, repoRoot, tokenizeText } from './textmate.ts';

const KINDS: ExpectationKind[] = ['tags-code', 'marking-after-paragraph', 'routing-indicator'];

/** Every cable file under these directories. */
function cableFiles(dirs: string[]): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.txt') || n.endsWith('.cable'))
      .map((n) => join(dir, n)),
  );
}

async function checkFiles(t: TestContext, files: string[]) {
  const grammar = await loadCableGrammar();
  const found = new Map<ExpectationKind, number>(KINDS.map((k) => [k, 0]));
  const failures: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const expectations = expectationsFor(text);
    const lines = tokenizeText(grammar, text); // throws on an engine error (endless loop)
    for (const e of expectations) found.set(e.kind, found.get(e.kind)! + 1);
    for (const e of unmetExpectations(expectations, lines)) failures.push(describeFailure(file, e, lines[e.line]!.text));
  }
  t.diagnostic(`${files.length} cables: ${KINDS.map((k) => `${found.get(k)} ${k}`).join(', ')}; ${failures.length} without their scope`);
  for (const kind of KINDS) assert.ok(found.get(kind)! > 0, `no ${kind} found: the independent check is broken`);
  assert.deepEqual(failures.slice(0, 20), [], `${failures.length} places lack their scope`);
}

function describeFailure(file: string, e: Expectation, line: string): string {
  return `${file}:${e.line + 1} ${e.kind} ${JSON.stringify(line.slice(e.start, e.end))} lacks ${e.scope}`;
}

describe('grammar over whole cables', () => {
  const fixtures = join(__dirname, 'fixtures');
  test('vendored fixtures: every TAGS code, marking after a paragraph number and header routing indicator is scoped', async (t) => {
    await checkFiles(t, cableFiles([join(fixtures, 'plain'), join(fixtures, 'markdown-style'), join(fixtures, 'seed')]));
  });

  const corpus = join(repoRoot, '..', 'shared', 'corpus', 'cablegate');
  test(
    'shared corpus, both renderings: the same on every cable',
    { skip: existsSync(corpus) ? false : `no corpus at ${corpus}` },
    async (t) => {
      await checkFiles(t, cableFiles([join(corpus, 'plain'), join(corpus, 'markdown-style')]));
    },
  );

  test('the independent check finds what it should in the seed', () => {
    const seed = readFileSync(join(fixtures, 'seed', '09BASRAH2.cable'), 'utf8');
    const count = (kind: ExpectationKind) => expectationsFor(seed).filter((e) => e.kind === kind).length;
    // TAGS: PGOV PINS ASEC IZ IR; paragraphs 11.-15. all (C); RIs: 3 on the PP line, DE, 4 addressees.
    assert.deepEqual([count('tags-code'), count('marking-after-paragraph'), count('routing-indicator')], [5, 5, 8]);
  });
});
