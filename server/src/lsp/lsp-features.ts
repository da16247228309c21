// LSP wiring of the features beyond outline, hover and definition: references, the citation code
// lens, workspace symbols, document links, folding, diagnostics with quick fixes, completion,
// semantic tokens and the `cable/summary` request. Diagnostics are published after edits and
// after a settings change; views that count citations are refreshed when the index changes.
// server.ts calls `registerCableFeatures` once; each handler is a call into the language service
// and an encoding of its answer (lsp-encodings.ts).
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CABLE_QUERY_HELP,
  describeError,
  GROUPINGS,
  graphSvg,
  NEVER_CANCELLED,
  SHOW_REFERENCES_COMMAND,
  type CableLanguageService,
  type CableLocation,
  type GroupBy,
  type Logger,
} from '../service/language-service.ts';
import type { ClientSupport } from './client-configuration.ts';
import { encodeSemanticTokens, SEMANTIC_TOKENS_LEGEND, toLspCodeAction, toLspDiagnostic, toLspDocumentLink } from './lsp-encodings.ts';

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

type Guard = <P, R>(
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
) => (params: P, token?: CancellationToken) => Promise<R>;

export interface FeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  service: CableLanguageService;
  logger: Logger;
  guarded: Guard;
  client: () => ClientSupport;
}

export interface CableFeatures {
  /** Server capabilities of these features, for the initialize result. */
  /** Server capabilities of these features, for the initialize result (`initializationOptions`: the client's). */
  capabilities(initializationOptions: unknown): ServerCapabilities;
  /** The settings changed: publish the diagnostics again and refresh the views. */
  settingsChanged(): void;
}

