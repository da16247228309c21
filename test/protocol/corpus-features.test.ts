// The features over stdio with the corpus (plain rendering) as the workspace: for every cable that
// the corpus cites, references on its banner list exactly the REF entries citing it (computed here
// from the model, independently of the index); every cable is found by its ID through
// workspace/symbol; and on every cable, the code lens counts, document links, semantic tokens,
// published diagnostics, folding ranges, completion and the summary agree with what the models say.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentLinkRequest,
  FoldingRangeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type CodeAction,
  type CompletionList,
  type PublishDiagnosticsParams,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { lookupTag } from '../../server/src/data/reference.ts';
import { identifiedCitations, parseCable } from '../../server/src/model/cable-model.ts';
import { splitLines } from '../../server/src/model/text.ts';
import { cableDiagnostics } from '../../server/src/features/diagnostics.ts';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/lsp-encodings.ts';
import { corpora } from '../support/corpus.ts';
import { applyEdits } from '../support/features.ts';
import { startServer, type LspTestClient } from '../support/lsp-client.ts';

for (const corpus of corpora()) {
  describe(`features over stdio, the ${corpus.name} as workspace`, () => {
    const folder = join(corpus.dir, 'plain');
    const cables = corpus.cables.map(({ plainFile }) => {
      const text = readFileSync(plainFile, 'utf8');
      const document = TextDocument.create(pathToFileURL(plainFile).href, 'cable', 1, text);
      return { document, model: parseCable(text, { fileName: plainFile }) };
    });
    /** Cited ID → `uri:line:character` of each REF entry citing it. */
    const citations = new Map<string, string[]>();
    for (const { document, model } of cables) {
      for (const citation of (model.references?.entries ?? []).flatMap(identifiedCitations)) {
        const at = citation.range.start;
        citations.set(citation.id, [...(citations.get(citation.id) ?? []), `${document.uri}:${at.line}:${at.character}`]);
      }
    }
    let client: LspTestClient;
    const published = new Map<string, PublishDiagnosticsParams>();
    before(async () => {
      client = await startServer({ folders: [pathToFileURL(folder).href], configuration: () => ({}) });
      client.connection.onNotification(
        PublishDiagnosticsNotification.type,
        (params: PublishDiagnosticsParams) => void published.set(params.uri, params),
      );
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

    it('every cable: lens counts, links and tokens of REF entries, diagnostics, folding, completion, summary', async () => {
      const ids = new Set(cables.flatMap(({ model }) => (model.id ? [model.id] : [])));
      /** Cited ID → the documents whose REF lists cite it. */
      const citingDocuments = new Map<string, Map<string, string>>();
      for (const { document, model } of cables) {
        // A cable counts once, by its ID (a file without one, by itself).
        for (const { id } of (model.references?.entries ?? []).flatMap(identifiedCitations))
          citingDocuments.set(id, (citingDocuments.get(id) ?? new Map()).set(document.uri, model.id ?? document.uri));
      }
      const at = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
      const counts = { lenses: 0, resolved: 0, unresolved: 0, unknownTags: 0, diagnostics: 0, fixes: 0, folds: 0, markings: 0 };
      const BATCH = 50;
      for (let from = 0; from < cables.length; from += BATCH) {
        const batch = cables.slice(from, from + BATCH);
        for (const { document } of batch) client.open(document.uri, document.getText());
        for (const { document, model } of batch) {
          const uri = document.uri;
          const textDocument = { uri };
          // Each cited cable of an entry (`STATE 12345 AND 12377`) has its own link and token.
          const cited = (model.references?.entries ?? []).flatMap(identifiedCitations);
          const citing = model.id
            ? new Set([...(citingDocuments.get(model.id) ?? [])].filter(([u]) => u !== uri).map(([, id]) => id)).size
            : 0;

          const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
          if (model.banner || model.header) {
            const title = `cited by ${citing} ${citing === 1 ? 'cable' : 'cables'} · cites ${new Set(cited.map((c) => c.id)).size}`;
            assert.equal(lenses?.[0]?.command?.title, title, uri);
            counts.lenses++;
          }

          // Links and tokens on REF entries: exactly the cited cables in the workspace link, and are not `unresolved`.
          const links = (await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument })) ?? [];
          const linked = new Map(links.map((l) => [at(l.range.start), l.target!]));
          const tokens = decodeTokens((await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }))!.data);
          for (const citation of cited) {
            const start = at(citation.range.start);
            const inWorkspace = ids.has(citation.id);
            const target = linked.get(start);
            if (inWorkspace) {
              assert.ok(
                target && cables.some((c) => c.model.id === citation.id && target.startsWith(`${c.document.uri}#L`)),
                `${uri} ${citation.id}: ${target}`,
              );
              counts.resolved++;
            } else {
              assert.equal(target, undefined, `${uri} ${citation.id} links to ${target}`);
              counts.unresolved++;
            }
            assert.equal(tokens.get(start), inWorkspace ? 'cableReference' : 'cableReference.unresolved', `${uri} ${citation.id}`);
          }
          for (const tag of model.tags?.codes ?? []) {
            const unknown = !lookupTag(tag.code);
            assert.equal(tokens.get(at(tag.range.start)), unknown ? 'tagCode.unknown' : undefined, `${uri} ${tag.code}`);
            if (unknown) counts.unknownTags++;
          }

          const lines = model.lineCount;
          const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument })) ?? [];
          for (const fold of folds) assert.ok(fold.startLine < fold.endLine && fold.endLine < lines, `${uri}: ${JSON.stringify(fold)}`);
          for (const paragraph of model.paragraphs) {
            if (paragraph.range.end.line > paragraph.range.start.line + 1)
              assert.ok(
                folds.some((f) => f.startLine === paragraph.range.start.line),
                `${uri}: paragraph ${paragraph.number} has no fold`,
              );
          }
          counts.folds += folds.length;

          const first = model.tags?.codes[0];
          if (first) {
            const list = (await client.connection.sendRequest(CompletionRequest.type, {
              textDocument,
              position: first.range.end,
            })) as CompletionList | null;
            assert.ok(
              list?.items.some((i) => i.label === first.code) || !lookupTag(first.code),
              `${uri}: no ${first.code} in the TAGS completion`,
            );
          }
          const level = model.banner && !model.banner.classification.damaged ? model.banner.classification.level : undefined;
          const label = model.paragraphs[0]?.label;
          if (level && label) {
            const list = (await client.connection.sendRequest(CompletionRequest.type, {
              textDocument,
              position: label.range.end,
            })) as CompletionList | null;
            const offered = new Set((list?.items ?? []).map((i) => String(i.label).replace(/\/\/?NF\)$/, ')')));
            const allowed = ['(U)', '(SBU)', '(LOU)', '(C)', '(S)', '(TS)'].slice(
              0,
              { UNCLASSIFIED: 2, 'LIMITED OFFICIAL USE': 3, CONFIDENTIAL: 4, SECRET: 5, 'TOP SECRET': 6 }[level],
            );
            assert.deepEqual(
              [...offered].filter((m) => !allowed.includes(m)),
              [],
              `${uri}: markings above ${level}`,
            );
            assert.ok(offered.has(allowed.at(-1)!), `${uri}: no ${allowed.at(-1)} offered`);
            counts.markings++;
          }

          const summary = (await client.connection.sendRequest('cable/summary', { textDocument })) as { markdown: string };
          assert.ok(summary.markdown.startsWith(`# ${model.id ?? ''}`), uri);
          if (model.id)
            assert.match(summary.markdown, new RegExp(`## Cited by ${citing} ${citing === 1 ? 'cable' : 'cables'} in the workspace`), uri);
        }
        // Diagnostics are published on open, after the typing delay.
        for (const { document, model } of batch) {
          for (let waited = 0; !published.has(document.uri) && waited < 10_000; waited += 20)
            await new Promise((resolve) => setTimeout(resolve, 20));
          const expected = cableDiagnostics(model, splitLines(document.getText())).map((d) => `${at(d.range.start)} ${d.code}`);
          assert.deepEqual(
            published.get(document.uri)?.diagnostics.map((d) => `${at(d.range.start)} ${d.code}`),
            expected,
            document.uri,
          );
          counts.diagnostics += expected.length;
          // The quick fix of the first fixable problem, applied: that problem is gone, no other comes.
          const diagnostics = published.get(document.uri)!.diagnostics;
          const fixable = diagnostics.find((d) => d.code === 'paragraph-numbering' || d.code === 'unmarked-paragraph');
          if (fixable) {
            const actions = await client.connection.sendRequest(CodeActionRequest.type, {
              textDocument: { uri: document.uri },
              range: fixable.range,
              context: { diagnostics },
            });
            const fix = actions?.find((a): a is CodeAction => 'edit' in a && a.diagnostics?.some((d) => d.code === fixable.code) === true);
            assert.ok(fix?.edit?.changes?.[document.uri], `${document.uri}: no fix for ${JSON.stringify(fixable)}`);
            const fixed = applyEdits(document, fix.edit.changes[document.uri]!);
            // By line and code: an edit moves what follows it on its line.
            const lineAndCode = (d: { range: { start: { line: number } }; code?: unknown }) => `${d.range.start.line} ${String(d.code)}`;
            const after = cableDiagnostics(parseCable(fixed, { fileName: fileURLToPath(document.uri) }), splitLines(fixed)).map(
              lineAndCode,
            );
            const before = diagnostics.filter((d) => d !== fixable).map(lineAndCode);
            assert.deepEqual(
              after.filter((d) => !before.includes(d)),
              [],
              `${document.uri}: ${fix.title} left or brought ${JSON.stringify(after)}`,
            );
            assert.ok(after.length < expected.length, `${document.uri}: ${fix.title}`);
            counts.fixes++;
          }
          client.close(document.uri);
        }
      }
      assert.ok(counts.resolved > 0 && counts.lenses > 0);
      console.log(`# ${corpus.name}: ${JSON.stringify(counts)}`);
    });
  });
}

/** Semantic tokens as `line:character` → `type.modifier` (the LSP's relative encoding undone). */
function decodeTokens(data: number[]): Map<string, string> {
  const tokens = new Map<string, string>();
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
    tokens.set(`${line}:${character}`, [SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]!], ...modifiers].join('.'));
  }
  return tokens;
}
