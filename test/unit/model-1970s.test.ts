// The 1970s forms, each read by the model as a small text: PlusD teletype printouts (lines from
// the real cables of test/fixtures/other-forms/plusd) and FRUS telegrams in history.state.gov's text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCable } from '../../server/src/model/cable-model.ts';

const fixtures = join(__dirname, '..', 'fixtures', 'other-forms');
const plusd = (name: string) => readFileSync(join(fixtures, 'plusd', `${name}.txt`), 'utf8');

/** The head of 1974ATHENS02959 with its page break moved under the REF line, as the issue saw it. */
const ATHENS_HEAD = `LIMITED OFFICIAL USE
PAGE 01  ATHENS 02959  171944Z
11
ACTION EUR-25
INFO  OCT-01  EA-11  ISO-00  CIAE-00  COME-00  EB-11  INR-10
/096 W
---------------------     064536
R 171600Z MAY 74
FM AMEMBASSY ATHENS
TO SECSTATE WASHDC 3410
INFO AMEMBASSY LONDON
LIMITED OFFICIAL USE ATHENS 2959
E.O. 11652: N/A
TAGS: PINS, GR
SUBJECT: ARRESTS OF KALOUDIS AND AMBATIELOS
REF: STATE 97844
LIMITED OFFICIAL USE
LIMITED OFFICIAL USE
PAGE 02  ATHENS 02959  171944Z
1. INQUIRIES MADE BY APPROPRIATE SECTION OF EMBASSY ON
WHEREABOUTS AND WELFARE OF ANTHONY AMBATIELOS AND
2. DEPARTMENT MAY WISH EMPHASIZE TO APPRIOPRIATE OFFICIALS
TASCA
LIMITED OFFICIAL USE
NNN
`;

