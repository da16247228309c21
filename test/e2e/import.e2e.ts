// "Cable: Import Cables…" in VS Code: a WikiLeaks page and a cables.csv file (test/fixtures/sources)
// imported into a folder of the workspace become cables that every feature reads; go to definition
// leads from the REF of one imported row (85BEIRUT1013, `REF: BEIRUT 992`) to another (85BEIRUT992).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { fixtureUri, waitFor } from './support';

suite('import', () => {
  const folder = fixtureUri('').fsPath;
  const sources = path.join(folder, '..', 'sources');
  // Made when the suite runs, not when mocha reads it: a run that skips the suite leaves no folder.
  let out = '';
  suiteSetup(() => {
    out = mkdtempSync(path.join(folder, 'imported-'));
  });
  suiteTeardown(() => rmSync(out, { recursive: true, force: true }));

  test('imports a page and a CSV, and go to definition works between the imported cables', async () => {
    const summary = await vscode.commands.executeCommand<{ written: number; conflicts: unknown[]; problems: unknown[] }>(
      'cable.importCables',
      [vscode.Uri.file(path.join(sources, '08BRASILIA93.html')), vscode.Uri.file(path.join(sources, 'cables.csv'))],
      vscode.Uri.file(out),
    );
    assert.deepEqual([summary.written, summary.conflicts.length, summary.problems.length], [3, 0, 0]);
    for (const id of ['08BRASILIA93', '85BEIRUT992', '85BEIRUT1013']) assert.ok(existsSync(path.join(out, `${id}.txt`)), id);

    const page = await vscode.workspace.openTextDocument(path.join(out, '08BRASILIA93.txt'));
    await vscode.window.showTextDocument(page);
    await waitFor('the imported page to open as a cable', () => page.languageId === 'cable');

    const citing = await vscode.workspace.openTextDocument(path.join(out, '85BEIRUT1013.txt'));
    await vscode.window.showTextDocument(citing);
    await waitFor('the imported row to open as a cable', () => citing.languageId === 'cable');
    const at = citing.getText().indexOf('BEIRUT 992');
    assert.ok(at > 0);
    const targets = await waitFor('a definition for REF BEIRUT 992', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
        'vscode.executeDefinitionProvider',
        citing.uri,
        citing.positionAt(at + 3),
      );
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      targets.map((target) => path.basename(('targetUri' in target ? target.targetUri : target.uri).fsPath)),
      ['85BEIRUT992.txt'],
    );
  });
});
