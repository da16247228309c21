// The language service on the seed cable 09BASRAH2 beside a stand-in for the cable it cites,
// 08BAGHDAD3475: outline, hover and definition, as a user sees them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { allSymbols, BAGHDAD_URI, documentOf, hoverText, positionOf, SEED_TEXT, SEED_URI, seedWorkspace } from '../support/service.ts';
import { plainTextHover } from '../../server/src/lsp/lsp-encodings.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

const seed = documentOf(SEED_URI, SEED_TEXT);

function byName(symbols: DocumentSymbol[], name: string): DocumentSymbol {
  const found = allSymbols(symbols).find((s) => s.name === name);
  assert.ok(
    found,
    `no symbol named ${name}; have ${allSymbols(symbols)
      .map((s) => s.name)
      .join(' | ')}`,
  );
  return found;
}

describe('seed 09BASRAH2: outline', () => {
  const { service } = seedWorkspace();
  const symbols = service.documentSymbols(seed, NEVER_CANCELLED);

  it('has the routing header, subject, REF list and body in document order', () => {
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        'Routing header',
        'Subject: MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY BUT ACKNOWLEDGES SOME VIOLENCE…',
        'REF',
        '1. (C) Summary: Meeting with the REO Director…',
        'Security: Election Day and Beyond',
        'Iran',
      ],
    );
  });

  it('the routing header holds FM, TO and INFO, their addressees as detail rather than symbols', () => {
    const header = symbols[0]!;
    assert.deepEqual(
      header.children?.map((c) => [c.name, c.detail, c.children]),
      [
        ['FM', 'REO BASRAH', undefined],
        ['TO', 'SECSTATE WASHDC, AMEMBASSY BAGHDAD (2)', undefined],
        ['INFO', 'IRAQ COLLECTIVE, REO BASRAH (2)', undefined],
      ],
    );
    assert.equal(header.detail, 'P 251427Z JAN 09');
  });

  it('the REF list has one child per entry, with the resolved ID', () => {
    const ref = byName(symbols, 'REF');
    assert.deepEqual(
      ref.children?.map((c) => [c.name, c.detail, c.kind]),
      [['2008 BAGHDAD 3475', '08BAGHDAD3475', SymbolKind.File]],
    );
    assert.equal(seed.getText(ref.children![0]!.range), '2008 BAGHDAD 3475');
  });

  it('paragraphs 1-5 show their true number (the export wrote 11.-15.), under their headings', () => {
    const security = byName(symbols, 'Security: Election Day and Beyond');
    const iran = byName(symbols, 'Iran');
    assert.deepEqual(
      security.children?.map((c) => c.name),
      ['2. (C) During his January 14 meeting with the…'],
    );
    assert.deepEqual(
      iran.children?.map((c) => c.name),
      [
        '3. (C) Aziz vented his frustration at…',
        '4. (C) Although Aziz expressed support for an…',
        '5. (C) Comment: Aziz is judged as very…',
      ],
    );
    const paragraphs = allSymbols(symbols).filter((s) => s.kind === SymbolKind.Number);
    assert.deepEqual(
      paragraphs.map((p) => seed.getText(p.selectionRange)),
      ['11.', '12.', '13.', '14.', '15.'],
    );
  });

  it('a paragraph’s range covers the paragraph (paragraph 4 runs over a blank line), its selection the number', () => {
    const four = byName(symbols, '4. (C) Although Aziz expressed support for an…');
    assert.ok(seed.getText(four.range).startsWith('14. (C) Although Aziz'));
    assert.ok(seed.getText(four.range).endsWith('"and we have politicians who are Iranian proxies."'));
    assert.equal(seed.getText(four.selectionRange), '14.');
  });

  it('every selection range lies in its range, every child in its parent', () => {
    const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const s of list) {
        const within = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
          seed.offsetAt(outer.start) <= seed.offsetAt(inner.start) && seed.offsetAt(inner.end) <= seed.offsetAt(outer.end);
        assert.ok(within(s.selectionRange, s.range), `${s.name}: selection outside range`);
        if (parent) assert.ok(within(s.range, parent.range), `${s.name} sticks out of ${parent.name}`);
        check(s.children ?? [], s);
      }
    };
    check(symbols);
  });
});

