// The extension's client: starts the Cable language server over IPC, and adds the two commands
// an LSP client cannot do alone: showing a list of locations in the references peek view, and
// showing a cable's summary beside it. All language features live in the server, so every
// editor gets the same behaviour. A server that crashes is restarted, and the user told once.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { detectTextFileCables } from './text-file-cables.ts';
import type { Location as LspLocation, Position as LspPosition } from 'vscode-languageclient/node';

/** Virtual documents holding summaries, shown in the markdown preview. */
const SUMMARY_SCHEME = 'cable-summary';

let client: LanguageClient | undefined;

/** Summaries by their virtual document's URI. */
class SummaryDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  set(uri: vscode.Uri, markdown: string): void {
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }
}

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
      void vscode.window.showWarningMessage('The Cable language server stopped unexpectedly and was restarted. Your edits are untouched. The "Cable Language Server" output has the details.');
    }
    // The message above is the only one: the client only logs this restart.
    return { action: CloseAction.Restart, handled: true };
  }
}

/** The code lens's command: the server's locations in VS Code's references peek view. */
async function showReferences(uri: string, position: LspPosition, locations: LspLocation[]): Promise<void> {
  if (!client) return;
  const converter = client.protocol2CodeConverter;
  await vscode.commands.executeCommand('editor.action.showReferences', converter.asUri(uri), converter.asPosition(position), locations.map((location) => converter.asLocation(location)));
}

/** "Cable: Show Summary": the server's markdown card of the active cable, in a preview beside it. */
async function showSummary(summaries: SummaryDocuments): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!client || !document || document.languageId !== 'cable') {
    void vscode.window.showInformationMessage('Cable: open a cable to see its summary.');
    return;
  }
  const answer = await client.sendRequest<{ markdown: string } | null>('cable/summary', { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } });
  if (!answer) return;
  const name = path.basename(document.uri.path).replace(/\.[^.]*$/, '');
  const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name} summary.md`, query: document.uri.toString() });
  summaries.set(uri, answer.markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No markdown preview (a trimmed-down editor): the markdown itself, beside the cable.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  let defaultErrorHandler: ErrorHandler | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'cable' }],
    errorHandler: new RestartingErrorHandler(() => (defaultErrorHandler ??= client!.createDefaultErrorHandler())),
  };
  const summaries = new SummaryDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, summaries),
    vscode.commands.registerCommand('cable.showReferences', showReferences),
    vscode.commands.registerCommand('cable.showSummary', () => showSummary(summaries)),
  );
  const languageClient = new LanguageClient('cable', 'Cable Language Server', serverOptions, clientOptions);
  client = languageClient;
  // Plain Text documents activate the extension too (to find `.txt` cables), so the server starts
  // with the first cable rather than with every text file.
  const isCable = (document: vscode.TextDocument): boolean => document.languageId === 'cable';
  if (vscode.workspace.textDocuments.some(isCable)) {
    await languageClient.start();
  } else {
    const starter = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isCable(document)) return;
      starter.dispose();
      void languageClient.start();
    });
    context.subscriptions.push(starter);
  }
  detectTextFileCables(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
