// The extension as VS Code loads it: registration, activation on a cable, the language server handshake.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, cableExtension, expectedExtensionRoot, openFixture, waitFor } from './support';

// Read when mocha loads this file, before any test of any file has opened a cable.
const activeBeforeAnyCable = vscode.extensions.getExtension(EXTENSION_ID)?.isActive;

suite('extension (smoke)', () => {
  test('is loaded from the folder the runner installed it to', () => {
    const expected = expectedExtensionRoot();
    const actual = path.resolve(cableExtension().extensionPath);
    if (expected) assert.ok(actual === expected || actual.startsWith(expected + path.sep), `loaded from ${actual}, expected under ${expected}`);
    assert.equal(cableExtension().packageJSON.name, 'cable');
  });

  test('stays inactive until a cable is opened', () => {
    assert.equal(activeBeforeAnyCable, false);
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
      // The client starts the server from this bundle (client/src/extension.ts).
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
    assert.deepEqual(grammars.map((grammar) => [grammar.language, grammar.scopeName]), [['cable', 'text.cable']]);
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
