// The Cable language server: wires LSP requests to the language service, and nothing more.
// Runs over IPC when started by the extension, or standalone: `cable-language-server --stdio`.
// Every handler catches and logs: odd input gets an empty answer, never a crashed server.
import {
  CancellationToken,
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  Location,
  ProposedFeatures,
  StreamMessageReader,
  TextDocuments,
  TextDocumentSyncKind,
  type Position,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import { createNodeHost } from '../node/node-host.ts';
import {
  CABLE_FILE_GLOB,
  createCableLanguageService,
  createDocument,
  describeError,
  type ContentChange,
  type IndexStore,
  type Logger,
  type ProgressSink,
  updateDocument,
} from '../service/language-service.ts';
import { createClientConfiguration } from './client-configuration.ts';
import { flattenSymbols, plainTextHover } from './lsp-encodings.ts';
import { registerCableFeatures } from './lsp-features.ts';
import { StdioMessageWriter } from './stdio-writer.ts';
import { cacheVersion, createIndexCache, defaultCacheDir } from '../node/index-cache.ts';

const USAGE = `Usage: cable-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name> [--cache-dir DIR]

The Cable language server (outline, hover, go-to-definition for US diplomatic cables) speaks the
Language Server Protocol over the given transport; editors start it with --stdio.

--cache-dir DIR  where the workspace index is kept between runs, so a folder opened again is
                 answered at once (default: ${defaultCacheDir()}; safe to delete).
                 A client's initializationOptions.cacheDir wins over it.`;

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
/** `--cache-dir DIR` or `--cache-dir=DIR`. */
function cacheDirArgument(): string | undefined {
  const at = args.findIndex((arg) => arg === '--cache-dir' || arg.startsWith('--cache-dir='));
  if (at < 0) return undefined;
  const dir = args[at] === '--cache-dir' ? args[at + 1] : args[at]!.slice('--cache-dir='.length);
  if (!dir || dir.startsWith('--')) {
    process.stderr.write(`cable-language-server: --cache-dir needs a directory.\n\n${USAGE}\n`);
    process.exit(2);
  }
  return dir;
}
let cacheDir = cacheDirArgument() ?? defaultCacheDir();

// Over stdio (the transport of editors other than VS Code, and of the benches), messages are
// written in one write each, outline symbols' bytes kept (stdio-writer.ts). Given a reader
// and a writer, vscode-languageserver no longer ends the process when stdin ends: done below.
const stdio = args.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StdioMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
let shutDown = false;
if (stdio) for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutDown ? 0 : 1));
/**
 * Text sync that survives a client's change ranges past the end of the text: the text-document
 * library would index such a change's lines at those far lines, leaving holes in its line table
 * (positions of NaN from then on). Each range is clamped to the text as it stands after the
 * changes before it; the edited text is the same, only its line table stays whole. Documents are
 * kept as lines (line-document.ts: a change copies no text but its own lines), and the changes as
 * applied go to the service, whose next model re-reads only what they touch.
 */
const documents = new TextDocuments<TextDocument>({
  create: createDocument,
  update(document, changes, version) {
    const from = document.version;
    const applied: ContentChange[] = [];
    for (const change of changes) {
      const clamp = (position: Position) => document.positionAt(document.offsetAt(position));
      const clamped =
        'range' in change ? { range: { start: clamp(change.range.start), end: clamp(change.range.end) }, text: change.text } : change;
      applied.push(clamped);
      document = updateDocument(document, [clamped], version);
    }
    service.documentEdited(document.uri, from, applied, version);
    return document;
  },
});

const logger: Logger = {
  info: (message) => connection.console.info(message),
  warn: (message) => connection.console.warn(message),
  error: (message) => connection.console.error(message),
};

/** The index cache in `cacheDir`, made at initialize (the client may name the directory). */
let indexCache: IndexStore | undefined;
const service = createCableLanguageService({
  ...createNodeHost(logger),
  store: {
    load: (folder) => indexCache?.load(folder) ?? Promise.resolve(undefined),
    save: (folder, files, segment) => indexCache?.save(folder, files, segment) ?? Promise.resolve(),
  },
  progress: () => (configuration.support.workDoneProgress ? progressSink() : undefined),
});
const configuration = createClientConfiguration(connection, service, logger);

