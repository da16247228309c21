// The incremental re-parse against the whole parse: random edits (characters, line ends, whole
// lines, label-like text, markers, mentions, redactions, rules, page lines, CRs) at random places
// of real cables and of the 1 MB cable of bench:lsp, one after another as an editor sends them;
// after each, the re-parsed model (when the edit allowed one) is deep-equal to `parseCable` of the
// new text. The seed is fixed under CI (CI=true), random locally; fast-check prints it on a
// failure: CABLE_FC_SEED=<seed> CABLE_FC_PATH=<path> node test/run.mjs test/unit/reparse.test.ts
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { parsedText, reparse, type ParsedText, type TextEdit } from '../../server/src/model/reparse.ts';
import { splitLines } from '../../server/src/model/text.ts';
import { propertyParameters, REAL_CABLES } from '../support/cable-arbitraries.ts';
import { SAMPLE_CORPUS_DIR, SHARED_CORPUS_DIR } from '../support/corpus.ts';
import { megabyteCable } from '../support/megabyte-cable.ts';

/** The seed CI runs with. */
const CI_SEED = 20_261_205;

function parameters(numRuns: number): fc.Parameters<unknown> {
  const given = propertyParameters(numRuns);
  return given.seed === undefined && process.env.CI === 'true' ? { ...given, seed: CI_SEED } : given;
}

/** Real cables: the vendored ones, and every 8th of the shared corpus in both renderings when it is here. */
function realCables(): string[] {
  const shared = ['plain', 'markdown-style'].flatMap((rendering) => {
    const dir = join(SHARED_CORPUS_DIR, rendering);
    try {
      return readdirSync(dir)
        .sort()
        .filter((_, i) => i % 8 === 0)
        .map((name) => readFileSync(join(dir, name), 'utf8'));
    } catch {
      return [];
    }
  });
  return [...REAL_CABLES.map((c) => c.text), ...shared];
}

function plainFiles(): string[] {
  for (const dir of [join(SHARED_CORPUS_DIR, 'plain'), join(SAMPLE_CORPUS_DIR, 'plain')]) {
    try {
      return readdirSync(dir)
        .sort()
        .map((name) => join(dir, name));
    } catch {
      // the shared corpus is absent: the sample
    }
  }
  return [];
}

/** What is typed or pasted: the list, and what else the whole-text reads look for. */
const INSERTS = [
  'x',
  ' ',
  'e',
  '\n',
  '\n\n',
  '3. (C) ',
  '\n3. (C) Text.\n',
  'B. ',
  '\nB. ',
  '(A) ',
  '-- ',
  'REF A',
  'reftel',
  'para 4',
  'PARAS 2-3',
  'XXXXX',
  'xxxxxxxx',
  'END SUMMARY',
  'Summary: ',
  'COMMENT:',
  '\n\n',
  '\n- - - - -\n',
  '\n-----------\n',
  '\nIran\n\n',
  '\n\nSECURITY AND ELECTIONS\n\n',
  '¶7. ',
  '11. ',
  '2010 ',
  '(S//NF) ',
  'NNNN',
  '\nRICE\n',
  '\nPAGE 02 STATE 123456\n',
  '\nASTANA 00000095 002 OF 003\n',
  '\r\n',
  '[PGOV](#)',
  'SUBJECT: ',
];

interface EditChoice {
  line: number;
  character: number;
  lines: number;
  characters: number;
  insert: number;
  /** A whole line of the text, pasted, instead of one of INSERTS. */
  pasteLine: number | undefined;
}

const editChoice = fc.record({
  // Spread uniformly: fast-check's doubles crowd at the ends of their range.
  line: fc.integer({ min: 0, max: 2 ** 30 }),
  character: fc.integer({ min: 0, max: 2 ** 30 }),
  lines: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 4 })),
  characters: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  insert: fc.integer({ min: -8, max: INSERTS.length - 1 }),
  pasteLine: fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 2 ** 30 }), weight: 1 }),
});

/** A concrete edit of `lines` (an insertion, a deletion or both, as the choice says). */
function editOf(lines: string[], choice: EditChoice): TextEdit {
  const line = choice.line % lines.length;
  const character = choice.character % (lines[line]!.length + 1);
  const endLine = Math.min(lines.length - 1, line + choice.lines);
  const endCharacter = Math.min(lines[endLine]!.length, (endLine === line ? character : 0) + choice.characters);
  const pasted = choice.pasteLine === undefined ? undefined : `${lines[choice.pasteLine % lines.length]}\n`;
  // Negative picks delete only.
  const text = pasted ?? (choice.insert < 0 ? '' : INSERTS[choice.insert]!);
  return {
    range: { start: { line, character }, end: { line: endLine, character: Math.max(endCharacter, endLine === line ? character : 0) } },
    text,
  };
}

