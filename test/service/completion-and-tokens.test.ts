// Completion (TAGS codes with meanings in the TAGS line, markings the banner allows after a
// paragraph number, workspace cables in REF) and semantic tokens (a REF entry found in the
// workspace or not, an unknown TAGS code), on the seed and its variants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { documentOf, positionOf, SEED_TEXT, SEED_URI, seedWorkspace } from '../support/service.ts';
import { decodeTokens, edit, sampleWorkspace } from '../support/features.ts';
import { encodeSemanticTokens } from '../../server/src/lsp/lsp-encodings.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

let version = 0;
const labels = (items: CompletionItem[] | undefined) => (items ?? []).map((i) => i.label);

describe('completion', () => {
  it('TAGS line: every code with its meaning, written as the cable writes codes', () => {
    const { service } = seedWorkspace();
    const text = edit(SEED_TEXT, '[IR](#)', '[IR](#) PG');
    const document = documentOf(SEED_URI, text, ++version);
    const list = service.completion(document, positionOf(document, ' PG', 3), NEVER_CANCELLED)!;
    const pgov = list.items.find((i) => i.label === 'PGOV')!;
    assert.equal(pgov.detail, 'Internal Governmental Affairs');
    assert.match(String(pgov.documentation), /^subject tag \(Political Affairs\): Internal Governmental Affairs/);
    // The markdown export writes `[PGOV](#)`: the completion does too, over the typed `PG`.
    assert.deepEqual(pgov.textEdit, {
      range: { start: positionOf(document, ' PG', 1), end: positionOf(document, ' PG', 3) },
      newText: '[PGOV](#)',
    });
    assert.ok(list.items.length > 900, `${list.items.length} codes`);
    assert.ok(labels(list.items).includes('IZ') && labels(list.items).includes('KJUS'));
  });

  it('a plain TAGS line gets plain codes; nothing on the keyword itself', () => {
    const { service } = seedWorkspace();
    const text = edit(SEED_TEXT, 'TAGS: [PGOV](#) [PINS](#) [ASEC](#) [IZ](#) [IR](#)', 'TAGS: PGOV, PI');
    const document = documentOf(SEED_URI, text, ++version);
    const pins = service.completion(document, positionOf(document, ', PI', 4), NEVER_CANCELLED)!.items.find((i) => i.label === 'PINS')!;
    assert.equal((pins.textEdit as TextEdit).newText, 'PINS');
    assert.equal(service.completion(document, positionOf(document, 'TAGS', 2), NEVER_CANCELLED), null);
  });

  it('a position past the end of its line (a client’s slip): edits stay inside the text (found by bench/fuzz)', () => {
    const { service } = seedWorkspace();
    const text = edit(SEED_TEXT, 'TAGS: [PGOV](#) [PINS](#) [ASEC](#) [IZ](#) [IR](#)', 'TAGS: PGOV, PI');
    const document = documentOf(SEED_URI, text, ++version);
    const line = positionOf(document, 'TAGS').line;
    const list = service.completion(document, { line, character: 88_140 }, NEVER_CANCELLED)!;
    const pins = list.items.find((i) => i.label === 'PINS')!;
    // As at the line's end: the typed `PI` is replaced.
    assert.deepEqual((pins.textEdit as TextEdit).range, {
      start: { line, character: 'TAGS: PGOV, '.length },
      end: { line, character: 'TAGS: PGOV, PI'.length },
    });
  });

  it('after a paragraph number: the markings up to the banner’s level, the banner’s first', () => {
    const { service } = seedWorkspace();
    const text = edit(SEED_TEXT, '12. (C) During', '12. During');
    const document = documentOf(SEED_URI, text, ++version);
    const list = service.completion(document, positionOf(document, '12. During', 4), NEVER_CANCELLED)!;
    const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(labels(sorted), ['(C)', '(SBU)', '(U)']);
    assert.equal((sorted[0]!.textEdit as TextEdit).newText, '(C) ');
    // Right after `12.` (no space yet), a space comes with it; a typed `(` is replaced.
    assert.equal(
      (
        service.completion(document, positionOf(document, '12. During', 3), NEVER_CANCELLED)!.items[0]!.textEdit as TextEdit
      ).newText.startsWith(' ('),
      true,
    );
    const typed = documentOf(SEED_URI, edit(text, '12. During', '12. (During'), ++version);
    const item = service.completion(typed, positionOf(typed, '12. (During', 5), NEVER_CANCELLED)!.items[0]!;
    assert.equal((item.textEdit as TextEdit).range.start.character, 4);
  });

  it('a SECRET//NOFORN cable offers (S//NF) and (C//NF); an UNCLAS cable only (U) and (SBU)', () => {
    const { service } = seedWorkspace();
    const secret = edit(
      edit(edit(SEED_TEXT, 'C O N F I D E N T I A L BASRAH', 'S E C R E T BASRAH'), 'SIPDIS', 'NOFORN\nSIPDIS'),
      '12. (C) During',
      '12. During',
    );
    const document = documentOf(SEED_URI, secret, ++version);
    assert.deepEqual(labels(service.completion(document, positionOf(document, '12. During', 4), NEVER_CANCELLED)!.items).sort(), [
      '(C)',
      '(C//NF)',
      '(S)',
      '(S//NF)',
      '(SBU)',
      '(U)',
    ]);
    const unclas = documentOf(
      SEED_URI,
      edit(edit(SEED_TEXT, 'C O N F I D E N T I A L BASRAH', 'UNCLAS BASRAH'), '12. (C) During', '12. During'),
      ++version,
    );
    assert.deepEqual(labels(service.completion(unclas, positionOf(unclas, '12. During', 4), NEVER_CANCELLED)!.items).sort(), [
      '(SBU)',
      '(U)',
    ]);
    const lou = documentOf(
      SEED_URI,
      edit(edit(SEED_TEXT, 'C O N F I D E N T I A L BASRAH', 'LIMITED OFFICIAL USE BASRAH'), '12. (C) During', '12. During'),
      ++version,
    );
    assert.deepEqual(labels(service.completion(lou, positionOf(lou, '12. During', 4), NEVER_CANCELLED)!.items).sort(), [
      '(LOU)',
      '(SBU)',
      '(U)',
    ]);
    // Inside running text: nothing.
    assert.equal(service.completion(document, positionOf(document, 'Aziz vented', 5), NEVER_CANCELLED), null);
  });

  it('in REF: workspace cables by what is typed, written as REF entries cite them', async () => {
    const { service } = await sampleWorkspace();
    const typing = (line: string) => {
      const text = edit(SEED_TEXT, 'REF: 2008 BAGHDAD 3475', line);
      const document = documentOf(SEED_URI, text, ++version);
      return service.completion(document, positionOf(document, line, line.length), NEVER_CANCELLED)!;
    };
    const madrid = typing('REF: A. 06 MADRID 26');
    assert.equal(madrid.isIncomplete, true);
    assert.deepEqual(labels(madrid.items), ['06 MADRID 2657']);
    assert.deepEqual((madrid.items[0]!.textEdit as TextEdit).range.start.character, 8);
    assert.equal(madrid.items[0]!.detail, 'SPAIN: UPDATE ON KEY TERRORISM-RELATED CASES');
    assert.deepEqual(labels(typing('REF: 06MADRID3').items), ['06 MADRID 3104']);
    assert.deepEqual(labels(typing('REF: A. STATE 1, B. 07 MAD').items), ['07 MADRID 173']);
    assert.deepEqual(labels(typing('REF: RIO DE').items), ['05 RIO DE JANEIRO 1238']);
    // Every way the model's REF keyword is written opens REF completion.
    for (const keyword of ['REFERENCES:', 'Ref(s):', 'REF;', 'Refs:'])
      assert.deepEqual(labels(typing(`${keyword} A. 06 MADRID 26`).items), ['06 MADRID 2657'], keyword);
  });
});

describe('semantic tokens', () => {
  it('a REF entry found in the workspace, one that is not, an unknown TAGS code', async () => {
    const { service } = seedWorkspace();
    const text = edit(
      edit(SEED_TEXT, 'REF: 2008 BAGHDAD 3475', 'REF: A. 2008 BAGHDAD 3475\nB. 2008 BAGHDAD 3476'),
      '[IR](#)',
      '[IR](#) [PXYZ](#)',
    );
    const document = documentOf(SEED_URI, text, ++version);
    const { data } = encodeSemanticTokens(await service.semanticTokens(document, NEVER_CANCELLED));
    const decoded = decodeTokens(document, data);
    assert.deepEqual(decoded, [
      'PXYZ: tagCode.unknown',
      '2008 BAGHDAD 3475: cableReference',
      '2008 BAGHDAD 3476: cableReference.unresolved',
    ]);
  });
});
