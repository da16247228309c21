// The Cable language service: outline, hover and definition over the cached cable model, and
// the workspace index. Editor-agnostic: no `vscode` import, no LSP connection; the server wires
// requests to it, tests call it directly with an in-memory workspace.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  MarkupKind,
  type CodeAction,
  type CompletionList,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Position,
  type Range,
  type SemanticTokens,
  type SymbolInformation,
} from 'vscode-languageserver-types';
import type { CableModel } from '../model/cable-model.ts';
import { splitLines } from '../model/text.ts';
import { quickFixes } from '../features/code-actions.ts';
import { citationLens, type CitationLens } from '../features/code-lens.ts';
import { completion } from '../features/completion.ts';
import { cableDefinitions, definitionQuery, type CableDefinition } from '../features/definition.ts';
import { cableDiagnostics, type CableDiagnostic } from '../features/diagnostics.ts';
import { documentLinks } from '../features/document-links.ts';
import { documentSymbols } from '../features/document-symbols.ts';
import { DEFAULT_MAX_FILE_SIZE } from '../workspace/file-size.ts';
import { foldingRanges } from '../features/folding-ranges.ts';
import { hover } from '../features/hover.ts';
import { markdownToPlainText } from '../features/markdown.ts';
import { ModelCache } from './model-cache.ts';
import { citationLocations, referencesQuery, type CableLocation } from '../features/find-references.ts';
import { semanticTokens } from '../features/semantic-tokens.ts';
import { cableSummary } from '../features/summary.ts';
import { workspaceSymbols } from '../features/workspace-symbols.ts';
import { summarize, WorkspaceIndex, type WorkspaceIndexOptions } from '../workspace/workspace-index.ts';
import { runCableQuery, type QueryError, type QueryOptions, type QueryResult } from '../workspace/cable-query.ts';
import { citationNeighbourhood, MAX_GRAPH_HOPS, type CitationNeighbourhood } from '../workspace/citation-neighbourhood.ts';
import type { Cancellation, Logger, Workspace } from './host.ts';

export { isCableText } from '../workspace/cable-detection.ts';
export { flattenSymbols } from '../features/document-symbols.ts';
export { enabledPatterns, DEFAULT_EXCLUDES } from '../workspace/exclude-globs.ts';
export { createNodeWorkspace } from '../node/node-workspace.ts';
export { DEFAULT_MAX_FILE_SIZE, readMaxFileSize } from '../workspace/file-size.ts';
export { SHOW_REFERENCES_COMMAND } from '../features/code-lens.ts';
export { DIAGNOSTIC_CODES, toLspDiagnostic } from '../features/diagnostics.ts';
export { SEMANTIC_TOKENS_LEGEND } from '../features/semantic-tokens.ts';
export { DEFAULT_SETTINGS, isDiagnosticEnabled, readSettings } from './settings.ts';
export type { CitationLens } from '../features/code-lens.ts';
export type { CableDefinition } from '../features/definition.ts';
export type { CableDiagnostic } from '../features/diagnostics.ts';
export type { CableLocation } from '../features/find-references.ts';
export type { CableSettings } from './settings.ts';
export type { IndexedCable } from '../workspace/workspace-index.ts';
export type * from './host.ts';
export { CABLE_QUERY_HELP, GROUPINGS, type GroupBy, type QueryError, type QueryHit, type QueryResult } from '../workspace/cable-query.ts';
export { MAX_GRAPH_HOPS, type CitationNeighbourhood, type GraphNode } from '../workspace/citation-neighbourhood.ts';
export { graphSvg } from '../features/citation-graph-drawing.ts';

/** A query's answer, with how far the index has got: the view shows what is indexed so far. */
export type QueryAnswer = (QueryResult & { indexing: { ready: boolean; cables: number } }) | { errors: QueryError[] };

export interface CableLanguageServiceOptions extends WorkspaceIndexOptions {
  workspace: Workspace;
  logger: Logger;
}

