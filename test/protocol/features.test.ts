// The features beyond outline, hover and definition, over stdio against the built server:
// references, the citation code lens and its command, workspace symbols, document links, folding,
// published diagnostics and quick fixes, completion, semantic tokens, the cable/summary request,
// and `cable.*` settings applied without a restart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRefreshRequest,
  CodeLensRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentLinkRequest,
  ExecuteCommandRequest,
  MessageType,
  ShowMessageNotification,
  type ShowMessageParams,
  FileChangeType,
  FoldingRangeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  SemanticTokensRefreshRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
  type ClientCapabilities,
  type CompletionList,
  type PublishDiagnosticsParams,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { DIAGNOSTIC_CODES, readSettings } from '../../server/src/service/language-service.ts';
import { DEFAULT_MAX_FILE_SIZE, readMaxFileSize } from '../../server/src/workspace/file-size.ts';
import { SEED_FILE } from '../support/corpus.ts';
import { applyEdits, decodeTokens, edit } from '../support/features.ts';
import { FULL_CAPABILITIES, startServer, type LspTestClient } from '../support/lsp-client.ts';
import { positionOf, SEED_TEXT, WORKSPACE_FIXTURE_DIR } from '../support/service.ts';

const SEED_URI = pathToFileURL(SEED_FILE).href;
const BAGHDAD_FILE = join(WORKSPACE_FIXTURE_DIR, '08BAGHDAD3475.cable');
const BAGHDAD_URI = pathToFileURL(BAGHDAD_FILE).href;
const BAGHDAD_TEXT = readFileSync(BAGHDAD_FILE, 'utf8');
const FOLDERS = [pathToFileURL(join(SEED_FILE, '..')).href, pathToFileURL(WORKSPACE_FIXTURE_DIR).href];
const seed = TextDocument.create(SEED_URI, 'cable', 1, SEED_TEXT);
const MANIFEST = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
const MANIFEST_SETTINGS: Record<string, { type: string; default: unknown; markdownDescription: string }> =
  MANIFEST.contributes.configuration.properties;

describe('the manifest’s cable.* settings', () => {
  it('one per diagnostic code, described as the code is; each switch and the size cap read by the server, with the manifest’s default', () => {
    const codeSettings = Object.keys(MANIFEST_SETTINGS).filter(
      (key) => key.startsWith('cable.diagnostics.') && key !== 'cable.diagnostics.enabled',
    );
    assert.deepEqual(codeSettings.map((key) => key.slice('cable.diagnostics.'.length)).sort(), Object.keys(DIAGNOSTIC_CODES).sort());
    for (const key of codeSettings) {
      const code = key.slice('cable.diagnostics.'.length);
      assert.equal(MANIFEST_SETTINGS[key]!.markdownDescription, `Report \`${code}\`: ${DIAGNOSTIC_CODES[code]}`, key);
    }
    // Every switch the server reads, as VS Code nests it: `cable.codeLens.enabled` is `{ codeLens: { enabled } }`.
    const nested = (key: string, value: unknown) =>
      key
        .slice('cable.'.length)
        .split('.')
        .reduceRight<unknown>((inner, part) => ({ [part]: inner }), value);
    const defaults = readSettings({});
    assert.equal(MANIFEST_SETTINGS['cable.maxFileSize']?.default, DEFAULT_MAX_FILE_SIZE);
    assert.equal(readMaxFileSize(1000), 1000);
    // The server's switches (the client may read settings of its own).
    const switches = Object.entries(MANIFEST_SETTINGS).filter(([key]) => /^cable\.(?:diagnostics\.[a-z-]+|[A-Za-z]+\.enabled)$/.test(key));
    assert.ok(switches.length >= codeSettings.length + 5);
    for (const [key, setting] of switches) {
      assert.equal(setting.type, 'boolean', key);
      assert.deepEqual(readSettings(nested(key, setting.default)), defaults, `${key}: the manifest’s default is the server’s`);
      assert.notDeepEqual(readSettings(nested(key, !setting.default)), defaults, `${key} is not read by the server`);
    }
  });

  it('README’s settings table is the manifest’s: every setting, its default and description', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const rows = Object.entries(MANIFEST_SETTINGS).map(
      ([key, setting]) => `| \`${key}\` | \`${JSON.stringify(setting.default)}\` | ${setting.markdownDescription.replace(/\|/g, '\\|')} |`,
    );
    const table = ['| setting | default | what it does |', '|---|---|---|', ...rows].join('\n');
    assert.ok(readme.includes(`${table}\n`), `README.md's settings table should read:\n${table}`);
  });
});
const baghdad = TextDocument.create(BAGHDAD_URI, 'cable', 1, BAGHDAD_TEXT);