describe('the PlusD form', () => {
  it('reads LIMITED OFFICIAL USE as a level, and the ID, date, TAGS and document number', () => {
    const model = parseCable(ATHENS_HEAD);
    assert.equal(model.banner?.classification.level, 'LIMITED OFFICIAL USE');
    assert.equal(model.classification, 'LIMITED OFFICIAL USE');
    assert.equal(model.id, '74ATHENS2959');
    assert.equal(model.documentNumber, '1974ATHENS02959');
    assert.equal(model.date, '1974-05-17T16:00Z');
    assert.deepEqual(
      model.tags?.codes.map((c) => c.code),
      ['PINS', 'GR'],
    );
    assert.deepEqual(
      model.header?.info.map((a) => a.station?.text),
      ['AMEMBASSY LONDON'],
    );
  });

  it('reads the office, drafting and separator lines, none of them an addressee', () => {
    const model = parseCable(plusd('1975ADDIS09462'));
    assert.deepEqual(
      model.header?.offices?.map((o) => [o.kind, o.range.start.line, o.range.end.line, o.items.length, o.total?.text]),
      [
        ['action', 3, 3, 1, undefined],
        ['info', 4, 7, 23, '/106 W'],
        ['separator', 8, 8, 1, undefined],
      ],
    );
    const state = parseCable(readFileSync(join(fixtures, 'plusd', '1973STATE097844.txt'), 'utf8'));
    assert.deepEqual(
      state.header?.offices?.map((o) => [o.kind, o.keyword?.text]),
      [
        ['origin', 'ORIGIN'],
        ['info', 'INFO'],
        ['drafted', 'DRAFTED BY'],
        ['approved', 'APPROVED BY'],
        ['separator', undefined],
      ],
    );
    assert.deepEqual(
      state.header?.to.map((a) => a.station?.text),
      ['AMEMBASSY LUXEMBOURG'],
    );
  });

  it('a page head under the REF line is a page break: no REF entry, no SUBJECT text, no paragraph', () => {
    const model = parseCable(ATHENS_HEAD);
    assert.deepEqual(
      model.references?.entries.map((e) => [e.text, e.id]),
      [['STATE 97844', '74STATE97844']],
    );
    assert.equal(model.subject?.text, 'ARRESTS OF KALOUDIS AND AMBATIELOS');
    assert.deepEqual(
      model.pageBreaks.map((p) => [p.range.start.line, p.page, p.post, p.serial, p.form]),
      [
        [1, '01', 'ATHENS', '02959', 'plusd'],
        [18, '02', 'ATHENS', '02959', 'plusd'],
      ],
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.number),
      [1, 2],
    );
    assert.equal(model.signature?.text, 'TASCA');
    assert.deepEqual([model.endOfMessage?.text, model.endOfMessage?.range.start.line], ['NNN', 24]);
  });

  it('reads precedence pairs and NIACT IMMEDIATE', () => {
    const model = parseCable(
      'O P 251530Z JAN 75\nFM SECSTATE WASHDC\nTO AMEMBASSY BONN NIACT IMMEDIATE\nINFO USMISSION NATO PRIORITY\nLIMITED OFFICIAL USE STATE 123456\n',
    );
    assert.deepEqual(
      model.header?.dateTimeGroup?.precedence.map((p) => p.text),
      ['O', 'P'],
    );
    assert.equal(model.precedence, 'IMMEDIATE');
    assert.deepEqual(
      model.header?.to.map((a) => [a.station?.text, a.precedence?.text]),
      [['AMEMBASSY BONN', 'NIACT IMMEDIATE']],
    );
    assert.deepEqual(
      model.header?.info.map((a) => [a.station?.text, a.precedence?.text]),
      [['USMISSION NATO', 'PRIORITY']],
    );
  });

  it('reads DTGs with a spaced Z, a four-letter month and a ZFF trailer', () => {
    assert.equal(parseCable(plusd('1973STATE097844')).date, '1973-05-22T18:28Z');
    const nato = parseCable(plusd('1975NATO04605'));
    assert.equal(nato.date, '1975-09-01T18:30Z');
    assert.equal(nato.header?.dateTimeGroup?.trailer?.text, 'ZFF-4');
    assert.equal(nato.documentNumber, '1975NATO04605');
  });

  it('ends SUBJECT where no wrapped line goes on, and reads SUBJECT; TAGS; REF; with semicolons', () => {
    assert.equal(parseCable(plusd('1975NATO04605')).subject?.text, 'RESTRICTION ON INTELLIGENCE TO PORTUGAL');
    assert.equal(parseCable(plusd('1975ADDIS09462')).subject?.text, 'OAU KAMPALA CM AND SUMMIT: SOME ACHIEVEMENT, MUCH PRO- CRASTINATION');
    const bonn = parseCable(plusd('1978MOSCOW30030'));
    assert.equal(bonn.subject?.text, 'OFFICIAL-INFORMAL');
    const semicolons = parseCable(
      'C O N F I D E N T I A L SECTION 01 OF 09 BONN 05665\nE.O. 11652; GDS\nTAGS; AMGT, PFOR, GW, XX, US\nSUBJECT; PARM--ANNUAL POLICY AND RESOURCE ASSESSMENT--\nPART I\nREF; STATE 041169\n1. ANY APPRAISAL\n',
      { year: 1977 },
    );
    assert.deepEqual(
      semicolons.tags?.codes.map((c) => c.code),
      ['AMGT', 'PFOR', 'GW', 'XX', 'US'],
    );
    assert.equal(semicolons.subject?.text, 'PARM--ANNUAL POLICY AND RESOURCE ASSESSMENT-- PART I');
    assert.deepEqual(
      semicolons.references?.entries.map((e) => e.id),
      ['77STATE41169'],
    );
  });

  it('reads a page head written over two lines, and the classification stamps are no text', () => {
    const model = parseCable(plusd('1978MOSCOW30030'));
    assert.deepEqual(
      model.pageBreaks.map((p) => [p.range.start.line, p.range.end.line, p.post, p.serial, p.section, p.of]),
      [
        [1, 2, 'MOSCOW', '30030', 1, 2],
        [33, 34, 'MOSCOW', '30030', 1, 2],
      ],
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.number),
      [1, 2, 3, 4],
    );
    // Paragraph 3 goes on over the stamps and the page head to `THIS YEAR'S EXERCISE.`
    assert.equal(model.paragraphs[2]!.range.end.line, 36);
    assert.deepEqual(model.headings, []);
  });

  it('a wrapped line that starts with a number is no paragraph', () => {
    const model = parseCable(
      `${ATHENS_HEAD.split('TASCA')[0]}3. AMBASSADOR CALLED ON THE MINISTER ON MONDAY MORNING MARCH\n1. HE WAS TOLD THAT\n4. NEXT\n`,
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.number),
      [1, 2, 3, 4],
    );
  });

  it('a banner post that disagrees with the FM line and the page head is a damaged banner, not a new post', () => {
    const model = parseCable(
      'CONFIDENTIAL\nPAGE 01 WARSAW 01234 051200Z\nR 051130Z MAR 75\nFM AMEMBASSY WARSAW\nTO SECSTATE WASHDC 1111\nC O N F I D E N T I A L WARSW 1234\nE.O. 11652: GDS\nTAGS: PFOR, PL\nSUBJECT: TALKS\n1. TEXT.\n',
    );
    assert.equal(model.id, '75WARSAW1234');
    assert.equal(model.documentNumber, '1975WARSAW01234');
    assert.ok(model.diagnostics.some((d) => d.code === 'damaged-banner' && d.range.start.line === 5));
  });

  it('a PlusD file name gives the year of an excerpt without a DTG; nothing else makes an ID up', () => {
    const text = plusd('1973STATE170651');
    assert.deepEqual(
      [parseCable(text, { fileName: '1973STATE170651.txt' }).id, parseCable(text, { fileName: '1973STATE170651.txt' }).classification],
      ['73STATE170651', 'CONFIDENTIAL'],
    );
    assert.equal(parseCable(text).id, undefined);
    assert.equal(parseCable(text, { fileName: '1973STATE170652.txt' }).id, undefined);
  });

  it('reads (LOU) as a portion marking of its level', () => {
    const model = parseCable('LIMITED OFFICIAL USE STATE 123456\nE.O. 12065: N/A\nTAGS: PFOR\nSUBJECT: X\n\n1. (LOU) TEXT.\n', {
      year: 1979,
    });
    assert.deepEqual([model.paragraphs[0]?.marking?.level, model.paragraphs[0]?.marking?.abbreviation], ['LIMITED OFFICIAL USE', 'LOU']);
  });
});