export interface HoverOptions {
  /** False for clients that only show plain text. */
  markdown?: boolean;
}

export interface CableLanguageService {
  readonly index: WorkspaceIndex;
  /** An editor opened or changed a document: its text wins over the file on disk. */
  documentChanged(document: TextDocument): void;
  documentClosed(uri: string): Promise<void>;
  /** The model of this version of the document (parsed once per version). */
  model(document: TextDocument): CableModel;
  documentSymbols(document: TextDocument, token?: Cancellation): DocumentSymbol[];
  hover(document: TextDocument, position: Position, options?: HoverOptions, token?: Cancellation): Hover | null;
  /** Waits for the workspace index when the position is on a REF entry; [] when cancelled. */
  definition(document: TextDocument, position: Position, token?: Cancellation): Promise<CableDefinition[]>;
  /** On the banner: the REF entries citing this cable (waits for the index); on a REF entry or paragraph: its mentions. */
  references(document: TextDocument, position: Position, includeDeclaration: boolean, token?: Cancellation): Promise<CableLocation[]>;
  /** "cited by N cables · cites M" above the banner (waits for the index); undefined without a banner or when cancelled. */
  codeLens(document: TextDocument, token?: Cancellation): Promise<CitationLens | undefined>;
  /** Cables by ID prefix, TAGS code or subject words (waits for the index). */
  workspaceSymbols(query: string, token?: Cancellation): Promise<SymbolInformation[]>;
  /** REF entries found in the workspace, `REF A` and `para 4` (waits for the index). */
  documentLinks(document: TextDocument, token?: Cancellation): Promise<DocumentLink[]>;
  foldingRanges(document: TextDocument, token?: Cancellation): FoldingRange[];
  /** Every diagnostic of the document, whatever the settings (the caller filters by code). */
  diagnostics(document: TextDocument): CableDiagnostic[];
  /** Quick fixes for the given diagnostics where they touch `range`. */
  codeActions(document: TextDocument, range: Range, diagnostics: CableDiagnostic[]): CodeAction[];
  /** TAGS codes, portion markings, workspace cables in REF (from what is indexed so far, never waiting). */
  completion(document: TextDocument, position: Position, token?: Cancellation): CompletionList | null;
  semanticTokens(document: TextDocument, token?: Cancellation): Promise<SemanticTokens>;
  /** The cable's card in markdown (waits for the index, for the cited-by list). */
  summary(document: TextDocument, token?: Cancellation): Promise<string | undefined>;
  /**
   * The cables a query finds (cable-query.ts), in order. With `wait`, once the index is complete
   * (undefined when cancelled); without, from what is indexed so far, starting the index.
   */
  query(text: string, options?: QueryOptions & { wait?: boolean }, token?: Cancellation): Promise<QueryAnswer | undefined>;
  /** The citation neighbourhood of a cable ID, or of the document's cable, within 1–3 hops (waits for the index). */
  citationGraph(of: { id: string } | { document: TextDocument }, hops: number, token?: Cancellation): Promise<CitationNeighbourhood | undefined>;
  /** `cable.maxFileSize`: bytes up to which a document is analysed whole and a file is indexed. */
  setMaxFileSize(bytes: number): void;
  dispose(): void;
}

