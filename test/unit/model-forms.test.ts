// The forms real cables take (corpus STATS.md), each read by the model as a small text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCable } from '../../server/src/model/cable-model.ts';

const refs = (text: string, year = 2009) => parseCable(text, { year }).references?.entries.map((e) => [e.label ?? '', e.kind, e.id ?? '']);

describe('banners', () => {
  const banner = (line: string) => {
    const model = parseCable(`${line}\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2019\nTAGS: PREL\nSUBJECT: X\n`, { year: 2009 });
    return [model.banner?.classification.level, model.banner?.classification.damaged, model.banner?.origin?.text, model.id];
  };
  it('reads spaced, solid and mixed-case classification words', () => {
    assert.deepEqual(banner('C O N F I D E N T I A L SECTION 01 OF 03 BERLIN 000180'), ['CONFIDENTIAL', false, 'BERLIN', '09BERLIN180']);
    assert.deepEqual(banner('UNCLAS SECTION 01 OF 03 MADRID 002164'), ['UNCLASSIFIED', false, 'MADRID', '09MADRID2164']);
    assert.deepEqual(banner('S e c r e t state 068250'), ['SECRET', false, 'state', '09STATE68250']);
    assert.deepEqual(banner('C o n f i d e n t i a l section 01 of 04 ankara 000348'), ['CONFIDENTIAL', false, 'ankara', '09ANKARA348']);
    assert.deepEqual(banner('TOP SECRET LA PAZ 003449'), ['TOP SECRET', false, 'LA PAZ', '09LAPAZ3449']);
    assert.deepEqual(banner('S E C R E T SECTION 01 OF 02 NEW DELHI 000123'), ['SECRET', false, 'NEW DELHI', '09NEWDELHI123']);
  });
  it('reads damaged classification words and says they are damaged', () => {
    assert.deepEqual(banner('SS E C R E T TUNIS 000679'), ['SECRET', true, 'TUNIS', '09TUNIS679']);
    assert.deepEqual(banner('E C R E T SANAA 000473'), ['SECRET', true, 'SANAA', '09SANAA473']);
    assert.deepEqual(banner('CC O N F I D E N T I A L SECTION 01 OF 04 BEIJING 001378'), [
      'CONFIDENTIAL',
      true,
      'BEIJING',
      '09BEIJING1378',
    ]);
    assert.deepEqual(banner('O N F I D E N T I A L BAGHDAD 000290'), ['CONFIDENTIAL', true, 'BAGHDAD', '09BAGHDAD290']);
    assert.deepEqual(banner('CSE C R E T SECTION 01 OF 02 SHENYANG 000004'), ['SECRET', true, 'SHENYANG', '09SHENYANG4']);
  });
});

describe('REF entries', () => {
  it('reads lettered lists in every lettering', () => {
    assert.deepEqual(refs('REF: A. STATE 12345\nB. 08 BAGHDAD 3475\n'), [
      ['A', 'cable', '09STATE12345'],
      ['B', 'cable', '08BAGHDAD3475'],
    ]);
    assert.deepEqual(refs('REF: A) MADRID 1234 B) MADRID 1240'), [
      ['A', 'cable', '09MADRID1234'],
      ['B', 'cable', '09MADRID1240'],
    ]);
    assert.deepEqual(refs('REF: (A) LA PAZ 6\n(B) RIO DE JANEIRO 000153'), [
      ['A', 'cable', '09LAPAZ6'],
      ['B', 'cable', '09RIODEJANEIRO153'],
    ]);
    assert.deepEqual(refs('REF: a) VIENNA 1 b) 2008 SECSTATE 76108'), [
      ['A', 'cable', '09VIENNA1'],
      ['B', 'cable', '08STATE76108'],
    ]);
    assert.deepEqual(refs('REF: A. ANKARA 1074\n¶B. ANKARA 1231\n'), [
      ['A', 'cable', '09ANKARA1074'],
      ['B', 'cable', '09ANKARA1231'],
    ]);
    assert.deepEqual(refs('\n\nREF: A. ANKARA 1074\n1B. ANKARA 1231'), [
      ['A', 'cable', '09ANKARA1074'],
      ['B', 'cable', '09ANKARA1231'],
    ]);
    assert.deepEqual(refs('REF: A. (A) STATE 112368'), [['A', 'cable', '09STATE112368']]);
  });

  it('splits unlettered entries at separators and at each citation', () => {
    assert.deepEqual(refs('REF: TEHRAN 1091: TEHRAN 263: MOSCOW 1603'), [
      ['', 'cable', '09TEHRAN1091'],
      ['', 'cable', '09TEHRAN263'],
      ['', 'cable', '09MOSCOW1603'],
    ]);
    assert.deepEqual(refs('REF: 09 STATE 122115; 09 NAIROBI 2487'), [
      ['', 'cable', '09STATE122115'],
      ['', 'cable', '09NAIROBI2487'],
    ]);
    assert.deepEqual(refs('REF: A. SECSTATE 15113       B. DOHA 152 (08)      C. DOHA 75 (08)'), [
      ['A', 'cable', '09STATE15113'],
      ['B', 'cable', '08DOHA152'],
      ['C', 'cable', '08DOHA75'],
    ]);
    assert.deepEqual(refs('REF: STATE 12345 AND PREVIOUS'), [['', 'cable', '09STATE12345']]);
  });

  it('keeps e-mails, dates, IIRs and DTGs as other entries, never as made-up IDs', () => {
    assert.deepEqual(refs('REF: A. E-MAIL FROM POLOFF 10/23/2008 B. IIR 6 854 0025 07 C. STATE 201530Z JUL 08'), [
      ['A', 'other', ''],
      ['B', 'other', ''],
      ['C', 'other', ''],
    ]);
    assert.deepEqual(refs('REF: A. 08 KIGALI 00830--05/DEC/2008 B. XXXXXXXXXXXX'), [
      ['A', 'cable', '08KIGALI830'],
      ['B', 'other', ''],
    ]);
  });

  it('marks NOTAL, reads 2- and 4-digit and hyphenated years, and inherits the cable year', () => {
    const model = parseCable('REF: A. 2008 BAGHDAD 3475 (NOTAL) B. 06-STATE-123\nC. BUENOS AIRES 000153', { year: 2007 });
    assert.deepEqual(
      model.references!.entries.map((e) => [e.id, e.notal ?? false]),
      [
        ['08BAGHDAD3475', true],
        ['06STATE123', false],
        ['07BUENOSAIRES153', false],
      ],
    );
  });

  it('reads a label typed without its entry yet', () => {
    assert.deepEqual(refs('REF: A.\n'), [['A', 'other', '']]);
    assert.deepEqual(refs('REF: A. STATE 1 B.'), [
      ['A', 'cable', '09STATE1'],
      ['B', 'other', ''],
    ]);
  });

  it('without a year anywhere it knows the entry is a cable but invents no ID', () => {
    const model = parseCable('REF: STATE 123');
    assert.deepEqual(
      model.references!.entries.map((e) => [e.kind, e.id]),
      [['cable', undefined]],
    );
    assert.ok(model.diagnostics.some((d) => d.code === 'ref-without-year'));
  });
});

