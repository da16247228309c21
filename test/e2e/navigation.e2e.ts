// Finding and moving around cables in VS Code: workspace symbols (Go to Symbol in Workspace),
// document links on REF entries, `REF A` and `para N`, and folding ranges.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { openFixture, waitFor } from './support';

suite('navigation', () => {
  test('workspace symbols: by ID prefix, TAGS code and subject words', async () => {
    await openFixture('09BASRAH2.cable');
    // Files only: untitled drafts of other suites are open documents, and open documents count too.
    const find = async (query: string) =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query))
        .filter((s) => s.location.uri.scheme === 'file')
        .map((s) => s.name.split(' ')[0]);
    assert.deepEqual(await waitFor('09BAS', async () => ((await find('09BAS')).length ? find('09BAS') : undefined)), ['09BASRAH2']);
    assert.deepEqual((await find('06MADRID')).sort(), ['06MADRID2657', '06MADRID3104']);
    assert.deepEqual(await find('pins'), ['09BASRAH2']);
    assert.deepEqual(await find('aziz security'), ['09BASRAH2']);
  });

  test('document links: a REF entry in the workspace links to its file; one outside links nowhere', async () => {
    const document = await openFixture('07MADRID173.cable');
    const links = await waitFor('links on the REF entries', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
      return found.length >= 2 ? found : undefined;
    });
    const described = links.map((l) => `${document.getText(l.range)} -> ${l.target ? path.basename(l.target.path) : '?'}`);
    assert.ok(described.includes('2006 MADRID 3104 -> 06MADRID3104.cable'), described.join('\n'));
    assert.ok(described.includes('2006 MADRID 2657 -> 06MADRID2657.cable'), described.join('\n'));
    assert.ok(!described.some((d) => d.startsWith('2006 MADRID 2374')), 'a cable outside the workspace has no link');
    assert.ok(
      described.some((d) => d.startsWith('REF A') && d.endsWith('07MADRID173.cable')),
      described.join('\n'),
    );
  });

  test('folding: the routing header, the preamble, sections and paragraphs', async () => {
    const document = await openFixture('09BASRAH2.cable');
    const ranges = await waitFor('folding ranges', async () => {
      const found = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
      return found?.length ? found : undefined;
    });
    const firstLines = ranges.map((r) => document.lineAt(r.start).text.slice(0, 20));
    assert.deepEqual(firstLines, ['VZCZCXRO4547', 'C O N F I D E N T I ', 'Security: Election D', 'Iran', '14. (C) Although Azi']);
    assert.equal(ranges[0]!.kind, vscode.FoldingRangeKind.Imports);
  });
});
