// The Cable language server: wires LSP requests to the language service, and nothing more.
// Runs over IPC when started by the extension, or standalone: `cable-language-server --stdio`.
// Every handler catches and logs: odd input gets an empty answer, never a crashed server.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  Location,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Position,
  type WorkspaceFolder,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import { registerCableFeatures } from './lsp-features.ts';
import { unlessCancelled } from '../service/cancellation.ts';
import { createIndexWorkers } from '../node/index-workers.ts';
import { createCableLanguageService, createNodeWorkspace, DEFAULT_EXCLUDES, enabledPatterns, flattenSymbols, type Logger, type ProgressSink } from '../service/language-service.ts';

const USAGE = `Usage: cable-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

The Cable language server (outline, hover, go-to-definition for US diplomatic cables) speaks the
Language Server Protocol over the given transport; editors start it with --stdio.`;

const TRANSPORT = /^--(?:stdio|node-ipc|socket(?:=|$)|pipe(?:=|$)|clientProcessId)/;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (args.includes('--version')) {
  process.stdout.write(`${packageJson.version}\n`);
  process.exit(0);
}
if (!args.some((arg) => TRANSPORT.test(arg))) {
  process.stderr.write(`cable-language-server: no transport given.\n\n${USAGE}\n`);
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
/**
 * Text sync that survives a client's change ranges past the end of the text: the text-document
 * library would index such a change's lines at those far lines, leaving holes in its line table
 * (positions of NaN from then on). Each range is clamped to the text as it stands after the
 * changes before it; the edited text is the same, only its line table stays whole.
 */
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update(document, changes, version) {
    for (const change of changes) {
      const clamp = (position: Position) => document.positionAt(document.offsetAt(position));
      const clamped = 'range' in change ? { range: { start: clamp(change.range.start), end: clamp(change.range.end) }, text: change.text } : change;
      document = TextDocument.update(document, [clamped], version);
    }
    return document;
  },
});

const logger: Logger = {
  info: (message) => connection.console.info(message),
  warn: (message) => connection.console.warn(message),
  error: (message) => connection.console.error(message),
};

/** What the client can take, read once at initialize. */
const client = {
  hierarchicalSymbols: false,
  linkSupport: false,
  markdown: false,
  configuration: false,
  configurationRegistration: false,
  watchedFilesRegistration: false,
  workspaceFolders: false,
  workDoneProgress: false,
};
let folders: WorkspaceFolder[] = [];
/** The folders and exclusions last given to the index, to skip restarts that change nothing. */
let appliedFolders = '';
/** Folder and configuration updates run one after another; definitions wait for the last. */
let foldersSettled: Promise<void> = Promise.resolve();