describe('seed 09BASRAH2: hover', () => {
  const { service } = seedWorkspace();
  const hoverAt = (needle: string, offset = 1, nth = 0) => service.hover(seed, positionOf(seed, needle, offset, nth), NEVER_CANCELLED);

  it('PINS: meaning, kind and source, unverified said so; range is the code', () => {
    const hover = hoverAt('PINS');
    assert.equal(seed.getText(hover!.range!), 'PINS');
    const text = hoverText(hover);
    assert.match(text, /^\*\*PINS\*\* — subject tag \(Political Affairs\): National Security \*\(unverified\)\*/);
    assert.match(text, /Source: unverified/);
  });

  it('PGOV: a verified meaning with its source', () => {
    const text = hoverText(hoverAt('PGOV'));
    assert.match(text, /Internal Governmental Affairs/);
    assert.match(text, /fam\.state\.gov/);
    assert.doesNotMatch(text, /unverified/);
  });

  it('IZ: a geographic tag', () => assert.match(hoverText(hoverAt('[IZ]', 2)), /geographic tag \(country\): IRAQ/));

  it('an unknown code says so plainly, with no guess', () => {
    const edited = documentOf(SEED_URI, SEED_TEXT.replace('[IR](#)', '[QQZX](#)'), 2);
    const hover = service.hover(edited, positionOf(edited, 'QQZX', 1), NEVER_CANCELLED);
    assert.equal(edited.getText(hover!.range!), 'QQZX');
    assert.match(
      hoverText(hover),
      /^\*\*QQZX\*\* — unknown TAGS code\n\nNone of the TAGS tables shipped with Cable .* lists this code, so its meaning is unknown here\.$/,
    );
  });

  it('a code in two tables shows both readings (EU: Europa Island, and the EU as some drafters write it)', () => {
    const edited = documentOf(SEED_URI, SEED_TEXT.replace('[IR](#)', '[EU](#)'), 3);
    const text = hoverText(service.hover(edited, positionOf(edited, '[EU]', 1), NEVER_CANCELLED));
    assert.match(text, /geographic tag \(country\): EUROPA ISLAND/);
    assert.match(text, /also the organization tag: European Union .*\*\(unverified\)\*/);
  });

  it('routing indicators name their station; an unlisted one says so and shows what the cable writes', () => {
    assert.match(hoverText(hoverAt('RUEHBC')), /routing indicator of REO BASRAH/);
    const collective = hoverText(hoverAt('RUCNRAQ'));
    assert.match(collective, /not in the ACP 117 table/);
    assert.match(collective, /IRAQ COLLECTIVE/);
  });

  it('precedence prosigns: PP on line 2, P before the DTG, PRIORITY of an addressee', () => {
    assert.match(hoverText(hoverAt('PP RUEHDE', 0)), /transmission precedence: PRIORITY/);
    assert.match(hoverText(hoverAt('P 251427Z', 0)), /precedence: PRIORITY/);
    assert.match(hoverText(hoverAt('PRIORITY 0820')), /precedence for this addressee: PRIORITY/);
  });

  it('the security prosign CCCCC and ZNY', () => {
    assert.match(hoverText(hoverAt('CCCCC')), /CONFIDENTIAL message/);
    assert.match(hoverText(hoverAt('ZNY')), /Security warning/);
  });

  it('the DTG decoded to a UTC date and time; the DE line filing time too', () => {
    const hover = hoverAt('251427Z JAN 09', 3);
    assert.equal(seed.getText(hover!.range!), '251427Z JAN 09');
    assert.match(hoverText(hover), /Sunday, 25 January 2009, 14:27 UTC/);
    assert.match(hoverText(hoverAt('0251427')), /25 January 2009, 14:27 UTC/);
  });

  it('the banner: level, and the cable ID from post and serial', () => {
    assert.match(hoverText(hoverAt('C O N F I D E N T I A L')), /classification banner: CONFIDENTIAL/);
    assert.match(hoverText(hoverAt('BASRAH 000002')), /Cable ID `09BASRAH2`/);
  });

  it('the portion marking (C)', () => {
    const hover = hoverAt('(C) Summary');
    assert.equal(seed.getText(hover!.range!), '(C)');
    assert.match(hoverText(hover), /portion marking[\s\S]*level: CONFIDENTIAL/);
  });

  it('the reason 1.4 (b) and the DECL date', () => {
    assert.match(hoverText(hoverAt('1.4 (b)')), /E\.O\. 12958 as amended, classification category: foreign government information/);
    assert.match(hoverText(hoverAt('1/25/2019')), /Declassify on 25 January 2019/);
  });

  it('the REF entry: resolved ID, and the cited cable’s subject, date, classification and file', async () => {
    const { service: indexed } = seedWorkspace();
    assert.equal(await indexed.ensureIndexed(NEVER_CANCELLED), true);
    const hover = indexed.hover(seed, positionOf(seed, '2008 BAGHDAD 3475', 6), NEVER_CANCELLED);
    assert.equal(seed.getText(hover!.range!), '2008 BAGHDAD 3475');
    const text = hoverText(hover);
    assert.match(text, /Cable `08BAGHDAD3475`/);
    assert.match(text, /Subject: SYNTHETIC TEST CABLE STANDING IN FOR 2008 BAGHDAD 3475/);
    assert.match(text, /Date: Friday, 31 October 2008, 12:00 UTC/);
    assert.match(text, /Classification: UNCLASSIFIED/);
    assert.match(text, /File: \[fixtures\/08BAGHDAD3475\.cable\]\(file:\/\/\/ws\/fixtures\/08BAGHDAD3475\.cable\)/);
  });

  it('reftel in the body shows the REF entry it means', () => {
    const hover = hoverAt('reftel', 2);
    assert.equal(seed.getText(hover!.range!), 'reftel');
    assert.match(hoverText(hover), /2008 BAGHDAD 3475[\s\S]*08BAGHDAD3475/);
  });

  it('plain text for clients without markdown', () => {
    const hover = plainTextHover(service.hover(seed, positionOf(seed, 'PINS'), NEVER_CANCELLED)!);
    assert.deepEqual(Object.keys(hover.contents), ['kind', 'value']);
    assert.equal((hover!.contents as { kind: string }).kind, 'plaintext');
    assert.match(hoverText(hover), /^PINS — subject tag \(Political Affairs\): National Security \(unverified\)/);
  });

  it('nothing to say on ordinary words', () => assert.equal(hoverAt('confidence in his security'), null));
});

