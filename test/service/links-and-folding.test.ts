// Document links (REF entries found in the workspace, `REF A`, `reftel`, `para N`; nothing for a
// cable outside the workspace) and folding ranges (header, preamble, REF list, sections,
// paragraphs, with collapsed text), on the seed and real cables.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corpora } from '../support/corpus.ts';
import { foldingProblems } from '../support/invariants.ts';
import { documentOf, positionOf, SEED_TEXT, SEED_URI, BAGHDAD_URI, seedWorkspace, serviceOver } from '../support/service.ts';
import { edit, filesOf, SAMPLE_PLAIN, sampleUri, sampleWorkspace } from '../support/features.ts';
import { join } from 'node:path';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { toLspDocumentLink } from '../../server/src/lsp/lsp-encodings.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

const textAt = (text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  text.split('\n')[range.start.line]!.slice(range.start.character, range.end.line === range.start.line ? range.end.character : undefined);

describe('document links', () => {
  it('the seed: its REF entry links to the cited cable’s banner line, `reftel` and `para 2` to their places', async () => {
    const { service } = seedWorkspace();
    const text = edit(SEED_TEXT, '(See reftel.)', '(See reftel and para 2.)');
    const links = (await service.documentLinks(documentOf(SEED_URI, text, 2), NEVER_CANCELLED)).map(toLspDocumentLink);
    assert.deepEqual(
      links.map((l) => [textAt(text, l.range), l.target, l.tooltip]),
      [
        ['2008 BAGHDAD 3475', `${BAGHDAD_URI}#L9,1`, 'Open 08BAGHDAD3475: SYNTHETIC TEST CABLE STANDING IN FOR 2008 BAGHDAD 3475'],
        ['reftel', `${SEED_URI}#L23,6`, 'Go to REF'],
        ['para 2', `${SEED_URI}#L${positionOf(documentOf(SEED_URI, text), '12. (C)').line + 1},1`, 'Go to paragraph 2'],
      ],
    );
  });

  it('a cited cable outside the workspace links nowhere', async () => {
    const { service } = serviceOver({ [SEED_URI]: SEED_TEXT });
    assert.deepEqual((await service.documentLinks(documentOf(SEED_URI, SEED_TEXT), NEVER_CANCELLED)).map(toLspDocumentLink), [
      { range: parseCable(SEED_TEXT).crossReferences[0]!.range, target: `${SEED_URI}#L23,6`, tooltip: 'Go to REF' },
    ]);
  });

  it('lettered entries: only those in the workspace link; `REF A` links to entry A', async () => {
    const { service } = await sampleWorkspace();
    const uri = sampleUri('07MADRID173');
    const text = SAMPLE_PLAIN[uri]!;
    const links = (await service.documentLinks(documentOf(uri, text), NEVER_CANCELLED)).map(toLspDocumentLink);
    assert.deepEqual(
      links.map((l) => [textAt(text, l.range), l.target?.replace('file:///ws/plain/', '')]),
      [
        ['2006 MADRID 3104', '06MADRID3104.txt#L13,1'],
        ['2006 MADRID 2657', '06MADRID2657.txt#L13,1'],
        ['REF A', '07MADRID173.txt#L28,6'],
      ],
    );
  });
});

describe('folding ranges', () => {
  it('the seed: header, preamble, sections, and paragraph 4 (over a blank line), with collapsed text', () => {
    const { service } = seedWorkspace();
    const ranges = service.foldingRanges(documentOf(SEED_URI, SEED_TEXT), NEVER_CANCELLED);
    // Paragraphs 1, 2, 3 and 5 are one line each: nothing to fold.
    assert.deepEqual(
      ranges.map((r) => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}: ${r.collapsedText}`),
      [
        '3-12 imports: Routing header · 251427Z JAN 09 · FM REO BASRAH',
        '14-27: SUBJECT: MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY BUT…',
        '31-33 region: Security: Election Day and Beyond (1 paragraph)',
        '35-43 region: Iran (3 paragraphs)',
        '39-41: 14. (C) Although Aziz expressed support for an open commerce…',
      ],
    );
  });

  it('REF entries sharing lines (one ends where the next begins): folds that nest, each ending before the next starts (found by bench/fuzz)', () => {
    const text = SEED_TEXT.replace(
      'REF: 2008 BAGHDAD 3475',
      'REF: A. 2008 BAGHDAD 3475, WHICH REPORTED\nTHE VISIT B. 2008 BAGHDAD 3476, WHICH\nDESCRIBED THE TALKS C. 2008 BAGHDAD 3477\nON THE ELECTIONS',
    );
    const { service } = seedWorkspace();
    const document = documentOf(SEED_URI, text);
    assert.deepEqual(
      service.model(document, NEVER_CANCELLED).references!.entries.map((e) => [e.label, e.range.start.line, e.range.end.line]),
      [
        ['A', 22, 23],
        ['B', 23, 24],
        ['C', 24, 25],
      ],
    );
    const ranges = service.foldingRanges(document, NEVER_CANCELLED);
    assert.deepEqual(foldingProblems(ranges, text), []);
    // A starts with the list (the list's fold wins); B, cut before C's line, has one line left.
    assert.deepEqual(
      ranges.filter((r) => r.startLine >= 22 && r.startLine <= 25).map((r) => `${r.startLine}-${r.endLine}: ${r.collapsedText}`),
      ['22-25: REF: 3 entries', '24-25: C. 2008 BAGHDAD 3477 ON THE ELECTIONS'],
    );
  });

  for (const corpus of corpora()) {
    it(`${corpus.name}: ranges are ordered, inside the text, one per start line; every multi-line paragraph folds`, () => {
      const files = filesOf(join(corpus.dir, 'plain'), 'plain');
      const { service } = serviceOver({});
      let folds = 0;
      for (const [uri, text] of Object.entries(files)) {
        const document = documentOf(uri, text);
        const ranges = service.foldingRanges(document, NEVER_CANCELLED);
        const starts = new Set<number>();
        for (const r of ranges) {
          assert.ok(r.startLine < r.endLine && r.endLine < document.lineCount, `${uri}: ${JSON.stringify(r)}`);
          assert.ok(!starts.has(r.startLine), `${uri}: two ranges start on line ${r.startLine}`);
          starts.add(r.startLine);
          assert.ok(r.collapsedText && r.collapsedText.length <= 80, `${uri}: ${r.collapsedText}`);
        }
        const model = service.model(document, NEVER_CANCELLED);
        for (const p of model.paragraphs) {
          const last = p.range.end.character === 0 ? p.range.end.line - 1 : p.range.end.line;
          if (last > p.range.start.line) assert.ok(starts.has(p.range.start.line), `${uri}: paragraph ${p.number} does not fold`);
        }
        folds += ranges.length;
      }
      console.log(`# ${corpus.name}: ${folds} folding ranges in ${Object.keys(files).length} cables`);
    });
  }
});