export function createCableLanguageService(options: CableLanguageServiceOptions): CableLanguageService {
  let maxFileSize = options.maxFileBytes ?? DEFAULT_MAX_FILE_SIZE;
  const cache = new ModelCache(undefined, () => maxFileSize);
  const index = new WorkspaceIndex(options.workspace, options.logger, { ...options, maxFileBytes: maxFileSize });
  /** A model stands for one document version: its diagnostics never change. */
  const diagnosticsByModel = new WeakMap<CableModel, CableDiagnostic[]>();

  return {
    index,

    documentChanged(document) {
      index.setOpenDocument(document.uri, () => summarize(document.uri, cache.get(document)));
    },

    async documentClosed(uri) {
      cache.delete(uri);
      await index.closeOpenDocument(uri);
    },

    model: (document) => cache.get(document),

    documentSymbols(document, token) {
      if (token?.isCancellationRequested) return [];
      return documentSymbols(cache.get(document), document);
    },

    hover(document, position, hoverOptions = {}, token) {
      if (token?.isCancellationRequested) return null;
      const found = hover({ document, model: cache.get(document), index }, position);
      if (!found) return null;
      const markdown = hoverOptions.markdown ?? true;
      return {
        contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: markdown ? found.contents : markdownToPlainText(found.contents) },
        range: found.range,
      };
    },

    async definition(document, position, token) {
      const query = definitionQuery(cache.get(document), document.uri, position);
      if (!query) return [];
      if (query.kind === 'local') return query.definitions;
      if (!(await index.ensureIndexed(token))) return [];
      return cableDefinitions(query.origin, index.lookup(query.id));
    },

    async references(document, position, includeDeclaration, token) {
      const query = referencesQuery(cache.get(document), document.uri, position, includeDeclaration);
      if (!query) return [];
      if (query.kind === 'local') return query.locations;
      if (!(await index.ensureIndexed(token))) return [];
      const citing = citationLocations(index.citing(query.id));
      return includeDeclaration ? [query.declaration, ...citing] : citing;
    },

    async codeLens(document, token) {
      if (!(await index.ensureIndexed(token))) return undefined;
      return citationLens(cache.get(document), document.uri, index);
    },

    async workspaceSymbols(query, token) {
      if (!(await index.ensureIndexed(token))) return [];
      return workspaceSymbols(index, query);
    },

    async documentLinks(document, token) {
      if (!(await index.ensureIndexed(token))) return [];
      return documentLinks(cache.get(document), document.uri, index);
    },

    foldingRanges(document, token) {
      if (token?.isCancellationRequested) return [];
      return foldingRanges(cache.get(document), document);
    },

    diagnostics(document) {
      const model = cache.get(document);
      let found = diagnosticsByModel.get(model);
      if (!found) {
        found = cableDiagnostics(model, splitLines(document.getText()));
        diagnosticsByModel.set(model, found);
      }
      return found;
    },

    codeActions(document, range, diagnostics) {
      return quickFixes(cache.get(document), document, range, diagnostics);
    },

    completion(document, position, token) {
      if (token?.isCancellationRequested) return null;
      return completion(cache.get(document), document, position, index) ?? null;
    },

    async semanticTokens(document, token) {
      if (!(await index.ensureIndexed(token))) return { data: [] };
      return semanticTokens(cache.get(document), document, index);
    },

    async summary(document, token) {
      if (!(await index.ensureIndexed(token))) return undefined;
      return cableSummary(cache.get(document), document.uri, index);
    },

    async query(text, queryOptions = {}, token) {
      const { wait, ...options } = queryOptions;
      if (wait) {
        if (!(await index.ensureIndexed(token))) return undefined;
      } else {
        void index.ensureIndexed();
      }
      const answer = runCableQuery(index, text, options);
      return 'errors' in answer ? answer : { ...answer, indexing: { ready: index.ready, cables: index.size } };
    },

    async citationGraph(of, hops, token) {
      const id = 'id' in of ? of.id : cache.get(of.document).id;
      if (!id || !(await index.ensureIndexed(token))) return undefined;
      return citationNeighbourhood(index, id, Math.max(1, Math.min(MAX_GRAPH_HOPS, Math.round(hops) || 1)));
    },

    setMaxFileSize(bytes) {
      if (bytes === maxFileSize) return;
      maxFileSize = bytes;
      cache.clear();
      index.setMaxFileBytes(bytes);
    },

    dispose() {
      index.cancel();
    },
  };
}
