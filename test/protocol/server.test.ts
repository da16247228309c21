// The real server, spawned as `node dist/server/server.js --stdio`, over JSON-RPC: capabilities,
// the seed beside its cited cable, watched files, files.exclude, folders, open documents, odd input.
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  ShutdownRequest,
  type DocumentSymbol,
  type Location,
  type LocationLink,
  type MarkupContent,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { SEED_FILE } from '../support/corpus.ts';
import { BARE_CAPABILITIES, SERVER_SCRIPT, startServer, type LspTestClient } from '../support/lsp-client.ts';
import { positionOf, SEED_TEXT, WORKSPACE_FIXTURE_DIR } from '../support/service.ts';

const folderUri = (dir: string) => pathToFileURL(dir).href;
const SEED_URI = pathToFileURL(SEED_FILE).href;
const BAGHDAD_FILE = join(WORKSPACE_FIXTURE_DIR, '08BAGHDAD3475.cable');
const BAGHDAD_URI = pathToFileURL(BAGHDAD_FILE).href;
const BAGHDAD_TEXT = readFileSync(BAGHDAD_FILE, 'utf8');
const seed = TextDocument.create(SEED_URI, 'cable', 1, SEED_TEXT);
const FOLDERS = [folderUri(join(SEED_FILE, '..')), folderUri(WORKSPACE_FIXTURE_DIR)];
const baghdadWithSerial = (serial: string) => BAGHDAD_TEXT.replace('BAGHDAD 003475', `BAGHDAD 00${serial}`).replace('#3475', `#${serial}`);

function namesOf(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...namesOf(s.children ?? []).map((n) => `  ${n}`)]);
}