const service = createCableLanguageService({
  workspace: createNodeWorkspace(logger),
  workers: createIndexWorkers(logger),
  logger,
  progress: () => (client.workDoneProgress ? progressSink() : undefined),
});

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A handler that logs what it throws and answers `fallback` instead. */
function guarded<P, R>(name: string, fallback: R, handler: (params: P, token?: CancellationToken) => R | Promise<R>) {
  return async (params: P, token?: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token);
    } catch (error) {
      logger.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

const features = registerCableFeatures({ connection, documents, service, logger, guarded, foldersSettled: () => foldersSettled });

function readCapabilities(capabilities: ClientCapabilities): void {
  const text = capabilities.textDocument;
  client.hierarchicalSymbols = text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  client.linkSupport = text?.definition?.linkSupport === true;
  client.markdown = text?.hover?.contentFormat?.includes('markdown') ?? false;
  client.configuration = capabilities.workspace?.configuration === true;
  client.configurationRegistration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  client.watchedFilesRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
  client.workDoneProgress = capabilities.window?.workDoneProgress === true;
}

/** Progress of an indexing pass, shown by the client; cancelling it stops the pass. */
function progressSink(): ProgressSink {
  const reporter: Promise<WorkDoneProgressServerReporter | undefined> = connection.window.createWorkDoneProgress().then(
    (created) => {
      created.token.onCancellationRequested(() => service.index.cancel());
      return created;
    },
    (error: unknown) => {
      logger.warn(`No progress report: ${describeError(error)}`);
      return undefined;
    },
  );
  // Calls are chained on the creation, so they reach the client in order.
  const later = (step: (created: WorkDoneProgressServerReporter) => void) => void reporter.then((created) => created && step(created));
  return {
    begin: (title, message) => later((r) => r.begin(title, 0, message, true)),
    report: (done, total) => later((r) => r.report(total ? Math.floor((done / total) * 100) : 100, `${done}/${total} files`)),
    end: () => later((r) => r.done()),
  };
}

/** Queues an update of the index's folders and exclusions (after the ones queued before). */
function refreshFolders(): Promise<void> {
  foldersSettled = foldersSettled.then(applyFolders).catch((error: unknown) => logger.error(`Updating the folders failed: ${describeError(error)}`));
  return foldersSettled;
}

/** Gives the index the workspace folders with their `files.exclude` patterns. */
async function applyFolders(): Promise<void> {
  const withExcludes = await Promise.all(
    folders.map(async (folder) => {
      if (!client.configuration) return { uri: folder.uri, excludes: DEFAULT_EXCLUDES };
      const setting: unknown = await connection.workspace.getConfiguration({ scopeUri: folder.uri, section: 'files.exclude' }).catch((error: unknown) => {
        logger.warn(`No files.exclude for ${folder.uri}: ${describeError(error)}`);
        return undefined;
      });
      return { uri: folder.uri, excludes: setting && typeof setting === 'object' ? enabledPatterns(setting) : DEFAULT_EXCLUDES };
    }),
  );
  const applied = JSON.stringify(withExcludes);
  if (applied === appliedFolders) return;
  appliedFolders = applied;
  service.index.setFolders(withExcludes);
}

connection.onInitialize((params) => {
  readCapabilities(params.capabilities);
  const rootUri = params.rootUri;
  folders = params.workspaceFolders ?? (rootUri ? [{ uri: rootUri, name: rootUri }] : []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Cable' },
      hoverProvider: true,
      definitionProvider: true,
      ...features.capabilities(params.capabilities, params.initializationOptions),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'cable-language-server', version: packageJson.version },
  };
});

connection.onInitialized(
  guarded('initialized', undefined, async () => {
    // Folders first: definitions wait for them, registrations can wait.
    await refreshFolders();
    if (client.watchedFilesRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{cable,txt}' }] });
    }
    if (client.configuration && client.configurationRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'files' });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guarded('workspace folders', undefined, async (event) => {
          const removed = new Set(event.removed.map((f) => f.uri));
          folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added];
          await refreshFolders();
        }),
      );
    }
    await features.initialized();
  }),
);

connection.onDidChangeConfiguration(
  guarded('configuration', undefined, async (params) => {
    await refreshFolders();
    await features.configurationChanged(params.settings);
  }),
);

connection.onDidChangeWatchedFiles(
  guarded('watched files', undefined, async (params) => {
    const kinds = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
    for (const change of params.changes) {
      // Open documents win over disk: their events wait for the close.
      if (documents.get(change.uri) && change.type !== FileChangeType.Deleted) continue;
      await service.index.fileChanged(change.uri, kinds[change.type]);
    }
  }),
);

documents.onDidChangeContent(guarded('document change', undefined, ({ document }) => service.documentChanged(document)));

// The first cable opened starts indexing in the background: lazily, never blocking this document.
documents.onDidOpen(guarded('document open', undefined, () => void service.index.ensureIndexed()));

documents.onDidClose(guarded('document close', undefined, ({ document }) => service.documentClosed(document.uri)));

connection.onDocumentSymbol(
  guarded('documentSymbol', null, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const symbols = service.documentSymbols(document, token);
    return client.hierarchicalSymbols ? symbols : flattenSymbols(document.uri, symbols);
  }),
);

connection.onHover(
  guarded('hover', null, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.hover(document, params.position, { markdown: client.markdown }, token) : null;
  }),
);

connection.onDefinition(
  guarded('definition', null, async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    // Folders just added or exclusions just changed must reach the index before it answers.
    if ((await unlessCancelled(foldersSettled.then(() => true), token)) !== true) return null;
    const definitions = await service.definition(document, params.position, token);
    if (client.linkSupport) return definitions;
    return definitions.map((d) => Location.create(d.targetUri, d.targetSelectionRange));
  }),
);

connection.onShutdown(() => service.dispose());

process.on('uncaughtException', (error) => logger.error(`Uncaught: ${describeError(error)}`));
process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${describeError(reason)}`));

documents.listen(connection);
connection.listen();
