// A minimal LSP client for the protocol tests and the benchmark: spawns the built server with
// `node dist/server/server.js --stdio` and talks JSON-RPC to it, answering the requests a server
// makes of its client (configuration, progress, registration).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type ConfigurationItem,
  type FileEvent,
  type InitializeResult,
  type Position,
  type Range,
  type ProtocolConnection,
  type Registration,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';

export const SERVER_SCRIPT = join(__dirname, '..', '..', 'dist', 'server', 'server.js');

/** What VS Code offers: hierarchical symbols, links, markdown, configuration, watchers, progress. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    synchronization: { dynamicRegistration: false },
  },
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
  },
  window: { workDoneProgress: true },
};

/** A plain client (an older or simpler editor): none of the above. */
export const BARE_CAPABILITIES: ClientCapabilities = {};

export interface StartOptions {
  folders: string[];
  capabilities?: ClientCapabilities;
  /** The answer to `workspace/configuration` for one item. */
  configuration?: (item: ConfigurationItem) => unknown;
  /** The server's `--cache-dir`; default: a new empty directory, so every start indexes from nothing. */
  cacheDir?: string;
  initializationOptions?: unknown;
}

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export class LspTestClient {
  readonly logs: string[] = [];
  readonly progress: ProgressValue[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: ConfigurationItem[] = [];
  private versions = new Map<string, number>();
  private progressEndListeners: (() => void)[] = [];
  initializeResult!: InitializeResult;
  /** The cache directory made for this server alone, removed when it stops. */
  ownCacheDir: string | undefined;

  constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
  ) {}

  open(uri: string, text: string, languageId = 'cable'): void {
    this.versions.set(uri, 1);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, text: string): void {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Incremental changes, as an editor sends them while typing. */
  edit(uri: string, contentChanges: { range: Range; text: string }[]): void {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  filesChanged(changes: FileEvent[]): void {
    void this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  foldersChanged(added: string[], removed: string[]): void {
    const folder = (uri: string) => ({ uri, name: uri });
    void this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: added.map(folder), removed: removed.map(folder) },
    });
  }

  symbols(uri: string) {
    return this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }

  hover(uri: string, position: Position) {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  definition(uri: string, position: Position) {
    return this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
  }

  /** Resolves when the next (or a pending) indexing pass ends. */
  progressEnd(): Promise<void> {
    return new Promise((resolve) => this.progressEndListeners.push(resolve));
  }

  onProgress(value: ProgressValue): void {
    this.progress.push(value);
    if (value.kind === 'end') for (const listener of this.progressEndListeners.splice(0)) listener();
  }

  /** Shutdown and exit as a client does; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    if (this.process.exitCode === null) {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    }
    const code = this.process.exitCode ?? (await exited);
    this.connection.dispose();
    if (this.ownCacheDir) rmSync(this.ownCacheDir, { recursive: true, force: true });
    return code;
  }
}

export async function startServer(options: StartOptions): Promise<LspTestClient> {
  if (!existsSync(SERVER_SCRIPT)) throw new Error(`${SERVER_SCRIPT} is missing: run node scripts/build.mjs first`);
  // Node options for the server, for profiling a bench (`--cpu-prof`, which NODE_OPTIONS refuses).
  const nodeArgs = process.env.CABLE_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const cacheDir = options.cacheDir ?? mkdtempSync(join(tmpdir(), 'cable-test-cache-'));
  const child = spawn(process.execPath, [...nodeArgs, SERVER_SCRIPT, '--stdio', '--cache-dir', cacheDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = new LspTestClient(child, connection);
  if (!options.cacheDir) client.ownCacheDir = cacheDir;
  child.stderr!.on('data', (chunk: Buffer) => client.logs.push(`stderr: ${chunk.toString()}`));

  connection.onNotification(LogMessageNotification.type, (params) => {
    client.logs.push(params.message);
  });
  connection.onRequest(ConfigurationRequest.type, (params) => {
    client.configurationRequests.push(...params.items);
    return params.items.map((item) => options.configuration?.(item) ?? null);
  });
  connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
    connection.onProgress(WorkDoneProgress.type, params.token, (value) => client.onProgress(value));
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    client.registrations.push(...params.registrations);
  });
  connection.listen();

  const folders = options.folders.map((uri) => ({ uri, name: uri }));
  client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: folders[0]?.uri ?? null,
    workspaceFolders: folders,
    capabilities: options.capabilities ?? FULL_CAPABILITIES,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return client;
}
