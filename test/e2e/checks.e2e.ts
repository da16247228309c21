// Checks and help while writing, in VS Code: diagnostics with codes, a quick fix applied, a
// setting that switches a check off without a restart, completion of TAGS codes and markings,
// and semantic tokens for REF entries. Faulty cables are untitled documents (nothing on disk).
import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticCodes as codes, draftFromSeed as faultyCable, openFixture, waitFor } from './support';

suite('checks', () => {
  teardown(async () => {
    // The untitled drafts go: nothing to save, nothing left open for the next suites.
    while (vscode.window.activeTextEditor?.document.isUntitled)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('cable').update('diagnostics.unknown-tag', undefined, vscode.ConfigurationTarget.Global);
  });

  test('diagnostics with their codes; a quick fix marks the paragraph (U)', async () => {
    const document = await faultyCable((t) => t.replace('[IR](#)', '[IR](#) [PXYZ](#)').replace('12. (C) During', '12. During'));
    await waitFor('two diagnostics', () => codes(document.uri).length === 2);
    assert.deepEqual(codes(document.uri).sort(), ['unknown-tag', 'unmarked-paragraph']);
    const at = document.positionAt(document.getText().indexOf('12. During'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(at, at),
    );
    const fix = actions.find((a) => a.title === 'Mark paragraph 2 (U)');
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.ok(document.getText().includes('12. (U) During'));
    await waitFor('the fixed paragraph’s diagnostic to go', () => codes(document.uri).join() === 'unknown-tag');
  });

  test('cable.diagnostics.unknown-tag = false switches the check off, without a restart', async () => {
    const document = await faultyCable((t) => t.replace('[IR](#)', '[IR](#) [PQRS](#)'));
    await waitFor('the unknown-tag diagnostic', () => codes(document.uri).includes('unknown-tag'));
    await vscode.workspace.getConfiguration('cable').update('diagnostics.unknown-tag', false, vscode.ConfigurationTarget.Global);
    await waitFor('no unknown-tag diagnostic', () => !codes(document.uri).includes('unknown-tag'));
    await vscode.workspace.getConfiguration('cable').update('diagnostics.unknown-tag', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the unknown-tag diagnostic again', () => codes(document.uri).includes('unknown-tag'));
  });

  test('completion: TAGS codes with meanings; the markings the banner allows after a number', async () => {
    const document = await faultyCable((t) => t.replace('[IR](#)', '[IR](#) PG').replace('12. (C) During', '12. During'));
    const afterPg = document.getText().indexOf(' PG') + 3;
    assert.ok(afterPg > 2, `the draft holds its own text: ${document.uri.toString()}`);
    const tags = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      document.positionAt(afterPg),
    );
    const pgov = tags.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'PGOV');
    assert.equal(pgov?.detail, 'Internal Governmental Affairs');
    const markings = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      document.positionAt(document.getText().indexOf('12. During') + 4),
    );
    const labels = markings.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('(C)') && labels.includes('(U)') && !labels.includes('(S)'), labels.join(', '));
  });

  test('semantic tokens: a REF entry found in the workspace', async () => {
    const document = await openFixture('07MADRID173.cable');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      document.uri,
    );
    assert.deepEqual(legend.tokenTypes, ['cableReference', 'tagCode']);
    const tokens = await waitFor('semantic tokens', async () => {
      const found = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
      return found && found.data.length > 0 ? found : undefined;
    });
    // The first token: line, start, length, type 0 (cableReference), no modifier (resolved).
    const at = document.positionAt(document.getText().indexOf('2006 MADRID 3104'));
    assert.deepEqual([...tokens.data.slice(0, 5)], [at.line, at.character, '2006 MADRID 3104'.length, 0, 0]);
  });
});