/** A handler that logs what it throws and answers `fallback` instead. */
function guarded<P, R>(name: string, fallback: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) {
  return async (params: P, token?: CancellationToken): Promise<R> => {
    try {
      return await handler(params, token ?? CancellationToken.None);
    } catch (error) {
      logger.error(`${name} failed: ${describeError(error, { stack: true })}`);
      return fallback;
    }
  };
}

const features = registerCableFeatures({ connection, documents, service, logger, guarded, client: () => configuration.support });

/** Progress of an indexing pass, shown by the client; cancelling it stops the pass. */
function progressSink(): ProgressSink {
  const reporter: Promise<WorkDoneProgressServerReporter | undefined> = connection.window.createWorkDoneProgress().then(
    (created) => {
      created.token.onCancellationRequested(() => service.cancelIndexing());
      return created;
    },
    (error: unknown) => {
      logger.warn(`No progress report: ${describeError(error, { stack: true })}`);
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

connection.onInitialize((params) => {
  const rootUri = params.rootUri;
  configuration.initialize(params.capabilities, params.workspaceFolders ?? (rootUri ? [{ uri: rootUri, name: rootUri }] : []));
  const options: unknown = params.initializationOptions;
  const clientCacheDir = options && typeof options === 'object' && 'cacheDir' in options ? options.cacheDir : undefined;
  if (typeof clientCacheDir === 'string' && clientCacheDir) cacheDir = clientCacheDir;
  indexCache = createIndexCache(cacheDir, cacheVersion(packageJson.version), logger);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Cable' },
      hoverProvider: true,
      definitionProvider: true,
      ...features.capabilities(params.initializationOptions),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'cable-language-server', version: packageJson.version },
  };
});

connection.onInitialized(
  guarded('initialized', undefined, async () => {
    // Folders and settings first: definitions wait for them, registrations can wait.
    await configuration.refresh();
    const client = configuration.support;
    if (client.configuration) features.settingsChanged();
    if (client.watchedFilesRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CABLE_FILE_GLOB }] });
    }
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guarded('workspace folders', undefined, (event) => configuration.foldersChanged(event)),
      );
    }
    await configuration.register();
  }),
);

connection.onDidChangeConfiguration(
  guarded('configuration', undefined, async (params) => {
    await configuration.refresh(params.settings);
    features.settingsChanged();
  }),
);

connection.onDidChangeWatchedFiles(
  guarded('watched files', undefined, async (params) => {
    const kinds = {
      [FileChangeType.Created]: 'created',
      [FileChangeType.Changed]: 'changed',
      [FileChangeType.Deleted]: 'deleted',
    } as const;
    for (const change of params.changes) {
      // Open documents win over disk: their events wait for the close.
      if (documents.get(change.uri) && change.type !== FileChangeType.Deleted) continue;
      await service.fileChanged(change.uri, kinds[change.type]);
    }
  }),
);

documents.onDidChangeContent(guarded('document change', undefined, ({ document }) => service.documentChanged(document)));

// The first cable opened starts indexing in the background: lazily, never blocking this document.
documents.onDidOpen(guarded('document open', undefined, () => service.startIndexing()));

documents.onDidClose(guarded('document close', undefined, ({ document }) => service.documentClosed(document.uri)));

connection.onDocumentSymbol(
  guarded('documentSymbol', null, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const symbols = service.documentSymbols(document, token);
    return configuration.support.hierarchicalSymbols ? symbols : flattenSymbols(document.uri, symbols);
  }),
);

connection.onHover(
  guarded('hover', null, (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const hover = document ? service.hover(document, params.position, token) : null;
    return hover && !configuration.support.markdown ? plainTextHover(hover) : hover;
  }),
);

connection.onDefinition(
  guarded('definition', null, async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const definitions = await service.definition(document, params.position, token);
    if (configuration.support.linkSupport) return definitions;
    return definitions.map((d) => Location.create(d.targetUri, d.targetSelectionRange));
  }),
);

// The index cache being written is finished first: the next run would read it again otherwise.
connection.onShutdown(async () => {
  shutDown = true;
  await service.indexStored();
  service.dispose();
});

process.on('uncaughtException', (error) => logger.error(`Uncaught: ${describeError(error, { stack: true })}`));
process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${describeError(reason, { stack: true })}`));

documents.listen(connection);
connection.listen();
