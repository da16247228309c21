// What `npm run package` puts in the .vsix, read with `vsce ls` (the list vsce packages from):
// only what VS Code loads, never sources, tests, source maps, tools or node_modules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const vsce = join(root, 'node_modules', '.bin', 'vsce');

/** Every path the .vsix may hold. */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^images\/icon\.png$/,
  /^language-configuration\.json$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^dist\/client\/extension\.js$/,
  /^dist\/client\/language-client\.js$/,
  /^dist\/client\/import-cables\.js$/,
  /^dist\/server\/server\.js$/,
  /^dist\/server\/index-worker\.js$/,
];

/** The files the manifest points VS Code at, as paths relative to the extension root. */
function filesTheManifestNames(): string[] {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return [
    manifest.main,
    manifest.icon,
    ...manifest.contributes.languages.map((language: { configuration: string }) => language.configuration),
    ...manifest.contributes.grammars.map((grammar: { path: string }) => grammar.path),
  ].map((file: string) => file.replace(/^\.\//, ''));
}

function packagedFiles(): string[] {
  const result = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, `vsce ls failed: ${result.stderr}`);
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .sort();
}

describe('the .vsix contents (vsce ls)', () => {
  it('holds only the manifest, bundles, grammar, configuration, icon and documents', (t) => {
    if (!existsSync(join(root, 'dist', 'client', 'extension.js'))) return t.skip('dist/ is not built: run `npm run build`');
    const files = packagedFiles();
    const unexpected = files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)));
    assert.deepEqual(unexpected, [], `files that should not be packaged: ${unexpected.join(', ')}`);
    for (const needed of [
      'package.json',
      'dist/client/language-client.js',
      'dist/client/import-cables.js',
      'dist/server/server.js',
      'dist/server/index-worker.js',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      ...filesTheManifestNames(),
    ]) {
      assert.ok(files.includes(needed), `${needed} is not packaged; packaged: ${files.join(', ')}`);
    }
  });
});
