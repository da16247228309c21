// The Cable language service: the one way in, for the LSP server and the `cable` CLI alike.
// It keeps the documents' models, the workspace folders and their index, and the settings of
// each folder, and answers every feature over them; each call takes a cancellation token. The
// host (service/host.ts) gives it file access; nothing here knows LSP or Node's file system.
//
// A request flows: host call → the document's model (parsed once per version, model-cache.ts)
// → the workspace index when the feature needs other cables (waiting for pending folder updates
// and the indexing pass, unless cancelled) → one function of features/ → the answer.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, DocumentSymbol, FoldingRange, Hover, Position, Range, SymbolInformation } from 'vscode-languageserver-types';
import type { CableModel, ParseContext } from '../model/cable-model.ts';
import { quickFixes, type CableQuickFix } from '../features/code-actions.ts';
import { citationLens, type CitationLens } from '../features/code-lens.ts';
import { completion } from '../features/completion.ts';
import { cableDefinitions, definitionQuery, type CableDefinition } from '../features/definition.ts';
import { cableDiagnostics, type CableDiagnostic } from '../features/diagnostics.ts';
import { documentLinks, type CableLink } from '../features/document-links.ts';
import { documentSymbols } from '../features/document-symbols.ts';
import { foldingRanges } from '../features/folding-ranges.ts';
import { hover } from '../features/hover.ts';
import { citationLocations, referencesQuery, type CableLocation } from '../features/find-references.ts';
import { semanticTokens, type SemanticSpan } from '../features/semantic-tokens.ts';
import { cableSummary } from '../features/summary.ts';
import { workspaceSymbols } from '../features/workspace-symbols.ts';
import { unlessCancelled } from '../workspace/cancellation.ts';
import { DEFAULT_EXCLUDES } from '../workspace/exclude-globs.ts';
import { DEFAULT_MAX_FILE_SIZE, parseWithinLimit, readMaxFileSize } from '../workspace/file-size.ts';
import { relativeKey, uriKey } from '../workspace/uri-keys.ts';
import { summarize, WorkspaceIndex, type Citation, type IndexedCable } from '../workspace/workspace-index.ts';
import { runCableQuery, type QueryError, type QueryOptions, type QueryResult } from '../workspace/cable-query.ts';
import { citationNeighbourhood, MAX_GRAPH_HOPS, type CitationNeighbourhood } from '../workspace/citation-neighbourhood.ts';
import type { Cancellation, CableServiceHost } from './host.ts';
import { ModelCache, type ContentChange } from './model-cache.ts';
import { DEFAULT_SETTINGS, isDiagnosticEnabled, readSettings, type CableSettings } from './settings.ts';

export { lookupTag } from '../data/reference.ts';
export { splitLines } from '../model/text.ts';
export { identifiedCitations } from '../model/cable-model.ts';
export { describeError } from '../workspace/errors.ts';
export { NEVER_CANCELLED, createCancellationSource } from '../workspace/cancellation.ts';
export { isCableFile, isCableFileName, CABLE_FILE_GLOB } from '../workspace/cable-detection.ts';
export { createExcludeMatcher, enabledPatterns, DEFAULT_EXCLUDES } from '../workspace/exclude-globs.ts';
export { SHOW_REFERENCES_COMMAND } from '../features/code-lens.ts';
export { DIAGNOSTIC_CODES } from '../features/diagnostics.ts';
export { markdownToPlainText } from '../features/markdown.ts';
export { plural } from '../features/wording.ts';
export { SEMANTIC_TOKEN_MODIFIERS, SEMANTIC_TOKEN_TYPES } from '../features/semantic-tokens.ts';
export { DEFAULT_SETTINGS, readSettings } from './settings.ts';
export { createDocument, updateDocument } from './line-document.ts';
export type { CableQuickFix } from '../features/code-actions.ts';
export type { CitationLens } from '../features/code-lens.ts';
export type { CableDefinition } from '../features/definition.ts';
export type { CableDiagnostic } from '../features/diagnostics.ts';
export type { CableLink } from '../features/document-links.ts';
export type { CableLocation } from '../features/find-references.ts';
export type { SemanticSpan } from '../features/semantic-tokens.ts';
export type { CableModel, Paragraph, ParseContext } from '../model/cable-model.ts';
export type { CableSettings } from './settings.ts';
export type { ContentChange } from './model-cache.ts';
export type { Citation, IndexedCable } from '../workspace/workspace-index.ts';
export type * from './host.ts';
export { CABLE_QUERY_HELP, GROUPINGS, type GroupBy, type QueryError, type QueryHit, type QueryResult } from '../workspace/cable-query.ts';
export { MAX_GRAPH_HOPS, type CitationNeighbourhood, type GraphNode } from '../workspace/citation-neighbourhood.ts';
export { graphDot, graphSvg } from '../features/citation-graph-drawing.ts';

