// The extension's client, kept small because Plain Text activates it too (to find `.txt` cables):
// it registers what an LSP client cannot do alone — the references peek view, a cable's summary
// beside it, whose links open the cited cables; importing WikiLeaks pages and cables.csv; the Cables
// view and the citation graph webview — and starts the language server with the first cable, loading the
// LSP client bundle (language-client.ts) only then. All language features live in the server, so
// every editor gets the same behaviour.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CablesView } from './cables-view.ts';
import { registerCitationGraph } from './citation-graph-view.ts';
import type { CableLanguageClient } from './language-client.ts';
import { offerImportOfSources } from './source-offer.ts';
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
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
    });
  }
}

/** Loads the LSP client bundle and starts the server (once). */
function startClient(context: vscode.ExtensionContext): Promise<CableLanguageClient> {
  // A bundle of its own (scripts/build.mjs), required here so that activation does not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, not at activation
  const { startCableLanguageClient } = require('./language-client.js') as typeof import('./language-client.ts');
  // The workspace index's cache: the extension's storage for this workspace (global storage without one), never the workspace.
  const cacheDir = path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'index');
  return startCableLanguageClient(context.asAbsolutePath(path.join('dist', 'server', 'server.js')), cacheDir);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const summaries = new SummaryDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(SUMMARY_SCHEME, summaries),
    vscode.commands.registerCommand('cable.showReferences', async (...args: Parameters<CableLanguageClient['showReferences']>) =>
      (await client)?.showReferences(...args),
    ),
    vscode.commands.registerCommand('cable.showSummary', () => showSummary(summaries)),
    // The import module is a bundle of its own (scripts/build.mjs), loaded when the command first runs.
    vscode.commands.registerCommand('cable.importCables', (first?: vscode.Uri | vscode.Uri[], second?: vscode.Uri | vscode.Uri[]) => {
      // From the Explorer: (the clicked file, the selected files); from a script or the offer: (files, folder).
      const sources = Array.isArray(first) ? first : first ? (Array.isArray(second) ? second : [first]) : undefined;
      const out = Array.isArray(first) && second instanceof vscode.Uri ? second : undefined;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, not at activation
      return (require('./import-cables.js') as typeof import('./import-cables.ts')).importCablesCommand(sources, out);
    }),
  );
  // The Cables view and the graph start the server when they are first shown, before any cable is opened.
  const running = () => (client ??= startClient(context));
  context.subscriptions.push(new CablesView(running), registerCitationGraph(running));
  const isCable = (document: vscode.TextDocument): boolean => document.languageId === 'cable';
  if (vscode.workspace.textDocuments.some(isCable)) {
    await running();
  } else {
    const starter = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isCable(document)) return;
      starter.dispose();
      void running();
    });
    context.subscriptions.push(starter);
  }
  detectTextFileCables(context);
  offerImportOfSources(context);
}

export async function deactivate(): Promise<void> {
  // A client that failed to start has nothing to stop.
  await (await client?.catch(() => undefined))?.stop();
}
