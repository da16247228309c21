// Property tests of the model: for any text — random strings of cable words and control
// characters, and real cables mangled at random — parseCable answers, and every range of its
// model lies inside the text, starts before it ends, sits inside its element, and lists come in
// text order. fast-check prints the seed and path of a failure; replay with
// CABLE_FC_SEED=<seed> CABLE_FC_PATH=<path> node test/run.mjs test/unit/model-properties.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { hostileText, mangledCable, propertyParameters, REAL_CABLES } from '../support/cable-arbitraries.ts';
import { modelProblems } from '../support/invariants.ts';

function assertSound(text: string, fileName?: string): void {
  const model = parseCable(text, fileName ? { fileName } : {});
  assert.deepEqual(modelProblems(model, text), []);
  assert.equal(model.lineCount, text.split(/\r\n|\r|\n/).length);
}

describe('model properties', () => {
  it('the checks find a broken range (they can fail)', () => {
    const model = parseCable(REAL_CABLES[0]!.text);
    const paragraph = model.paragraphs[1]!;
    paragraph.range = { start: paragraph.range.end, end: paragraph.range.start };
    model.paragraphs.reverse();
    const problems = modelProblems(model, REAL_CABLES[0]!.text);
    assert.ok(
      problems.some((p) => p.includes('ends before it starts')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('before')),
      problems.join('\n'),
    );
    assert.ok(modelProblems(model, 'short').some((p) => /line \d+ of 1/.test(p)));
  });

  it('a REF label followed only by white space is an empty entry inside the REF block (found by the string property)', () => {
    const model = parseCable('REF: a) ');
    assert.deepEqual(model.references?.entries, parseCable('REF: a)').references?.entries);
    assert.deepEqual(
      model.references?.entries.map((e) => [e.label, e.text]),
      [['A', '']],
    );
    assert.deepEqual(modelProblems(model, 'REF: a) '), []);
  });

  it('every real cable, unmangled, is sound', () => {
    for (const cable of REAL_CABLES) assert.deepEqual(modelProblems(parseCable(cable.text), cable.text), [], cable.name);
  });

  it('any string of cable words and control characters gives a sound model', () => {
    fc.assert(
      fc.property(hostileText, (text) => assertSound(text)),
      propertyParameters(600),
    );
  });

  it('real cables with lines dropped, duplicated, truncated, shuffled, CRLF, CR, tabs, NUL, BOM, lone surrogates give a sound model', () => {
    fc.assert(
      fc.property(mangledCable, fc.constantFrom(undefined, '09BASRAH2.cable', '08BAGHDAD3475.txt'), (cable, fileName) =>
        assertSound(cable.text, fileName),
      ),
      propertyParameters(300),
    );
  });
});
