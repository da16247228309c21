// The workspace index over a store of what the last run read: answers at once from it, checks a
// cable's file before serving it (reading it again only when changed), reads nothing unchanged.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createIndexCache } from '../../server/src/node/index-cache.ts';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index.ts';
import { idsOf, summarizeFile } from '../../server/src/workspace/indexed-cable.ts';
import type { IndexStore, StoredFile, StoredFolder } from '../../server/src/workspace/index-store.ts';
import type { SearchSegment } from '../../server/src/workspace/search-segment.ts';
import { createMemoryWorkspace } from '../support/memory-workspace.ts';
import { BAGHDAD_TEXT, SEED_TEXT } from '../support/service.ts';

const FOLDER = 'file:///ws';
const BAGHDAD = 'file:///ws/cables/08BAGHDAD3475.cable';
const BASRAH = 'file:///ws/drafts/09BASRAH2.cable';
const baghdadWithSerial = (serial: string) => BAGHDAD_TEXT.replace('BAGHDAD 003475', `BAGHDAD 00${serial}`).replace('#3475', `#${serial}`);
const silent = { info() {}, warn() {}, error() {} };

/** A store in memory; `withSegment: false` loads no search segment, as a damaged one loads. */
function memoryStore({ withSegment = true } = {}): IndexStore & { saved: Map<string, StoredFile[]>; partsRead: string[] } {
  const saved = new Map<string, StoredFile[]>();
  const excludesOf = new Map<string, readonly string[]>();
  const segments = new Map<string, SearchSegment>();
  const partsRead: string[] = [];
  const keyOf = (folder: StoredFolder) => `${folder.uri} ${folder.settings}`;
  return {
    saved,
    partsRead,
    // A part a file, as a cache of thousands is read.
    load: async (folder) => {
      const files = structuredClone(saved.get(keyOf(folder)));
      return (
        files && {
          excludes: excludesOf.get(keyOf(folder))!,
          idsOfParts: files.map((f) => (f.cable ? idsOf(f.cable) : [])),
          citedOfParts: files.map((f) => f.cable?.cites.map((c) => c.id) ?? []),
          read: (part) => (partsRead.push(files[part]!.path), [{ ...files[part]!, row: part }]),
          partOf: (row) => row,
          ...(withSegment ? { segment: segments.get(keyOf(folder))! } : {}),
        }
      );
    },
    save: async (folder, files, segment) => {
      saved.set(keyOf(folder), structuredClone(files));
      excludesOf.set(keyOf(folder), folder.excludes);
      segments.set(keyOf(folder), segment);
    },
  };
}

/** A first run over the workspace, its store written. */
async function storedRun(workspace: ReturnType<typeof createMemoryWorkspace>, store: IndexStore): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(workspace, silent, { store });
  index.setFolders([{ uri: FOLDER }]);
  await index.ensureIndexed();
  await index.stored();
  return index;
}

/** A run after it whose folder listing never comes: all it knows is from the store, checked file by file. */
async function reopened(
  workspace: ReturnType<typeof createMemoryWorkspace>,
  store: IndexStore,
  excludes?: readonly string[],
): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex({ ...workspace, listFiles: () => new Promise(() => {}) }, silent, { store });
  index.setFolders([excludes ? { uri: FOLDER, excludes } : { uri: FOLDER }]);
  await index.ensureIndexed();
  return index;
}

