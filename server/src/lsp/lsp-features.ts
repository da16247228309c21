// LSP wiring of the features beyond outline, hover and definition: references, the citation code
// lens, workspace symbols, document links, folding, diagnostics with quick fixes, completion,
// semantic tokens, the `cable/summary` request, and the `cable.*` settings that switch them,
// applied without a restart. server.ts calls `registerCableFeatures` once; nothing here is
// more than a call into the language service.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { unlessCancelled } from '../service/cancellation.ts';
import {
  DEFAULT_SETTINGS,
  isDiagnosticEnabled,
  readMaxFileSize,
  readSettings,
  SEMANTIC_TOKENS_LEGEND,
  SHOW_REFERENCES_COMMAND,
  toLspDiagnostic,
  CABLE_QUERY_HELP,
  GROUPINGS,
  graphSvg,
  type CableLanguageService,
  type CableSettings,
  type GroupBy,
  type Cancellation,
  type Logger,
} from '../service/language-service.ts';

/** The `cable/summary` request: the cable's card as markdown, or null for a document not open. */
export const SUMMARY_REQUEST = 'cable/summary';
/** `cable/query` `{ query, limit?, groupBy?, group?, wait? }`: the cables found, or `{ errors, help }` for a bad query. */
export const QUERY_REQUEST = 'cable/query';
/** `cable/citationGraph` `{ id } | { textDocument }, hops?, drawing?: { timeAxis? }`: the citation neighbourhood (with `svg` when drawing is asked), or null. */
export const CITATION_GRAPH_REQUEST = 'cable/citationGraph';
/** Sent, once a client has queried, when the index has changed: `{ ready, cables }`. */
export const INDEX_CHANGED_NOTIFICATION = 'cable/indexChanged';

/** Diagnostics wait this long after the last change of a document (typing). */
const DIAGNOSTICS_DELAY_MS = 150;
/** Index changes come in bursts (a folder of files saved): one refresh for a burst. */
const REFRESH_DELAY_MS = 500;

type Guard = <P, R>(name: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>) => (params: P, token?: CancellationToken) => Promise<R>;

export interface FeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: CableLanguageService;
  logger: Logger;
  guarded: Guard;
  /** Resolves when the workspace folders and exclusions last changed have reached the index. */
  foldersSettled(): Promise<void>;
}

export interface CableFeatures {
  /** Server capabilities of these features, for the initialize result. */
  capabilities(client: ClientCapabilities): ServerCapabilities;
  /** After `initialized`: read the settings and ask to hear of their changes. */
  initialized(): Promise<void>;
  /** A `workspace/didChangeConfiguration`: re-read the settings and apply them. */
  configurationChanged(settings: unknown): Promise<void>;
}

