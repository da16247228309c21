// The index cache's rows: every field of a cable's summary comes back as it was saved, from real
// cables of both eras (the PlusD ones carry a document number, a second ID to be found by).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createIndexCache } from '../../server/src/node/index-cache.ts';
import { idsOf, summarizeFile } from '../../server/src/workspace/indexed-cable.ts';
import type { StoredFile } from '../../server/src/workspace/index-store.ts';
import { BAGHDAD_TEXT, SEED_TEXT } from '../support/service.ts';

const silent = { info() {}, warn() {}, error() {} };
const PLUSD = join(__dirname, '..', 'fixtures', 'other-forms', 'plusd');

describe('index cache rows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-cache-rows-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('load gives back each summary saved: ID, document number, subject, TAGS, citations and anchor', async () => {
    const folder = { uri: pathToFileURL(join(dir, 'ws')).href, settings: 'default' };
    const texts: Record<string, string> = { 'cables/08BAGHDAD3475.cable': BAGHDAD_TEXT, 'drafts/09BASRAH2.cable': SEED_TEXT };
    for (const name of readdirSync(PLUSD).filter((n) => n.endsWith('.txt')))
      texts[`plusd/${name}`] = readFileSync(join(PLUSD, name), 'utf8');
    const files: StoredFile[] = Object.entries(texts).map(([path, text], i) => ({
      path,
      stat: { size: text.length, mtime: 1_700_000_000_000 + i },
      cable: summarizeFile(`${folder.uri}/${path}`, text)!,
    }));
    files.push({ path: 'notes.txt', stat: { size: 3, mtime: 1 } });
    assert.ok(files.some((f) => f.cable?.documentNumber) && files.some((f) => f.cable?.cites.length), 'the files hold what is checked');

    const store = createIndexCache(join(dir, 'cache'), 'test', silent);
    await store.save(folder, files);
    const loaded = [...((await store.load(folder)) ?? [])];
    const plain = (file: StoredFile) => JSON.parse(JSON.stringify(file)) as unknown;
    assert.deepEqual(loaded.map(plain), files.map(plain));
    for (const [i, file] of loaded.entries()) {
      if (!file.cable) continue;
      assert.deepEqual(idsOf(file.cable), idsOf(files[i]!.cable!), `${file.path}: found by the same IDs`);
      assert.deepEqual(file.cable.cites, files[i]!.cable!.cites);
      assert.deepEqual(file.cable.anchor, files[i]!.cable!.anchor);
    }
  });
});
