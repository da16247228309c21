// A language server killed under the editor: the client starts a new one, which gets the open
// cable with its unsaved edit from the editor, and the edit stays unsaved. The server is found
// with serverProcesses (Linux /proc; skipped elsewhere).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { draftFromSeed, serverProcesses, waitFor } from './support';

async function outlineNames(document: vscode.TextDocument): Promise<string[]> {
  const symbols =
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
  const flatten = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((symbol) => [symbol.name, ...flatten(symbol.children)]);
  return flatten(symbols);
}

/** The one Cable server this extension host runs. */
async function runningServer(): Promise<number> {
  const [server] = await waitFor('the running Cable server', () => serverProcesses().length === 1 && serverProcesses());
  return server!;
}

/** The server the client starts after `server` died. */
function restartedAfter(server: number): Promise<number> {
  return waitFor('a new Cable server', () => {
    const running = serverProcesses();
    return running.length === 1 && running[0] !== server && running[0];
  });
}

suite('a crashed language server', () => {
  test('is started again and gets the unsaved edit from the editor', async function () {
    if (!existsSync('/proc/self/stat')) this.skip();
    // An untitled draft: VS Code on the web saves a file's edits by itself (files.autoSave), a
    // draft only when asked. The new paragraph exists nowhere but in the editor.
    const marker = '16. (C) An unsaved paragraph typed before the crash.';
    const document = await draftFromSeed((seed) => `${seed}\n\n${marker}\n`);
    const server = await runningServer();
    // The seed is in the markdown rendering, whose `16.` is paragraph 6 with its pilcrow lost.
    const hasMarker = async () => (await outlineNames(document)).some((name) => name.startsWith('6. (C) An unsaved paragraph typed'));
    await waitFor('the unsaved paragraph in the outline', hasMarker);
    try {
      process.kill(server, 'SIGKILL');
      const restarted = await restartedAfter(server);
      // The new server answers from the editor's text: the paragraph is in its outline.
      await waitFor(
        "the unsaved paragraph in the new server's outline",
        async () => serverProcesses().includes(restarted) && (await hasMarker()),
      );
      assert.ok(document.isUntitled && document.isDirty, 'the draft is still an unsaved draft');
      assert.ok(document.getText().includes(marker));
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('is started again when the editor was sending it messages as it died', async function () {
    if (!existsSync('/proc/self/stat')) this.skip();
    // Each message to a dead server fails; vscode-languageclient's default policy shuts the client
    // down for good after three such failures, so failures seen before the close is handled could
    // keep the server from being restarted.
    const document = await draftFromSeed((seed) => `${seed}\n`);
    const server = await runningServer();
    try {
      process.kill(server, 'SIGKILL');
      // Requests sent at once, before the client hears of the close.
      for (let i = 0; i < 30; i++) {
        void vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri).then(undefined, () => undefined);
        void vscode.commands
          .executeCommand('vscode.executeHoverProvider', document.uri, new vscode.Position(i, 0))
          .then(undefined, () => undefined);
      }
      await restartedAfter(server);
      await waitFor('an outline from the new server', async () => (await outlineNames(document)).length > 0);
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
