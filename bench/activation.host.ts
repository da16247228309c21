// Runs inside VS Code's extension host as the `extensionTestsPath` entry of bench/activation.mjs:
// opens a cable, times the first non-empty outline (documentSymbol) from the language server,
// then opens Developer: Show Running Extensions, whose activation time the runner reads from the
// page. One report line goes through the workbench log.
import * as vscode from 'vscode';

const EXTENSION_ID = 'cable-tools.cable';
const REPORT_MARK = 'cable-activation ';
/** How long the Running Extensions editor stays up for the runner to read. */
const READ_TIME_MS = 5_000;

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  // Plain Text activates the extension too, so it may be active before any cable is open.
  const activeBefore = extension.isActive;
  const [uri] = await vscode.workspace.findFiles('*.cable', undefined, 1);
  if (!uri) throw new Error('no .cable file in the workspace folder');
  const started = performance.now();
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await extension.activate();
  const activatedMs = performance.now() - started;
  for (;;) {
    const symbols = await vscode.commands.executeCommand<unknown[] | undefined>('vscode.executeDocumentSymbolProvider', uri);
    if (symbols && symbols.length > 0) break;
    if (performance.now() - started > 60_000) throw new Error('no document symbols within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const firstOutlineMs = performance.now() - started;
  await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
  console.log(REPORT_MARK + JSON.stringify({ activeBefore, activatedMs, firstOutlineMs, file: uri.path.replace(/^.*\//, '') }));
  await new Promise((resolve) => setTimeout(resolve, READ_TIME_MS));
}