/** Applies the edits one after another; after each, the re-parse (when there is one) must equal the whole parse. Returns how many were re-parsed. */
function checkEdits(text: string, choices: EditChoice[]): { reparsed: number; edits: number } {
  let parsed: ParsedText = parsedText(text, parseCable(text));
  const document = TextDocument.create('file:///edited.cable', 'cable', 0, text);
  let reparsed = 0;
  choices.forEach((choice, step) => {
    const edit = editOf(splitLines(document.getText()), choice);
    TextDocument.update(document, [edit], step + 1);
    const newText = document.getText();
    const expected = parseCable(newText);
    const again = reparse(parsed, edit);
    if (again) {
      reparsed++;
      assert.deepStrictEqual(again.model, expected, `edit ${step + 1}: ${JSON.stringify(edit)}`);
      assert.deepStrictEqual(again.lines, splitLines(newText));
      assert.equal(again.length, newText.length);
    }
    parsed = again ?? parsedText(newText, expected);
  });
  return { reparsed, edits: choices.length };
}

describe('incremental re-parse', () => {
  const cables = realCables();

  it('an edit inside a paragraph is re-parsed, and its model is the whole parse', () => {
    const text = REAL_CABLES[0]!.text;
    const lines = splitLines(text);
    const line = lines.findIndex((l) => l.startsWith('13. (C)'));
    const parsed = parsedText(text, parseCable(text));
    const edit = { range: { start: { line, character: 40 }, end: { line, character: 40 } }, text: 'x' };
    assert.ok(lines[line]!.length > 40);
    const again = reparse(parsed, edit);
    assert.ok(again, 'the edit is re-parsed');
    const document = TextDocument.create('file:///seed.cable', 'cable', 0, text);
    TextDocument.update(document, [edit], 1);
    assert.deepStrictEqual(again.model, parseCable(document.getText()));
    // The paragraphs the edit did not touch are the same objects.
    assert.equal(again.model.paragraphs[0], parsed.model.paragraphs[0]);
  });

  it('an edit that could change the front matter or the numbering style is left to the whole parse', () => {
    const text = REAL_CABLES[0]!.text;
    const parsed = parsedText(text, parseCable(text));
    const at = (line: number, character = 0) => ({ line, character });
    assert.equal(reparse(parsed, { range: { start: at(3), end: at(3) }, text: 'x' }), undefined, 'above the first paragraph');
    const paragraphLine = splitLines(text).findIndex((l) => l.startsWith('13. (C)'));
    assert.equal(
      reparse(parsed, { range: { start: at(paragraphLine + 1), end: at(paragraphLine + 1) }, text: '¶9. ' }),
      undefined,
      'a pilcrow',
    );
    assert.equal(reparse(parsed, { range: { start: at(paragraphLine + 1), end: at(paragraphLine + 1) }, text: '\r\n' }), undefined, 'a CR');
  });

  it(`random edits of ${cables.length} real cables: each re-parse equals the whole parse`, () => {
    let reparsed = 0;
    let edits = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: cables.length - 1 }),
        fc.array(editChoice, { minLength: 1, maxLength: 6 }),
        (which, choices) => {
          const counts = checkEdits(cables[which]!, choices);
          reparsed += counts.reparsed;
          edits += counts.edits;
        },
      ),
      parameters(300),
    );
    // Most random places are in the body: the re-parse must be what ran, not the fallback.
    console.log(`# ${reparsed} of ${edits} edits re-parsed`);
    assert.ok(reparsed > edits / 3, `${reparsed} of ${edits} edits re-parsed`);
  });

  it('random edits of the 1 MB cable: each re-parse equals the whole parse', () => {
    const text = megabyteCable(plainFiles());
    let reparsed = 0;
    let edits = 0;
    fc.assert(
      fc.property(fc.array(editChoice, { minLength: 1, maxLength: 3 }), (choices) => {
        const counts = checkEdits(text, choices);
        reparsed += counts.reparsed;
        edits += counts.edits;
      }),
      parameters(12),
    );
    console.log(`# ${reparsed} of ${edits} edits re-parsed`);
    assert.ok(reparsed > edits / 3, `${reparsed} of ${edits} edits re-parsed`);
  });
});
