// The extension's client, kept small because Plain Text activates it too (to find `.txt` cables):
// it registers the two commands an LSP client cannot do alone — the references peek view and a
// cable's summary beside it, whose links open the cited cables — and starts the language server with the first cable, loading the
// LSP client bundle (language-client.ts) only then. All language features live in the server, so
// every editor gets the same behaviour.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CableLanguageClient } from './language-client.ts';
import { detectTextFileCables } from './text-file-cables.ts';

/** Virtual documents holding summaries, shown in the markdown preview. */
const SUMMARY_SCHEME = 'cable-summary';

/** The running client, once a cable has been opened. */
let client: Promise<CableLanguageClient> | undefined;

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

/**
 * The summary's links to cited cables, as links the markdown preview follows. It renders no
 * `file:` link, runs no `command:` link, and in a browser (code-server) opens none of this
 * editor's own URIs; it resolves a link that starts with `/` against the first workspace folder
 * when the previewed document (the summary, a virtual document) is in none. So a cable's link is
 * its path from there. Without a folder of the link's scheme the link stays as the server wrote it.
 */
function followableLinks(markdown: string): string {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  return markdown.replace(/\]\((file:[^()\s]*)\)/g, (link, target: string) => {
    const uri = vscode.Uri.parse(target, true);
    if (!root || root.scheme !== uri.scheme || root.authority !== uri.authority) return link;
    const fromRoot = path.posix.relative(root.path, uri.path).split('/').map(encodeURIComponent).join('/');
    return `](/${fromRoot})`;
  });
}

/** "Cable: Show Summary": the server's markdown card of the active cable, in a preview beside it. */
async function showSummary(summaries: SummaryDocuments): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (!client || !document || document.languageId !== 'cable') {
    void vscode.window.showInformationMessage('Cable: open a cable to see its summary.');
    return;
  }
  const markdown = await (await client).summary(document);
  if (markdown === undefined) return;
  const name = path.basename(document.uri.path).replace(/\.[^.]*$/, '');
  const uri = vscode.Uri.from({ scheme: SUMMARY_SCHEME, path: `/${name} summary.md`, query: document.uri.toString() });
  summaries.set(uri, followableLinks(markdown));
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    // No markdown preview (a trimmed-down editor): the markdown itself, beside the cable.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

/** Loads the LSP client bundle and starts the server (once). */
function startClient(context: vscode.ExtensionContext): Promise<CableLanguageClient> {
  // A bundle of its own (scripts/build.mjs), required here so that activation does not load it.
  const { startCableLanguageClient } = require('./language-client.js') as typeof import('./language-client.ts');
  return startCableLanguageClient(context.asAbsolutePath(path.join('dist', 'server', 'server.js')));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const summaries = new SummaryDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, summaries),
    vscode.commands.registerCommand('cable.showReferences', async (...args: Parameters<CableLanguageClient['showReferences']>) => (await client)?.showReferences(...args)),
    vscode.commands.registerCommand('cable.showSummary', () => showSummary(summaries)),
  );
  const isCable = (document: vscode.TextDocument): boolean => document.languageId === 'cable';
  if (vscode.workspace.textDocuments.some(isCable)) {
    client = startClient(context);
    await client;
  } else {
    const starter = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isCable(document)) return;
      starter.dispose();
      client = startClient(context);
    });
    context.subscriptions.push(starter);
  }
  detectTextFileCables(context);
}

export async function deactivate(): Promise<void> {
  // A client that failed to start has nothing to stop.
  await (await client?.catch(() => undefined))?.stop();
}
