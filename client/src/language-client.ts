// The part of the client that speaks LSP: vscode-languageclient, most of the client's code and
// of its load time, so extension.ts loads this bundle with the first cable rather than at
// activation (Plain Text activates the extension too). Starts the Cable language server over IPC;
// a server that crashes is restarted, and the user told once.
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Location as LspLocation,
  type Message,
  type Position as LspPosition,
  type ServerOptions,
} from 'vscode-languageclient/node';

/** More crashes than this within CRASH_WINDOW_MS and the server stays down (it would only crash again). */
const MAX_CRASHES = 5;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts a server that exits unexpectedly and says so once a session, not at each restart. The
 * restarted server gets every open document from the editor again, unsaved edits included: an
 * open document's text never comes from disk, and the server writes no file. Transport errors
 * are handled as vscode-languageclient's default handler does.
 */
class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(private readonly defaultHandler: () => ErrorHandler) {}

  error(error: Error, message: Message | undefined, count: number | undefined): ErrorHandlerResult | Promise<ErrorHandlerResult> {
    return this.defaultHandler().error(error, message, count);
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes[0]! < now - CRASH_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length > MAX_CRASHES) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The Cable language server stopped ${this.crashes.length} times in 3 minutes and will not be restarted. Your edits are untouched; reload the window to start it again. The "Cable Language Server" output has the details.`,
      };
    }
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage(
        'The Cable language server stopped unexpectedly and was restarted. Your edits are untouched. The "Cable Language Server" output has the details.',
      );
    }
    // The message above is the only one: the client only logs this restart.
    return { action: CloseAction.Restart, handled: true };
  }
}

/** What extension.ts asks of the running client. */
export interface CableLanguageClient {
  /** The code lens's command: the server's locations in VS Code's references peek view. */
  showReferences(uri: string, position: LspPosition, locations: LspLocation[]): Promise<void>;
  /** The server's markdown card of a cable, or undefined when the server has none. */
  summary(document: vscode.TextDocument): Promise<string | undefined>;
  /** The server's `cable/query`: the cables found, or the errors of a bad query; undefined when cancelled. */
  query(params: CableQueryParams): Promise<CableQueryAnswer | undefined>;
  /** The server's `cable/citationGraph` with its picture; undefined when the cable is neither in the workspace nor cited. */
  citationGraph(
    of: { id: string } | { document: vscode.TextDocument },
    hops: number,
    timeAxis: boolean,
  ): Promise<CitationGraphAnswer | undefined>;
  /** The index changed (a pass ended, files changed): views that list cables ask again. */
  onIndexChanged(listener: () => void): vscode.Disposable;
  stop(): Promise<void>;
}

export interface CableQueryParams {
  query: string;
  limit?: number;
  groupBy?: 'year' | 'origin' | 'tag';
  group?: string;
  wait?: boolean;
}

export interface CableQueryHit {
  id: string | null;
  uri: string | null;
  subject: string | null;
  date: string | null;
  dateEstimated: boolean;
  classification: string | null;
  origin: string | null;
  tags: string[];
  citedBy: number;
  missing: boolean;
}

export type CableQueryAnswer =
  | { total: number; hits: CableQueryHit[]; groups?: { key: string; count: number }[]; indexing: { ready: boolean; cables: number } }
  | { errors: { message: string; start: number; end: number }[]; help: string };

export interface CitationGraphAnswer {
  centre: string;
  hops: number;
  nodes: { id: string; uri: string | null }[];
  note?: string;
  svg: string;
}

/** `cacheDir`: where the server keeps its workspace index between runs (given as `initializationOptions.cacheDir`). */
export async function startCableLanguageClient(serverModule: string, cacheDir: string): Promise<CableLanguageClient> {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let defaultErrorHandler: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'cable' }],
    // The code lens's command is extension.ts's (the peek view), so the server does not declare it.
    initializationOptions: { cacheDir, showsReferences: true },
    errorHandler: new RestartingErrorHandler(() => (defaultErrorHandler ??= client.createDefaultErrorHandler())),
  };
  const client = new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions);
  await client.start();
  return {
    async showReferences(uri, position, locations) {
      const converter = client.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        converter.asUri(uri),
        converter.asPosition(position),
        locations.map((location) => converter.asLocation(location)),
      );
    },
    async summary(document) {
      const answer = await client.sendRequest<{ markdown: string } | null>('cable/summary', {
        textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
      });
      return answer?.markdown;
    },
    async query(params) {
      return (await client.sendRequest<CableQueryAnswer | null>('cable/query', params)) ?? undefined;
    },
    async citationGraph(of, hops, timeAxis) {
      const target = 'id' in of ? { id: of.id } : { textDocument: { uri: client.code2ProtocolConverter.asUri(of.document.uri) } };
      return (
        (await client.sendRequest<CitationGraphAnswer | null>('cable/citationGraph', { ...target, hops, drawing: { timeAxis } })) ??
        undefined
      );
    },
    onIndexChanged: (listener) => client.onNotification('cable/indexChanged', listener),
    stop: () => client.stop(),
  };
}
