// Go to definition through VS Code's own command (F12): a REF entry leads to the cited cable when
// it is in the workspace. The fixtures hold a citation chain: 07MADRID173 -> 06MADRID3104 -> 06MADRID2657.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './support';

/** The files the definition at the `offset`-th character of `needle` leads to. */
async function definitionFiles(fileName: string, needle: string, offset: number): Promise<string[]> {
  const document = await openFixture(fileName);
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${fileName}`);
  const found = await waitFor(`a definition for ${needle}`, async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      document.positionAt(at + offset),
    );
    return definitions.length > 0 ? definitions : undefined;
  });
  return found.map((definition) => path.basename(('targetUri' in definition ? definition.targetUri : definition.uri).fsPath));
}

suite('definition', () => {
  test('a REF entry with its year leads to the cited cable', async () => {
    assert.deepEqual(await definitionFiles('07MADRID173.cable', 'A. 2006 MADRID 3104', 5), ['06MADRID3104.cable']);
  });

  test('a REF entry without a year takes the citing cable’s year', async () => {
    assert.deepEqual(await definitionFiles('06MADRID3104.cable', 'A. MADRID 02657', 5), ['06MADRID2657.cable']);
  });

  test('a cable that is not in the workspace leads nowhere', async () => {
    const document = await openFixture('09BASRAH2.cable');
    // Wait until the index knows the workspace (a known citation resolves), then ask for the unknown one.
    await definitionFiles('07MADRID173.cable', 'A. 2006 MADRID 3104', 5);
    const at = document.getText().indexOf('2008 BAGHDAD 3475');
    const definitions = await vscode.commands.executeCommand<unknown[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      document.positionAt(at + 5),
    );
    assert.deepEqual(definitions, []);
  });
});