describe('seed 09BASRAH2: definition', () => {
  it('anywhere on `2008 BAGHDAD 3475` lands on 08BAGHDAD3475, the whole entry as origin', async () => {
    const { service } = seedWorkspace();
    for (const offset of [0, 6, 16]) {
      const definitions = await service.definition(seed, positionOf(seed, '2008 BAGHDAD 3475', offset), NEVER_CANCELLED);
      assert.equal(definitions.length, 1);
      const [definition] = definitions;
      assert.equal(definition!.targetUri, BAGHDAD_URI);
      assert.equal(seed.getText(definition!.originSelectionRange), '2008 BAGHDAD 3475');
      assert.deepEqual(definition!.targetSelectionRange, { start: { line: 8, character: 0 }, end: { line: 8, character: 21 } });
    }
  });

  it('`reftel` leads to the REF entry', async () => {
    const { service } = seedWorkspace();
    const [definition] = await service.definition(seed, positionOf(seed, 'reftel', 3), NEVER_CANCELLED);
    assert.equal(definition!.targetUri, SEED_URI);
    assert.equal(seed.getText(definition!.targetRange), '2008 BAGHDAD 3475');
    assert.equal(seed.getText(definition!.originSelectionRange), 'reftel');
  });

  it('`para 4` and `paras 2-3` lead to those paragraphs', async () => {
    const edited = documentOf(SEED_URI, SEED_TEXT.replace('(See reftel.)', '(See reftel and para 4; also paras 2-3.)'));
    const { service } = seedWorkspace();
    const [four] = await service.definition(edited, positionOf(edited, 'para 4', 2), NEVER_CANCELLED);
    assert.equal(edited.getText(four!.targetSelectionRange), '14.');
    assert.equal(edited.getText(four!.originSelectionRange), 'para 4');
    const twoThree = await service.definition(edited, positionOf(edited, 'paras 2-3', 7), NEVER_CANCELLED);
    assert.deepEqual(
      twoThree.map((d) => edited.getText(d.targetSelectionRange)),
      ['12.', '13.'],
    );
  });

  it('no definition off the REF list and mentions', async () => {
    const { service } = seedWorkspace();
    assert.deepEqual(await service.definition(seed, positionOf(seed, 'Aziz confidently promised'), NEVER_CANCELLED), []);
  });

  it('a cited cable that is not in the workspace gives no definition', async () => {
    const { service } = seedWorkspace();
    const other = documentOf(SEED_URI, SEED_TEXT.replace('REF: 2008 BAGHDAD 3475', 'REF: 2008 BAGHDAD 3476'));
    assert.deepEqual(await service.definition(other, positionOf(other, 'BAGHDAD 3476'), NEVER_CANCELLED), []);
  });
});
