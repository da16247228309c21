// What the client can do and what it has configured, in one place: its capabilities, read once at
// initialize, and the settings read per workspace folder (`cable` and `files.exclude` for each
// folder, `cable` for the window) and handed to the language service. A client that cannot
// answer `workspace/configuration` pushes `{ cable: {…} }` with its configuration changes.
import {
  DidChangeConfigurationNotification,
  type ClientCapabilities,
  type Connection,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import {
  DEFAULT_EXCLUDES,
  describeError,
  enabledPatterns,
  type CableLanguageService,
  type Logger,
  type WorkspaceFolderSetting,
} from '../service/language-service.ts';

export interface ClientSupport {
  hierarchicalSymbols: boolean;
  linkSupport: boolean;
  markdown: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  workspaceFolders: boolean;
  workDoneProgress: boolean;
  codeLensRefresh: boolean;
  semanticTokensRefresh: boolean;
  collapsedText: boolean;
}

export function readClientSupport(capabilities: ClientCapabilities): ClientSupport {
  const text = capabilities.textDocument;
  const workspace = capabilities.workspace;
  return {
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    linkSupport: text?.definition?.linkSupport === true,
    markdown: text?.hover?.contentFormat?.includes('markdown') ?? false,
    configuration: workspace?.configuration === true,
    configurationRegistration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: workspace?.workspaceFolders === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    codeLensRefresh: workspace?.codeLens?.refreshSupport === true,
    semanticTokensRefresh: workspace?.semanticTokens?.refreshSupport === true,
    // `collapsedText` of folding ranges (LSP 3.17).
    collapsedText: text?.foldingRange?.foldingRange?.collapsedText === true,
  };
}

export interface ClientConfiguration {
  readonly support: ClientSupport;
  /** At initialize: the client's capabilities and its first folders. */
  initialize(capabilities: ClientCapabilities, folders: WorkspaceFolder[]): void;
  foldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void>;
  /** Reads every folder's settings and exclusions again (`pushed`: a push client's `settings`) and gives them to the service. */
  refresh(pushed?: unknown): Promise<void>;
  /** After `initialized`: ask to hear of changes to `files` and `cable`. */
  register(): Promise<void>;
}

export function createClientConfiguration(connection: Connection, service: CableLanguageService, logger: Logger): ClientConfiguration {
  let support = readClientSupport({});
  let folders: WorkspaceFolder[] = [];

  const pull = async (section: string, scopeUri?: string): Promise<unknown> =>
    (scopeUri ? connection.workspace.getConfiguration({ scopeUri, section }) : connection.workspace.getConfiguration(section)).catch(
      (error: unknown) => {
        logger.warn(`No ${section} settings${scopeUri ? ` for ${scopeUri}` : ''}: ${describeError(error)}`);
        return undefined;
      },
    );

  const folderSettings = async (): Promise<WorkspaceFolderSetting[]> =>
    Promise.all(
      folders.map(async (folder) => {
        if (!support.configuration) return { uri: folder.uri, excludes: DEFAULT_EXCLUDES };
        const [excludes, cable] = await Promise.all([pull('files.exclude', folder.uri), pull('cable', folder.uri)]);
        service.setSettings(cable, folder.uri);
        return { uri: folder.uri, excludes: excludes && typeof excludes === 'object' ? enabledPatterns(excludes) : DEFAULT_EXCLUDES };
      }),
    );

  return {
    get support() {
      return support;
    },

    initialize(capabilities, initialFolders) {
      support = readClientSupport(capabilities);
      folders = initialFolders;
    },

    async foldersChanged(event) {
      const removed = new Set(event.removed.map((f) => f.uri));
      folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added];
      await service.setWorkspaceFolders(folderSettings());
    },

    async refresh(pushed) {
      // Folders first: definitions wait for them.
      await service.setWorkspaceFolders(folderSettings());
      service.setSettings(support.configuration ? await pull('cable') : (pushed as { cable?: unknown } | undefined)?.cable);
    },

    async register() {
      if (!support.configuration || !support.configurationRegistration) return;
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'files' });
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'cable' });
    },
  };
}
