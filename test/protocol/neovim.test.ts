// A third-party client: Neovim's built-in LSP client, headless, against the built server over
// stdio (runs when `nvim` is on the PATH, else skips). Checks that the outline, a hover and a
// definition arrive as another editor asks for them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEED_FILE } from '../support/corpus.ts';
import { SERVER_SCRIPT } from '../support/lsp-client.ts';
import { positionOf, SEED_TEXT, WORKSPACE_FIXTURE_DIR } from '../support/service.ts';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const skip = nvim.status === 0 ? false : 'nvim is not on the PATH';

interface Symbol {
  name: string;
  children?: Symbol[];
}

describe('Neovim’s LSP client', { skip }, () => {
  it('gets the outline, the PINS hover and the definition of 2008 BAGHDAD 3475', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cable-nvim-'));
    try {
      const seed = TextDocument.create('file:///seed', 'cable', 1, SEED_TEXT);
      const hover = positionOf(seed, 'PINS', 1);
      const ref = positionOf(seed, '2008 BAGHDAD 3475', 6);
      const out = join(dir, 'answers.json');
      const result = spawnSync('nvim', ['--headless', '-u', 'NONE', '-c', `luafile ${join(__dirname, 'neovim-client.lua')}`], {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          CABLE_SERVER: SERVER_SCRIPT,
          // The server's index cache ($XDG_CACHE_HOME/cable) goes with the test's folder, not into the home directory.
          XDG_CACHE_HOME: dir,
          CABLE_FILE: SEED_FILE,
          CABLE_FOLDERS: [join(SEED_FILE, '..'), WORKSPACE_FIXTURE_DIR].join(':'),
          CABLE_OUT: out,
          CABLE_HOVER_LINE: String(hover.line),
          CABLE_HOVER_CHARACTER: String(hover.character),
          CABLE_REF_LINE: String(ref.line),
          CABLE_REF_CHARACTER: String(ref.character),
        },
      });
      assert.equal(result.status, 0, result.stderr);
      const answers = JSON.parse(readFileSync(out, 'utf8')) as { symbols: Symbol[]; hover: { contents: { value: string } }; definition: { targetUri: string }[] };
      const names = (list: Symbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
      assert.ok(names(answers.symbols).includes('5. (C) Comment: Aziz is judged as very…'), names(answers.symbols).join(' | '));
      assert.match(answers.hover.contents.value, /National Security/);
      assert.deepEqual(answers.definition.map((d) => d.targetUri), [pathToFileURL(join(WORKSPACE_FIXTURE_DIR, '08BAGHDAD3475.cable')).href]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