/** A query's answer, with how far the index has got: the view shows what is indexed so far. */
export type QueryAnswer = (QueryResult & { indexing: { ready: boolean; cables: number } }) | { errors: QueryError[] };

/** A workspace folder, with its `files.exclude` patterns (VS Code's defaults when absent). */
export interface WorkspaceFolderSetting {
  uri: string;
  excludes?: readonly string[];
}

export type FileChange = 'created' | 'changed' | 'deleted';

export interface CableLanguageService {
  // ---- documents: an open document's text wins over its file on disk
  documentChanged(document: TextDocument): void;
  /**
   * The client changed the document from version `from` to `to` with these changes, as applied
   * to its text: the next model re-reads only what they touch (before `documentChanged`).
   */
  documentEdited(uri: string, from: number, changes: readonly ContentChange[], to: number): void;
  documentClosed(uri: string): Promise<void>;

  // ---- workspace folders, file events and the index
  /** Queued after the updates before it; every call that reads the index waits for the last. */
  setWorkspaceFolders(folders: readonly WorkspaceFolderSetting[] | Promise<readonly WorkspaceFolderSetting[]>): Promise<void>;
  /** A watched-file event: created, changed or deleted (a rename is a delete and a create). */
  fileChanged(uri: string, change: FileChange): Promise<void>;
  /** Starts indexing in the background if it has not started. */
  startIndexing(): void;
  /** Stops the indexing pass (the user cancelled its progress); the next call that needs the index starts over. */
  cancelIndexing(): void;
  /** After an indexing pass and after file events changed what is known: views counting citations are stale. */
  onIndexChanged(listener: () => void): { dispose(): void };
  /** True once the last indexing pass over the current folders has finished. */
  readonly indexReady: boolean;
  /** How many cables are indexed so far. */
  readonly indexedCount: number;
  /** Resolves when the index is up to date: true, or false when `token` was cancelled first. */
  ensureIndexed(token: Cancellation): Promise<boolean>;
  /** Like ensureIndexed, but every file loaded from the store is checked first (a command-line run answers once). */
  ensureEveryFileChecked(token: Cancellation): Promise<boolean>;
  /** Resolves when the index's store has been written (before a shutdown). */
  indexStored(): Promise<void>;
  /** The cables indexed so far (open documents' live text instead of disk), by file. */
  cables(): IndexedCable[];
  /** The indexed cables whose ID is `id`. */
  lookup(id: string): IndexedCable[];
  /** The indexed cables whose REF list cites `id`, each with its citations of `id`. */
  citing(id: string): { cable: IndexedCable; citations: Citation[] }[];

  // ---- settings
  /** The client's `cable` section, for one workspace folder or (without `folderUri`) for all; `maxFileSize` only from the latter. */
  setSettings(section: unknown, folderUri?: string): void;
  /** The settings that apply to a document: its folder's, else the global ones. */
  settingsFor(uri: string): CableSettings;

  // ---- features (each honours the settings of the document's folder)
  /** The model of this version of the document (parsed once per version); `context` gives what a fragment lacks (not cached). */
  model(document: TextDocument, token: Cancellation, context?: ParseContext): CableModel;
  documentSymbols(document: TextDocument, token: Cancellation): DocumentSymbol[];
  /** Markdown contents; the LSP layer renders plain text for clients that ask for it. */
  hover(document: TextDocument, position: Position, token: Cancellation): Hover | null;
  /** Waits for the workspace index when the position is on a REF entry; [] when cancelled. */
  definition(document: TextDocument, position: Position, token: Cancellation): Promise<CableDefinition[]>;
  /** On the banner: the REF entries citing this cable (waits for the index); on a REF entry or paragraph: its mentions. */
  references(document: TextDocument, position: Position, includeDeclaration: boolean, token: Cancellation): Promise<CableLocation[]>;
  /** "cited by N cables · cites M" above the banner (waits for the index); undefined without a banner, when switched off or cancelled. */
  codeLens(document: TextDocument, token: Cancellation): Promise<CitationLens | undefined>;
  /** Cables by ID prefix, TAGS code or subject words (waits for the index). */
  workspaceSymbols(query: string, token: Cancellation): Promise<SymbolInformation[]>;
  /** REF entries found in the workspace, `REF A` and `para 4` (waits for the index). */
  documentLinks(document: TextDocument, token: Cancellation): Promise<CableLink[]>;
  foldingRanges(document: TextDocument, token: Cancellation): FoldingRange[];
  /** The document's diagnostics whose code is switched on, in the order of the checks. */
  diagnostics(document: TextDocument, token: Cancellation): CableDiagnostic[];
  /** Quick fixes for the document's diagnostics that touch `range`. */
  codeActions(document: TextDocument, range: Range, token: Cancellation): CableQuickFix[];
  /** TAGS codes, portion markings, workspace cables in REF (from what is indexed so far, never waiting). */
  completion(document: TextDocument, position: Position, token: Cancellation): CompletionList | null;
  /** REF entries by whether their cable is in the workspace, unknown TAGS codes (waits for the index). */
  semanticTokens(document: TextDocument, token: Cancellation): Promise<SemanticSpan[]>;
  /** The cable's card in markdown (waits for the index, for the cited-by list). */
  summary(document: TextDocument, token: Cancellation): Promise<string | undefined>;
  /**
   * The cables a query finds (cable-query.ts), in order. With `wait`, once the index is complete
   * (undefined when cancelled); without, from what is indexed so far, starting the index.
   */
  query(text: string, options: QueryOptions & { wait?: boolean }, token: Cancellation): Promise<QueryAnswer | undefined>;
  /** The citation neighbourhood of a cable ID, or of the document's cable, within 1–3 hops (waits for the index). */
  citationGraph(
    of: { id: string } | { document: TextDocument },
    hops: number,
    token: Cancellation,
  ): Promise<CitationNeighbourhood | undefined>;