describe('paragraphs and markings', () => {
  const paragraphs = (text: string) =>
    parseCable(text).paragraphs.map((p) => [
      p.number,
      p.marking?.text ?? '',
      p.marking?.level ?? '',
      p.marking?.caveats.join('+') ?? '',
      p.marking?.releasableTo?.join(',') ?? '',
    ]);
  it('reads every portion-marking form after the number', () => {
    const text = [
      '¶1. (C) a',
      '¶2. (S//NF) b',
      '¶3. (SBU) c',
      '¶4. (U//FOUO) d',
      '¶5. (S/REL NATO) e',
      '¶6. (C/Rel Aus) f',
      '¶7. (S//REL TO USA, FVEY) g',
      '¶8. (C NF) h',
      '¶9. (TS) i',
      '¶10. (See reftel) j',
    ].join('\n\n');
    assert.deepEqual(paragraphs(text), [
      [1, '(C)', 'CONFIDENTIAL', '', ''],
      [2, '(S//NF)', 'SECRET', 'NOFORN', ''],
      [3, '(SBU)', 'UNCLASSIFIED', '', ''],
      [4, '(U//FOUO)', 'UNCLASSIFIED', 'FOUO', ''],
      [5, '(S/REL NATO)', 'SECRET', 'REL TO', 'NATO'],
      [6, '(C/Rel Aus)', 'CONFIDENTIAL', 'REL TO', 'AUS'],
      [7, '(S//REL TO USA, FVEY)', 'SECRET', 'REL TO', 'USA,FVEY'],
      [8, '(C NF)', 'CONFIDENTIAL', 'NOFORN', ''],
      [9, '(TS)', 'TOP SECRET', '', ''],
      [10, '', '', '', ''],
    ]);
  });

  it('reads the lost pilcrow from the sequence, and glued or indented numbers', () => {
    assert.deepEqual(
      parseCable('\n\n11. (C) a\n\n12. (C) b\n\n110. (C) c').paragraphs.map((p) => p.number),
      [1, 2, 10],
    );
    assert.deepEqual(
      parseCable('1.(C) a\n\n2. (C) b\n\n 3. (C) c').paragraphs.map((p) => p.number),
      [1, 2, 3],
    );
    // A plain cable numbered from 10 up is not shifted (10 cannot have lost a pilcrow).
    assert.deepEqual(
      parseCable('10. (C) a\n\n11. (C) b\n\n12. (C) c').paragraphs.map((p) => p.number),
      [10, 11, 12],
    );
    // `¶2010.` is a year wrapped to the start of a line.
    assert.deepEqual(
      parseCable('¶1. (C) a\n¶2010. elections\n¶2. (C) b').paragraphs.map((p) => p.number),
      [1, 2],
    );
  });

  it('nests sub-paragraphs and bullets under their paragraph, and headings above', () => {
    const model = parseCable('¶1. (C) Intro:\n¶A. first\n(B) second\n-- bullet\n\nNext Steps\n-----------\n\n¶2. (U) End.\n');
    assert.deepEqual(
      model.paragraphs.map((p) => [p.number, p.subParagraphs.map((s) => `${s.kind}:${s.label}`), p.heading]),
      [
        [1, ['lettered:A', 'lettered:B', 'bullet:--'], undefined],
        [2, [], 0],
      ],
    );
    assert.deepEqual(
      model.headings.map((h) => h.text),
      ['Next Steps'],
    );
  });

  it('finds mentions of REF entries and paragraphs in the body', () => {
    const model = parseCable('¶1. (C) As reported in refs A and B, and REF (C), see para 4 and paras 2-3; reftel agrees. A ref a meeting.');
    assert.deepEqual(
      model.crossReferences.map((x) => [x.kind, x.text, x.targets.join(',')]),
      [
        ['reference', 'refs A and B', 'A,B'],
        ['reference', 'REF (C)', 'C'],
        ['paragraph', 'para 4', '4'],
        ['paragraph', 'paras 2-3', '2,3'],
        ['reference', 'reftel', ''],
      ],
    );
  });

  it('leaves a sentence’s closing parenthesis out of a mention: (see REF A), (REF B and (C))', () => {
    const model = parseCable('¶1. (C) Talks stalled (see REF A). Both agreed (REF B and (C)).');
    assert.deepEqual(
      model.crossReferences.map((x) => [x.text, x.targets.join(',')]),
      [
        ['REF A', 'A'],
        ['REF B and (C)', 'B,C'],
      ],
    );
  });
});