describe('workspace index: a store of the last run', () => {
  it('answers from the store before any file is listed; a changed file is read again before it is served, an unchanged one never', async () => {
    const workspace = createMemoryWorkspace({ [BAGHDAD]: BAGHDAD_TEXT, [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    const first = new WorkspaceIndex(workspace, silent, { store });
    first.setFolders([{ uri: FOLDER }]);
    assert.equal(await first.ensureIndexed(), true);
    await first.stored();
    assert.deepEqual(
      [...store.saved.values()].map((files) => files.map((f) => f.path).sort()),
      [['cables/08BAGHDAD3475.cable', 'drafts/09BASRAH2.cable']],
    );

    workspace.write(BAGHDAD, baghdadWithSerial('3477'));
    const readsBefore = workspace.reads;
    // The second run's listing waits until released: every answer before it comes from the store.
    let releaseListing!: () => void;
    const listed = new Promise<void>((resolve) => (releaseListing = resolve));
    const second = new WorkspaceIndex(
      { ...workspace, listFiles: async (uri, options) => (await listed, workspace.listFiles(uri, options)) },
      silent,
      { store },
    );
    second.setFolders([{ uri: FOLDER }]);
    assert.equal(await second.ensureIndexed(), true);
    assert.equal(second.ready, false);
    assert.deepEqual(
      second.lookup('08BAGHDAD3475').map((c) => c.uri),
      [BAGHDAD],
      'unchecked, the store says what the file held',
    );

    assert.deepEqual(await second.checked(() => second.citing('08BAGHDAD3475').map(({ cable }) => cable.uri)), [BASRAH]);
    assert.deepEqual(
      (await second.checked(() => second.search('09BASRAH2', 10))).map((c) => c.uri),
      [BASRAH],
      'found by search from the store',
    );
    assert.equal(workspace.reads, readsBefore, 'the unchanged citing cable is checked by its stat, not read');
    assert.deepEqual(await second.checked(() => second.lookup('08BAGHDAD3475')), [], 'the changed file is read again and no longer served');
    assert.equal(workspace.reads, readsBefore + 1);
    assert.deepEqual(
      second.lookup('08BAGHDAD3477').map((c) => c.uri),
      [BAGHDAD],
    );

    releaseListing();
    await second.ensureIndexed(undefined, true);
    assert.equal(second.ready, true);
    assert.equal(workspace.reads, readsBefore + 1, 'the pass reads neither file again');
  });

  it('a file deleted since the last run is not served', async () => {
    const workspace = createMemoryWorkspace({ [BAGHDAD]: BAGHDAD_TEXT, [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    await storedRun(workspace, store);

    workspace.remove(BAGHDAD);
    const second = await reopened(workspace, store);
    assert.deepEqual(await second.checked(() => second.lookup('08BAGHDAD3475')), []);
    assert.deepEqual(
      (await second.checked(() => second.search('08BAG', 10))).map((c) => c.uri),
      [],
    );
    second.cancel();
  });

  it('the IDs cables cite, filed after the load, are answered from the store before the pass; a cable changed meanwhile is filed as read', async () => {
    const workspace = createMemoryWorkspace({ [BAGHDAD]: BAGHDAD_TEXT, [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    const first = await storedRun(workspace, store);
    const citedBefore = [...first.citedIds()].sort();
    assert.ok(citedBefore.includes('08BAGHDAD3475'), 'the seed cable cites Baghdad');

    const second = await reopened(workspace, store);
    assert.deepEqual([...second.citedIds()].sort(), citedBefore);

    // The citing cable no longer cites Baghdad: checked before it is served, it is read again and filed as it now is.
    workspace.write(BASRAH, SEED_TEXT.replaceAll('08BAGHDAD3475', '08BAGHDAD3476').replaceAll('BAGHDAD 3475', 'BAGHDAD 3476'));
    const third = await reopened(workspace, store);
    assert.deepEqual(await third.checked(() => third.citing('08BAGHDAD3475').map(({ cable }) => cable.uri)), []);
    second.cancel();
    third.cancel();
  });

  it('a lookup reads only the part of the store holding its ID, a question about citers only the parts citing it', async () => {
    const workspace = createMemoryWorkspace({ [BAGHDAD]: BAGHDAD_TEXT, [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    await storedRun(workspace, store);

    const second = await reopened(workspace, store);
    // Answered before the parts are read in the background (between requests, after this one).
    assert.deepEqual(store.partsRead, []);
    assert.deepEqual(
      second.lookup('09BASRAH2').map((c) => c.uri),
      [BASRAH],
    );
    assert.deepEqual(store.partsRead, ['drafts/09BASRAH2.cable']);
    second.cancel();
    const third = await reopened(workspace, store);
    assert.deepEqual(
      third.citing('08BAGHDAD3475').map(({ cable }) => cable.uri),
      [BASRAH],
    );
    assert.deepEqual(store.partsRead, ['drafts/09BASRAH2.cable', 'drafts/09BASRAH2.cable'], 'not the cited cable');
    third.cancel();
  });

  it('a file read again or deleted before its part of the store is read keeps what was found, unchecked lookups included', async () => {
    const workspace = createMemoryWorkspace({ [BAGHDAD]: BAGHDAD_TEXT, [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    await storedRun(workspace, store);

    const second = await reopened(workspace, store);
    workspace.write(BAGHDAD, baghdadWithSerial('3477'));
    await second.fileChanged(BAGHDAD, 'changed');
    assert.deepEqual(
      second.lookup('08BAGHDAD3475').map((c) => c.uri),
      [],
      'its part, read for the old ID, does not bring the old summary back',
    );
    assert.deepEqual(
      second.lookup('08BAGHDAD3477').map((c) => c.uri),
      [BAGHDAD],
    );
    second.cancel();

    workspace.remove(BASRAH);
    const third = await reopened(workspace, store);
    await third.fileChanged(BASRAH, 'deleted');
    assert.deepEqual(
      third.lookup('09BASRAH2').map((c) => c.uri),
      [],
    );
    assert.deepEqual(
      third.citing('08BAGHDAD3475').map(({ cable }) => cable.uri),
      [],
    );
    third.cancel();
  });

  it('a store listed under other exclusions is used without the files they exclude now, and saved as listed now', async () => {
    const workspace = createMemoryWorkspace({ [BAGHDAD]: BAGHDAD_TEXT, [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    await storedRun(workspace, store);

    const second = await reopened(workspace, store, ['cables']);
    assert.deepEqual(second.lookup('08BAGHDAD3475'), [], 'excluded now: not served from the store');
    assert.deepEqual(
      second.lookup('09BASRAH2').map((c) => c.uri),
      [BASRAH],
    );
    second.cancel();

    const third = new WorkspaceIndex(workspace, silent, { store });
    third.setFolders([{ uri: FOLDER, excludes: ['cables'] }]);
    await third.ensureIndexed(undefined, true);
    await third.stored();
    assert.deepEqual(
      [...store.saved.values()].map((files) => files.map((f) => f.path)),
      [['drafts/09BASRAH2.cable']],
    );
  });

  it("a reopened folder's search gives what the cold index gave, during its pass and after it, with its stored search terms or without", async () => {
    const files: Record<string, string> = { [BASRAH]: SEED_TEXT };
    const subjects = ['OIL EXPORTS OF THE SOUTH', 'IRAN AND IRAQ: BORDER TALKS', 'S. AND U.S. VIEWS ON OIL', 'BORDER OIL FIELDS'];
    const tags = ['PGOV IZ', 'PREL IR IZ', 'EPET ECON', 'PGOV PREL EPET'];
    for (let i = 0; i < 12; i++) {
      const serial = String(3480 + i);
      files[`file:///ws/cables/08BAGHDAD${serial}.cable`] = baghdadWithSerial(serial)
        .replace(/^SUBJECT: .*$/m, `SUBJECT: ${subjects[i % 4]} ${i}`)
        .replace(/^TAGS: .*$/m, `TAGS: ${tags[i % 4]}`);
    }
    const workspace = createMemoryWorkspace(files);
    const store = memoryStore();
    const cold = await storedRun(workspace, store);
    const withoutSegment = memoryStore({ withSegment: false });
    await storedRun(workspace, withoutSegment);
    // The cache on disk: its segment read through the file's trailer, as views of its own buffer.
    const cacheDir = mkdtempSync(join(tmpdir(), 'cable-search-segment-'));
    const cacheWarnings: string[] = [];
    const onDisk = createIndexCache(cacheDir, 'test', { ...silent, warn: (message: string) => cacheWarnings.push(message) });
    await storedRun(workspace, onDisk);
    const queries = [
      '08BAG',
      '08BAGHDAD348',
      '09',
      '2008',
      'BAGHDAD',
      'OIL',
      'OIL BORDER',
      'IRA',
      'PGOV',
      'PREL IZ',
      'EPET',
      'S',
      'U S',
      'THE',
      '7',
      'NOTHING',
    ];
    const found = (index: WorkspaceIndex) =>
      queries.flatMap((query) =>
        [false, true].map(
          (wholeLetters) =>
            `${query}: ${index
              .search(query, 100, { wholeLetters })
              .map((c) => c.uri)
              .sort()
              .join(' ')}`,
        ),
      );
    const expected = found(cold);
    assert.ok(
      expected.some((line) => line.startsWith('OIL BORDER: file')),
      'the queries find cables',
    );

    const duringPass = await reopened(workspace, store);
    assert.deepEqual(store.partsRead, [], 'no part read yet');
    assert.deepEqual(found(duringPass), expected, 'from the stored search terms while the pass has not checked a file');
    assert.equal(await duringPass.searchable(), true);
    assert.deepEqual(found(duringPass), expected);
    duringPass.cancel();

    const filedDuringPass = await reopened(workspace, withoutSegment);
    assert.equal(await filedDuringPass.searchable(), true);
    assert.deepEqual(found(filedDuringPass), expected, 'filed from the store while the pass has not checked a file');
    filedDuringPass.cancel();

    const fromDisk = await reopened(workspace, onDisk);
    assert.deepEqual(found(fromDisk), expected, 'from the segment of the cache on disk');
    assert.deepEqual(cacheWarnings, [], 'its segment read');
    fromDisk.cancel();
    rmSync(cacheDir, { recursive: true, force: true });

    for (const from of [store, withoutSegment]) {
      const afterPass = new WorkspaceIndex(workspace, silent, { store: from });
      afterPass.setFolders([{ uri: FOLDER }]);
      await afterPass.ensureIndexed(undefined, true);
      assert.equal(await afterPass.searchable(), true);
      assert.deepEqual(found(afterPass), expected, 'after the pass');
    }
  });

  it('a file changed, deleted or opened since the last run is found by its new search terms, not its stored ones', async () => {
    const subjectOf = (text: string, subject: string) => text.replace(/^SUBJECT: .*$/m, `SUBJECT: ${subject}`);
    const workspace = createMemoryWorkspace({ [BAGHDAD]: subjectOf(BAGHDAD_TEXT, 'ZEBRA CROSSINGS'), [BASRAH]: SEED_TEXT });
    const store = memoryStore();
    await storedRun(workspace, store);
    const uris = (cables: { uri: string }[]) => cables.map((c) => c.uri);

    workspace.write(BAGHDAD, subjectOf(BAGHDAD_TEXT, 'GIRAFFE HERDS'));
    workspace.remove(BASRAH);
    const second = await reopened(workspace, store);
    assert.deepEqual(uris(await second.checked(() => second.search('ZEBRA', 10))), [], 'changed: checked before served, read again');
    assert.deepEqual(uris(second.search('GIRAFFE', 10)), [BAGHDAD]);
    assert.deepEqual(uris(await second.checked(() => second.search('09BASRAH2', 10))), [], 'deleted');
    second.cancel();

    // Read again by a file event before its part of the store is read.
    workspace.write(BAGHDAD, subjectOf(BAGHDAD_TEXT, 'OKAPI SIGHTINGS'));
    const third = await reopened(workspace, store);
    await third.fileChanged(BAGHDAD, 'changed');
    assert.deepEqual(uris(third.search('ZEBRA', 10)), []);
    assert.deepEqual(uris(third.search('OKAPI', 10)), [BAGHDAD]);
    third.cancel();

    // Opened: the open document's text is searched, not the file's; closed, the file's again.
    workspace.write(BAGHDAD, subjectOf(BAGHDAD_TEXT, 'ZEBRA CROSSINGS'));
    const fourth = await reopened(workspace, store);
    fourth.setOpenDocument(BAGHDAD, () => summarizeFile(BAGHDAD, subjectOf(BAGHDAD_TEXT, 'LLAMA FARMS'))!);
    assert.deepEqual(uris(fourth.search('ZEBRA', 10)), []);
    assert.deepEqual(uris(fourth.search('LLAMA', 10)), [BAGHDAD]);
    await fourth.closeOpenDocument(BAGHDAD);
    assert.deepEqual(uris(fourth.search('LLAMA', 10)), []);
    assert.deepEqual(uris(fourth.search('ZEBRA', 10)), [BAGHDAD]);
    fourth.cancel();
  });
});
