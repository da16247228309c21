// Typing in a cable, over the protocol: the built server gets incremental changes as an editor
// sends them (characters, line ends, pasted labels and headings, deletions; several changes
// before a request; a change of the whole text between them) and after each answers the outline,
// folding and hover of the text the editor has: the same as for a second document given that
// whole text at once, which the server parses whole.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeRequest, type Position, type Range } from 'vscode-languageserver-protocol/node';
import { SHARED_CORPUS_DIR, SAMPLE_CORPUS_DIR } from '../support/corpus.ts';
import { startServer, type LspTestClient } from '../support/lsp-client.ts';
import { megabyteCable } from '../support/megabyte-cable.ts';
import { SEED_TEXT } from '../support/service.ts';

type Change = { range: Range; text: string };

/** The position of the `nth` occurrence of `needle` in `text`, `shift` characters on. */
function at(document: TextDocument, needle: string, shift = 0): Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} is in the text`);
  return document.positionAt(offset + shift);
}

const insert = (position: Position, text: string): Change => ({ range: { start: position, end: position }, text });

/**
 * What an editor would send, each made against the text as it stands: typing, Enter, pasting,
 * deleting, mostly inside paragraphs (re-parsed alone), some where only the whole text tells
 * (a new numbered paragraph in the seed's lost-pilcrow numbering).
 */
const EDITS: ((document: TextDocument) => Change[])[] = [
  ...[...'Basra '].map((c, i) => (d: TextDocument) => [insert(at(d, 'Aziz vented', 11 + i), c)]),
  (d) => [insert(at(d, 'frustration at'), '\n')],
  (d) => [{ range: { start: at(d, 'frustration at', -1), end: at(d, 'frustration at') }, text: '' }],
  (d) => [insert(at(d, 'He explained that Basra'), '\n\nELECTIONS\n\n')],
  (d) => [insert(at(d, 'Iran benefits'), '\nB. A lettered sub-paragraph. REF A and para 2.\n')],
  (d) => [{ range: { start: at(d, 'ELECTIONS'), end: at(d, 'ELECTIONS', 9) }, text: 'XXXXXXXX' }],
  // Several changes in one notification.
  (d) => [insert(at(d, 'A lettered'), 'END SUMMARY '), insert(at(d, 'According to Aziz'), '\n-- ')],
  (d) => [{ range: { start: at(d, 'B. END SUMMARY'), end: at(d, 'para 2.', 8) }, text: '' }],
  (d) => [insert(at(d, 'Aziz vented'), '- - - - -\n')],
  (d) => [insert(at(d, 'He accused Tehran'), '\n\n15. (S) A new paragraph, pasted.\n\n')],
  (d) => [insert({ line: d.lineCount - 1, character: 0 }, '\nNNNN\n')],
];

describe('typing in a cable over the protocol', () => {
  let client: LspTestClient;
  before(async () => {
    client = await startServer({ folders: [], configuration: () => ({}) });
  });
  after(async () => assert.equal(await client.stop(), 0));

  const answers = async (uri: string, position: Position) => ({
    outline: await client.symbols(uri),
    folding: await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }),
    hover: await client.hover(uri, position),
  });

  /** Types the edits into `typed`; after each, its answers equal those for `whole`, given the whole text. */
  async function typeAndCompare(name: string, text: string, edits: ((document: TextDocument) => Change[])[], requestEvery = 1) {
    const typed = `file:///typing/${name}.cable`;
    const whole = `file:///typing/${name}-whole.cable`;
    const document = TextDocument.create(typed, 'cable', 1, text);
    client.open(typed, text);
    client.open(whole, text);
    await client.symbols(typed);
    for (const [i, edit] of edits.entries()) {
      const changes = edit(document);
      // Each change applies to the text as the ones before it left it.
      for (const change of changes) TextDocument.update(document, [change], document.version + 1);
      client.edit(typed, changes);
      if ((i + 1) % requestEvery !== 0 && i !== edits.length - 1) continue;
      client.change(whole, document.getText());
      const position = changes[0]!.range.start;
      assert.deepEqual(await answers(typed, position), await answers(whole, position), `after edit ${i + 1}`);
    }
    client.close(typed);
    client.close(whole);
  }

  it('the seed, a request after each change: the answers of the whole text', async () => {
    await typeAndCompare('seed', SEED_TEXT, EDITS);
  });

  it('the seed, requests after every third change only', async () => {
    await typeAndCompare('seed-batched', SEED_TEXT, EDITS, 3);
  });

  it('a change of the whole text between incremental ones', async () => {
    const typed = 'file:///typing/replaced.cable';
    client.open(typed, SEED_TEXT);
    await client.symbols(typed);
    const document = TextDocument.create(typed, 'cable', 1, SEED_TEXT);
    client.change(typed, `${SEED_TEXT}\n`);
    TextDocument.update(document, [{ text: `${SEED_TEXT}\n` }], 2);
    const change = insert(at(document, 'Aziz vented', 4), 'x');
    client.edit(typed, [change]);
    TextDocument.update(document, [change], 3);
    client.open('file:///typing/replaced-whole.cable', document.getText());
    assert.deepEqual(await client.symbols(typed), await client.symbols('file:///typing/replaced-whole.cable'));
  });

  it('the 1 MB cable of bench:lsp', async () => {
    const dir = readdirSafe(join(SHARED_CORPUS_DIR, 'plain')) ?? join(SAMPLE_CORPUS_DIR, 'plain');
    const text = megabyteCable(
      readdirSync(dir)
        .sort()
        .map((name) => join(dir, name)),
    );
    const middle = (d: TextDocument) => d.positionAt(d.getText().indexOf(' ', d.getText().indexOf('\n', d.getText().length >> 1) + 1));
    await typeAndCompare('megabyte', text, [
      (d) => [insert(middle(d), 'x')],
      (d) => [insert(middle(d), '\n')],
      (d) => [insert(middle(d), '\n\n7. (C) Pasted.\n\n')],
    ]);
  });
});

function readdirSafe(dir: string): string | undefined {
  try {
    readdirSync(dir);
    return dir;
  } catch {
    return undefined;
  }
}
