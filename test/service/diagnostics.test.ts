// Diagnostics: each check fires on the seed with one planted fault, at the fault, with its code
// and severity, and not on the clean seed; the quick fixes give back the clean text; settings
// switch codes off; the whole corpus is checked without a throw and with ranges in the text.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toLspDiagnostic } from '../../server/src/lsp/lsp-encodings.ts';
import { type CableDiagnostic, DIAGNOSTIC_CODES, NEVER_CANCELLED, readSettings } from '../../server/src/service/language-service.ts';
import { isDiagnosticEnabled } from '../../server/src/service/settings.ts';
import { corpora } from '../support/corpus.ts';
import { documentOf, positionOf, SEED_TEXT, SEED_URI, serviceOver } from '../support/service.ts';
import { applyEdits, edit, filesOf } from '../support/features.ts';

const { service } = serviceOver({});
/** Each text a new version: the service parses a document once per version. */
let version = 0;
const diagnose = (text: string) => service.diagnostics(documentOf(SEED_URI, text, ++version), NEVER_CANCELLED);
const summary = (found: CableDiagnostic[]) =>
  found.map((d) => `${d.range.start.line + 1}:${d.range.start.character} ${d.severity} ${d.code}`);

/** One fault planted in the seed, and the diagnostic expected for it. */
const FAULTS: { code: string; plant: (text: string) => string; expected: string; message: RegExp }[] = [
  {
    code: 'marking-above-banner',
    plant: (t) => edit(t, '13. (C) Aziz vented', '13. (S) Aziz vented'),
    expected: '37:4 error',
    message: /\(S\) marks SECRET, above the banner’s CONFIDENTIAL/,
  },
  {
    code: 'unmarked-paragraph',
    plant: (t) => edit(t, '12. (C) During', '12. During'),
    expected: '33:0 warning',
    message: /Paragraph 2 has no portion marking in a CONFIDENTIAL cable/,
  },
  {
    code: 'paragraph-numbering',
    plant: (t) => edit(t, '15. (C) Comment', '16. (C) Comment'),
    expected: '43:0 warning',
    message: /Paragraph numbers skip from 4 to 6/,
  },
  {
    code: 'unknown-tag',
    plant: (t) => edit(t, '[IR](#)', '[IR](#) [PXYZ](#)'),
    expected: '19:53 warning',
    message: /Unknown TAGS code PXYZ/,
  },
  {
    code: 'bad-dtg',
    plant: (t) => edit(t, 'P 251427Z JAN 09', 'P 321427Z JAN 09'),
    expected: '7:2 warning',
    message: /not a real date and time/,
  },
  {
    code: 'bad-dtg',
    plant: (t) => edit(t, 'P 251427Z JAN 09\n', ''),
    expected: '7:0 warning',
    message: /No date-time group .* before the FM line/,
  },
  {
    code: 'bad-decl-date',
    plant: (t) => edit(t, 'DECL: 1/25/2019', 'DECL: 13/45/2019'),
    expected: '18:18 warning',
    message: /not a real date/,
  },
  {
    code: 'decl-before-dtg',
    plant: (t) => edit(t, 'DECL: 1/25/2019', 'DECL: 1/25/2008'),
    expected: '18:18 warning',
    message: /25 January 2008 comes before the cable’s date, 25 January 2009/,
  },
  {
    code: 'unknown-ref',
    plant: (t) => edit(t, '(See reftel.)', '(See REF C.)'),
    expected: '43:',
    message: /REF C|no REF list|carry no letters/,
  },
  {
    code: 'duplicate-ref-letter',
    plant: (t) => edit(t, 'REF: 2008 BAGHDAD 3475', 'REF: A. 2008 BAGHDAD 3475\nB. STATE 12\nA. 2008 BAGHDAD 3476'),
    expected: '25:0 warning',
    message: /REF A is used twice/,
  },
  {
    code: 'section-mismatch',
    plant: (t) =>
      edit(
        edit(t, 'C O N F I D E N T I A L BASRAH 000002', 'C O N F I D E N T I A L SECTION 01 OF 02 BASRAH 000002'),
        '\nIran\n',
        '\nBASRAH 00000002 002 OF 003\nIran\n',
      ),
    expected: '35:0 warning',
    message: /counts 3 sections; the banner says SECTION 1 OF 2/,
  },
  {
    code: 'damaged-banner',
    plant: (t) => edit(t, 'C O N F I D E N T I A L BASRAH', 'CC O N F I D E N T I A L BASRAH'),
    expected: '14:0 information',
    message: /damaged/,
  },
];

