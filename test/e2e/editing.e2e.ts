// The rest of the features beyond the card, in VS Code: the renumbering quick fix, REF completion
// of workspace cables, references of a REF entry from `REF A`, semantic tokens for a REF entry
// outside the workspace and an unknown TAGS code, the lens and link switches applied without a
// restart, and `cable check` run as a task whose output the manifest's `$cable` problem matcher
// turns into problems.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { diagnosticCodes, draftFromSeed, fixtureUri, openFixture, waitFor } from './support';

/** The text with `from` replaced by `to`, failing when the seed no longer holds `from`. */
function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `${JSON.stringify(from)} is not in the seed`);
  return text.replace(from, to);
}

/** Semantic tokens as `text: type.modifier`, by the legend VS Code got from the server. */
async function decodedTokens(document: vscode.TextDocument): Promise<string[]> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
    'vscode.provideDocumentSemanticTokensLegend',
    document.uri,
  );
  const tokens = await waitFor('semantic tokens', async () => {
    const found = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri);
    return found && found.data.length > 0 ? found : undefined;
  });
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    line += tokens.data[i]!;
    character = tokens.data[i] === 0 ? character + tokens.data[i + 1]! : tokens.data[i + 1]!;
    const modifiers = legend.tokenModifiers.filter((_, bit) => tokens.data[i + 4]! & (1 << bit));
    decoded.push(
      `${document.getText(new vscode.Range(line, character, line, character + tokens.data[i + 2]!))}: ${[legend.tokenTypes[tokens.data[i + 3]!], ...modifiers].join('.')}`,
    );
  }
  return decoded;
}

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

suite('editing', () => {
  teardown(async () => {
    while (vscode.window.activeTextEditor?.document.isUntitled)
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  suiteTeardown(async () => {
    const cable = vscode.workspace.getConfiguration('cable');
    await cable.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    await cable.update('documentLinks.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a quick fix renumbers paragraphs that repeat and skip', async () => {
    let seed = '';
    const document = await draftFromSeed((text) => {
      seed = text;
      return replaced(replaced(text, '13. (C) Aziz', '12. (C) Aziz'), '15. (C) Comment', '17. (C) Comment');
    });
    await waitFor(
      'three numbering diagnostics',
      () => diagnosticCodes(document.uri).filter((c) => c === 'paragraph-numbering').length === 3,
    );
    const at = document.positionAt(document.getText().indexOf('12. (C) Aziz'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      new vscode.Range(at, at),
    );
    const renumber = actions.find((a) => a.title === 'Renumber paragraphs 1–5 in order');
    assert.ok(renumber?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    assert.equal(document.getText(), seed);
    await waitFor('the numbering diagnostics to go', () => diagnosticCodes(document.uri).length === 0);
  });

  test('completion in the REF list: workspace cables, written as a REF entry cites them', async () => {
    const document = await draftFromSeed((text) => replaced(text, 'REF: 2008 BAGHDAD 3475', 'REF: A. 06 MADRID 26'));
    const end = document.positionAt(document.getText().indexOf('06 MADRID 26') + '06 MADRID 26'.length);
    const item = await waitFor('06 MADRID 2657 among the completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, end);
      return list.items.find((i) => label(i) === '06 MADRID 2657');
    });
    assert.equal(item.detail, 'SPAIN: UPDATE ON KEY TERRORISM-RELATED CASES');
  });

  test('references from `REF A` in the body: the REF entry and its mentions', async () => {
    const document = await openFixture('07MADRID173.cable');
    const mention = document.positionAt(document.getText().indexOf('(REF A)') + 2);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, mention);
    const found = locations.map((l) => `${l.range.start.line + 1}: ${document.getText(l.range)}`).sort();
    assert.equal(found.length, 2, found.join('; '));
    assert.match(found[0]!, /^102: REF A/);
    assert.match(found[1]!, /^28: A/);
  });

  test('semantic tokens: a REF entry outside the workspace is unresolved; an unknown TAGS code is marked', async () => {
    const madrid = await openFixture('07MADRID173.cable');
    const tokens = await waitFor('tokens of all four REF entries', async () => {
      const found = await decodedTokens(madrid);
      return found.length === 4 ? found : undefined;
    });
    assert.deepEqual(tokens, [
      '2006 MADRID 3104: cableReference',
      '2006 MADRID 2657: cableReference',
      '2006 MADRID 2374: cableReference.unresolved',
      '2006 MADRID 1799: cableReference.unresolved',
    ]);
    const draft = await draftFromSeed((text) => replaced(text, '[IR](#)', '[IR](#) [PXYZ](#)'));
    assert.deepEqual(
      (await decodedTokens(draft)).filter((t) => t.startsWith('PXYZ')),
      ['PXYZ: tagCode.unknown'],
    );
  });

  test('cable.codeLens.enabled and cable.documentLinks.enabled apply without a restart', async () => {
    const document = await openFixture('06MADRID2657.cable');
    const cable = vscode.workspace.getConfiguration('cable');
    const lenses = () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const links = () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    const hasLens = async () => (await lenses()).some((l) => l.command?.title.startsWith('cited by'));
    await waitFor('the citation lens', hasLens);
    await waitFor('links', async () => (await links()).length > 0);
    await cable.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    await cable.update('documentLinks.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('no citation lens', async () => !(await hasLens()));
    await waitFor('no links', async () => (await links()).length === 0);
    await cable.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    await cable.update('documentLinks.enabled', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('the citation lens again', hasLens);
    await waitFor('links again', async () => (await links()).length > 0);
  });

  test('cable check as a task: the $cable problem matcher turns its lines into problems', async () => {
    // The CLI of this build (dist/cli beside dist/test/e2e): the .vsix holds no CLI, the matcher comes from the extension.
    const cli = path.join(__dirname, '..', '..', 'cli', 'cable.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'cable-e2e-check-'));
    try {
      const seed = readFileSync(fixtureUri('09BASRAH2.cable').fsPath, 'utf8');
      const draft = path.join(dir, 'draft.cable');
      writeFileSync(draft, replaced(replaced(seed, '13. (C) Aziz', '13. (S) Aziz'), '[IR](#)', '[IR](#) [PXYZ](#)'));
      const folder = vscode.workspace.workspaceFolders![0]!;
      // The extension host's own executable runs the CLI (Electron's as Node).
      const execution = new vscode.ProcessExecution(process.execPath, [cli, 'check', dir], { env: { ELECTRON_RUN_AS_NODE: '1' } });
      const task = new vscode.Task({ type: 'cable-e2e' }, folder, 'cable check', 'cable', execution, ['$cable']);
      task.presentationOptions = { reveal: vscode.TaskRevealKind.Never };
      const exitCode = new Promise<number | undefined>((resolve) => {
        const listener = vscode.tasks.onDidEndTaskProcess((event) => {
          if (event.execution.task.name !== 'cable check') return;
          listener.dispose();
          resolve(event.exitCode);
        });
      });
      await vscode.tasks.executeTask(task);
      assert.equal(await exitCode, 1, 'an error (a (S) paragraph in a CONFIDENTIAL cable) exits 1');
      const problems = await waitFor('the problems of draft.cable', () => {
        const found = vscode.languages.getDiagnostics(vscode.Uri.file(draft));
        return found.length >= 2 ? found : undefined;
      });
      const described = problems
        .map(
          (d) =>
            `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${typeof d.code === 'object' ? d.code.value : d.code}`,
        )
        .sort();
      assert.deepEqual(described, ['19:54 Warning unknown-tag', '37:5 Error marking-above-banner']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
