// The index cache's rows: every field of a cable's summary comes back as it was saved, from real
// cables of both eras (the PlusD ones carry a document number, a second ID to be found by).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    const folder = { uri: pathToFileURL(join(dir, 'ws')).href, settings: 'default', excludes: [] };
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
    const stored = await store.load(folder);
    assert.deepEqual(stored?.idsOfParts, [files.flatMap((f) => (f.cable ? idsOf(f.cable) : []))], 'one part, its IDs read first');
    assert.deepEqual([...stored.citedOfParts[0]!].sort(), [...new Set(files.flatMap((f) => f.cable?.cites.map((c) => c.id) ?? []))].sort());
    assert.ok(stored.citedOfParts[0]!.includes('08BAGHDAD3475'));
    const loaded = stored.read(0);
    const plain = (file: StoredFile) => JSON.parse(JSON.stringify(file)) as unknown;
    assert.deepEqual(loaded.map(plain), files.map(plain));
    for (const [i, file] of loaded.entries()) {
      if (!file.cable) continue;
      assert.deepEqual(idsOf(file.cable), idsOf(files[i]!.cable!), `${file.path}: found by the same IDs`);
      assert.deepEqual(file.cable.cites, files[i]!.cable!.cites);
      assert.deepEqual(file.cable.anchor, files[i]!.cable!.anchor);
    }
  });

  it('parts of 1,024 files each, a part read alone; a cache cut short is not used, a damaged part reads as no files', async () => {
    const folder = { uri: pathToFileURL(join(dir, 'big')).href, settings: 'default', excludes: [] };
    const cable = summarizeFile(`${folder.uri}/08BAGHDAD3475.cable`, BAGHDAD_TEXT)!;
    const files: StoredFile[] = Array.from({ length: 5000 }, (_, i) => ({
      path: `${i}.cable`,
      stat: { size: 1, mtime: i },
      cable: { ...cable, uri: `${folder.uri}/${i}.cable`, id: `08BAGHDAD${i}` },
    }));
    const warnings: string[] = [];
    const store = createIndexCache(join(dir, 'cache-big'), 'test', { ...silent, warn: (message: string) => warnings.push(message) });
    await store.save(folder, files);
    const stored = await store.load(folder);
    assert.deepEqual(
      stored?.idsOfParts.map((ids) => [ids.length, ids[0]]),
      [
        [1024, '08BAGHDAD0'],
        [1024, '08BAGHDAD1024'],
        [1024, '08BAGHDAD2048'],
        [1024, '08BAGHDAD3072'],
        [904, '08BAGHDAD4096'],
      ],
    );
    assert.deepEqual(
      stored.read(4).map((f) => f.cable?.id),
      files.slice(4096).map((f) => f.cable?.id),
    );

    const [file] = readdirSync(join(dir, 'cache-big')).filter((name) => name.startsWith('index-') && name.endsWith('.jsonl'));
    const path = join(dir, 'cache-big', file!);
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.slice(0, good.lastIndexOf('\n')));
    assert.equal(await store.load(folder), undefined, 'without its end line');
    assert.ok(warnings.some((w) => w.includes('cannot be read')));

    const lines = good.split('\n');
    lines[2] = lines[2]!.slice(0, 100);
    writeFileSync(path, lines.join('\n'));
    const damaged = await store.load(folder);
    assert.deepEqual(damaged?.read(0), []);
    assert.equal(damaged.read(4).length, 904);
  });
});
