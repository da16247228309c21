// Hover through VS Code's own command, as the editor asks when the mouse rests on a word.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './support';

/** The hover text at the `offset`-th character of the first `needle` in the document. */
async function hoverAt(document: vscode.TextDocument, needle: string, offset: number): Promise<{ text: string; range: string }> {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${document.fileName}`);
  const position = document.positionAt(at + offset);
  const hovers = await waitFor(`a hover on ${needle}`, async () => {
    const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
    return found.length > 0 ? found : undefined;
  });
  const text = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
  const range = hovers[0]!.range;
  return { text, range: range ? document.getText(range) : '' };
}

suite('hover', () => {
  test('a TAGS code shows its meaning and kind, over the code only', async () => {
    const document = await openFixture('09BASRAH2.cable');
    const { text, range } = await hoverAt(document, '[PINS]', 2);
    assert.equal(range, 'PINS');
    assert.match(text, /PINS\*\* — subject tag .*National Security/);
  });

  test('a routing indicator names its station', async () => {
    const document = await openFixture('09BASRAH2.cable');
    assert.match((await hoverAt(document, 'DE RUEHBC', 4)).text, /routing indicator of REO BASRAH/);
  });

  test('a portion marking gives its level', async () => {
    const document = await openFixture('07MADRID173.cable');
    const { text, range } = await hoverAt(document, '(C) Summary', 1);
    assert.equal(range, '(C)');
    assert.match(text, /level: CONFIDENTIAL/);
  });
});
