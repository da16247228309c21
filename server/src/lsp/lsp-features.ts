// LSP wiring of the features beyond outline, hover and definition: references, the citation code
// lens, workspace symbols, document links, folding, diagnostics with quick fixes, completion,
// semantic tokens, the `cable/summary` request, and the `cable.*` settings that switch them,
// applied without a restart. server.ts calls `registerCableFeatures` once; nothing here is
// more than a call into the language service.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
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
  type CableLanguageService,
  type CableLocation,
  type CableSettings,
  type Cancellation,
  type Logger,
} from '../service/language-service.ts';

/** The `cable/summary` request: the cable's card as markdown, or null for a document not open. */
export const SUMMARY_REQUEST = 'cable/summary';

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
  capabilities(client: ClientCapabilities, initializationOptions?: unknown): ServerCapabilities;
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

  // Clients other than VS Code's run the lens's command through the server: the list as a
  // message, and its locations as the answer.
  connection.onExecuteCommand(
    guarded('executeCommand', null, async (params, token): Promise<CableLocation[] | ResponseError<void> | null> => {
      if (params.command !== SHOW_REFERENCES_COMMAND) return new ResponseError(ErrorCodes.InvalidParams, `Cable has no command ${params.command}.`);
      const uri = params.arguments?.[0];
      const document = typeof uri === 'string' ? documentOf(uri) : undefined;
      if (!document) return new ResponseError(ErrorCodes.InvalidParams, `${SHOW_REFERENCES_COMMAND} takes the URI of an open cable as its first argument.`);
      if (!(await foldersReady(token))) return null;
      const lens = await service.codeLens(document, token);
      if (!lens) return null;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: [lens.title, ...lens.listing].join('\n') });
      return lens.locations;
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

  return {
    capabilities(capabilities, initializationOptions) {
      // A client that shows the lens's locations itself (VS Code's, in its peek view) says so: a
      // declared command would be registered a second time by vscode-languageclient.
      const clientShowsReferences = (initializationOptions as { showsReferences?: unknown } | undefined)?.showsReferences === true;
      client.configuration = capabilities.workspace?.configuration === true;
      client.configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
      client.codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
      client.semanticTokensRefresh = capabilities.workspace?.semanticTokens?.refreshSupport === true;
      client.collapsedText = capabilities.textDocument?.foldingRange?.foldingRange?.collapsedText === true;
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
