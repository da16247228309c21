// Odd input never breaks the service: binary, empty, CRLF, positions off the text, and cables cut
// or scrambled at random (seeded, so a failure can be replayed).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentOf, hoverText, positionOf, SEED_TEXT, seedWorkspace } from '../support/service.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nested(symbols: DocumentSymbol[], offsetAt: (p: DocumentSymbol['range']['start']) => number, parent?: DocumentSymbol): boolean {
  return symbols.every((s) => {
    const inside = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
      offsetAt(outer.start) <= offsetAt(inner.start) && offsetAt(inner.end) <= offsetAt(outer.end);
    return (
      s.name.length > 0 &&
      inside(s.selectionRange, s.range) &&
      (!parent || inside(s.range, parent.range)) &&
      nested(s.children ?? [], offsetAt, s)
    );
  });
}

/** Reported to the model's owner; these tests pass once it is fixed. */

describe('odd input', () => {
  const { service } = seedWorkspace();

  const texts: Record<string, string> = {
    empty: '',
    blank: '\n\n   \n\t\n',
    binary: '\u0000\u0001\u0002\uFFFD\uD800'.repeat(2000),
    'one long line': 'A '.repeat(200_000),
    crlf: SEED_TEXT.replace(/\n/g, '\r\n'),
    'lone CR': SEED_TEXT.replace(/\n/g, '\r'),
    'REF letters only': `REF: ${Array.from({ length: 26 }, (_, i) => `${String.fromCharCode(65 + i)}.`).join(' ')}\n\n1. (C) See REF Z and para 999.\n`,
  };

  for (const [name, text] of Object.entries(texts)) {
    it(`${name}: outline, hover and definition answer without throwing`, async () => {
      const document = documentOf(`file:///ws/odd/${name}.cable`, text);
      const symbols = service.documentSymbols(document, NEVER_CANCELLED);
      assert.ok(nested(symbols, (p) => document.offsetAt(p)));
      for (const position of [
        { line: 0, character: 0 },
        { line: 5, character: 3 },
        { line: 10_000, character: 10_000 },
        { line: 0, character: -1 },
      ]) {
        service.hover(document, position, NEVER_CANCELLED);
        await service.definition(document, position, NEVER_CANCELLED);
      }
    });
  }

  it('a dash rule read as a bullet at the end of a paragraph (its range ends before it starts) still gives a valid outline', () => {
    const document = documentOf('file:///ws/odd/rule.cable', '1. (C) Text of the paragraph.\n\n- - - - - -\n\n2. (C) Next.\n');
    const symbols = service.documentSymbols(document, NEVER_CANCELLED);
    assert.ok(nested(symbols, (p) => document.offsetAt(p)));
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['1. (C) Text of the paragraph.', '2. (C) Next.'],
    );
  });

  it('CRLF gives the same outline as LF', () => {
    const lf = service.documentSymbols(documentOf('file:///ws/odd/lf.cable', SEED_TEXT), NEVER_CANCELLED).map((s) => s.name);
    const crlf = service.documentSymbols(documentOf('file:///ws/odd/crlf.cable', texts.crlf!), NEVER_CANCELLED).map((s) => s.name);
    assert.deepEqual(crlf, lf);
  });

  it('a mention of a REF letter or paragraph the cable does not have says so, and leads nowhere', async () => {
    const document = documentOf('file:///ws/odd/letters.cable', 'REF: A. STATE 1234\n\n1. (C) See REF C and para 999.\n');
    assert.match(hoverText(service.hover(document, positionOf(document, 'REF C'), NEVER_CANCELLED)), /no such entry in the REF list/);
    assert.match(hoverText(service.hover(document, positionOf(document, 'para 999'), NEVER_CANCELLED)), /no such paragraph/);
    assert.deepEqual(await service.definition(document, positionOf(document, 'REF C'), NEVER_CANCELLED), []);
    assert.deepEqual(await service.definition(document, positionOf(document, 'para 999'), NEVER_CANCELLED), []);
  });

  it('200 cuts and scrambles of the seed: every answer keeps its shape', async () => {
    const next = random(20090125);
    for (let round = 0; round < 200; round++) {
      const start = Math.floor(next() * SEED_TEXT.length);
      const end = start + Math.floor(next() * (SEED_TEXT.length - start));
      const lines = SEED_TEXT.slice(start, end).split('\n');
      for (let swaps = Math.floor(next() * 4); swaps > 0; swaps--) {
        const i = Math.floor(next() * lines.length);
        const j = Math.floor(next() * lines.length);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      const document = documentOf(`file:///ws/odd/round${round}.cable`, lines.join('\n'));
      const symbols = service.documentSymbols(document, NEVER_CANCELLED);
      assert.ok(
        nested(symbols, (p) => document.offsetAt(p)),
        `round ${round}: ${start}-${end}`,
      );
      for (let probe = 0; probe < 10; probe++) {
        const position = document.positionAt(Math.floor(next() * document.getText().length));
        const hover = service.hover(document, position, NEVER_CANCELLED);
        if (hover) assert.ok(hoverText(hover).length > 0);
        for (const definition of await service.definition(document, position, NEVER_CANCELLED)) assert.ok(definition.targetUri);
      }
    }
  });
});