describe('server over stdio, with a client like VS Code', () => {
  let client: LspTestClient;
  before(async () => {
    client = await startServer({ folders: FOLDERS, configuration: () => ({ '**/.git': true }) });
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('advertises outline, hover, definition, incremental sync and workspace folders', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'cable-language-server');
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.definitionProvider);
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.deepEqual(capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  it('outline: paragraphs 1-5 under their headings, hierarchical', async () => {
    client.open(SEED_URI, SEED_TEXT);
    const symbols = (await client.symbols(SEED_URI)) as DocumentSymbol[];
    assert.deepEqual(
      namesOf(symbols).filter((n) => /^ *(\d+\.|Security|Iran)/.test(n)),
      [
        '1. (C) Summary: Meeting with the REO Director…',
        'Security: Election Day and Beyond',
        '  2. (C) During his January 14 meeting with the…',
        'Iran',
        '  3. (C) Aziz vented his frustration at…',
        '  4. (C) Although Aziz expressed support for an…',
        '  5. (C) Comment: Aziz is judged as very…',
      ],
    );
  });

  it('hover on PINS explains it, in markdown, over the code', async () => {
    const hover = await client.hover(SEED_URI, positionOf(seed, 'PINS', 2));
    const contents = hover!.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /\*\*PINS\*\* — subject tag \(Political Affairs\): National Security/);
    assert.equal(seed.getText(hover!.range!), 'PINS');
  });

  it('definition on `2008 BAGHDAD 3475` lands on 08BAGHDAD3475 as a LocationLink over the whole entry', async () => {
    const links = (await client.definition(SEED_URI, positionOf(seed, '2008 BAGHDAD 3475', 9))) as LocationLink[];
    assert.equal(links.length, 1);
    assert.equal(links[0]!.targetUri, BAGHDAD_URI);
    assert.equal(seed.getText(links[0]!.originSelectionRange!), '2008 BAGHDAD 3475');
    const target = TextDocument.create(BAGHDAD_URI, 'cable', 1, BAGHDAD_TEXT);
    assert.equal(target.getText(links[0]!.targetSelectionRange), 'UNCLAS BAGHDAD 003475');
  });

  it('`reftel` leads to the REF entry', async () => {
    const links = (await client.definition(SEED_URI, positionOf(seed, 'reftel', 1))) as LocationLink[];
    assert.equal(seed.getText(links[0]!.targetRange), '2008 BAGHDAD 3475');
  });

  it('registered a watcher for **/*.{cable,txt}, asked for files.exclude per folder, reported indexing progress', () => {
    const watcher = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/*.{cable,txt}' }] });
    assert.deepEqual(
      client.configurationRequests.filter((item) => item.section === 'files.exclude').map((item) => [item.scopeUri, item.section]),
      FOLDERS.map((uri) => [uri, 'files.exclude']),
    );
    assert.deepEqual(
      client.progress.map((p) => p.kind).filter((k, i, all) => all.indexOf(k) === i),
      ['begin', 'report', 'end'],
    );
    assert.equal(client.progress.find((p) => p.kind === 'begin')?.title, 'Indexing cables');
  });

  it('open documents win over disk', async () => {
    client.open(BAGHDAD_URI, baghdadWithSerial('3480'));
    const edited = SEED_TEXT.replace('REF: 2008 BAGHDAD 3475', 'REF: 2008 BAGHDAD 3480');
    client.change(SEED_URI, edited);
    const document = TextDocument.create(SEED_URI, 'cable', 2, edited);
    const links = (await client.definition(SEED_URI, positionOf(document, 'BAGHDAD 3480'))) as LocationLink[];
    assert.deepEqual(
      links.map((l) => l.targetUri),
      [BAGHDAD_URI],
    );
    client.close(BAGHDAD_URI);
    client.change(SEED_URI, SEED_TEXT);
  });
});

describe('server over stdio, with a bare client', () => {
  let client: LspTestClient;
  before(async () => {
    client = await startServer({ folders: FOLDERS, capabilities: BARE_CAPABILITIES });
    client.open(SEED_URI, SEED_TEXT);
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('flat SymbolInformation with container names', async () => {
    const symbols = (await client.symbols(SEED_URI)) as SymbolInformation[];
    assert.ok(symbols.every((s) => 'location' in s && !('children' in s)));
    const three = symbols.find((s) => s.name.startsWith('3. '));
    assert.equal(three?.containerName, 'Iran');
    assert.equal(three?.location.uri, SEED_URI);
  });

  it('plain Locations, and plain-text hovers', async () => {
    const locations = (await client.definition(SEED_URI, positionOf(seed, '2008 BAGHDAD 3475'))) as Location[];
    assert.deepEqual(Object.keys(locations[0]!).sort(), ['range', 'uri']);
    assert.equal(locations[0]!.uri, BAGHDAD_URI);
    const hover = await client.hover(SEED_URI, positionOf(seed, 'PINS'));
    assert.equal((hover!.contents as MarkupContent).kind, 'plaintext');
    assert.match((hover!.contents as MarkupContent).value, /^PINS — subject tag/);
  });

  it('asks nothing the client cannot answer', () => {
    assert.deepEqual(client.registrations, []);
    assert.deepEqual(client.configurationRequests, []);
    assert.deepEqual(client.progress, []);
  });
});

describe('server over stdio: a workspace that changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cable-lsp-'));
  const citing = join(dir, 'drafts', '09BASRAH2.cable');
  const cited = join(dir, 'cables', '08BAGHDAD3475.cable');
  const excluded = join(dir, 'archive', '08BAGHDAD3476.cable');
  const otherFolder = mkdtempSync(join(tmpdir(), 'cable-lsp-other-'));
  let client: LspTestClient;
  const citingDocument = TextDocument.create(
    pathToFileURL(citing).href,
    'cable',
    1,
    SEED_TEXT.replace('REF: 2008 BAGHDAD 3475', 'REF: A. 2008 BAGHDAD 3475 B. 2008 BAGHDAD 3476 C. 2008 BAGHDAD 3481'),
  );
  const targetsOf = async (needle: string) =>
    ((await client.definition(citingDocument.uri, positionOf(citingDocument, needle, 3))) as LocationLink[]).map((l) => l.targetUri);

  before(async () => {
    for (const sub of ['drafts', 'cables', 'archive']) mkdirSync(join(dir, sub));
    writeFileSync(citing, citingDocument.getText());
    writeFileSync(excluded, baghdadWithSerial('3476'));
    writeFileSync(join(otherFolder, '08BAGHDAD3481.cable'), baghdadWithSerial('3481'));
    client = await startServer({ folders: [folderUri(dir)], configuration: () => ({ archive: true, '**/.git': true }) });
    client.open(citingDocument.uri, citingDocument.getText());
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
    rmSync(otherFolder, { recursive: true, force: true });
  });

  it('honours files.exclude: the archived cable is not found', async () => {
    assert.deepEqual(await targetsOf('2008 BAGHDAD 3476'), []);
  });

  it('a created file is found after its watched-file event; a deleted one is gone', async () => {
    assert.deepEqual(await targetsOf('2008 BAGHDAD 3475'), []);
    copyFileSync(BAGHDAD_FILE, cited);
    client.filesChanged([{ uri: pathToFileURL(cited).href, type: FileChangeType.Created }]);
    assert.deepEqual(await targetsOf('2008 BAGHDAD 3475'), [pathToFileURL(cited).href]);
    unlinkSync(cited);
    client.filesChanged([{ uri: pathToFileURL(cited).href, type: FileChangeType.Deleted }]);
    assert.deepEqual(await targetsOf('2008 BAGHDAD 3475'), []);
  });

  it('an added workspace folder is indexed', async () => {
    assert.deepEqual(await targetsOf('2008 BAGHDAD 3481'), []);
    client.foldersChanged([folderUri(otherFolder)], []);
    assert.deepEqual(await targetsOf('2008 BAGHDAD 3481'), [pathToFileURL(join(otherFolder, '08BAGHDAD3481.cable')).href]);
  });
});

describe('server over stdio: odd input', () => {
  let client: LspTestClient;
  before(async () => {
    client = await startServer({ folders: FOLDERS });
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('binary text, unknown documents and positions off the text get empty answers', async () => {
    const uri = 'file:///nowhere/binary.cable';
    client.open(uri, '\u0000\u0001\uFFFD'.repeat(1000));
    assert.deepEqual(await client.symbols(uri), []);
    assert.equal(await client.hover(uri, { line: 99, character: 99 }), null);
    assert.deepEqual(await client.definition(uri, { line: 0, character: 1 }), []);
    assert.equal(await client.symbols('file:///nowhere/never-opened.cable'), null);
  });

  it('a handler that throws is logged and answered with null; the server goes on', async () => {
    // `REF: A.` makes the parser throw (reported to the model's owner); the handler must survive it.
    const uri = 'file:///nowhere/throws.cable';
    client.open(uri, 'REF: A.\n');
    const answer = await client.symbols(uri);
    if (answer === null)
      assert.ok(
        client.logs.some((l) => /documentSymbol failed/.test(l)),
        client.logs.join('\n'),
      );
    client.open(SEED_URI, SEED_TEXT);
    assert.ok(((await client.symbols(SEED_URI)) as DocumentSymbol[]).length > 0);
  });

  it('a malformed request gets an answer, not a crash', async () => {
    const answer = await client.connection.sendRequest('textDocument/hover', { textDocument: {} }).catch((error: unknown) => error);
    assert.ok(answer === null || answer instanceof Error);
    assert.ok(((await client.symbols(SEED_URI)) as DocumentSymbol[]).length > 0);
  });
});

describe('the server script', () => {
  it('speaks over Node IPC too, as the VS Code extension starts it', async () => {
    const child = fork(SERVER_SCRIPT, ['--node-ipc'], { silent: true });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(result.serverInfo?.name, 'cable-language-server');
      await connection.sendNotification(InitializedNotification.type, {});
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: SEED_URI, languageId: 'cable', version: 1, text: SEED_TEXT },
      });
      const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri: SEED_URI },
      })) as SymbolInformation[];
      assert.ok(symbols.some((s) => s.name.startsWith('5. (C) Comment')));
      await connection.sendRequest(ShutdownRequest.type);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      child.kill();
    }
  });

  it('without a transport, prints its usage and exits 2', () => {
    const result = spawnSync(process.execPath, [SERVER_SCRIPT], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /Usage: cable-language-server --stdio/);
  });

  it('--version prints the package version', () => {
    const result = spawnSync(process.execPath, [SERVER_SCRIPT, '--version'], { encoding: 'utf8' });
    assert.equal(result.stdout.trim(), JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version);
  });
});
