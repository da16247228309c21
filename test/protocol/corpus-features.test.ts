// References and workspace symbols over stdio with the corpus (plain rendering) as the workspace:
// for every cable that the corpus cites, references on its banner list exactly the REF entries
// citing it (computed here from the model, independently of the index); every cable is found by
// its ID through workspace/symbol.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReferencesRequest, WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { parseCable } from '../../server/src/model/index.ts';
import { corpora } from '../support/corpus.ts';
import { startServer, type LspTestClient } from '../support/lsp-client.ts';

for (const corpus of corpora()) {
  describe(`references and workspace symbols over stdio, the ${corpus.name} as workspace`, () => {
    const folder = join(corpus.dir, 'plain');
    const cables = corpus.cables.map(({ plainFile }) => {
      const text = readFileSync(plainFile, 'utf8');
      const document = TextDocument.create(pathToFileURL(plainFile).href, 'cable', 1, text);
      return { document, model: parseCable(text, { fileName: plainFile }) };
    });
    /** Cited ID → `uri:line:character` of each REF entry citing it. */
    const citations = new Map<string, string[]>();
    for (const { document, model } of cables) {
      for (const entry of model.references?.entries ?? []) {
        if (!entry.id) continue;
        const at = (entry.citationRange ?? entry.range).start;
        citations.set(entry.id, [...(citations.get(entry.id) ?? []), `${document.uri}:${at.line}:${at.character}`]);
      }
    }
    let client: LspTestClient;
    before(async () => {
      client = await startServer({ folders: [pathToFileURL(folder).href], configuration: () => ({}) });
    });
    after(async () => assert.equal(await client.stop(), 0));

    it('references on the banner of each cited cable: exactly the REF entries citing it', async () => {
      let cited = 0;
      let found = 0;
      for (const { document, model } of cables) {
        if (!model.id || !model.banner || !citations.has(model.id)) continue;
        client.open(document.uri, document.getText());
        const locations = await client.connection.sendRequest(ReferencesRequest.type, {
          textDocument: { uri: document.uri },
          position: model.banner.range.start,
          context: { includeDeclaration: false },
        });
        client.close(document.uri);
        const got = (locations ?? []).map((l) => `${l.uri}:${l.range.start.line}:${l.range.start.character}`).sort();
        assert.deepEqual(got, [...citations.get(model.id)!].sort(), model.id);
        cited++;
        found += got.length;
      }
      assert.ok(cited > 0);
      console.log(`# ${corpus.name}: ${cited} cited cables, ${found} citing REF entries found by references on their banners`);
    });

    it('workspace/symbol finds every cable by its ID', async () => {
      let ids = 0;
      for (const { document, model } of cables) {
        if (!model.id) continue;
        const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: model.id })) as SymbolInformation[];
        assert.ok(symbols.length > 0 && symbols[0]!.name.startsWith(`${model.id} `), `${model.id}: ${symbols[0]?.name}`);
        assert.ok(
          symbols.filter((s) => s.name.startsWith(`${model.id} `)).some((s) => s.location.uri === document.uri),
          model.id,
        );
        ids++;
      }
      console.log(`# ${corpus.name}: ${ids} cables found by their ID`);
    });
  });
}