describe('header, dates and odd input', () => {
  it('decodes DTGs and flags impossible ones', () => {
    assert.equal(parseCable('O R 161415Z DEC 09\nFM AMEMBASSY NAIROBI\n').date, '2009-12-16T14:15Z');
    const bad = parseCable('P 321427Z FOO 09\nFM X\n\nC O N F I D E N T I A L BASRAH 000002\n');
    assert.equal(bad.header?.dateTimeGroup?.dtg.text, '321427Z FOO 09', 'read as a DTG line, to be flagged');
    assert.equal(bad.header?.dateTimeGroup?.date, undefined, 'day 32 and month FOO are no date');
    assert.ok(bad.diagnostics.some((d) => d.code === 'bad-dtg'));
    const impossible = parseCable('P 311427Z FEB 09\n\nC O N F I D E N T I A L BASRAH 000002\n');
    assert.equal(impossible.header?.dateTimeGroup?.date, undefined);
    assert.ok(impossible.diagnostics.some((d) => d.code === 'bad-dtg'));
  });

  it('takes the ID from the FM and DE lines when there is no banner', () => {
    const model = parseCable(
      'VZCZCXYZ0000\nPP RUEHWEB\n\nDE RUEHLP #0096/01 0231326\nZNY CCCCC ZZH\nP 231326Z JAN 09\nFM AMEMBASSY LA PAZ\nTO RUEHC/SECSTATE WASHDC PRIORITY 9793\n\nSIPDIS\n\nE.O. 12958: DECL: 01/21/2019\n',
    );
    assert.equal(model.id, '09LAPAZ96');
    assert.deepEqual(
      [model.header?.originator?.serial?.text, model.header?.originator?.part?.text, model.header?.originator?.filingTime?.text],
      ['#0096', '/01', '0231326'],
    );
    assert.equal(model.classification, 'CONFIDENTIAL');
    assert.ok(model.diagnostics.some((d) => d.code === 'no-banner'));
  });

  it('gives a model, never an exception, for empty, binary-like, huge-line and half-written input', () => {
    for (const text of [
      '',
      '\n',
      '\u0000\u0001\u0002',
      'VZCZC',
      'C O N F',
      'REF:',
      'TAGS:',
      '¶',
      'X'.repeat(200_000),
      '('.repeat(100_000),
      'C O N F I D E N T I A L '.repeat(5000),
      '\r\r\r',
      '\uFEFF¶1. (C) x',
      '\uD800 lone surrogate',
    ]) {
      const model = parseCable(text);
      assert.ok(Array.isArray(model.paragraphs));
      assert.ok(model.lineCount >= 1);
    }
  });
});

describe('ranges', () => {
  it('a dashed rule is no bullet, and every paragraph and sub-paragraph range ends after it starts', () => {
    const model = parseCable('¶1. (C) Text:\n-- a bullet\n- - - - - - -\nHeading\n- - - - - - -\n\n¶2. (C) More.\n');
    assert.deepEqual(
      model.paragraphs[0]!.subParagraphs.map((s) => s.label),
      ['--'],
    );
    for (const p of model.paragraphs) {
      for (const r of [p.range, ...p.subParagraphs.map((s) => s.range)]) {
        assert.ok(r.end.line > r.start.line || (r.end.line === r.start.line && r.end.character >= r.start.character), JSON.stringify(r));
      }
    }
  });
});
