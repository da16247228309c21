// The workspace index over an in-memory workspace: which files count, IDs from text or file name,
// exclusions, open documents over disk, file events, bounded and lazy reading, cancellation.
import { createCancellationSource, NEVER_CANCELLED } from '../../server/src/service/language-service.ts';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BAGHDAD_TEXT,
  BAGHDAD_URI,
  documentOf,
  hoverText,
  positionOf,
  SEED_TEXT,
  SEED_URI,
  seedWorkspace,
  serviceOver,
  WORKSPACE_FIXTURE_DIR,
} from '../support/service.ts';

const NOTES_TEXT = readFileSync(join(WORKSPACE_FIXTURE_DIR, 'notes.txt'), 'utf8');
const uris = (cables: { uri: string }[]) => cables.map((c) => c.uri);
/** The synthetic cable as another cable: same text, another serial in the banner and DE line. */
const baghdadWithSerial = (serial: string) => BAGHDAD_TEXT.replace('BAGHDAD 003475', `BAGHDAD 00${serial}`).replace('#3475', `#${serial}`);

describe('workspace index: which files are cables', () => {
  it('.cable files always; .txt files only when the detector recognises them', async () => {
    const { service } = serviceOver({
      'file:///ws/a/08BAGHDAD3475.cable': BAGHDAD_TEXT,
      'file:///ws/b/basrah.txt': SEED_TEXT,
      'file:///ws/b/notes.txt': NOTES_TEXT,
      'file:///ws/b/readme.md': SEED_TEXT,
    });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(service.cables()), ['file:///ws/a/08BAGHDAD3475.cable', 'file:///ws/b/basrah.txt']);
    assert.deepEqual(uris(service.lookup('09BASRAH2')), ['file:///ws/b/basrah.txt']);
  });

  it('the ID comes from the text; from the file name only when the text has none', async () => {
    const fragment = '1. (C) A paragraph without banner or header.\n';
    const { service } = serviceOver({
      'file:///ws/07MADRID999.cable': fragment,
      'file:///ws/09CHISINAU694.cable': SEED_TEXT,
      'file:///ws/untitled.cable': fragment,
    });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(
      service.lookup('07MADRID999').map((c) => [c.uri, c.idSource]),
      [['file:///ws/07MADRID999.cable', 'file-name']],
    );
    assert.deepEqual(uris(service.lookup('09BASRAH2')), ['file:///ws/09CHISINAU694.cable']);
    assert.deepEqual(service.lookup('09CHISINAU694'), [], 'a file name never overrides the ID of the text');
    assert.equal(service.cables().find((c) => c.uri === 'file:///ws/untitled.cable')?.id, undefined);
  });

  it('several files with one ID (two renderings) all answer', async () => {
    const { service } = serviceOver({
      'file:///ws/plain/08BAGHDAD3475.txt': BAGHDAD_TEXT,
      'file:///ws/md/08BAGHDAD3475.cable': BAGHDAD_TEXT,
    });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(service.lookup('08baghdad3475')), ['file:///ws/md/08BAGHDAD3475.cable', 'file:///ws/plain/08BAGHDAD3475.txt']);
  });
});

describe('workspace index: files.exclude', () => {
  const files = {
    'file:///ws/keep/08BAGHDAD3475.cable': BAGHDAD_TEXT,
    'file:///ws/archive/old/09BASRAH2.cable': SEED_TEXT,
    'file:///ws/.git/09BASRAH2.cable': SEED_TEXT,
    'file:///ws/node_modules/pkg/09BASRAH2.cable': SEED_TEXT,
    'file:///ws/keep/draft.tmp.cable': SEED_TEXT,
  };

  it('VS Code’s defaults when no setting is given (.git), and node_modules always', async () => {
    const { service } = serviceOver(files);
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(service.lookup('09BASRAH2')), ['file:///ws/archive/old/09BASRAH2.cable', 'file:///ws/keep/draft.tmp.cable']);
  });

  it('the folder’s own patterns: a folder and a file glob', async () => {
    const { service, workspace } = serviceOver(files, { excludes: ['archive', '**/*.tmp.cable'] });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(service.cables()), ['file:///ws/.git/09BASRAH2.cable', 'file:///ws/keep/08BAGHDAD3475.cable']);
    assert.equal(workspace.reads, 2, 'excluded files are not read');
  });

  it('a watched-file event inside an excluded folder is ignored', async () => {
    const { service, workspace } = serviceOver(files, { excludes: ['archive'] });
    await service.ensureIndexed(NEVER_CANCELLED);
    workspace.write('file:///ws/archive/new/08BAGHDAD3476.cable', baghdadWithSerial('3476'));
    await service.fileChanged('file:///ws/archive/new/08BAGHDAD3476.cable', 'created');
    assert.deepEqual(service.lookup('08BAGHDAD3476'), []);
  });
});

