// The language service over real cables, with their plain rendering as the workspace (the shared
// corpus when present, else the vendored sample): REF entries resolve to exactly the right files,
// every outline holds every paragraph, every TAGS code gets a hover.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { createNodeWorkspace } from '../../server/src/node/node-workspace.ts';
import { createCableLanguageService, NEVER_CANCELLED } from '../../server/src/service/language-service.ts';
import { corpora } from '../support/corpus.ts';
import {
  citationNamesCable,
  filesByTrueId,
  isSubsequence,
  outlineNumbers,
  paragraphSymbols,
  pilcrowNumbers,
} from '../support/corpus-checks.ts';
import { collectingLogger, documentOf, hoverText } from '../support/service.ts';

for (const corpus of corpora()) {
  describe(`language service over the ${corpus.name} (plain rendering as the workspace)`, () => {
    const folder = join(corpus.dir, 'plain');
    const logger = collectingLogger();
    const service = createCableLanguageService({ workspace: createNodeWorkspace(logger), logger });
    service.setWorkspaceFolders([{ uri: pathToFileURL(folder).href }]);
    const cables = corpus.cables.map((cable) => {
      const document = documentOf(pathToFileURL(cable.plainFile).href, readFileSync(cable.plainFile, 'utf8'));
      return { cable, document, model: service.model(document, NEVER_CANCELLED) };
    });
    const filesById = filesByTrueId(
      cables.map(({ cable, document, model }) => ({ metadataId: cable.id, textId: model.id, uri: document.uri })),
    );

    it('indexes every cable of the folder', async () => {
      assert.equal(await service.ensureIndexed(NEVER_CANCELLED), true);
      assert.equal(service.cables().length, corpus.cables.length);
      assert.deepEqual(
        logger.messages.filter((m) => !m.startsWith('info:')),
        [],
      );
    });

    it('every REF entry whose cited cable is here resolves to exactly its file(s); no entry resolves to a wrong file', async () => {
      await service.ensureIndexed(NEVER_CANCELLED);
      let entries = 0;
      let resolved = 0;
      const citing = new Set<string>();
      const wrong: string[] = [];
      for (const { cable, document, model } of cables) {
        for (const entry of model.references?.entries ?? []) {
          entries++;
          // Each cited cable from its own serial when the entry cites several; else from the entry's start.
          const several = (entry.citations?.length ?? 0) > 1;
          const asked = several
            ? entry.citations!.map((c) => ({ at: c.range.start, id: c.id, origin: c.range }))
            : [{ at: entry.range.start, id: entry.id, origin: entry.range }];
          for (const { at, id, origin } of asked) {
            const definitions = await service.definition(document, at, NEVER_CANCELLED);
            const targets = definitions.map((d) => d.targetUri).sort();
            const expected = (id && filesById.get(id)) || [];
            if (JSON.stringify(targets) !== JSON.stringify([...expected].sort()))
              wrong.push(
                `${cable.id} REF ${entry.label ?? ''} ${entry.text} → ${targets.join(', ') || 'nothing'}; expected ${expected.join(', ') || 'nothing'}`,
              );
            for (const definition of definitions) {
              assert.deepEqual(definition.originSelectionRange, origin);
              const citation = document.getText(several ? origin : entry.citationRange!);
              const post = several ? document.getText(entry.citationRange!) : '';
              assert.ok(citationNamesCable(`${post} ${citation}`, id!), `${cable.id}: ${citation} does not name ${id}`);
            }
            if (definitions.length) {
              resolved++;
              citing.add(cable.id);
            }
          }
        }
      }
      console.log(
        `# ${corpus.name}: ${resolved} of ${entries} REF entries (from ${citing.size} cables) resolve to a cable of the workspace`,
      );
      assert.deepEqual(wrong, []);
      assert.ok(resolved > 0);
    });

    it('every cable’s outline holds all its paragraphs, with their true numbers, under their headings', () => {
      const problems: string[] = [];
      let pilcrowParagraphs = 0;
      for (const { cable, document, model } of cables) {
        const symbols = service.documentSymbols(document, NEVER_CANCELLED);
        const found = paragraphSymbols(symbols);
        // Against the text itself, not the model: every `¶N.` of the plain rendering is in the outline, in order.
        const pilcrows = pilcrowNumbers(document.getText());
        pilcrowParagraphs += pilcrows.length;
        if (!isSubsequence(pilcrows, outlineNumbers(symbols))) problems.push(`${cable.id}: the outline misses a ¶ paragraph of the text`);
        if (found.length !== model.paragraphs.length)
          problems.push(`${cable.id}: ${found.length} of ${model.paragraphs.length} paragraphs`);
        model.paragraphs.forEach((paragraph, i) => {
          const symbol = found[i];
          if (
            !symbol ||
            JSON.stringify(symbol.selectionRange) !== JSON.stringify(paragraph.label.range) ||
            !(symbol.name === `${paragraph.number}.` || symbol.name.startsWith(`${paragraph.number}. `))
          ) {
            problems.push(`${cable.id}: paragraph ${paragraph.number} shows as ${symbol?.name}`);
          }
        });
        for (const heading of symbols.filter((s) => s.kind === SymbolKind.Namespace)) {
          const index = model.headings.findIndex((h) => JSON.stringify(h.range) === JSON.stringify(heading.selectionRange));
          const expected = model.paragraphs.filter((p) => p.heading === index).map((p) => JSON.stringify(p.label.range));
          const actual = (heading.children ?? []).map((c) => JSON.stringify(c.selectionRange));
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            problems.push(`${cable.id}: heading ${heading.name} holds other paragraphs`);
        }
      }
      assert.ok(pilcrowParagraphs > corpus.cables.length, `only ${pilcrowParagraphs} ¶ paragraphs in the texts`);
      assert.deepEqual(problems, []);
    });

    it('every outline nests properly: selection inside range, child inside parent, no empty name', () => {
      const problems: string[] = [];
      for (const { cable, document } of cables) {
        const check = (list: DocumentSymbol[], parent?: DocumentSymbol) => {
          for (const s of list) {
            const within = (inner: DocumentSymbol['range'], outer: DocumentSymbol['range']) =>
              document.offsetAt(outer.start) <= document.offsetAt(inner.start) &&
              document.offsetAt(inner.end) <= document.offsetAt(outer.end);
            if (!s.name.trim()) problems.push(`${cable.id}: empty name`);
            if (!within(s.selectionRange, s.range)) problems.push(`${cable.id}: ${s.name}: selection outside range`);
            if (parent && !within(s.range, parent.range)) problems.push(`${cable.id}: ${s.name} sticks out of ${parent.name}`);
            check(s.children ?? [], s);
          }
        };
        check(service.documentSymbols(document, NEVER_CANCELLED));
      }
      assert.deepEqual(problems, []);
    });

    it('every TAGS code gets a hover over exactly the code: its meaning with a source, or “unknown” said plainly', () => {
      let known = 0;
      let unknownUses = 0;
      const unknown = new Set<string>();
      const problems: string[] = [];
      for (const { cable, document, model } of cables) {
        for (const tag of model.tags?.codes ?? []) {
          const hover = service.hover(document, tag.range.start, NEVER_CANCELLED);
          const text = hoverText(hover);
          if (!hover || JSON.stringify(hover.range) !== JSON.stringify(tag.range))
            problems.push(`${cable.id}: ${tag.text} has no hover of its own`);
          else if (/unknown TAGS code/.test(text)) {
            unknown.add(tag.code);
            unknownUses++;
          } else if (/ tag( \([^)]*\))?: /.test(text) && /Source: /.test(text)) known++;
          else problems.push(`${cable.id}: ${tag.text}: ${text}`);
        }
      }
      console.log(
        `# ${corpus.name}: ${known} TAGS codes explained, ${unknownUses} not (${unknown.size} distinct codes unknown to the tables: ${[...unknown].sort().join(' ')})`,
      );
      assert.deepEqual(problems, []);
      // The tables know the codes cables use: the common ones, and nearly every use.
      for (const common of ['PGOV', 'PREL', 'PHUM', 'ECON', 'MARR', 'KDEM']) assert.ok(!unknown.has(common), `${common} is unknown`);
      assert.ok(known >= 0.95 * (known + unknownUses), `${known} of ${known + unknownUses} TAGS codes explained`);
    });
  });
}
