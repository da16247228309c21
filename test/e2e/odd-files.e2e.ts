// Odd files in the e2e workspace (test/fixtures/e2e/odd): an empty cable, binary bytes named
// .cable, a Latin-1 and a UTF-16 cable, a folder named folder.cable holding a cable, a symbolic
// link to itself. The index reads the cables among them whatever their encoding, and each file
// an editor can open gets an answer: no crash, no hang.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, waitFor } from './support';

/** Workspace symbols of files (open untitled drafts of other suites count too), by ID. */
async function findCables(query: string): Promise<string[]> {
  const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query);
  return symbols.filter((s) => s.location.uri.scheme === 'file').map((s) => s.name.split(' ')[0]!);
}

async function outlineOf(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  return (
    (await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri)) ?? []
  );
}

suite('odd files', () => {
  test('the index reads the Latin-1 and UTF-16 cables and the cable inside a folder named .cable', async () => {
    await openFixture('09BASRAH2.cable');
    assert.deepEqual(
      await waitFor('72TEHRAN1164 among the workspace symbols', async () =>
        (await findCables('72TEHRAN')).length ? findCables('72TEHRAN') : undefined,
      ),
      ['72TEHRAN1164'],
    );
    assert.deepEqual(await findCables('09STATE'), ['09STATE34688']);
    assert.deepEqual(await findCables('09TRIPOLI'), ['09TRIPOLI65']);
  });

  test('the UTF-16 cable opens as text and gets its outline', async () => {
    const document = await openFixture('odd/72TEHRAN1164-utf16.cable');
    assert.equal(document.languageId, 'cable');
    assert.match(document.getText(), /TEHRAN/);
    await waitFor('the outline of the UTF-16 cable', async () => (await outlineOf(document)).length > 0);
  });

  test('the Latin-1 cable opens and gets its outline, whatever the editor decoded', async () => {
    const document = await openFixture('odd/09STATE34688-latin1.cable');
    await waitFor('the outline of the Latin-1 cable', async () => (await outlineOf(document)).length > 0);
  });

  test('an empty cable: an empty outline and a diagnostic saying there is no banner', async () => {
    const document = await openFixture('odd/empty.cable');
    const codes = await waitFor('the diagnostics of the empty cable', () => {
      const found = vscode.languages.getDiagnostics(document.uri).map((d) => (typeof d.code === 'object' ? d.code.value : d.code));
      return found.length ? found : undefined;
    });
    assert.deepEqual(codes, ['no-banner']);
    assert.deepEqual(await outlineOf(document), []);
  });

  test('binary bytes named .cable: the editor may refuse them; opened or not, the server still answers', async () => {
    try {
      const document = await vscode.workspace.openTextDocument(fixtureUri('odd/binary.cable'));
      await vscode.window.showTextDocument(document);
      await outlineOf(document);
    } catch {
      // VS Code does not open a binary file as text: nothing reaches the server.
    }
    const seed = await openFixture('09BASRAH2.cable');
    await waitFor('the seed’s outline after the binary file', async () => (await outlineOf(seed)).length > 0);
  });
});
