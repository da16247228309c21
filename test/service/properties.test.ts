// Property tests of the language service: for any text — random strings of cable words and
// control characters, and real cables mangled at random — no feature throws (outline, hover,
// definition, references, folding, diagnostics and quick fixes, links, code lens, completion,
// semantic tokens, summary), the outline's ranges and the folds nest, every range lies inside the text,
// and no hover carries markup from the cable: no HTML, no image, no link but to a file.
// fast-check prints the seed and path of a failure; replay with
// CABLE_FC_SEED=<seed> CABLE_FC_PATH=<path> node test/run.mjs test/service/properties.test.ts
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Range } from '../../server/src/model/cable-model.ts';
import { anyCableText, mangledCable, propertyParameters } from '../support/cable-arbitraries.ts';
import { foldingProblems, lineLengths, outlineProblems, unsafeMarkdown } from '../support/invariants.ts';
import { documentOf, hoverText, seedWorkspace } from '../support/service.ts';
import { encodeSemanticTokens, plainTextHover } from '../../server/src/lsp/lsp-encodings.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

/** Cable text that would run code, load a remote image or open a link if a hover passed it through. */
const PAYLOADS = [
  '![x](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '[run](command:workbench.action.terminal.new)',
  '<a href="https://evil.example">here</a>',
  '[REF A](https://evil.example)',
  '`code` ``x`` *bold* _it_ # head | table',
];