describe('FRUS telegrams', () => {
  const frus = (name: string) => readFileSync(join(fixtures, 'frus', `${name}.txt`), 'utf8');

  it('reads heading, date line, telegram number, signature and footnotes, and no paragraph of them', () => {
    const model = parseCable(frus('frus1958-60v11-d142'));
    assert.deepEqual(
      [model.frus?.number.text, model.frus?.from?.text, model.frus?.to?.text, model.frus?.place?.text, model.frus?.telegramNumber?.text],
      ['142', 'Embassy in Lebanon', 'Department of State', 'Beirut', '406'],
    );
    assert.deepEqual(
      [model.id, model.date, model.classification, model.precedence],
      ['58BEIRUT406', '1958-07-15T18:00', 'TOP SECRET', 'IMMEDIATE'],
    );
    assert.deepEqual(
      model.frus?.footnotes.map((f) => f.number),
      [1, 2, 3, 4],
    );
    assert.deepEqual(model.paragraphs, []);
    assert.equal(model.signature?.text, 'McClintock');
    assert.deepEqual(model.diagnostics, []);
  });

  it('reads Subj: and Ref: after the telegram number, then the numbered paragraphs', () => {
    // The form of the example (history.state.gov text of a 1973 telegram); the words are placeholders.
    const text =
      '323. Telegram From the Embassy in Israel to the Department of State\n\nTel Aviv, October 9, 1973, 1510Z.\n\n8997. Subj: Cabinet decision. Ref: Tel Aviv 8996.\n\n1. First paragraph.\n\n2. Second paragraph.\n\nKeating\n\n1. Source: National Archives, RG 59, Central Foreign Policy Files. Secret; Flash; Nodis.\n\n2. Telegram 8996 is not printed.\n';
    const model = parseCable(text);
    assert.deepEqual(
      [model.id, model.date, model.subject?.text, model.references?.entries.map((e) => e.id)],
      ['73TELAVIV8997', '1973-10-09T15:10Z', 'Cabinet decision.', ['73TELAVIV8996']],
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.number),
      [1, 2],
    );
    assert.deepEqual(
      model.frus?.footnotes.map((f) => f.number),
      [1, 2],
    );
    // A sender whose post the date line does not name: no ID made up, and a diagnostic says why.
    const unknown = parseCable(text.replace('Tel Aviv, October', 'Somewhere, October'));
    assert.deepEqual([unknown.id, unknown.diagnostics.map((d) => d.code)], [undefined, ['no-id']]);
  });
});
