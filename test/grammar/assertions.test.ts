// Runs the assertion files in test/grammar/cases (format: test/grammar/cases/README.md) through the
// grammar in vscode-textmate + vscode-oniguruma.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkAssertions, parseCaseFile } from './assertion-format.ts';
import { loadCableGrammar, tokenizeText } from './textmate.ts';

const casesDir = join(__dirname, 'cases');
const caseFiles = readdirSync(casesDir)
  .filter((name) => name.endsWith('.cable'))
  .sort();

describe('grammar assertion files', () => {
  test('there are case files', () => {
    assert.ok(caseFiles.length >= 5, `only ${caseFiles.length} case files in ${casesDir}`);
  });

  for (const name of caseFiles) {
    test(name, async () => {
      const grammar = await loadCableGrammar();
      const parsed = parseCaseFile(readFileSync(join(casesDir, name), 'utf8'), name);
      const failures = checkAssertions(name, parsed.assertions, tokenizeText(grammar, parsed.source));
      assert.deepEqual(failures, [], `${failures.length} of ${parsed.assertions.length} assertions fail:\n${failures.join('\n')}`);
    });
  }
});

describe('assertion format', () => {
  const sample = ['TAGS: PGOV', '#|<--- keyword.other.tags.cable', '#|    ^^^^ entity.name.tag.cable - keyword.other.tags.cable'].join(
    '\n',
  );

  test('reads carets, left arrows and negative scopes', () => {
    const parsed = parseCaseFile(sample, 'sample');
    assert.equal(parsed.source, 'TAGS: PGOV');
    assert.deepEqual(
      parsed.assertions.map((a) => a.columns),
      [
        [0, 1, 2],
        [6, 7, 8, 9],
      ],
    );
    assert.deepEqual(parsed.assertions[1]!.absent, ['keyword.other.tags.cable']);
  });

  test('a wrong assertion is reported', async () => {
    const grammar = await loadCableGrammar();
    const wrong = parseCaseFile(`${sample}\n#|    ^^^^ keyword.other.tags.cable`, 'sample');
    const failures = checkAssertions('sample', wrong.assertions, tokenizeText(grammar, wrong.source));
    assert.equal(failures.length, 1);
    assert.match(failures[0]!, /missing keyword\.other\.tags\.cable; token "PGOV" has .*entity\.name\.tag\.cable/);
  });

  test('malformed assertions are rejected', () => {
    assert.throws(() => parseCaseFile('#| ^^ x.cable\nTAGS', 'early'), /assertion before any source line/);
    assert.throws(() => parseCaseFile('TAGS\n#| keyword.other.tags.cable', 'nomarks'), /no \^ or <- marks/);
    assert.throws(() => parseCaseFile('TAGS\n#|<--', 'noscope'), /no scope to check/);
    assert.throws(() => parseCaseFile('TAGS', 'empty'), /no assertion/);
  });
});
