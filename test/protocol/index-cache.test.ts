// The persisted workspace index, over the real server started twice on the same folder: the
// second start answers from the cache and reads only what changed; a corrupt or old cache is
// rebuilt; nothing is written inside the workspace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeLensRequest,
  WorkspaceSymbolRequest,
  type ConfigurationItem,
  type LocationLink,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { startServer, type LspTestClient } from '../support/lsp-client.ts';
import { SAMPLE_CORPUS_DIR } from '../support/corpus.ts';
import { BAGHDAD_TEXT, positionOf, SEED_TEXT } from '../support/service.ts';

const CLI = join(__dirname, '..', '..', 'dist', 'cli', 'cable.js');
// VS Code's default `files.exclude` (1.10x): not the CLI's, whose list has **/CVS and no **/.jj.
const VSCODE_FILES_EXCLUDE = {
  '**/.git': true,
  '**/.svn': true,
  '**/.hg': true,
  '**/.jj': true,
  '**/.DS_Store': true,
  '**/Thumbs.db': true,
};
const baghdadWithSerial = (serial: string) => BAGHDAD_TEXT.replace('BAGHDAD 003475', `BAGHDAD 00${serial}`).replace('#3475', `#${serial}`);

/** Every file under `dir` with its size and mtime: what a run must leave as it was. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) => {
    const path = join(entry.parentPath, entry.name);
    const info = statSync(path);
    return `${path} ${info.isDirectory() ? 'dir' : `${info.size} ${info.mtimeMs}`}`;
  });
}

describe('server over stdio: the index cache between runs', () => {
  let dir: string;
  let cacheDir: string;
  let citing: TextDocument;
  let cited: string;
  const started: LspTestClient[] = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cable-cache-ws-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'cable-cache-'));
    for (const sub of ['drafts', 'cables']) mkdirSync(join(dir, sub));
    citing = TextDocument.create(
      pathToFileURL(join(dir, 'drafts', '09BASRAH2.cable')).href,
      'cable',
      1,
      SEED_TEXT.replace('REF: 2008 BAGHDAD 3475', 'REF: A. 2008 BAGHDAD 3475 B. 2008 BAGHDAD 3476'),
    );
    writeFileSync(join(dir, 'drafts', '09BASRAH2.cable'), citing.getText());
    cited = join(dir, 'cables', '08BAGHDAD3475.cable');
    writeFileSync(cited, BAGHDAD_TEXT);
    writeFileSync(join(dir, 'cables', '08BAGHDAD3476.cable'), baghdadWithSerial('3476'));
    writeFileSync(join(dir, 'notes.txt'), 'Not a cable.\n');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });
  after(async () => {
    for (const client of started) if (client.process.exitCode === null) await client.stop();
  });

  /** Starts the server on the folder, opens the citing cable (which starts indexing), and waits for the pass to end. */
  async function run(
    options: { cacheDir?: string; initializationOptions?: unknown; configuration?: (item: ConfigurationItem) => unknown } = { cacheDir },
  ): Promise<LspTestClient> {
    const client = await startServer({ folders: [pathToFileURL(dir).href], configuration: () => ({}), ...options });
    started.push(client);
    const indexed = client.progressEnd();
    client.open(citing.uri, citing.getText());
    await indexed;
    return client;
  }
  const targetsOf = async (client: LspTestClient, needle: string) =>
    ((await client.definition(citing.uri, positionOf(citing, needle, 3))) as LocationLink[]).map((l) => l.targetUri);
  const indexedLine = (client: LspTestClient) => client.logs.find((line) => line.startsWith('Indexed'));
  const cacheFiles = (at = cacheDir) => readdirSync(at).filter((name) => name.endsWith('.jsonl'));

  it('a second start answers from the cache and reads no file that did not change', async () => {
    const first = await run();
    assert.match(indexedLine(first)!, /^Indexed 3 cables from 4 files in \d+ ms$/);
    assert.equal(await first.stop(), 0);
    assert.equal(cacheFiles().length, 1);

    const second = await run();
    assert.ok(
      second.logs.some((line) => /^Loaded 3 cables from the index cache in \d+ ms/.test(line)),
      second.logs.join('\n'),
    );
    assert.match(indexedLine(second)!, /^Indexed 3 cables from 4 files in \d+ ms \(0 read, the others unchanged since the index cache\)$/);
    assert.deepEqual(await targetsOf(second, '2008 BAGHDAD 3475'), [pathToFileURL(cited).href]);
    const found = (await second.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '08BAGHDAD3476' })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => s.name.split(' ')[0]),
      ['08BAGHDAD3476'],
    );
    assert.equal(await second.stop(), 0);
  });

  it('a cable opened as the second start begins gets its code lens (as the editor asks, before the pass ends)', async () => {
    assert.equal(await (await run()).stop(), 0);
    const second = await startServer({ folders: [pathToFileURL(dir).href], configuration: () => ({}), cacheDir });
    started.push(second);
    second.open(citing.uri, citing.getText());
    const lenses = await second.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: citing.uri } });
    assert.deepEqual(
      lenses?.map((lens) => lens.command?.title),
      ['cited by 0 cables · cites 2'],
    );
    assert.equal(await second.stop(), 0);
  });

  it("a cache `cable index --cache-dir` wrote serves the server, though the CLI was given the folder with a `/` and the server's files.exclude are not the CLI's", async () => {
    // `big/` as a shell completes it: the CLI's folder is `file:///…/big/`, the editor's `file:///…/big`.
    const cli = spawnSync(process.execPath, [CLI, 'index', '--cache-dir', cacheDir, `${dir}/`], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(cli.status, 0, cli.stderr);
    assert.equal(cacheFiles().length, 1);

    const server = await run({ cacheDir, configuration: (item) => (item.section === 'files.exclude' ? VSCODE_FILES_EXCLUDE : {}) });
    assert.ok(
      server.logs.some((line) => /^Loaded 3 cables from the index cache in \d+ ms/.test(line)),
      server.logs.join('\n'),
    );
    assert.match(indexedLine(server)!, /^Indexed 3 cables from 4 files in \d+ ms \(0 read, the others unchanged since the index cache\)$/);
    assert.deepEqual(await targetsOf(server, '2008 BAGHDAD 3475'), [pathToFileURL(cited).href]);
    assert.equal(await server.stop(), 0);
  });

  it("a cache listed under other files.exclude serves none of the files the server's exclude", async () => {
    assert.equal(await (await run()).stop(), 0);
    const excluding = await run({ cacheDir, configuration: (item) => (item.section === 'files.exclude' ? { cables: true } : {}) });
    assert.ok(
      excluding.logs.some((line) => /^Loaded 1 cables from the index cache in \d+ ms/.test(line)),
      excluding.logs.join('\n'),
    );
    assert.match(
      indexedLine(excluding)!,
      /^Indexed 1 cables from 2 files in \d+ ms \(0 read, the others unchanged since the index cache\)$/,
    );
    assert.deepEqual(await targetsOf(excluding, '2008 BAGHDAD 3475'), []);
    assert.equal(await excluding.stop(), 0);
  });

  it('a file changed or deleted between runs is read again, not served from the cache', async () => {
    assert.equal(await (await run()).stop(), 0);
    // Now a different cable (and a different size): 08BAGHDAD3475 is no longer in the workspace.
    writeFileSync(cited, baghdadWithSerial('3477'));
    unlinkSync(join(dir, 'cables', '08BAGHDAD3476.cable'));

    const second = await run();
    assert.match(indexedLine(second)!, /^Indexed 2 cables from 3 files in \d+ ms \(1 read, the others unchanged since the index cache\)$/);
    assert.deepEqual(await targetsOf(second, '2008 BAGHDAD 3475'), []);
    assert.deepEqual(await targetsOf(second, '2008 BAGHDAD 3476'), []);
    const found = (await second.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '08BAGHDAD3477' })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => s.location.uri),
      [pathToFileURL(cited).href],
    );
    assert.equal(await second.stop(), 0);
  });

  it('a corrupt cache is rebuilt, and so is one of another Cable version', async () => {
    assert.equal(await (await run()).stop(), 0);
    const [name] = cacheFiles();
    const file = join(cacheDir, name!);
    const good = readFileSync(file);
    // Cut in its rows, then in its header line.
    for (const damaged of [good.subarray(0, good.indexOf('\n"end"\n') - 40), good.subarray(0, 20)]) {
      writeFileSync(file, damaged);
      const afterCorrupt = await run();
      assert.ok(
        afterCorrupt.logs.some((line) => line.includes('cannot be read') && line.includes('indexed again')),
        afterCorrupt.logs.join('\n'),
      );
      assert.match(indexedLine(afterCorrupt)!, /^Indexed 3 cables from 4 files in \d+ ms$/);
      assert.deepEqual(await targetsOf(afterCorrupt, '2008 BAGHDAD 3475'), [pathToFileURL(cited).href]);
      assert.equal(await afterCorrupt.stop(), 0);
      assert.deepEqual(readFileSync(file), good, 'the rebuilt cache is the one a first run writes');
    }

    // Cut in its search segment: the files are served from the cache, their search terms filed again.
    writeFileSync(file, good.subarray(0, good.length - 40));
    const afterCutSegment = await run();
    assert.ok(
      afterCutSegment.logs.some((line) => line.includes('search terms cannot be read')),
      afterCutSegment.logs.join('\n'),
    );
    assert.match(
      indexedLine(afterCutSegment)!,
      /^Indexed 3 cables from 4 files in \d+ ms \(0 read, the others unchanged since the index cache\)$/,
    );
    const found = (await afterCutSegment.connection.sendRequest(WorkspaceSymbolRequest.type, {
      query: '08BAGHDAD3476',
    })) as SymbolInformation[];
    assert.deepEqual(
      found.map((s) => s.name.split(' ')[0]),
      ['08BAGHDAD3476'],
    );
    assert.equal(await afterCutSegment.stop(), 0);

    const [header, ...lines] = good.toString('utf8').split('\n');
    writeFileSync(file, [JSON.stringify({ ...(JSON.parse(header!) as object), version: '0.0.1 0000000000000000' }), ...lines].join('\n'));
    const afterOld = await run();
    assert.ok(
      afterOld.logs.some((line) => line.includes('another Cable version')),
      afterOld.logs.join('\n'),
    );
    assert.match(indexedLine(afterOld)!, /^Indexed 3 cables from 4 files in \d+ ms$/);
    assert.equal(await afterOld.stop(), 0);
    assert.deepEqual(readFileSync(file), good);
  });

  it("a second start's workspace symbols over real cables, found by the search terms the cache keeps, are the first start's", async () => {
    // Both renderings of the corpus sample: the cable IDs, TAGS codes and subject words to ask for come from their text.
    const queries = new Set<string>();
    for (const rendering of ['plain', 'markdown-style']) {
      const from = join(SAMPLE_CORPUS_DIR, rendering);
      mkdirSync(join(dir, rendering));
      for (const name of readdirSync(from)) {
        const text = readFileSync(join(from, name), 'utf8');
        writeFileSync(join(dir, rendering, name), text);
        queries.add(name.slice(0, 6));
        for (const tag of /^TAGS:?\s+(.*)$/m
          .exec(text)?.[1]
          ?.split(/[\s,]+/)
          .slice(0, 2) ?? [])
          queries.add(tag);
        const word = /SUBJECT:?\s+(.*)$/m.exec(text)?.[1]?.match(/[A-Za-z]{6,}/)?.[0];
        if (word) queries.add(word);
      }
    }
    const answers = async (client: LspTestClient) => {
      const all: string[][] = [];
      for (const query of queries) {
        const found = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[];
        all.push(found.map((s) => `${s.name} ${s.location.uri}`).sort());
      }
      return all;
    };
    const first = await run();
    const cold = await answers(first);
    assert.equal(await first.stop(), 0);
    assert.ok(cold.flat().length > 2 * queries.size, `${cold.flat().length} symbols for ${queries.size} queries`);

    const second = await run();
    const loaded = second.logs.map((line) => /^Loaded (\d+) cables from the index cache/.exec(line)).find(Boolean);
    assert.ok(loaded && Number(loaded[1]) > 80, second.logs.join('\n'));
    assert.ok(!second.logs.some((line) => line.includes('search terms cannot be read')), second.logs.join('\n'));
    assert.deepEqual(await answers(second), cold);
    assert.equal(await second.stop(), 0);
  });

  it('writes nothing inside the workspace, even when told to keep its cache there', async () => {
    const before = snapshot(dir);
    assert.equal(await (await run()).stop(), 0);
    assert.equal(await (await run()).stop(), 0);
    const inside = await run({ cacheDir: join(dir, '.cable-cache') });
    assert.equal(await inside.stop(), 0);
    assert.ok(
      inside.logs.some((line) => line.includes('inside the workspace folder')),
      inside.logs.join('\n'),
    );
    assert.deepEqual(snapshot(dir), before);
  });

  it("keeps its cache where the client's initializationOptions say, over --cache-dir", async () => {
    const fromClient = mkdtempSync(join(tmpdir(), 'cable-cache-client-'));
    try {
      assert.equal(await (await run({ cacheDir, initializationOptions: { cacheDir: fromClient } })).stop(), 0);
      assert.deepEqual(cacheFiles(), []);
      assert.equal(cacheFiles(fromClient).length, 1);
    } finally {
      rmSync(fromClient, { recursive: true, force: true });
    }
  });
});