describe('workspace index: open documents win over disk', () => {
  it('an open document’s live text decides its ID, until it is closed', async () => {
    const { service } = seedWorkspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    service.documentChanged(documentOf(BAGHDAD_URI, baghdadWithSerial('3476'), 2));
    assert.deepEqual(service.lookup('08BAGHDAD3475'), []);
    assert.deepEqual(uris(service.lookup('08BAGHDAD3476')), [BAGHDAD_URI]);
    await service.documentClosed(BAGHDAD_URI);
    assert.deepEqual(uris(service.lookup('08BAGHDAD3475')), [BAGHDAD_URI]);
    assert.deepEqual(service.lookup('08BAGHDAD3476'), []);
  });

  it('an open document that is not on disk (untitled, or outside the folders) is found too', async () => {
    const { service } = seedWorkspace();
    service.documentChanged(documentOf('untitled:Untitled-1', baghdadWithSerial('3477')));
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(service.lookup('08BAGHDAD3477')), ['untitled:Untitled-1']);
  });

  it('each version is parsed once: outline, hover and index share the model', () => {
    const { service } = seedWorkspace();
    const document = documentOf(SEED_URI, SEED_TEXT, 7);
    const model = service.model(document, NEVER_CANCELLED);
    service.documentSymbols(document, NEVER_CANCELLED);
    assert.equal(service.model(document, NEVER_CANCELLED), model);
    assert.notEqual(service.model(documentOf(SEED_URI, SEED_TEXT, 8), NEVER_CANCELLED), model);
  });
});

describe('workspace index: file events', () => {
  it('created, changed, deleted and renamed files are picked up without a restart', async () => {
    const { service, workspace } = seedWorkspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    const created = 'file:///ws/new/08BAGHDAD3476.cable';
    workspace.write(created, baghdadWithSerial('3476'));
    await service.fileChanged(created, 'created');
    assert.deepEqual(uris(service.lookup('08BAGHDAD3476')), [created]);

    workspace.write(created, baghdadWithSerial('3478'));
    await service.fileChanged(created, 'changed');
    assert.deepEqual(service.lookup('08BAGHDAD3476'), []);
    assert.deepEqual(uris(service.lookup('08BAGHDAD3478')), [created]);

    const renamed = 'file:///ws/new/renamed.cable';
    workspace.write(renamed, baghdadWithSerial('3478'));
    workspace.remove(created);
    await service.fileChanged(created, 'deleted');
    await service.fileChanged(renamed, 'created');
    assert.deepEqual(uris(service.lookup('08BAGHDAD3478')), [renamed]);

    workspace.remove(renamed);
    await service.fileChanged('file:///ws/new', 'deleted');
    assert.deepEqual(service.lookup('08BAGHDAD3478'), [], 'a deleted folder takes its files with it');
  });

  it('a second pass reads only the files that changed', async () => {
    const { service, workspace } = seedWorkspace();
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.equal(workspace.reads, 2);
    workspace.write(BAGHDAD_URI, baghdadWithSerial('3479'));
    // New exclusions start a new pass over the same files.
    service.setWorkspaceFolders([{ uri: 'file:///ws', excludes: ['**/nothing-here'] }]);
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.equal(workspace.reads, 3);
    assert.deepEqual(uris(service.lookup('08BAGHDAD3479')), [BAGHDAD_URI]);
  });
});

