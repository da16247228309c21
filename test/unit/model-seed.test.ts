// The seed cable our user gave us (09BASRAH2, markdown-export form), read exactly as given.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { SEED_FILE } from '../support/corpus.ts';

const text = readFileSync(SEED_FILE, 'utf8');
const model = parseCable(text);
const lines = text.split('\n');
const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  lines[range.start.line]!.slice(range.start.character, range.end.line === range.start.line ? range.end.character : undefined);

describe('the seed cable 09BASRAH2', () => {
  it('has the ID, classification and date of its banner and DTG', () => {
    assert.equal(model.id, '09BASRAH2');
    assert.equal(model.idSource, 'text');
    assert.equal(model.classification, 'CONFIDENTIAL');
    assert.equal(model.date, '2009-01-25T14:27Z');
    assert.equal(model.precedence, 'PRIORITY');
  });

  it('reads the routing header with exact ranges', () => {
    const header = model.header!;
    assert.deepEqual(
      header.precedenceLine!.routingIndicators.map((t) => at(t.range)),
      ['RUEHDE', 'RUEHIHL', 'RUEHKUK'],
    );
    assert.equal(at(header.originator!.station!.range), 'RUEHBC');
    assert.equal(at(header.originator!.serial!.range), '#0002');
    assert.equal(at(header.originator!.filingTime!.range), '0251427');
    assert.equal(at(header.security!.classification!.range), 'CCCCC');
    assert.equal(at(header.dateTimeGroup!.dtg.range), '251427Z JAN 09');
    assert.equal(header.from!.station!.text, 'REO BASRAH');
    assert.deepEqual(
      header.to.map((a) => [a.routingIndicator?.text, a.station?.text, a.precedence?.text, a.serial?.text]),
      [
        ['RUEHC', 'SECSTATE WASHDC', 'PRIORITY', '0820'],
        ['RUEHGB', 'AMEMBASSY BAGHDAD', 'PRIORITY', '0403'],
      ],
    );
    assert.deepEqual(
      header.info.map((a) => [a.routingIndicator?.text, a.station?.text, a.serial?.text]),
      [
        ['RUCNRAQ', 'IRAQ COLLECTIVE', undefined],
        ['RUEHBC', 'REO BASRAH', '0857'],
      ],
    );
  });

  it('reads the banner, captions, E.O. line, TAGS links and subject', () => {
    assert.equal(at(model.banner!.classification.token.range), 'C O N F I D E N T I A L');
    assert.equal(at(model.banner!.origin!.range), 'BASRAH');
    assert.equal(at(model.banner!.serial!.range), '000002');
    assert.deepEqual(
      model.captions.map((c) => [c.kind, c.text]),
      [['handling', 'SIPDIS']],
    );
    assert.equal(model.executiveOrder!.order!.text, '12958');
    assert.equal(model.executiveOrder!.declassifyOn!.date, '2019-01-25');
    assert.deepEqual(
      model.tags!.codes.map((c) => c.code),
      ['PGOV', 'PINS', 'ASEC', 'IZ', 'IR'],
    );
    assert.deepEqual(
      model.tags!.codes.map((c) => at(c.range)),
      ['PGOV', 'PINS', 'ASEC', 'IZ', 'IR'],
    );
    assert.equal(model.subject!.text, 'MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY BUT ACKNOWLEDGES SOME VIOLENCE POSSIBLE');
  });

  it('resolves its REF to 08BAGHDAD3475 and reads the classification reason', () => {
    const [entry, ...rest] = model.references!.entries;
    assert.equal(rest.length, 0);
    assert.equal(entry!.kind, 'cable');
    assert.equal(entry!.id, '08BAGHDAD3475');
    assert.equal(at(entry!.citationRange!), '2008 BAGHDAD 3475');
    assert.deepEqual(
      model.classifiedBy!.reasons.map((r) => [r.code, r.text]),
      [['1.4(b)', '1.4 (b)']],
    );
  });

  it('numbers the paragraphs 1-5 (the lost pilcrow), all (C), under their headings', () => {
    assert.equal(model.lostPilcrow, true);
    assert.deepEqual(
      model.paragraphs.map((p) => p.number),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.label.text),
      ['11.', '12.', '13.', '14.', '15.'],
    );
    assert.ok(model.paragraphs.every((p) => p.marking?.text === '(C)' && p.marking.level === 'CONFIDENTIAL'));
    assert.deepEqual(
      model.headings.map((h) => h.text),
      ['Security: Election Day and Beyond', 'Iran'],
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.heading),
      [undefined, 0, 1, 1, 1],
    );
    assert.deepEqual(
      model.paragraphs.map((p) => p.lead?.text),
      ['Summary', undefined, undefined, undefined, 'Comment'],
    );
    // Paragraph 4 runs over a blank line to its second part.
    assert.equal(model.paragraphs[3]!.range.end.line - model.paragraphs[3]!.range.start.line, 2);
  });

  it('finds the signature, the markers and the reftel mention', () => {
    assert.equal(model.signature!.text, 'NEGRON');
    assert.deepEqual(
      model.markers.map((m) => m.kind),
      ['SUMMARY', 'END SUMMARY', 'NOTE', 'END NOTE', 'COMMENT', 'END COMMENT'],
    );
    assert.deepEqual(
      model.crossReferences.map((x) => [x.kind, x.text, x.targets]),
      [['reference', 'reftel', []]],
    );
    assert.deepEqual(model.diagnostics, []);
  });

  it('gives the same model with CRLF line ends', () => {
    const crlf = parseCable(text.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf, model);
  });
});