function rangeProblem(range: Range, lengths: number[]): string | undefined {
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line >= lengths.length || p.character < 0 || p.character > lengths[p.line]!)
      return `${JSON.stringify(range)} is outside the text`;
  }
  const ordered =
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ordered ? undefined : `${JSON.stringify(range)} ends before it starts`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('service properties', () => {
  const { service } = seedWorkspace();
  let version = 0;

  /** Outline, hovers and definitions at the given offsets (and off the text), all checked. */
  async function assertSound(text: string, offsets: number[], payloadHovers?: { count: number }): Promise<void> {
    const document = documentOf('file:///ws/odd/mangled.cable', text, ++version);
    const lengths = lineLengths(text);
    assert.deepEqual(outlineProblems(service.documentSymbols(document, NEVER_CANCELLED), text), []);
    assert.deepEqual(foldingProblems(service.foldingRanges(document, NEVER_CANCELLED), text), []);
    const diagnostics = service.diagnostics(document, NEVER_CANCELLED);
    for (const d of diagnostics) assert.equal(rangeProblem(d.range, lengths), undefined, d.code);
    for (const action of service.codeActions(
      document,
      { start: { line: 0, character: 0 }, end: { line: lengths.length, character: 0 } },
      NEVER_CANCELLED,
    )) {
      for (const edit of Object.values(action.edit?.changes ?? {}).flat())
        assert.equal(rangeProblem(edit.range, lengths), undefined, action.title);
    }
    for (const link of await service.documentLinks(document, NEVER_CANCELLED)) assert.equal(rangeProblem(link.range, lengths), undefined);
    const lens = await service.codeLens(document, NEVER_CANCELLED);
    if (lens) assert.equal(rangeProblem(lens.range, lengths), undefined);
    assert.equal(encodeSemanticTokens(await service.semanticTokens(document, NEVER_CANCELLED)).data.length % 5, 0);
    await service.summary(document, NEVER_CANCELLED);
    const positions = [
      ...offsets.map((o) => document.positionAt(Math.floor(o * (text.length + 1)))),
      { line: lengths.length + 3, character: 0 },
      { line: 0, character: 10_000 },
    ];
    for (const position of positions) {
      for (const markdown of [true, false]) {
        const answer = service.hover(document, position, NEVER_CANCELLED);
        const hover = answer && !markdown ? plainTextHover(answer) : answer;
        if (!hover) continue;
        assert.ok(hoverText(hover).length > 0);
        assert.equal(rangeProblem(hover.range!, lengths), undefined);
        if (markdown) assert.deepEqual(unsafeMarkdown(hoverText(hover)), [], hoverText(hover));
        if (payloadHovers && hoverText(hover).includes('evil')) payloadHovers.count++;
      }
      for (const location of await service.references(document, position, true, NEVER_CANCELLED))
        assert.ok(location.uri.startsWith('file:///ws/'));
      const completion = service.completion(document, position, NEVER_CANCELLED);
      for (const item of completion?.items ?? []) assert.ok(item.label.length > 0);
      for (const definition of await service.definition(document, position, NEVER_CANCELLED)) {
        assert.equal(rangeProblem(definition.originSelectionRange, lengths), undefined);
        assert.ok(definition.targetUri.startsWith('file:///ws/'));
      }
    }
  }

  it('the folding check finds crossing and out-of-text folds (it can fail)', () => {
    const text = 'a\nb\nc\nd\ne';
    assert.deepEqual(
      foldingProblems(
        [
          { startLine: 0, endLine: 4 },
          { startLine: 1, endLine: 2 },
          { startLine: 3, endLine: 4 },
        ],
        text,
      ),
      [],
    );
    assert.deepEqual(
      foldingProblems(
        [
          { startLine: 0, endLine: 2 },
          { startLine: 1, endLine: 3 },
        ],
        text,
      ),
      ['fold 1-3 crosses 0-2'],
    );
    assert.deepEqual(foldingProblems([{ startLine: 3, endLine: 9 }], text), ['fold 3-9 of 5 lines']);
  });

  it('the markdown check finds what it looks for (it can fail)', () => {
    assert.deepEqual(unsafeMarkdown('**A** — `<b>` \\<b\\> \\!\\[x\\]\\(y\\) [f](file:///x)'), []);
    assert.deepEqual(unsafeMarkdown('<b>x</b> ![i](https://x) [l](command:x)'), [
      'raw HTML',
      'an image',
      'a link to https://x',
      'a link to command:x',
    ]);
  });

  it('a stray INFO line above the routing header is an outline group of its own, not one overlapping TO (found by the property)', () => {
    const text =
      'INFO X\nVZCZCXRO4547\nP 251427Z JAN 09\nFM REO BASRAH\nTO RUEHC/SECSTATE WASHDC PRIORITY 0820\nINFO RUCNRAQ/IRAQ COLLECTIVE\n';
    const symbols = service.documentSymbols(documentOf('file:///ws/odd/info.cable', text), NEVER_CANCELLED);
    assert.deepEqual(outlineProblems(symbols, text), []);
    assert.deepEqual(
      symbols[0]!.children!.map((s) => [s.name, s.range.start.line]),
      [
        ['INFO', 0],
        ['FM', 3],
        ['TO', 4],
        ['INFO', 5],
      ],
    );
  });

  it('any text: no feature throws, every range lies inside the text, the outline nests', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyCableText,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (text, offsets) => assertSound(text, offsets),
      ),
      propertyParameters(150),
    );
  });

  it('cable text made of markdown, HTML and links never reaches a hover as markup', async () => {
    const withPayloads = fc
      .tuple(
        mangledCable,
        fc.array(fc.tuple(fc.constantFrom(...PAYLOADS), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 6 }),
      )
      .map(([cable, inserts]) =>
        inserts.reduce((text, [payload, at]) => {
          // Into the text at a word boundary, where the parser reads codes and entries.
          const i = text.indexOf(' ', Math.floor(at * text.length));
          return i < 0 ? text + payload : `${text.slice(0, i + 1)}${payload} ${text.slice(i + 1)}`;
        }, cable.text),
      );
    const payloadHovers = { count: 0 };
    await fc.assert(
      fc.asyncProperty(withPayloads, async (text) => {
        // Hover over every character of every payload, where the cable's own words would show.
        const offsets = PAYLOADS.flatMap((payload) =>
          [...text.matchAll(new RegExp(escapeRegExp(payload), 'g'))].flatMap((m) =>
            [...payload].map((_, i) => (m.index + i) / (text.length + 1)),
          ),
        );
        await assertSound(text, offsets, payloadHovers);
      }),
      propertyParameters(100),
    );
    // The payloads were shown (escaped) in hovers: the check above had something to look at.
    assert.ok(payloadHovers.count > 0);
  });
});
