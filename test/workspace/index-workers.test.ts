// The workspace index with index workers (worker threads reading the local disk) against the
// index reading in its own thread through the node workspace: the same cables, IDs, citations
// and log lines over real folders (fixtures, hostile files, the corpus sample, the shared corpus
// when present); a second pass reads only the files changed; a worker that dies leaves the
// pass to the index's own thread. The worker script is bundled from source for the test.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { createIndexWorkers } from '../../server/src/node/index-workers.ts';
import type { IndexWorkers } from '../../server/src/service/host.ts';
import { createNodeWorkspace } from '../../server/src/node/node-workspace.ts';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index.ts';
import { SHARED_CORPUS_DIR } from '../support/corpus.ts';
import { collectingLogger } from '../support/service.ts';

const root = join(__dirname, '..', '..');
const FOLDERS = [join(root, 'test', 'fixtures'), SHARED_CORPUS_DIR];
let scratch: string;
let script: string;
const started: IndexWorkers[] = [];

function indexOver(folders: string[], workers?: IndexWorkers) {
  const logger = collectingLogger();
  const index = new WorkspaceIndex(createNodeWorkspace(logger), logger, workers ? { workers } : {});
  index.setFolders(folders.map((folder) => ({ uri: pathToFileURL(folder).href })));
  return { index, logger };
}

function workersFrom(path: string, count = 2): IndexWorkers {
  const logger = collectingLogger();
  const workers = createIndexWorkers(logger, { script: path, count });
  assert.ok(workers, `${path} exists`);
  started.push(workers);
  return workers;
}

/** Log lines without the pass's duration. */
const logOf = (messages: string[]) => messages.map((m) => m.replace(/ in \d+ ms$/, '')).sort();

describe('workspace index: index workers', () => {
  before(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'cable-index-workers-'));
    script = join(scratch, 'index-worker.js');
    await build({
      entryPoints: [join(root, 'server', 'src', 'node', 'index-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'warning',
    });
  });
  after(() => {
    for (const workers of started) workers.dispose();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('no workers without the bundled script (running from source)', () => {
    assert.equal(createIndexWorkers(collectingLogger(), { script: join(scratch, 'missing.js') }), undefined);
  });

  it('the same cables, citations and log lines as reading in the index’s own thread', async () => {
    const folders = FOLDERS.filter((folder, i) => i === 0 || existsSync(folder));
    const inThread = indexOver(folders);
    const withWorkers = indexOver(folders, workersFrom(script));
    await Promise.all([inThread.index.ensureIndexed(), withWorkers.index.ensureIndexed()]);
    const cables = withWorkers.index.cables();
    assert.ok(cables.length > 50, `${cables.length} cables`);
    assert.deepEqual(cables, inThread.index.cables());
    for (const cable of cables.slice(0, 200)) {
      if (!cable.id) continue;
      assert.deepEqual(withWorkers.index.lookup(cable.id), inThread.index.lookup(cable.id), cable.id);
      assert.deepEqual(withWorkers.index.citing(cable.id), inThread.index.citing(cable.id), cable.id);
    }
    // Search lists matches in the order files were filed: compared as sets.
    const found = (index: WorkspaceIndex, query: string) =>
      index
        .search(query, 100_000)
        .map((c) => c.uri)
        .sort();
    for (const query of ['PGOV', '09', 'IRAN NUCLEAR'])
      assert.deepEqual(found(withWorkers.index, query), found(inThread.index, query), query);
    assert.ok(found(withWorkers.index, 'PGOV').length > 10);
    const log = logOf(withWorkers.logger.messages);
    assert.deepEqual(log, logOf(inThread.logger.messages));
    assert.ok(
      log.some((m) => /binary\.cable: is a binary file/.test(m)),
      log.join('\n'),
    );
    assert.ok(
      log.some((m) => /latin1\.cable is not UTF-8/.test(m)),
      log.join('\n'),
    );
  });

  it('a second pass reads again only what changed; what was deleted is dropped', async () => {
    const folder = join(scratch, 'folder');
    cpSync(join(root, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
    cpSync(join(root, 'test', 'fixtures', 'seed', '09BASRAH2.cable'), join(folder, 'seed.cable'));
    const { index } = indexOver([folder], workersFrom(script, 1));
    await index.ensureIndexed();
    assert.deepEqual(index.lookup('09BASRAH2').length, 1);
    writeFileSync(join(folder, 'seed.cable'), 'UNCLASSIFIED\n');
    rmSync(join(folder, '08BAGHDAD3475.cable'));
    index.setMaxFileBytes(1_000_000); // a new pass over the same folder
    await index.ensureIndexed();
    assert.deepEqual(index.lookup('09BASRAH2'), []);
    assert.deepEqual(index.lookup('08BAGHDAD3475'), []);
  });

  it('a worker that dies leaves the pass to the index’s own thread', async () => {
    const dying = join(scratch, 'dying-worker.js');
    writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const workerLogger = collectingLogger();
    const workers = createIndexWorkers(workerLogger, { script: dying, count: 1 })!;
    started.push(workers);
    const folder = join(root, 'test', 'fixtures', 'workspace');
    const withDying = indexOver([folder], workers);
    const inThread = indexOver([folder]);
    await Promise.all([withDying.index.ensureIndexed(), inThread.index.ensureIndexed()]);
    assert.deepEqual(withDying.index.cables(), inThread.index.cables());
    assert.ok(withDying.index.lookup('08BAGHDAD3475').length === 1);
    assert.ok(
      workerLogger.messages.some((m) => /An index worker stopped \(exit code 3\)/.test(m)),
      workerLogger.messages.join('\n'),
    );
  });
});
