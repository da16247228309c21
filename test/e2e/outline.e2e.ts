// Outline (document symbols) through VS Code's own command, as the Outline view and breadcrumbs ask.
import * as assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './support';

async function symbolsOf(fileName: string): Promise<vscode.DocumentSymbol[]> {
  const document = await openFixture(fileName);
  return waitFor(`the outline of ${fileName}`, async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    return symbols && symbols.length > 0 ? symbols : undefined;
  });
}

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

suite('outline', () => {
  test('the seed: routing header, subject, REF list, then the body under its headings', async () => {
    const symbols = await symbolsOf('09BASRAH2.cable');
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      [
        'Routing header',
        'Subject: MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY BUT ACKNOWLEDGES SOME VIOLENCE…',
        'REF',
        '1. (C) Summary: Meeting with the REO Director…',
        'Security: Election Day and Beyond',
        'Iran',
      ],
    );
    assert.deepEqual(
      symbols[0]!.children.map((child) => child.name),
      ['FM', 'TO', 'INFO'],
    );
  });

  test('paragraphs carry their true number and marking, selected on the number the cable writes', async () => {
    const document = await openFixture('09BASRAH2.cable');
    const paragraphs = flatten(await symbolsOf('09BASRAH2.cable')).filter((symbol) => symbol.kind === vscode.SymbolKind.Number);
    assert.equal(paragraphs.length, 5);
    assert.equal(paragraphs[1]!.name, '2. (C) During his January 14 meeting with the…');
    assert.deepEqual(
      paragraphs.map((paragraph) => document.getText(paragraph.selectionRange)),
      ['11.', '12.', '13.', '14.', '15.'],
    );
  });

  test('a plain Cablegate cable: one REF child per entry', async () => {
    const ref = flatten(await symbolsOf('07MADRID173.cable')).find((symbol) => symbol.name === 'REF');
    assert.ok(ref, 'no REF symbol in 07MADRID173');
    assert.deepEqual(
      ref.children.map((child) => child.detail),
      ['06MADRID3104', '06MADRID2657', '06MADRID2374', '06MADRID1799'],
    );
  });
});
