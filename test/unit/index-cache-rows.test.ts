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
import { distinctTerms } from '../../server/src/workspace/search-index.ts';
import { TimeSlices } from '../../server/src/workspace/index-read.ts';
import { SearchSegmentBuilder, type SearchSegment } from '../../server/src/workspace/search-segment.ts';
import { BAGHDAD_TEXT, SEED_TEXT } from '../support/service.ts';

const silent = { info() {}, warn() {}, error() {} };
const PLUSD = join(__dirname, '..', 'fixtures', 'other-forms', 'plusd');

/** A segment of the files' IDs and TAGS, by row. */
async function segmentOf(files: StoredFile[]): Promise<SearchSegment> {
  const builder = new SearchSegmentBuilder();
  for (const file of files) builder.add(file.cable && distinctTerms([...(file.cable.id ? [file.cable.id] : []), ...file.cable.tags]));
  return builder.finish(new TimeSlices(4));
}

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
    await store.save(folder, files, await segmentOf(files));
    const stored = await store.load(folder);
    assert.deepEqual(stored?.idsOfParts, [files.flatMap((f) => (f.cable ? idsOf(f.cable) : []))], 'one part, its IDs read first');
    assert.deepEqual([...stored.citedOfParts[0]!].sort(), [...new Set(files.flatMap((f) => f.cable?.cites.map((c) => c.id) ?? []))].sort());
    assert.ok(stored.citedOfParts[0]!.includes('08BAGHDAD3475'));
    const loaded = stored.read(0);
    const plain = (file: StoredFile) => JSON.parse(JSON.stringify(file)) as unknown;
    assert.deepEqual(
      loaded.map(plain),
      files.map((file, row) => plain({ ...file, row })),
    );
    assert.deepEqual(stored.segment, await segmentOf(files), 'the search segment as saved');
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
    const segment = await segmentOf(files);
    await store.save(folder, files, segment);
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

    assert.deepEqual(stored.segment, segment);
    assert.deepEqual(
      [4095, 4096, 4999].map((row) => stored.partOf(row)),
      [3, 4, 4],
    );
    assert.deepEqual(
      stored.read(4).map((f) => f.row),
      files.slice(4096).map((_, i) => 4096 + i),
    );

    const [file] = readdirSync(join(dir, 'cache-big')).filter((name) => name.startsWith('index-') && name.endsWith('.jsonl'));
    const path = join(dir, 'cache-big', file!);
    const good = readFileSync(path);
    const endLine = good.indexOf('\n"end"\n');
    writeFileSync(path, good.subarray(0, endLine));
    assert.equal(await store.load(folder), undefined, 'without its end line');
    assert.ok(warnings.some((w) => w.includes('cannot be read')));

    const damagedPart = Buffer.from(good);
    const secondLineEnd = damagedPart.indexOf('\n', damagedPart.indexOf('\n') + 1);
    damagedPart.write(']]]', secondLineEnd + 100);
    writeFileSync(path, damagedPart);
    const damaged = await store.load(folder);
    assert.deepEqual(damaged?.read(0), []);
    assert.equal(damaged.read(4).length, 904);
    assert.deepEqual(damaged.segment, segment, 'a damaged part leaves the segment whole');

    // A segment cut short, or with a term number out of range: the files load, the segment as none.
    warnings.length = 0;
    writeFileSync(path, good.subarray(0, good.length - 7));
    const cut = await store.load(folder);
    assert.equal(cut?.idsOfParts.length, 5);
    assert.equal(cut.segment, undefined);
    assert.ok(warnings.some((w) => w.includes('cannot be read')));
    const outOfRange = Buffer.from(good);
    outOfRange.writeUInt32LE(0xffffffff, good.length - 8);
    writeFileSync(path, outOfRange);
    assert.equal((await store.load(folder))?.segment, undefined);
    writeFileSync(path, Buffer.concat([good, Buffer.from([0])]));
    assert.equal((await store.load(folder))?.segment, undefined, 'a byte too many');
    writeFileSync(path, good);
    assert.deepEqual((await store.load(folder))?.segment, segment);
  });
});
