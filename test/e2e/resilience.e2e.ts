// A language server killed under the editor: the client starts a new one, which gets the open
// cable with its unsaved edit from the editor; the edit stays unsaved and the file on disk as it
// was. The server is found as the child process of this extension host running
// dist/server/server.js (Linux /proc; skipped elsewhere).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './support';

const SERVER_SCRIPT = path.join('dist', 'server', 'server.js');

/** Processes started by this extension host running the Cable server. */
function serverProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // After `pid (command) state`, the parent's pid comes first.
        const parent = Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
        const commandLine = readFileSync(`/proc/${name}/cmdline`, 'utf8');
        return parent === process.pid && commandLine.includes(SERVER_SCRIPT) ? [Number(name)] : [];
      } catch {
        return []; // The process ended while listed.
      }
    });
}

async function outlineNames(document: vscode.TextDocument): Promise<string[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)) ?? [];
  const flatten = (list: vscode.DocumentSymbol[]): string[] => list.flatMap((symbol) => [symbol.name, ...flatten(symbol.children)]);
  return flatten(symbols);
}

suite('a crashed language server', () => {
  test('is started again, gets the unsaved edit, and nothing is saved', async function () {
    if (!existsSync('/proc/self/stat')) this.skip();
    const document = await openFixture('06MADRID3104.cable');
    const onDisk = readFileSync(document.uri.fsPath, 'utf8');
    const [server] = await waitFor('the running Cable server', () => serverProcesses().length === 1 && serverProcesses());
    await waitFor('the outline', async () => (await outlineNames(document)).length > 0);

    const editor = await vscode.window.showTextDocument(document);
    const marker = '9. (C) An unsaved paragraph typed before the crash.';
    assert.ok(await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), `\n${marker}\n`)));
    try {
      process.kill(server!, 'SIGKILL');
      const restarted = await waitFor('a new Cable server', () => {
        const running = serverProcesses();
        return running.length === 1 && running[0] !== server && running[0];
      });
      // The new server answers from the editor's text: the unsaved paragraph is in its outline.
      await waitFor('the unsaved paragraph in the new server\'s outline', async () => (await outlineNames(document)).some((name) => name.startsWith('9. (C) An unsaved paragraph')));
      assert.ok(serverProcesses().includes(restarted), 'the new server is still running');
      assert.ok(document.isDirty, 'the edit is still unsaved');
      assert.ok(document.getText().includes(marker));
      assert.equal(readFileSync(document.uri.fsPath, 'utf8'), onDisk, 'the file on disk is untouched');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(document.isDirty, false);
  });
});
