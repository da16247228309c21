// The layer check (scripts/check-layers.mjs) on the repository and on planted crossings.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const SCRIPT = join(root, 'scripts', 'check-layers.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'cable-layers-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function check(dir = root) {
  const result = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

/** A tree of the given files (path → text) under a fresh folder. */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('layer check', () => {
  it('the repository: every import goes down the layers', () => {
    assert.deepEqual(check(), { status: 0, output: 'layer check: every import goes down the layers\n' });
  });

  it('downward imports pass; each wrong way is named, with what the layer may import', () => {
    const ok = tree({
      'server/src/model/parse.ts': "import { lookupTag } from '../data/reference.ts';\n",
      'server/src/service/language-service.ts':
        "import type { X } from '../features/hover.ts';\nimport { Y } from '../workspace/index.ts';\n",
      'server/src/node/node-host.ts': "import type { Host } from '../service/host.ts';\n",
      'server/src/lsp/server.ts':
        "import packageJson from '../../../package.json';\nimport { createNodeHost } from '../node/node-host.ts';\n",
    });
    assert.equal(check(ok).status, 0, check(ok).output);
    const planted = tree({
      'server/src/model/parse.ts': "import type { ClientSupport } from '../lsp/client-configuration.ts';\n",
      'server/src/workspace/index.ts': "export { x } from '../features/hover.ts';\n",
      'server/src/node/node-host.ts': "import { createCableLanguageService } from '../service/language-service.ts';\n",
      'server/src/service/language-service.ts': "const host = require('../node/node-host.ts');\n",
      'client/src/extension.ts': "import { parseCable } from '../../server/src/model/cable-model.ts';\n",
    });
    const { status, output } = check(planted);
    assert.equal(status, 1);
    for (const line of [
      'server/src/model/parse.ts: model imports server/src/lsp/client-configuration.ts (lsp); model may import data',
      'server/src/workspace/index.ts: workspace imports server/src/features/hover.ts (features); workspace may import model, data',
      'server/src/node/node-host.ts: node imports server/src/service/language-service.ts (service); node may import workspace, sources, model, data, service/host.ts',
      'server/src/service/language-service.ts: service imports server/src/node/node-host.ts (node)',
      'client/src/extension.ts: client imports server/src/model/cable-model.ts (model); client may import no other layer',
    ]) {
      assert.ok(output.includes(line), `${line}\n---\n${output}`);
    }
    assert.match(output, /5 imports cross the layers the wrong way/);
  });
});