export function registerCableFeatures(host: FeatureHost): CableFeatures {
  const { connection, documents, service, logger, guarded } = host;
  let settings: CableSettings = DEFAULT_SETTINGS;
  const client = { configuration: false, configurationRegistration: false, codeLensRefresh: false, semanticTokensRefresh: false, collapsedText: false };
  const pendingDiagnostics = new Map<string, NodeJS.Timeout>();
  let pendingRefresh: NodeJS.Timeout | undefined;
  /** The client has queried: it follows the index. */
  let queried = false;

  const documentOf = (uri: string) => documents.get(uri);
  /** Waits for the folders, unless the request is cancelled first. */
  const foldersReady = async (token?: Cancellation) => (await unlessCancelled(host.foldersSettled().then(() => true), token)) === true;

  function publishDiagnostics(document: TextDocument): void {
    const diagnostics = service
      .diagnostics(document)
      .filter((d) => isDiagnosticEnabled(settings, d.code))
      .map(toLspDiagnostic);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  function scheduleDiagnostics(uri: string): void {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.set(
      uri,
      setTimeout(() => {
        pendingDiagnostics.delete(uri);
        const document = documentOf(uri);
        if (!document) return;
        try {
          publishDiagnostics(document);
        } catch (error) {
          logger.error(`diagnostics failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /** Views that count citations or show resolution go stale when the index changes: ask the client to re-ask. */
  function refreshViews(): void {
    if (client.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch((error: unknown) => logger.warn(`No code lens refresh: ${String(error)}`));
    if (client.semanticTokensRefresh) void connection.languages.semanticTokens.refresh().catch((error: unknown) => logger.warn(`No semantic tokens refresh: ${String(error)}`));
    if (queried) void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, { ready: service.index.ready, cables: service.index.size });
  }

  service.index.onDidChange(() => {
    clearTimeout(pendingRefresh);
    pendingRefresh = setTimeout(refreshViews, REFRESH_DELAY_MS);
  });

  async function applySettings(section: unknown): Promise<void> {
    settings = readSettings(section);
    service.setMaxFileSize(readMaxFileSize((section as { maxFileSize?: unknown } | undefined)?.maxFileSize));
    for (const document of documents.all()) publishDiagnostics(document);
    refreshViews();
  }

  documents.onDidChangeContent(guarded('diagnostics', undefined, ({ document }: { document: TextDocument }) => scheduleDiagnostics(document.uri)));
  documents.onDidClose(
    guarded('diagnostics', undefined, ({ document }: { document: TextDocument }) => {
      clearTimeout(pendingDiagnostics.get(document.uri));
      pendingDiagnostics.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    }),
  );

  connection.onReferences(
    guarded('references', null, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document || !(await foldersReady(token))) return null;
      return service.references(document, params.position, params.context.includeDeclaration, token);
    }),
  );

  connection.onCodeLens(
    guarded('codeLens', null, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!settings.codeLens || !document || !(await foldersReady(token))) return null;
      const lens = await service.codeLens(document, token);
      if (!lens) return null;
      return [{ range: lens.range, command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: [document.uri, lens.position, lens.locations] } }];
    }),
  );

  connection.onWorkspaceSymbol(
    guarded('workspaceSymbol', null, async (params, token) => {
      if (!(await foldersReady(token))) return null;
      return service.workspaceSymbols(params.query, token);
    }),
  );

  connection.onDocumentLinks(
    guarded('documentLink', null, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!settings.documentLinks || !document || !(await foldersReady(token))) return null;
      return service.documentLinks(document, token);
    }),
  );

  connection.onFoldingRanges(
    guarded('foldingRange', null, (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      const ranges = service.foldingRanges(document, token);
      // `collapsedText` only for clients that show it (LSP 3.17).
      return client.collapsedText ? ranges : ranges.map(({ collapsedText: _, ...range }) => range);
    }),
  );

  connection.onCodeAction(
    guarded('codeAction', null, (params) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return null;
      const diagnostics = service.diagnostics(document).filter((d) => isDiagnosticEnabled(settings, d.code));
      return service.codeActions(document, params.range, diagnostics);
    }),
  );

  connection.onCompletion(
    guarded('completion', null, (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!settings.completion || !document) return null;
      return service.completion(document, params.position, token);
    }),
  );

  connection.languages.semanticTokens.on(
    guarded('semanticTokens', { data: [] }, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!settings.semanticHighlighting || !document || !(await foldersReady(token))) return { data: [] };
      return service.semanticTokens(document, token);
    }),
  );

  connection.onRequest(
    SUMMARY_REQUEST,
    guarded('summary', null, async (params: { textDocument?: { uri?: unknown } }, token) => {
      const uri = params?.textDocument?.uri;
      const document = typeof uri === 'string' ? documentOf(uri) : undefined;
      if (!document || !(await foldersReady(token))) return null;
      const markdown = await service.summary(document, token);
      return markdown === undefined ? null : { markdown };
    }),
  );

  connection.onRequest(
    QUERY_REQUEST,
    guarded('query', null, async (params: { query?: unknown; limit?: unknown; groupBy?: unknown; group?: unknown; wait?: unknown }, token) => {
      const text = typeof params?.query === 'string' ? params.query : '';
      const limit = typeof params?.limit === 'number' && params.limit >= 0 ? params.limit : undefined;
      const groupBy = GROUPINGS.find((g) => g === params?.groupBy) as GroupBy | undefined;
      const group = groupBy && typeof params?.group === 'string' ? { group: params.group } : {};
      if (!(await foldersReady(token))) return null;
      queried = true;
      const answer = await service.query(text, { ...(limit === undefined ? {} : { limit }), ...(groupBy ? { groupBy } : {}), ...group, wait: params?.wait === true }, token);
      if (!answer) return null;
      return 'errors' in answer ? { errors: answer.errors, help: CABLE_QUERY_HELP } : answer;
    }),
  );

  connection.onRequest(
    CITATION_GRAPH_REQUEST,
    guarded('citationGraph', null, async (params: { id?: unknown; textDocument?: { uri?: unknown }; hops?: unknown; drawing?: { timeAxis?: unknown } }, token) => {
      const uri = params?.textDocument?.uri;
      const document = typeof uri === 'string' ? documentOf(uri) : undefined;
      const of = typeof params?.id === 'string' ? { id: params.id } : document ? { document } : undefined;
      if (!of || !(await foldersReady(token))) return null;
      const graph = await service.citationGraph(of, typeof params?.hops === 'number' ? params.hops : 1, token);
      if (!graph) return null;
      // A client that draws nothing itself (the webview) asks for the picture.
      return params?.drawing ? { ...graph, svg: graphSvg(graph, { timeAxis: params.drawing.timeAxis === true }) } : graph;
    }),
  );

  return {
    capabilities(capabilities) {
      client.configuration = capabilities.workspace?.configuration === true;
      client.configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      client.codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
      client.semanticTokensRefresh = capabilities.workspace?.semanticTokens?.refreshSupport === true;
      client.collapsedText = capabilities.textDocument?.foldingRange?.foldingRange?.collapsedText === true;
      return {
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: ['(', '['] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      };
    },

    async initialized() {
      if (!client.configuration) return;
      await applySettings(await connection.workspace.getConfiguration('cable'));
      if (client.configurationRegistration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
    },

    async configurationChanged(pushed) {
      // Pull clients (VS Code) send nothing useful here: ask. Push clients send `{ cable: {…} }`.
      const section = client.configuration ? await connection.workspace.getConfiguration('cable') : (pushed as { cable?: unknown } | undefined)?.cable;
      await applySettings(section);
    },
  };
}
