// The README's configurations for other editors are the files of editors/ that the real-editor
// tests load: each quoted whole, so neither can change without the other.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const FENCES: Record<string, string> = { lua: 'lua', el: 'elisp' };

describe('the README’s editor configurations', () => {
  for (const editor of readdirSync(join(root, 'editors'))) {
    for (const name of readdirSync(join(root, 'editors', editor))) {
      it(`quotes editors/${editor}/${name} whole`, () => {
        const text = readFileSync(join(root, 'editors', editor, name), 'utf8');
        const fence = FENCES[name.slice(name.lastIndexOf('.') + 1)];
        assert.ok(fence, `no fence for ${name}`);
        assert.ok(readme.includes(`\`editors/${editor}/${name}\``), `README.md does not name editors/${editor}/${name}`);
        assert.ok(readme.includes(`\`\`\`${fence}\n${text}\`\`\`\n`), `README.md should quote editors/${editor}/${name} as it is`);
      });
    }
  }
});