export function registerCableFeatures(host: FeatureHost): CableFeatures {
  const { connection, documents, service, logger, guarded, client } = host;
  const pendingDiagnostics = new Map<string, NodeJS.Timeout>();
  let pendingRefresh: NodeJS.Timeout | undefined;
  /** The client has queried: it follows the index. */
  let queried = false;

  const documentOf = (uri: string) => documents.get(uri);

  function publishDiagnostics(document: TextDocument): void {
    // Published on the server's own schedule: nobody cancels it (the next change reschedules it).
    const diagnostics = service.diagnostics(document, NEVER_CANCELLED).map(toLspDiagnostic);
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
          logger.error(`diagnostics failed: ${describeError(error, { stack: true })}`);
        }
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /** Views that count citations or show resolution go stale when the index changes: ask the client to re-ask. */
  function refreshViews(): void {
    if (client().codeLensRefresh)
      void connection
        .sendRequest(CodeLensRefreshRequest.type)
        .catch((error: unknown) => logger.warn(`No code lens refresh: ${String(error)}`));
    if (client().semanticTokensRefresh)
      void connection.languages.semanticTokens
        .refresh()
        .catch((error: unknown) => logger.warn(`No semantic tokens refresh: ${String(error)}`));
    if (queried) void connection.sendNotification(INDEX_CHANGED_NOTIFICATION, { ready: service.indexReady, cables: service.indexedCount });
  }

  service.onIndexChanged(() => {
    clearTimeout(pendingRefresh);
    pendingRefresh = setTimeout(refreshViews, REFRESH_DELAY_MS);
  });

  documents.onDidChangeContent(
    guarded('diagnostics', undefined, ({ document }: { document: TextDocument }) => scheduleDiagnostics(document.uri)),
  );
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
      if (!document) return null;
      return service.references(document, params.position, params.context.includeDeclaration, token);
    }),
  );

  connection.onCodeLens(
    guarded('codeLens', null, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      const lens = await service.codeLens(document, token);
      if (!lens) return null;
      return [
        {
          range: lens.range,
          command: { title: lens.title, command: SHOW_REFERENCES_COMMAND, arguments: [document.uri, lens.position, lens.locations] },
        },
      ];
    }),
  );

  // Clients other than VS Code's run the lens's command through the server: the list as a
  // message, and its locations as the answer.
  connection.onExecuteCommand(
    guarded('executeCommand', null, async (params, token): Promise<CableLocation[] | ResponseError<void> | null> => {
      if (params.command !== SHOW_REFERENCES_COMMAND)
        return new ResponseError(ErrorCodes.InvalidParams, `Cable has no command ${params.command}.`);
      const uri = params.arguments?.[0];
      const document = typeof uri === 'string' ? documentOf(uri) : undefined;
      if (!document)
        return new ResponseError(
          ErrorCodes.InvalidParams,
          `${SHOW_REFERENCES_COMMAND} takes the URI of an open cable as its first argument.`,
        );
      const lens = await service.codeLens(document, token);
      if (!lens) return null;
      void connection.sendNotification(ShowMessageNotification.type, {
        type: MessageType.Info,
        message: [lens.title, ...lens.listing].join('\n'),
      });
      return lens.locations;
    }),
  );

  connection.onWorkspaceSymbol(
    guarded('workspaceSymbol', null, async (params, token) => {
      return service.workspaceSymbols(params.query, token);
    }),
  );

  connection.onDocumentLinks(
    guarded('documentLink', null, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      return (await service.documentLinks(document, token)).map(toLspDocumentLink);
    }),
  );

  connection.onFoldingRanges(
    guarded('foldingRange', null, (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      const ranges = service.foldingRanges(document, token);
      // `collapsedText` only for clients that show it (LSP 3.17).
      return client().collapsedText ? ranges : ranges.map(({ collapsedText: _, ...range }) => range);
    }),
  );

  connection.onCodeAction(
    guarded('codeAction', null, (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      if (params.context.only && !params.context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind))) return null;
      return service.codeActions(document, params.range, token).map(toLspCodeAction);
    }),
  );

  connection.onCompletion(
    guarded('completion', null, (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return null;
      return service.completion(document, params.position, token);
    }),
  );

  connection.languages.semanticTokens.on(
    guarded('semanticTokens', { data: [] }, async (params, token) => {
      const document = documentOf(params.textDocument.uri);
      if (!document) return { data: [] };
      return encodeSemanticTokens(await service.semanticTokens(document, token));
    }),
  );

  connection.onRequest(
    SUMMARY_REQUEST,
    guarded('summary', null, async (params: { textDocument?: { uri?: unknown } }, token) => {
      const uri = params?.textDocument?.uri;
      const document = typeof uri === 'string' ? documentOf(uri) : undefined;
      if (!document) return null;
      const markdown = await service.summary(document, token);
      return markdown === undefined ? null : { markdown };
    }),
  );

  connection.onRequest(
    QUERY_REQUEST,
    guarded(
      'query',
      null,
      async (params: { query?: unknown; limit?: unknown; groupBy?: unknown; group?: unknown; wait?: unknown }, token) => {
        const text = typeof params?.query === 'string' ? params.query : '';
        const limit = typeof params?.limit === 'number' && params.limit >= 0 ? params.limit : undefined;
        const groupBy = GROUPINGS.find((g) => g === params?.groupBy) as GroupBy | undefined;
        const group = groupBy && typeof params?.group === 'string' ? { group: params.group } : {};
        queried = true;
        const answer = await service.query(
          text,
          { ...(limit === undefined ? {} : { limit }), ...(groupBy ? { groupBy } : {}), ...group, wait: params?.wait === true },
          token,
        );
        if (!answer) return null;
        return 'errors' in answer ? { errors: answer.errors, help: CABLE_QUERY_HELP } : answer;
      },
    ),
  );

  connection.onRequest(
    CITATION_GRAPH_REQUEST,
    guarded(
      'citationGraph',
      null,
      async (params: { id?: unknown; textDocument?: { uri?: unknown }; hops?: unknown; drawing?: { timeAxis?: unknown } }, token) => {
        const uri = params?.textDocument?.uri;
        const document = typeof uri === 'string' ? documentOf(uri) : undefined;
        const of = typeof params?.id === 'string' ? { id: params.id } : document ? { document } : undefined;
        if (!of) return null;
        const graph = await service.citationGraph(of, typeof params?.hops === 'number' ? params.hops : 1, token);
        if (!graph) return null;
        // A client that draws nothing itself (the webview) asks for the picture.
        return params?.drawing ? { ...graph, svg: graphSvg(graph, { timeAxis: params.drawing.timeAxis === true }) } : graph;
      },
    ),
  );

  return {
    capabilities(initializationOptions) {
      // A client that shows the lens's locations itself (VS Code's, in its peek view) says so: a
      // declared command would be registered a second time by vscode-languageclient.
      const clientShowsReferences = (initializationOptions as { showsReferences?: unknown } | undefined)?.showsReferences === true;
      return {
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(clientShowsReferences ? {} : { executeCommandProvider: { commands: [SHOW_REFERENCES_COMMAND] } }),
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        completionProvider: { triggerCharacters: ['(', '['] },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      };
    },

    settingsChanged() {
      for (const document of documents.all()) publishDiagnostics(document);
      refreshViews();
    },
  };
}