/** VS Code's capabilities, plus refresh support and folding ranges with collapsed text. */
const CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: { ...FULL_CAPABILITIES.textDocument, foldingRange: { foldingRange: { collapsedText: true } } },
  workspace: { ...FULL_CAPABILITIES.workspace, codeLens: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
};

describe('features over stdio', () => {
  let client: LspTestClient;
  /** What the client answers for the `cable` section; tests change it and notify the server. */
  let cableSettings: Record<string, unknown> = {};
  const published = new Map<string, PublishDiagnosticsParams[]>();
  const refreshes = { codeLens: 0, semanticTokens: 0 };

  /** Resolves with the next diagnostics published for `uri` that satisfy `accept`. */
  async function nextDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      const found = (published.get(uri) ?? []).find(accept);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no diagnostics for ${uri}: ${JSON.stringify(published.get(uri))}`);
  }

  before(async () => {
    client = await startServer({
      folders: FOLDERS,
      capabilities: CAPABILITIES,
      configuration: (item) => (item.section === 'cable' ? cableSettings : {}),
    });
    client.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
      published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    });
    client.connection.onRequest(CodeLensRefreshRequest.type, () => void refreshes.codeLens++);
    client.connection.onRequest(SemanticTokensRefreshRequest.type, () => void refreshes.semanticTokens++);
    client.open(SEED_URI, SEED_TEXT);
    client.open(BAGHDAD_URI, BAGHDAD_TEXT);
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('advertises every feature; asks for the cable settings and registers for their changes', async () => {
    const { capabilities } = client.initializeResult;
    assert.equal(capabilities.referencesProvider, true);
    assert.deepEqual(capabilities.codeLensProvider, { resolveProvider: false });
    assert.deepEqual(capabilities.executeCommandProvider, { commands: ['cable.showReferences'] });
    assert.equal(capabilities.workspaceSymbolProvider, true);
    assert.deepEqual(capabilities.documentLinkProvider, { resolveProvider: false });
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.deepEqual(capabilities.completionProvider?.triggerCharacters, ['(', '[']);
    assert.deepEqual(capabilities.semanticTokensProvider?.legend, {
      tokenTypes: ['cableReference', 'tagCode'],
      tokenModifiers: ['unresolved', 'unknown'],
    });
    for (
      let waited = 0;
      !client.registrations.some(
        (r) => r.method === 'workspace/didChangeConfiguration' && JSON.stringify(r.registerOptions) === '{"section":"cable"}',
      ) && waited < 5000;
      waited += 50
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(client.configurationRequests.some((item) => item.section === 'cable'));
    assert.ok(
      client.registrations.some(
        (r) => r.method === 'workspace/didChangeConfiguration' && JSON.stringify(r.registerOptions) === '{"section":"cable"}',
      ),
    );
  });

  it('references on the banner: the REF entry that cites the cable', async () => {
    const locations = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: BAGHDAD_URI },
      position: positionOf(baghdad, 'UNCLAS', 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      locations?.map((l) => [l.uri, seed.getText(l.range)]),
      [[SEED_URI, '2008 BAGHDAD 3475']],
    );
    const onReftel = await client.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: SEED_URI },
      position: positionOf(seed, 'reftel', 2),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      onReftel?.map((l) => seed.getText(l.range)),
      ['2008 BAGHDAD 3475', 'reftel'],
    );
  });

  it('code lens above the banner: “cited by 1 cable · cites 0”, its command listing the citation', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: BAGHDAD_URI } });
    assert.equal(lenses?.length, 1);
    const [lens] = lenses!;
    assert.equal(lens!.range.start.line, positionOf(baghdad, 'UNCLAS').line);
    assert.equal(lens!.command?.title, 'cited by 1 cable · cites 0');
    assert.equal(lens!.command?.command, 'cable.showReferences');
    const [uri, position, locations] = lens!.command!.arguments as [string, unknown, { uri: string }[]];
    assert.deepEqual([uri, position, locations.map((l) => l.uri)], [BAGHDAD_URI, lens!.range.start, [SEED_URI]]);
  });

  it('the lens’s command run through workspace/executeCommand: its locations as the answer, the list as a message', async () => {
    const messages: ShowMessageParams[] = [];
    const listener = client.connection.onNotification(
      ShowMessageNotification.type,
      (params: ShowMessageParams) => void messages.push(params),
    );
    try {
      const [lens] = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: SEED_URI } }))!;
      const answer = (await client.connection.sendRequest(ExecuteCommandRequest.type, lens!.command!)) as { uri: string }[];
      assert.deepEqual(
        answer.map((l) => l.uri),
        [BAGHDAD_URI],
      );
      for (let waited = 0; messages.length === 0 && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(messages, [
        { type: MessageType.Info, message: 'cited by 0 cables · cites 1\ncites 08BAGHDAD3475 (08BAGHDAD3475.cable:9)' },
      ]);
      await assert.rejects(
        client.connection.sendRequest(ExecuteCommandRequest.type, {
          command: 'cable.showReferences',
          arguments: ['file:///not/open.cable'],
        }),
        /takes the URI of an open cable/,
      );
      await assert.rejects(
        client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'cable.other' }),
        /Cable has no command cable.other/,
      );
    } finally {
      listener.dispose();
    }
  });

  it('workspace symbols by ID prefix, TAGS code and subject words', async () => {
    const find = async (query: string) =>
      ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[]).map(
        (s) => s.name.split(' ')[0],
      );
    assert.deepEqual(await find('09BAS'), ['09BASRAH2']);
    assert.deepEqual(await find('PGOV'), ['08BAGHDAD3475', '09BASRAH2']);
    assert.deepEqual(await find('aziz confident'), ['09BASRAH2']);
    const [symbol] = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '08BAGHDAD3475' })) as SymbolInformation[];
    assert.equal(symbol!.location.uri, BAGHDAD_URI);
  });

  it('a client that shows the lens’s locations itself (VS Code’s) is not given the command to register', async () => {
    const vscodeLike = await startServer({ folders: FOLDERS, initializationOptions: { showsReferences: true } });
    try {
      assert.equal(vscodeLike.initializeResult.capabilities.executeCommandProvider, undefined);
      assert.deepEqual(vscodeLike.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
    } finally {
      assert.equal(await vscodeLike.stop(), 0);
    }
  });

  it('an empty workspace symbol query lists the cables, newest first', async () => {
    const all = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as SymbolInformation[];
    assert.deepEqual(
      all.map((s) => [s.name.split(' ')[0], s.containerName?.split(' · ')[0]]),
      [
        ['09BASRAH2', '2009-01-25'],
        ['08BAGHDAD3475', '2008-10-31'],
      ],
    );
  });

  it('document links: the REF entry to the cited file, reftel to the entry', async () => {
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: SEED_URI } });
    assert.deepEqual(
      links?.map((l) => [seed.getText(l.range), l.target]),
      [
        ['2008 BAGHDAD 3475', `${BAGHDAD_URI}#L9,1`],
        ['reftel', `${SEED_URI}#L23,6`],
      ],
    );
  });

  it('folding ranges with collapsed text for a client that shows it', async () => {
    const ranges = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: SEED_URI } });
    assert.deepEqual(
      ranges?.map((r) => r.collapsedText),
      [
        'Routing header · 251427Z JAN 09 · FM REO BASRAH',
        'SUBJECT: MAJOR GENERAL AZIZ CONFIDENT ABOUT SECURITY BUT…',
        'Security: Election Day and Beyond (1 paragraph)',
        'Iran (3 paragraphs)',
        '14. (C) Although Aziz expressed support for an open commerce…',
      ],
    );
  });

  it('diagnostics are published on change, with codes; a quick fix marks the paragraph (U)', async () => {
    const faulty = SEED_TEXT.replace('[IR](#)', '[IR](#) [PXYZ](#)').replace('12. (C) During', '12. During');
    client.change(SEED_URI, faulty);
    const diagnostics = (await nextDiagnostics(SEED_URI, (p) => p.version === 2)).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.source]),
      [
        ['unmarked-paragraph', 2, 'cable'],
        ['unknown-tag', 2, 'cable'],
      ],
    );
    const document = TextDocument.create(SEED_URI, 'cable', 2, faulty);
    const at = positionOf(document, '12. During');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SEED_URI },
      range: { start: at, end: at },
      context: { diagnostics },
    });
    const fix = actions?.find((a) => 'edit' in a && a.title === 'Mark paragraph 2 (U)');
    assert.ok(fix && 'edit' in fix);
    assert.deepEqual(fix.edit?.changes?.[SEED_URI], [
      { range: { start: { line: at.line, character: 4 }, end: { line: at.line, character: 4 } }, newText: '(U) ' },
    ]);
  });

  it('a setting switches a diagnostic off without a restart', async () => {
    cableSettings = { diagnostics: { 'unknown-tag': false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const after = await nextDiagnostics(SEED_URI, (p) => p.version === 2 && !p.diagnostics.some((d) => d.code === 'unknown-tag'));
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      ['unmarked-paragraph'],
    );
    cableSettings = { codeLens: { enabled: false }, semanticHighlighting: { enabled: false } };
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await nextDiagnostics(SEED_URI, (p) => p.diagnostics.some((d) => d.code === 'unknown-tag') && p === published.get(SEED_URI)!.at(-1));
    assert.equal(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: BAGHDAD_URI } }), null);
    assert.deepEqual(await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: SEED_URI } }), { data: [] });
    cableSettings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    client.change(SEED_URI, SEED_TEXT);
    assert.deepEqual((await nextDiagnostics(SEED_URI, (p) => p.version === 3)).diagnostics, []);
  });

  it('completion: TAGS codes in the TAGS line, markings after a number', async () => {
    const tags = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: BAGHDAD_URI },
      position: positionOf(baghdad, 'PGOV IZ', 7),
    })) as CompletionList;
    assert.ok(tags.items.some((i) => i.label === 'IZ' && i.detail === 'IRAQ'));
    const markings = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: BAGHDAD_URI },
      position: positionOf(baghdad, '1. (U)', 3),
    })) as CompletionList;
    assert.deepEqual(markings.items.map((i) => i.label).sort(), ['(SBU)', '(U)']);
  });

  it('semantic tokens: the resolved REF entry', async () => {
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: SEED_URI } });
    const at = positionOf(seed, '2008 BAGHDAD 3475');
    assert.deepEqual(tokens?.data, [at.line, at.character, '2008 BAGHDAD 3475'.length, 0, 0]);
  });

  it('cable/summary: the card as markdown; null for a document not open', async () => {
    const summary = (await client.connection.sendRequest('cable/summary', { textDocument: { uri: BAGHDAD_URI } })) as { markdown: string };
    assert.match(summary.markdown, /^# 08BAGHDAD3475/);
    assert.match(summary.markdown, /## Cited by 1 cable in the workspace/);
    assert.equal(await client.connection.sendRequest('cable/summary', { textDocument: { uri: 'file:///nowhere.cable' } }), null);
    assert.equal(await client.connection.sendRequest('cable/summary', {}), null);
  });

  it('a changed file on disk asks the client to refresh code lenses and semantic tokens', async () => {
    const before = { ...refreshes };
    // A file that is not open: the events of open documents wait for their close.
    client.filesChanged([{ uri: pathToFileURL(join(WORKSPACE_FIXTURE_DIR, 'notes.txt')).href, type: FileChangeType.Changed }]);
    for (let waited = 0; refreshes.codeLens === before.codeLens && waited < 5000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(
      refreshes.codeLens > before.codeLens && refreshes.semanticTokens > before.semanticTokens,
      JSON.stringify({ before, refreshes }),
    );
  });

  // The seed's versions so far: 1 (open), 2 (faults), 3 (clean again).
  it('a quick fix renumbers a run of paragraphs that repeats and skips', async () => {
    const broken = edit(edit(SEED_TEXT, '13. (C) Aziz', '12. (C) Aziz'), '15. (C) Comment', '17. (C) Comment');
    client.change(SEED_URI, broken);
    const { diagnostics } = await nextDiagnostics(SEED_URI, (p) => p.version === 4);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ['Paragraph number 2 repeats.', 'Paragraph numbers skip from 2 to 4.', 'Paragraph numbers skip from 4 to 7.'],
    );
    const document = TextDocument.create(SEED_URI, 'cable', 4, broken);
    const at = positionOf(document, '12. (C) Aziz');
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: SEED_URI },
      range: { start: at, end: at },
      context: { diagnostics, only: ['quickfix'] },
    });
    const [renumber] = actions ?? [];
    assert.ok(renumber && 'edit' in renumber && renumber.title === 'Renumber paragraphs 1–5 in order', JSON.stringify(actions));
    assert.equal(applyEdits(document, renumber.edit!.changes![SEED_URI]!), SEED_TEXT);
  });

  it('REF completion, links and tokens: a cited cable outside the workspace, `para 2`, an unknown TAGS code', async () => {
    const text = edit(
      edit(
        edit(SEED_TEXT, 'REF: 2008 BAGHDAD 3475', 'REF: A. 2008 BAGHDAD 3475\nB. 2008 BAGHDAD 3476\nC. 08 BAGH'),
        '[IR](#)',
        '[IR](#) [PXYZ](#)',
      ),
      '(See reftel.)',
      '(See REF B and para 2.)',
    );
    client.change(SEED_URI, text);
    const document = TextDocument.create(SEED_URI, 'cable', 5, text);
    const completion = (await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: SEED_URI },
      position: positionOf(document, 'C. 08 BAGH', 10),
    })) as CompletionList;
    assert.deepEqual(
      completion.items.map((i) => [i.label, i.detail]),
      [['08 BAGHDAD 3475', 'SYNTHETIC TEST CABLE STANDING IN FOR 2008 BAGHDAD 3475']],
    );
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: SEED_URI } });
    const paragraph2 = positionOf(document, '12. (C) During');
    assert.deepEqual(
      links?.map((l) => [document.getText(l.range), l.target]),
      [
        ['2008 BAGHDAD 3475', `${BAGHDAD_URI}#L9,1`],
        ['REF B', `${SEED_URI}#L${positionOf(document, 'B. 2008 BAGHDAD 3476').line + 1},1`],
        ['para 2', `${SEED_URI}#L${paragraph2.line + 1},${paragraph2.character + 1}`],
      ],
    );
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: SEED_URI } });
    assert.deepEqual(decodeTokens(document, tokens?.data ?? []), [
      'PXYZ: tagCode.unknown',
      '2008 BAGHDAD 3475: cableReference',
      '2008 BAGHDAD 3476: cableReference.unresolved',
    ]);
    client.change(SEED_URI, SEED_TEXT);
    await nextDiagnostics(SEED_URI, (p) => p.version === 6 && p.diagnostics.length === 0);
  });

  it('every switch applies without a restart: links, completion, all diagnostics, the size cap and its diagnostic', async () => {
    const apply = async (settings: Record<string, unknown>) => {
      cableSettings = settings;
      const count = published.get(SEED_URI)!.length;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      // Settings republish the diagnostics of open documents: after that, they are in force.
      return nextDiagnostics(SEED_URI, (p) => published.get(SEED_URI)!.indexOf(p) >= count);
    };
    const tagsLine = positionOf(baghdad, 'PGOV IZ', 7);
    await apply({ documentLinks: { enabled: false }, completion: { enabled: false } });
    assert.deepEqual(await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: SEED_URI } }), []);
    assert.equal(
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: BAGHDAD_URI }, position: tagsLine }),
      null,
    );
    const capped = await apply({ maxFileSize: 1000 });
    assert.deepEqual(
      capped.diagnostics.map((d) => d.code),
      ['too-large'],
    );
    assert.match(String(capped.diagnostics[0]!.message), /more than cable\.maxFileSize \(1000 bytes\)/);
    assert.deepEqual((await apply({ maxFileSize: 1000, diagnostics: { 'too-large': false } })).diagnostics, []);
    client.change(SEED_URI, edit(SEED_TEXT, '[IR](#)', '[IR](#) [PXYZ](#)'));
    assert.deepEqual((await apply({ diagnostics: { enabled: false } })).diagnostics, []);
    assert.deepEqual(
      (await apply({})).diagnostics.map((d) => d.code),
      ['unknown-tag'],
    );
    assert.ok(
      (
        (await client.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri: BAGHDAD_URI },
          position: tagsLine,
        })) as CompletionList
      ).items.length > 0,
    );
    assert.ok((await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: SEED_URI } }))!.length > 0);
  });
});