describe('diagnostics', () => {
  it('the seed and the cited fixture are clean', () => {
    assert.deepEqual(diagnose(SEED_TEXT), []);
  });

  for (const fault of FAULTS) {
    it(`${fault.code}: ${fault.message.source.slice(0, 50)}`, () => {
      const found = diagnose(fault.plant(SEED_TEXT)).filter((d) => d.code === fault.code);
      assert.equal(found.length, 1, summary(found).join('; '));
      assert.ok(summary(found)[0]!.startsWith(fault.expected), `${summary(found)[0]} is not at ${fault.expected}`);
      assert.match(found[0]!.message, fault.message);
    });
  }

  it('every code is described, and every planted fault uses a described code', () => {
    for (const fault of FAULTS) assert.ok(DIAGNOSTIC_CODES[fault.code], fault.code);
    const planted = new Set(FAULTS.map((f) => f.code));
    // too-large: tested with the size cap, in hostile-files.test.ts.
    const modelOnly = ['no-banner', 'no-id', 'ref-without-year', 'too-large'];
    assert.deepEqual(
      Object.keys(DIAGNOSTIC_CODES)
        .filter((c) => !planted.has(c))
        .sort(),
      modelOnly.sort(),
    );
  });

  it('no banner: one warning, and no marking checks', () => {
    const found = diagnose(edit(SEED_TEXT, 'C O N F I D E N T I A L BASRAH 000002\n', ''));
    assert.deepEqual(
      found.map((d) => d.code),
      ['no-banner'],
    );
  });

  it('an UNCLASSIFIED cable needs no markings; a (C) paragraph in it is above the banner', () => {
    const unclas = edit(SEED_TEXT, 'C O N F I D E N T I A L BASRAH', 'UNCLAS BASRAH');
    assert.deepEqual(
      diagnose(edit(unclas, '12. (C) During', '12. During'))
        .map((d) => d.code)
        .filter((c) => c === 'unmarked-paragraph'),
      [],
    );
    assert.equal(diagnose(unclas).filter((d) => d.code === 'marking-above-banner').length, 5);
  });

  it('a restart at 1 (a quoted cable) is a new run, not a fault; a skip is one diagnostic', () => {
    const quoted = edit(SEED_TEXT, 'End comment.\n', 'End comment.\n\n11. (C) Quoted paragraph one.\n\n12. (C) Quoted paragraph two.\n');
    assert.deepEqual(diagnose(quoted), []);
    const skipped = diagnose(edit(SEED_TEXT, '13. (C) Aziz', '14. (C) Aziz'));
    assert.deepEqual(summary(skipped), ['37:0 warning paragraph-numbering', '39:0 warning paragraph-numbering']);
    assert.match(skipped[0]!.message, /skip from 2 to 4/);
    assert.match(skipped[1]!.message, /Paragraph number 4 repeats/);
  });

  it('LSP form: severity number, code, source', () => {
    const [d] = diagnose(edit(SEED_TEXT, '[IR](#)', '[IR](#) [PXYZ](#)'));
    assert.deepEqual(
      { ...toLspDiagnostic(d!), range: undefined },
      { range: undefined, severity: 2, code: 'unknown-tag', source: 'cable', message: d!.message },
    );
  });

  for (const corpus of corpora()) {
    it(`${corpus.name}: every cable is checked, every range lies in its line`, () => {
      const counts: Record<string, number> = {};
      for (const [uri, text] of Object.entries(filesOf(join(corpus.dir, 'plain'), 'plain'))) {
        const lines = text.split('\n');
        for (const d of service.diagnostics(documentOf(uri, text), NEVER_CANCELLED)) {
          counts[d.code] = (counts[d.code] ?? 0) + 1;
          assert.ok(DIAGNOSTIC_CODES[d.code], d.code);
          assert.ok(
            d.range.start.line < lines.length && d.range.end.character <= (lines[d.range.end.line]?.length ?? 0) + 1,
            `${uri}: ${JSON.stringify(d)}`,
          );
        }
      }
      console.log(`# ${corpus.name}: ${JSON.stringify(counts)}`);
    });
  }
});

