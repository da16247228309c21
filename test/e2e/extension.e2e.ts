// The extension as VS Code loads it: registration, activation on a cable, the language server handshake.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { cableExtension, expectedExtensionRoot, openFixture, serverProcesses, waitFor } from './support';

// Read when mocha loads this file, before any test of any file has opened a cable. Plain Text
// activates the extension too (it looks for `.txt` cables), so it may be active by now; its
// language server must not be running.
const canSeeProcesses = existsSync('/proc/self/stat');
const serversBeforeAnyCable = canSeeProcesses ? serverProcesses() : [];

suite('extension (smoke)', () => {
  test('is loaded from the folder the runner installed it to', () => {
    const expected = expectedExtensionRoot();
    const actual = path.resolve(cableExtension().extensionPath);
    if (expected)
      assert.ok(actual === expected || actual.startsWith(expected + path.sep), `loaded from ${actual}, expected under ${expected}`);
    assert.equal(cableExtension().packageJSON.name, 'cable');
  });

  test('starts no language server until a cable is opened', function () {
    if (!canSeeProcesses) this.skip();
    assert.deepEqual(serversBeforeAnyCable, []);
  });

  test('the cable language is registered', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes('cable'), `cable missing from ${languages.length} languages`);
  });

  test('every file the manifest names is in the extension', () => {
    const extension = cableExtension();
    const manifest = extension.packageJSON;
    const named: string[] = [
      manifest.main,
      manifest.icon,
      // The client loads the LSP client bundle with the first cable, which starts the server's bundle.
      'dist/client/language-client.js',
      'dist/server/server.js',
      ...manifest.contributes.languages.map((language: { configuration: string }) => language.configuration),
      ...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path),
    ];
    const missing = named.filter((file) => !existsSync(path.join(extension.extensionPath, file)));
    assert.deepEqual(missing, [], `missing from ${extension.extensionPath}`);
  });

  test('the grammar the manifest contributes is in the extension, for text.cable', () => {
    const extension = cableExtension();
    const grammars: { language: string; scopeName: string; path: string }[] = extension.packageJSON.contributes.grammars;
    assert.deepEqual(
      grammars.map((grammar) => [grammar.language, grammar.scopeName]),
      [['cable', 'text.cable']],
    );
    const grammar = JSON.parse(readFileSync(path.join(extension.extensionPath, grammars[0]!.path), 'utf8'));
    assert.equal(grammar.scopeName, 'text.cable');
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, 'the grammar has no patterns');
  });

  test('a .cable file opens in the cable language', async () => {
    const document = await openFixture('09BASRAH2.cable');
    assert.equal(document.languageId, 'cable');
    assert.match(document.getText(), /^TAGS: /m);
  });

  test('opening a cable activates the extension and its language server answers', async () => {
    await openFixture('07MADRID173.cable');
    const extension = cableExtension();
    await waitFor('the extension to activate', () => extension.isActive);
    // activate() settles after the client's initialize handshake with the server; it rejects if the server fails.
    await extension.activate();
  });
});

suite('.txt cables', () => {
  /** The language of the open document at `uri`: VS Code replaces a document when its language changes. */
  const languageOf = (uri: vscode.Uri) =>
    vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString())?.languageId;

  test('a Cablegate .txt download opens as a cable; a text file that is not one stays Plain Text', async () => {
    const notes = await openFixture('text-files/reading-list.txt');
    const cable = await openFixture('text-files/10BERLIN180.txt');
    await waitFor('10BERLIN180.txt to become a cable', () => languageOf(cable.uri) === 'cable');
    // Documents are looked at in the order they open: the reading list's turn has passed.
    assert.equal(languageOf(notes.uri), 'plaintext');
    const symbols = await waitFor('the outline of the .txt cable', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', cable.uri);
      return found?.length ? found : undefined;
    });
    assert.ok(
      symbols.some((symbol) => /^1\. \(C\)/.test(symbol.name) || symbol.children.some((child) => /^1\. \(C\)/.test(child.name))),
      symbols.map((symbol) => symbol.name).join(' | '),
    );
  });

  test('a .txt cable the user sets back to Plain Text stays Plain Text', async () => {
    const cable = await openFixture('text-files/09DOHA214.txt');
    await waitFor('09DOHA214.txt to become a cable', () => languageOf(cable.uri) === 'cable');
    await vscode.languages.setTextDocumentLanguage(
      vscode.workspace.textDocuments.find((document) => document.uri.toString() === cable.uri.toString())!,
      'plaintext',
    );
    // Documents are looked at in the order they open: once a .txt cable opened after the switch is
    // a cable, any change the client made to 09DOHA214.txt would have been made too.
    const later = await openFixture('text-files/06VIENNA515.txt');
    await waitFor('06VIENNA515.txt to become a cable', () => languageOf(later.uri) === 'cable');
    assert.equal(languageOf(cable.uri), 'plaintext');
  });
});
