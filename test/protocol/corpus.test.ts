// The real server over stdio with the corpus's plain rendering as the workspace (the shared corpus
// when present, else the vendored sample): every cable opened in turn, its outline, a hover on
// each TAGS code and a definition on each REF entry asked over JSON-RPC.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type LocationLink, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { corpora } from '../support/corpus.ts';
import {
  citationNamesCable,
  filesByTrueId,
  isSubsequence,
  outlineNumbers,
  paragraphSymbols,
  pilcrowNumbers,
} from '../support/corpus-checks.ts';
import { startServer, type LspTestClient } from '../support/lsp-client.ts';

for (const corpus of corpora()) {
  describe(`server over stdio, the ${corpus.name} as workspace`, () => {
    const folder = join(corpus.dir, 'plain');
    const cables = corpus.cables.map((cable) => {
      const text = readFileSync(cable.plainFile, 'utf8');
      const document = TextDocument.create(pathToFileURL(cable.plainFile).href, 'cable', 1, text);
      return { cable, document, model: parseCable(text, { fileName: cable.plainFile }) };
    });
    const filesById = filesByTrueId(
      cables.map(({ cable, document, model }) => ({ metadataId: cable.id, textId: model.id, uri: document.uri })),
    );
    const problems = { outline: [] as string[], tags: [] as string[], references: [] as string[] };
    let resolved = 0;
    let entries = 0;
    let tags = 0;
    let client: LspTestClient;

    before(async () => {
      client = await startServer({ folders: [pathToFileURL(folder).href], configuration: () => ({}) });
      for (const { cable, document, model } of cables) {
        client.open(document.uri, document.getText());
        const symbols = (await client.symbols(document.uri)) as DocumentSymbol[];
        const paragraphs = paragraphSymbols(symbols);
        const expected = model.paragraphs.map((p) => JSON.stringify(p.label.range));
        if (JSON.stringify(paragraphs.map((p) => JSON.stringify(p.selectionRange))) !== JSON.stringify(expected)) {
          problems.outline.push(`${cable.id}: ${paragraphs.length} of ${model.paragraphs.length} paragraphs`);
        }
        // Against the text itself, not the model: every `¶N.` of the plain rendering is in the outline, in order.
        if (!isSubsequence(pilcrowNumbers(document.getText()), outlineNumbers(symbols)))
          problems.outline.push(`${cable.id}: the outline misses a ¶ paragraph of the text`);
        for (const tag of model.tags?.codes ?? []) {
          tags++;
          const hover = await client.hover(document.uri, tag.range.start);
          const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
          if (JSON.stringify(hover?.range) !== JSON.stringify(tag.range) || !value.startsWith(`**${tag.code}**`))
            problems.tags.push(`${cable.id}: ${tag.text}`);
        }
        for (const entry of model.references?.entries ?? []) {
          entries++;
          const links = ((await client.definition(document.uri, entry.range.end)) ?? []) as LocationLink[];
          const targets = links.map((l) => l.targetUri).sort();
          const truth = ((entry.id && filesById.get(entry.id)) || []).sort();
          if (JSON.stringify(targets) !== JSON.stringify(truth))
            problems.references.push(
              `${cable.id} ${entry.text} → ${targets.join(', ') || 'nothing'}; expected ${truth.join(', ') || 'nothing'}`,
            );
          if (
            links.some(
              (l) =>
                JSON.stringify(l.originSelectionRange) !== JSON.stringify(entry.range) ||
                !citationNamesCable(document.getText(entry.citationRange!), entry.id!),
            )
          ) {
            problems.references.push(`${cable.id} ${entry.text}: link origin or target does not match the citation`);
          }
          if (links.length) resolved++;
        }
        client.close(document.uri);
      }
    });
    after(async () => assert.equal(await client.stop(), 0));

    it('every REF entry whose cited cable is in the workspace resolves to its file, and none to a wrong file', () => {
      console.log(`# ${corpus.name} over the protocol: ${resolved} of ${entries} REF entries resolve to a cable of the workspace`);
      assert.deepEqual(problems.references, []);
      assert.ok(resolved > 0);
    });

    it('every cable’s outline holds all its paragraphs', () => assert.deepEqual(problems.outline, []));

    it('every TAGS code gets a hover over the code', () => {
      assert.ok(tags > 0);
      assert.deepEqual(problems.tags, []);
    });

    it('Go to Symbol reaches the first paragraph within 15 entries in the cable with the most addressees', async () => {
      const addressees = ({ model }: (typeof cables)[number]) => (model.header?.to.length ?? 0) + (model.header?.info.length ?? 0);
      const most = cables.reduce((a, b) => (addressees(b) > addressees(a) ? b : a));
      // Go to Symbol in Editor lists the tree depth first, as this flattens it.
      const flatten = (symbols: DocumentSymbol[]): DocumentSymbol[] => symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
      client.open(most.document.uri, most.document.getText());
      const flat = flatten((await client.symbols(most.document.uri)) as DocumentSymbol[]);
      client.close(most.document.uri);
      const first = flat.findIndex((s) => s.kind === SymbolKind.Number);
      console.log(
        `# ${corpus.name}: ${most.cable.id} has ${addressees(most)} addressees; its first paragraph is entry ${first + 1} of Go to Symbol`,
      );
      assert.ok(addressees(most) >= 10, `${most.cable.id}: ${addressees(most)} addressees`);
      assert.ok(first >= 0 && first < 15, flat.map((s) => s.name).join(' | '));
    });

    it('the server logged no error or warning', () => {
      assert.deepEqual(
        client.logs.filter((l) => !/^Indexed \d+ cables/.test(l)),
        [],
      );
    });
  });
}