describe('quick fixes', () => {
  const fixesFor = (text: string, needle: string) => {
    const document = documentOf(SEED_URI, text, ++version);
    const at = positionOf(document, needle);
    return { document, actions: service.codeActions(document, { start: at, end: at }, NEVER_CANCELLED) };
  };

  it('renumber: a run with a repeat and a skip is numbered 1-5 again (lost-pilcrow labels stay 1N.)', () => {
    const broken = edit(edit(SEED_TEXT, '13. (C) Aziz', '12. (C) Aziz'), '15. (C) Comment', '17. (C) Comment');
    const { document, actions } = fixesFor(broken, '12. (C) Aziz');
    const [renumber] = actions;
    assert.equal(renumber?.title, 'Renumber paragraphs 1–5 in order');
    assert.equal(renumber.isPreferred, true);
    assert.equal(applyEdits(document, renumber.edit!.changes![SEED_URI]!), SEED_TEXT);
  });

  it('renumber keeps the pilcrow and plain styles', () => {
    const plain = SEED_TEXT.replace(/^1(\d)\. \(C\)/gm, '¶$1. (C)');
    const broken = edit(plain, '¶3. (C) Aziz', '¶4. (C) Aziz');
    const { document, actions } = fixesFor(broken, '¶4. (C) Aziz');
    assert.equal(applyEdits(document, actions[0]!.edit!.changes![SEED_URI]!), plain);
  });

  it('mark (U): after the number and its space; all of them at once when there are several', () => {
    const broken = edit(edit(SEED_TEXT, '12. (C) During', '12. During'), '14. (C) Although', '14. Although');
    const { document, actions } = fixesFor(broken, '12. During');
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Mark paragraph 2 (U)', 'Mark all 2 unmarked paragraphs (U)'],
    );
    const one = applyEdits(document, actions[0]!.edit!.changes![SEED_URI]!);
    assert.ok(one.includes('12. (U) During') && one.includes('14. Although'));
    const all = applyEdits(document, actions[1]!.edit!.changes![SEED_URI]!);
    assert.ok(all.includes('12. (U) During') && all.includes('14. (U) Although'));
  });

  it('nothing where no fix is obvious', () => {
    assert.deepEqual(fixesFor(edit(SEED_TEXT, '13. (C) Aziz', '13. (S) Aziz'), '13. (S)').actions, []);
    assert.deepEqual(fixesFor(SEED_TEXT, '12. (C)').actions, []);
  });
});

describe('settings', () => {
  it('defaults on; a code or all diagnostics off; odd values keep defaults', () => {
    assert.equal(isDiagnosticEnabled(readSettings(undefined), 'unknown-tag'), true);
    assert.equal(isDiagnosticEnabled(readSettings({ diagnostics: { 'unknown-tag': false } }), 'unknown-tag'), false);
    assert.equal(isDiagnosticEnabled(readSettings({ diagnostics: { 'unknown-tag': false } }), 'bad-dtg'), true);
    assert.equal(isDiagnosticEnabled(readSettings({ diagnostics: { enabled: false } }), 'bad-dtg'), false);
    const odd = readSettings({ diagnostics: { enabled: 'no', 'bad-dtg': 0 }, codeLens: [], documentLinks: { enabled: null } });
    assert.equal(isDiagnosticEnabled(odd, 'bad-dtg'), true);
    assert.equal(odd.codeLens && odd.documentLinks, true);
    assert.deepEqual(
      readSettings({
        codeLens: { enabled: false },
        semanticHighlighting: { enabled: false },
        completion: { enabled: false },
        documentLinks: { enabled: false },
      }),
      {
        ...readSettings({}),
        codeLens: false,
        semanticHighlighting: false,
        completion: false,
        documentLinks: false,
      },
    );
  });
});