describe('workspace index: lazy, bounded, never blocking, cancellable', () => {
  const manyCables = (count: number) =>
    Object.fromEntries(
      Array.from({ length: count }, (_, i) => [`file:///ws/many/08BAGHDAD${5000 + i}.cable`, baghdadWithSerial(String(5000 + i))]),
    );

  it('nothing is read before the index is first needed', async () => {
    const { service, workspace } = serviceOver(manyCables(5));
    service.documentSymbols(documentOf(SEED_URI, SEED_TEXT), NEVER_CANCELLED);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(workspace.reads, 0);
    assert.equal(service.indexReady, false);
  });

  it('waits for the host to name the folders before indexing (a definition must not answer from an empty index)', async () => {
    const { createMemoryWorkspace } = await import('../support/memory-workspace.ts');
    const { createCableLanguageService } = await import('../../server/src/service/language-service.ts');
    const workspace = createMemoryWorkspace({ [BAGHDAD_URI]: BAGHDAD_TEXT });
    const service = createCableLanguageService({ workspace, logger: { info() {}, warn() {}, error() {} } });
    let finished = false;
    const indexing = service.ensureIndexed(NEVER_CANCELLED).then(() => (finished = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(finished, false);
    service.setWorkspaceFolders([{ uri: 'file:///ws' }]);
    await indexing;
    assert.deepEqual(uris(service.lookup('08BAGHDAD3475')), [BAGHDAD_URI]);
  });

  it('reports progress at most every 100 ms, and once more at the end (each report is a message to the editor)', async () => {
    const reports: { done: number; total: number; at: number }[] = [];
    const sink = { begin() {}, report: (done: number, total: number) => reports.push({ done, total, at: performance.now() }), end() {} };
    const { service } = serviceOver(manyCables(300), { readDelayMs: 2, concurrency: 2, progress: () => sink });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(reports.at(-1) && [reports.at(-1)!.done, reports.at(-1)!.total], [300, 300]);
    assert.ok(reports.length >= 2, `a pass of ${(reports.at(-1)!.at - reports[0]!.at).toFixed(0)} ms reports as it goes`);
    for (let i = 1; i < reports.length - 1; i++)
      assert.ok(
        reports[i]!.at - reports[i - 1]!.at >= 99,
        `report ${i} came ${(reports[i]!.at - reports[i - 1]!.at).toFixed(1)} ms after the one before`,
      );
  });

  it('reads at most `concurrency` files at once', async () => {
    const { service, workspace } = serviceOver(manyCables(40), { readDelayMs: 3, concurrency: 4 });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.equal(workspace.reads, 40);
    assert.equal(workspace.maxReadsInFlight, 4);
    assert.equal(service.cables().length, 40);
  });

  it('outline and hover on the open file answer while indexing goes on', async () => {
    // The cited cable is listed last, so it is still unread when the hover comes.
    const { service } = serviceOver(
      { ...manyCables(200), 'file:///ws/zz/08BAGHDAD3475.cable': BAGHDAD_TEXT },
      { readDelayMs: 2, concurrency: 2 },
    );
    const seed = documentOf(SEED_URI, SEED_TEXT);
    const indexing = service.ensureIndexed(NEVER_CANCELLED);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(service.indexReady, false);
    assert.equal(service.documentSymbols(seed, NEVER_CANCELLED).length, 6);
    assert.match(hoverText(service.hover(seed, positionOf(seed, 'PINS'), NEVER_CANCELLED)), /National Security/);
    assert.match(hoverText(service.hover(seed, positionOf(seed, '2008 BAGHDAD'), NEVER_CANCELLED)), /still being indexed/);
    await indexing;
    assert.match(hoverText(service.hover(seed, positionOf(seed, '2008 BAGHDAD'), NEVER_CANCELLED)), /Subject: SYNTHETIC TEST CABLE/);
  });

  it('a definition waiting for the index stops when its request is cancelled; indexing goes on', async () => {
    const { service } = serviceOver({ ...manyCables(100), [BAGHDAD_URI]: BAGHDAD_TEXT }, { readDelayMs: 2, concurrency: 2 });
    const seed = documentOf(SEED_URI, SEED_TEXT);
    const request = createCancellationSource();
    const pending = service.definition(seed, positionOf(seed, '2008 BAGHDAD'), request.token);
    await new Promise((resolve) => setTimeout(resolve, 5));
    request.cancel();
    assert.deepEqual(await pending, []);
    assert.equal(service.indexReady, false);
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.equal((await service.definition(seed, positionOf(seed, '2008 BAGHDAD'), NEVER_CANCELLED))[0]?.targetUri, BAGHDAD_URI);
  });

  it('new folders restart the pass, and waiters wait for the new one', async () => {
    // 100 reads of 2 ms, two at a time: the first pass lasts at least 100 ms, well past the restart.
    const { service } = serviceOver(
      { ...manyCables(100), 'file:///other/08BAGHDAD3475.cable': BAGHDAD_TEXT },
      { folders: ['file:///ws'], readDelayMs: 2, concurrency: 2 },
    );
    const waiting = service.ensureIndexed(NEVER_CANCELLED);
    await new Promise((resolve) => setTimeout(resolve, 5));
    service.setWorkspaceFolders([{ uri: 'file:///other' }]);
    assert.equal(await waiting, true);
    assert.deepEqual(uris(service.cables()), ['file:///other/08BAGHDAD3475.cable']);
  });

  it('an unreadable or oversized file is logged and skipped; the rest is indexed', async () => {
    const { service, workspace, logger } = serviceOver({ [BAGHDAD_URI]: BAGHDAD_TEXT, 'file:///ws/big.cable': 'x'.repeat(100) });
    const read = workspace.readFile.bind(workspace);
    workspace.readFile = async (uri) => (uri === BAGHDAD_URI ? Promise.reject(new Error('EACCES: permission denied')) : read(uri));
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.equal(service.cables().length, 1);
    assert.ok(
      logger.messages.some((m) => /warn: Cannot index file:\/\/\/ws\/fixtures\/08BAGHDAD3475\.cable: EACCES/.test(m)),
      logger.messages.join('\n'),
    );

    const small = serviceOver({ [BAGHDAD_URI]: BAGHDAD_TEXT, 'file:///ws/big.cable': 'x'.repeat(100_000) });
    const { createCableLanguageService } = await import('../../server/src/service/language-service.ts');
    const limited = createCableLanguageService({ workspace: small.workspace, logger: small.logger });
    limited.setSettings({ maxFileSize: 10_000 });
    limited.setWorkspaceFolders([{ uri: 'file:///ws' }]);
    await limited.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(limited.cables()), [BAGHDAD_URI]);
    assert.ok(
      small.logger.messages.some((m) => /Skipped file:\/\/\/ws\/big\.cable: 97\.7 KB is more than cable\.maxFileSize \(9\.8 KB\)/.test(m)),
    );
  });
});

describe('workspace index: 1970s cables by either ID convention', () => {
  const plusd = (name: string) => readFileSync(join(WORKSPACE_FIXTURE_DIR, '..', 'other-forms', 'plusd', `${name}.txt`), 'utf8');
  const fragment = '1. A paragraph of an excerpt without banner, page head or header.\n';

  it('a REF `BONN 1234` of a 1975 cable finds a file named 1975BONN01234 as well as 75BONN1234', async () => {
    const { service } = serviceOver({
      'file:///ws/plusd/1975BONN01234.cable': fragment,
      'file:///ws/cablegate/75BONN1234.cable': fragment,
    });
    await service.ensureIndexed(NEVER_CANCELLED);
    assert.deepEqual(uris(service.lookup('75BONN1234')), ['file:///ws/cablegate/75BONN1234.cable', 'file:///ws/plusd/1975BONN01234.cable']);
  });

  it('a REF entry goes to the cited cable: by the banner’s post or by the page head’s abbreviation', async () => {
    const citing = 'file:///ws/1974ATHENS03099.txt';
    const addis = plusd('1975ADDIS09462');
    const { service } = serviceOver({
      [citing]: plusd('1974ATHENS03099'),
      'file:///ws/1974ATHENS02959.txt': plusd('1974ATHENS02959'),
      'file:///ws/1975ADDIS09462.txt': addis,
    });
    await service.ensureIndexed(NEVER_CANCELLED);
    const document = documentOf(citing, plusd('1974ATHENS03099'));
    const definitions = await service.definition(document, positionOf(document, 'ATHENS 2959'), NEVER_CANCELLED);
    assert.deepEqual(
      definitions.map((d) => d.targetUri),
      ['file:///ws/1974ATHENS02959.txt'],
    );
    assert.deepEqual(uris(service.lookup('75ADDISABABA9462')), ['file:///ws/1975ADDIS09462.txt']);
    assert.deepEqual(uris(service.lookup('75ADDIS9462')), ['file:///ws/1975ADDIS09462.txt']);
  });
});