  dispose(): void;
}

export function createCableLanguageService(host: CableServiceHost): CableLanguageService {
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  const cache = new ModelCache(undefined, () => maxFileSize);
  const index = new WorkspaceIndex(host.workspace, host.logger, {
    maxFileBytes: maxFileSize,
    ...(host.concurrency ? { concurrency: host.concurrency } : {}),
    ...(host.progress ? { progress: host.progress } : {}),
    ...(host.workers ? { workers: host.workers } : {}),
    ...(host.store ? { store: host.store } : {}),
  });
  /** A model stands for one document version: its diagnostics never change. */
  const diagnosticsByModel = new WeakMap<CableModel, CableDiagnostic[]>();
  let globalSettings: CableSettings = DEFAULT_SETTINGS;
  /** Folder key → the settings of that folder. */
  const folderSettings = new Map<string, CableSettings>();
  /** Folder updates run one after another; reads of the index wait for the last. */
  let foldersSettled: Promise<void> = Promise.resolve();
  /** The folders and exclusions last given to the index, to skip restarts that change nothing. */
  let appliedFolders = '';

  /** Waits for the folders, then for the index; false when cancelled first. */
  const indexed = async (token: Cancellation) =>
    (await unlessCancelled(
      foldersSettled.then(() => true),
      token,
    )) === true && (await index.ensureIndexed(token));

  const settingsFor = (uri: string): CableSettings => {
    const key = uriKey(uri);
    let best: { length: number; settings: CableSettings } | undefined;
    for (const [folder, settings] of folderSettings) {
      if (relativeKey(folder, key) !== undefined && (!best || folder.length > best.length)) best = { length: folder.length, settings };
    }
    return best?.settings ?? globalSettings;
  };

  const allDiagnostics = (document: TextDocument): CableDiagnostic[] => {
    const model = cache.get(document);
    let found = diagnosticsByModel.get(model);
    if (!found) {
      found = cableDiagnostics(model, cache.lines(document));
      diagnosticsByModel.set(model, found);
    }
    return found;
  };

  const enabledDiagnostics = (document: TextDocument): CableDiagnostic[] => {
    const settings = settingsFor(document.uri);
    return allDiagnostics(document).filter((d) => isDiagnosticEnabled(settings, d.code));
  };

  return {
    documentChanged(document) {
      index.setOpenDocument(document.uri, () => summarize(document.uri, cache.get(document)));
    },

    documentEdited: (uri, from, changes, to) => cache.edited(uri, from, changes, to),

    async documentClosed(uri) {
      cache.delete(uri);
      await index.closeOpenDocument(uri);
    },

    setWorkspaceFolders(folders) {
      foldersSettled = foldersSettled
        .then(async () => {
          const given = (await folders).map(({ uri, excludes }) => ({ uri, excludes: excludes ?? DEFAULT_EXCLUDES }));
          const applied = JSON.stringify(given);
          if (applied === appliedFolders) return;
          appliedFolders = applied;
          index.setFolders(given);
        })
        .catch((error: unknown) =>
          host.logger.error(`Updating the folders failed: ${error instanceof Error ? error.message : String(error)}`),
        );
      return foldersSettled;
    },

    fileChanged: (uri, change) => index.fileChanged(uri, change),
    startIndexing: () => void index.ensureIndexed(),
    cancelIndexing: () => index.cancel(),
    onIndexChanged: (listener) => index.onDidChange(listener),
    get indexReady() {
      return index.ready;
    },
    get indexedCount() {
      return index.size;
    },
    ensureIndexed: indexed,
    ensureEveryFileChecked: async (token) =>
      (await unlessCancelled(
        foldersSettled.then(() => true),
        token,
      )) === true && (await index.ensureIndexed(token, true)),
    indexStored: () => index.stored(),
    cables: () => index.cables(),
    lookup: (id) => index.lookup(id),
    citing: (id) => index.citing(id),

    setSettings(section, folderUri) {
      const settings = readSettings(section);
      if (folderUri !== undefined) {
        folderSettings.set(uriKey(folderUri), settings);
        return;
      }
      globalSettings = settings;
      const bytes = readMaxFileSize((section as { maxFileSize?: unknown } | undefined)?.maxFileSize);
      if (bytes === maxFileSize) return;
      maxFileSize = bytes;
      cache.clear();
      index.setMaxFileBytes(bytes);
    },

    settingsFor,

    model(document, _token, context) {
      if (!context) return cache.get(document);
      return parseWithinLimit(document.getText(), { ...context, fileName: context.fileName ?? document.uri }, maxFileSize);
    },

    documentSymbols(document, token) {
      if (token.isCancellationRequested) return [];
      return documentSymbols(cache.get(document), document);
    },

    hover(document, position, token) {
      if (token.isCancellationRequested) return null;
      const found = hover({ document, model: cache.get(document), index }, position);
      return found ? { contents: { kind: 'markdown', value: found.contents }, range: found.range } : null;
    },

    async definition(document, position, token) {
      const query = definitionQuery(cache.get(document), document.uri, position);
      if (!query) return [];
      if (query.kind === 'local') return query.definitions;
      if (!(await indexed(token))) return [];
      return index.checked(() => cableDefinitions(query.origin, index.lookup(query.id)));
    },

    async references(document, position, includeDeclaration, token) {
      const query = referencesQuery(cache.get(document), document.uri, position, includeDeclaration);
      if (!query) return [];
      if (query.kind === 'local') return query.locations;
      if (!(await indexed(token))) return [];
      const citing = await index.checked(() => citationLocations(index.citing(query.id)));
      return includeDeclaration ? [query.declaration, ...citing] : citing;
    },

    async codeLens(document, token) {
      if (!settingsFor(document.uri).codeLens || !(await indexed(token))) return undefined;
      return index.checked(() => citationLens(cache.get(document), document.uri, index));
    },

    async workspaceSymbols(query, token) {
      if (!(await indexed(token)) || !(await index.searchable(token))) return [];
      return index.checked(() => workspaceSymbols(index, query));
    },

    async documentLinks(document, token) {
      if (!settingsFor(document.uri).documentLinks || !(await indexed(token))) return [];
      return index.checked(() => documentLinks(cache.get(document), document.uri, index));
    },

    foldingRanges(document, token) {
      if (token.isCancellationRequested) return [];
      return foldingRanges(cache.get(document), document);
    },

    diagnostics(document, token) {
      if (token.isCancellationRequested) return [];
      return enabledDiagnostics(document);
    },

    codeActions(document, range, token) {
      if (token.isCancellationRequested) return [];
      return quickFixes(cache.get(document), document, range, enabledDiagnostics(document));
    },

    completion(document, position, token) {
      if (token.isCancellationRequested || !settingsFor(document.uri).completion) return null;
      return completion(cache.get(document), document, position, index) ?? null;
    },

    async semanticTokens(document, token) {
      if (!settingsFor(document.uri).semanticHighlighting || !(await indexed(token))) return [];
      return index.checked(() => semanticTokens(cache.get(document), document, index));
    },

    async summary(document, token) {
      if (!(await indexed(token))) return undefined;
      return index.checked(() => cableSummary(cache.get(document), document.uri, index));
    },

    async query(text, queryOptions, token) {
      const { wait, ...options } = queryOptions;
      if (wait) {
        if (!(await indexed(token)) || !(await index.searchable(token))) return undefined;
      } else {
        void index.ensureIndexed();
      }
      const answer = runCableQuery(index, text, options);
      return 'errors' in answer ? answer : { ...answer, indexing: { ready: index.ready, cables: index.size } };
    },

    async citationGraph(of, hops, token) {
      const id = 'id' in of ? of.id : cache.get(of.document).id;
      if (!id || !(await indexed(token))) return undefined;
      return citationNeighbourhood(index, id, Math.max(1, Math.min(MAX_GRAPH_HOPS, Math.round(hops) || 1)));
    },

    dispose() {
      index.cancel();
      host.workers?.dispose();
    },
  };
}
