// Who cites this cable, in VS Code: references on the banner through VS Code's own command, the
// "cited by N cables · cites M" lens and its command, and "Cable: Show Summary". The fixtures hold
// a citation chain: 07MADRID173 -> 06MADRID3104 -> 06MADRID2657 (and 07MADRID173 -> 06MADRID2657).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './support';

const fileOf = (uri: vscode.Uri) => path.basename(uri.fsPath);

suite('citations', () => {
  test('references on the banner: the REF entries of the cables that cite it', async () => {
    const document = await openFixture('06MADRID2657.cable');
    const banner = document.positionAt(document.getText().indexOf('C O N F I D E N T I A L') + 3);
    const locations = await waitFor('references from both citing cables', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, banner);
      return found.length >= 2 ? found : undefined;
    });
    const cited = await Promise.all(
      locations
        .filter((l) => fileOf(l.uri) !== '06MADRID2657.cable')
        .map(async (l) => `${fileOf(l.uri)}: ${(await vscode.workspace.openTextDocument(l.uri)).getText(l.range)}`),
    );
    assert.deepEqual(cited.sort(), ['06MADRID3104.cable: MADRID 02657', '07MADRID173.cable: 2006 MADRID 2657']);
  });

  test('the code lens above the banner counts them, and its command lists them', async () => {
    const document = await openFixture('06MADRID2657.cable');
    const lenses = await waitFor('the citation lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.some((lens) => lens.command?.title.startsWith('cited by 2 cables')) ? found : undefined;
    });
    const lens = lenses.find((l) => l.command?.title.startsWith('cited by'))!;
    assert.equal(lens.command!.title, 'cited by 2 cables · cites 3');
    assert.equal(lens.range.start.line, document.positionAt(document.getText().indexOf('C O N F I D E N T I A L')).line);
    assert.equal(lens.command!.command, 'cable.showReferences');
    // The client's command opens the references peek view with the server's locations.
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
  });

  test('Cable: Show Summary opens the cable’s card beside it', async () => {
    await openFixture('06MADRID2657.cable');
    await vscode.commands.executeCommand('cable.showSummary');
    const summary = await waitFor('the summary document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'cable-summary' && d.uri.path.includes('06MADRID2657')),
    );
    const text = summary.getText();
    assert.match(text, /^# 06MADRID2657/);
    assert.match(text, /- `PHUM` — subject: /);
    assert.match(text, /## Cited by 2 cables in the workspace/);
    assert.match(text, /\[06MADRID3104\]/);
    assert.match(text, /\[07MADRID173\]/);
  });
});
