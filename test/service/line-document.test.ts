// The server's documents kept as lines (service/line-document.ts) against the text-document
// library: random changes (characters, line ends, pasted lines, deletions, reversed ranges, whole
// texts, CRs that hand the text to the library) on real cables, one after another; after each,
// the text, line count, offsets, positions, ranges' texts and line ranges are the library's, at
// random positions inside and outside the text. The seed is fixed under CI (CI=true).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createDocument, updateDocument } from '../../server/src/service/line-document.ts';
import { propertyParameters, REAL_CABLES } from '../support/cable-arbitraries.ts';

const CI_SEED = 20_261_205;
const parameters = (numRuns: number): fc.Parameters<unknown> => {
  const given = propertyParameters(numRuns);
  return given.seed === undefined && process.env.CI === 'true' ? { ...given, seed: CI_SEED } : given;
};

const TEXTS = ['', '\n', 'one line', 'a\nb\n\nc', ...REAL_CABLES.slice(0, 12).map((c) => c.text)];
const INSERTS = ['', 'x', ' ', '\n', '\n\n', 'two\nlines', '¶3. (C) ', '…’', '\r\n', '\r', 'ab\rcd'];

const spot = fc.record({
  line: fc.integer({ min: 0, max: 2 ** 20 }),
  character: fc.integer({ min: 0, max: 2 ** 20 }),
  beyond: fc.boolean(),
});
type Spot = { line: number; character: number; beyond: boolean };

/** A position of the document: usually inside the text, sometimes past a line's end or the last line. */
function positionOf(document: TextDocument, { line, character, beyond }: Spot) {
  const l = line % (document.lineCount + (beyond ? 2 : 0));
  const length = l < document.lineCount ? document.getLineRange(l).end.character : 0;
  return { line: l, character: character % (length + (beyond ? 4 : 1)) };
}

const change = fc.record({
  start: spot,
  end: spot,
  insert: fc.integer({ min: 0, max: INSERTS.length - 1 }),
  whole: fc.integer({ min: 0, max: 30 }),
});

describe('documents kept as lines', () => {
  it('give what the text-document library gives, through random changes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: TEXTS.length - 1 }),
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.array(spot, { minLength: 4, maxLength: 4 }),
        (which, changes, probes) => {
          const text = TEXTS[which]!;
          const library = TextDocument.create('file:///a.cable', 'cable', 1, text);
          let lines = createDocument('file:///a.cable', 'cable', 1, text);
          changes.forEach((c, i) => {
            // As the server sends them: ranges clamped to the text (the library leaves holes in its line table otherwise).
            const clamp = (p: { line: number; character: number }) => library.positionAt(library.offsetAt(p));
            const edit =
              c.whole === 0
                ? { text: INSERTS[c.insert]! + text.slice(0, 200) }
                : {
                    range: { start: clamp(positionOf(library, c.start)), end: clamp(positionOf(library, c.end)) },
                    text: INSERTS[c.insert]!,
                  };
            TextDocument.update(library, [edit], i + 2);
            lines = updateDocument(lines, [edit], i + 2);
            assert.equal(lines.getText(), library.getText());
            assert.equal(lines.lineCount, library.lineCount);
            assert.equal(lines.version, library.version);
            for (const probe of probes) {
              const position = positionOf(library, probe);
              assert.equal(lines.offsetAt(position), library.offsetAt(position), JSON.stringify(position));
              const offset = probe.character % (library.getText().length + 3);
              assert.deepEqual(lines.positionAt(offset), library.positionAt(offset), `offset ${offset}`);
              const range = { start: position, end: positionOf(library, { ...probe, line: probe.line + probe.character }) };
              assert.equal(lines.getText(range), library.getText(range), JSON.stringify(range));
              assert.deepEqual(lines.getLineRange(position.line), library.getLineRange(position.line));
              assert.equal(lines.getEOLCharacters(position.line), library.getEOLCharacters(position.line));
            }
          });
        },
      ),
      parameters(400),
    );
  });
});
