// Fuzzing the language server over the protocol: the built server spawned with --stdio gets random
// edits (incremental and full; CRLF, CR, NUL, BOM, lone surrogates, huge lines, whole mangled
// cables), random requests of every kind it serves at random positions (some cancelled), and
// random file events in a temporary workspace (files created, rewritten, deleted, turned into
// folders, symbolic links, binary or UTF-16 bytes; watched-file events that lie; folders and
// settings changed), for a bounded time. A run fails when the server exits, logs an error (its
// handlers catch and log what they throw), answers a request with an error other than
// cancellation, answers outside the document (ranges, folds, tokens, diagnostics), points
// anywhere but the workspace, or answers slower than the bound (in wall time and in the server's
// CPU time while the request was pending: on a loaded machine a request can wait for a CPU).
// Run by bench/fuzz.ts (`npm run bench:fuzz -- [--minutes M] [--seed S] …`) and, short, by
// test/protocol/fuzz.test.ts. Every action comes from the seeded PRNG and the fuzzer's own copy of the documents, never from
// the server's answers, so `--seed S` replays a run's actions (`--steps N` stops after step N).
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  ResponseError,
  type ClientCapabilities,
  type ConfigurationItem,
  type FileEvent,
  type Position,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/features/code-lens.ts';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/lsp-encodings.ts';
import { hostileText, mangledCable, REAL_CABLES } from './cable-arbitraries.ts';
import { HOSTILE_FIXTURE_DIR, bigCable, longLine } from './hostile-files.ts';
import { foldingProblems, lineLengths, outlineProblems } from './invariants.ts';
import { FULL_CAPABILITIES, SERVER_SCRIPT, startServer, type LspTestClient } from './lsp-client.ts';

const ROOT = join(__dirname, '..', '..');
/** LSP error codes a cancelled request may answer with: RequestCancelled, ServerCancelled. */
const CANCELLED_CODES = new Set([-32800, -32802]);
/** No answer in this long is a hang, whatever the speed bound. */
const HANG_MS = 60_000;
/** The fuzzer keeps this many versions of each document to check answers against. */
const KEPT_VERSIONS = 12;
/** A document past this many characters is replaced whole by its next edit. */
const MAX_DOCUMENT_CHARS = 8_000_000;
const MAX_OPEN_DOCUMENTS = 6;

/** Every request the server serves, with how often the fuzz sends it. */
const REQUESTS: readonly (readonly [number, string])[] = [
  [10, 'textDocument/hover'],
  [8, 'textDocument/definition'],
  [6, 'textDocument/references'],
  [6, 'textDocument/documentSymbol'],
  [5, 'textDocument/foldingRange'],
  [5, 'textDocument/documentLink'],
  [5, 'textDocument/codeLens'],
  [6, 'textDocument/completion'],
  [5, 'textDocument/semanticTokens/full'],
  [5, 'textDocument/codeAction'],
  [4, 'workspace/symbol'],
  [4, 'cable/summary'],
];
export const REQUEST_METHODS = REQUESTS.map(([, method]) => method);

export interface FuzzOptions {
  seed: number;
  durationMs: number;
  /** Stop after this step (a replay up to a failure). */
  maxSteps?: number;
  /** A request slower than this fails the run (bench); undefined: only hangs fail (tests). */
  boundMs?: number;
  /** Huge documents and files (5 MB lines, 6 MB cables); off for a short run. */
  huge?: boolean;
  /** On failure, the kept versions of the open documents are written here (`--dump DIR`). */
  dumpDir?: string;
  log?: (line: string) => void;
}

export interface MethodFigures {
  count: number;
  cancelled: number;
  times: number[];
}

export interface FuzzResult {
  seed: number;
  steps: number;
  requests: number;
  edits: number;
  fileEvents: number;
  diagnostics: number;
  elapsedMs: number;
  byMethod: Map<string, MethodFigures>;
  slowest: { method: string; ms: number; serverCpuMs: number; step: number } | undefined;
  /** Requests over the bound in wall time while the server's CPU time stayed under it: a loaded machine, not a slow server. */
  starved: number;
  failure: { step: number; message: string; recent: string[] } | undefined;
}

/** sfc32: small, fast, and the same sequence for a seed on every machine. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    let roll = this.next() * choices.reduce((sum, [w]) => sum + w, 0);
    for (const [weight, value] of choices) if ((roll -= weight) < 0) return value;
    return choices[choices.length - 1]![1];
  }
  /** A value of a fast-check generator, drawn with a seed from this sequence. */
  sample<T>(arbitrary: fc.Arbitrary<T>): T {
    return fc.sample(arbitrary, { seed: this.int(2 ** 31), numRuns: 1 })[0]!;
  }
}

/** Characters and strings that break naive text handling. */
const ODD_PIECES = [
  '\r\n',
  '\r',
  '\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '\uDBFF\uDFFF',
  '😀',
  '\u2028',
  '\t',
  '\u00A0',
  'é',
  '\uFFFD',
  '¶',
];
/** Cable text that would run code or reach the network if an answer passed it through. */
const PAYLOADS = [
  '[run](command:workbench.action.terminal.new)',
  '![x](https://evil.example/x.png)',
  '<img src=x onerror=alert(1)>',
  '<a href="https://evil.example">x</a>',
  'TAGS: [PGOV](command:x)',
];

interface OpenDocument {
  uri: string;
  mirror: TextDocument;
  /** Texts by version, the last KEPT_VERSIONS of them. */
  versions: Map<number, Version>;
  /** With `--dump`: the text it was opened with and every change sent, to replay in process. */
  history?: { opened: string; changes: { version: number; changes: TextDocumentContentChangeEvent[] }[] };
}

interface Version {
  text: string;
  /** Line lengths, worked out once when an answer is checked. */
  lengths?: number[];
}

const lengthsOf = (version: Version) => (version.lengths ??= lineLengths(version.text));

interface Sent {
  method: string;
  uri?: string;
  /** The document's version when the request was sent: answers may be for it or any later one. */
  version?: number;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const log = options.log ?? (() => {});
  const random = new Random(options.seed);
  const started = performance.now();
  const result: FuzzResult = {
    seed: options.seed,
    steps: 0,
    requests: 0,
    edits: 0,
    fileEvents: 0,
    diagnostics: 0,
    elapsedMs: 0,
    byMethod: new Map(),
    slowest: undefined,
    starved: 0,
    failure: undefined,
  };
  const recent: string[] = [];
  /** Answers to check at the end of the step. */
  const checks: (() => void)[] = [];
  /** The first request of the step slower than the bound. */
  let slow: string | undefined;
  let step = 0;
  const fail = (message: string) => {
    result.failure ??= { step, message, recent: [...recent] };
  };
  const note = (line: string) => {
    recent.push(`step ${step}: ${line}`);
    if (recent.length > 12) recent.shift();
  };

  const scratch = mkdtempSync(join(tmpdir(), 'cable-fuzz-'));
  const workspace = join(scratch, 'ws');
  const workspaceUri = pathToFileURL(workspace).href;
  const outside = join(scratch, 'outside');
  mkdirSync(outside);
  populateWorkspace(workspace);
  const documents = new Map<string, OpenDocument>();
  /** Files the fuzzer made or changed in the workspace, by path. */
  const madeFiles: string[] = [];
  const addedFolders: string[] = [];
  let settings: Record<string, unknown> = {};
  let excludes: Record<string, boolean> = { '**/.git': true };
  let fileCounter = 0;

  const configuration = (item: ConfigurationItem): unknown =>
    item.section === 'cable' ? settings : item.section === 'files.exclude' ? excludes : null;
  let client: LspTestClient;
  try {
    client = await startServer({ folders: [workspaceUri], capabilities: FUZZ_CAPABILITIES, configuration });
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
  const connection = client.connection;
  let stopping = false;
  const exited = new Promise<string>((resolve) =>
    client.process.once('exit', (code, signal) => resolve(`the server exited (code ${code}, signal ${signal})`)),
  );
  void exited.then((message) => stopping || fail(message));
  client.process.stderr!.on('data', (chunk: Buffer) => fail(`the server wrote to stderr: ${chunk.toString().slice(0, 2000)}`));
  connection.onNotification(LogMessageNotification.type, (params) => {
    if (params.type === MessageType.Error) fail(`the server logged an error: ${params.message.slice(0, 4000)}`);
  });
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/semanticTokens/refresh', () => null);
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    result.diagnostics++;
    const version = params.version === undefined ? undefined : documents.get(params.uri)?.versions.get(params.version);
    if (version === undefined) return;
    const lengths = lengthsOf(version);
    for (const diagnostic of params.diagnostics) {
      const problem = rangeProblem(diagnostic.range, lengths);
      if (problem) fail(`diagnostic ${JSON.stringify(diagnostic)} of ${params.uri} version ${params.version}: ${problem}`);
    }
  });

  // --- texts ---------------------------------------------------------------------------------
  const realText = () => random.pick(REAL_CABLES).text;
  const hugeAllowed = options.huge !== false;
  function fragment(): string {
    return random.weighted<() => string>([
      [
        30,
        () => {
          const text = realText();
          const at = random.int(text.length);
          return text.slice(at, at + random.int(random.chance(0.1) ? 3000 : 200));
        },
      ],
      [20, () => random.sample(hostileText)],
      [20, () => Array.from({ length: 1 + random.int(4) }, () => random.pick(ODD_PIECES)).join('')],
      [15, () => ''],
      [5, () => random.pick(PAYLOADS)],
      [2, () => '\n'.repeat(1 + random.int(5000))],
      [hugeAllowed ? 1 : 0, () => longLine(100_000 + random.int(900_000))],
    ])();
  }
  function wholeText(): string {
    return random.weighted<() => string>([
      [25, realText],
      [30, () => random.sample(mangledCable).text],
      [12, () => random.sample(hostileText)],
      [5, () => ''],
      [8, () => realText().replace(/\n/g, random.pick(['\r\n', '\r']))],
      [5, () => Buffer.from(Array.from({ length: random.int(4000) }, () => random.int(256))).toString('latin1')],
      [3, () => PAYLOADS.join('\n') + realText()],
      [hugeAllowed ? 1 : 0, () => longLine(5_000_000)],
      [hugeAllowed ? 1 : 0, () => bigCable(6 * 1024 * 1024)],
      [hugeAllowed ? 0 : 1, () => longLine(300_000)],
    ])();
  }
  function fileBytes(): Buffer {
    return random.weighted<() => Buffer>([
      [40, () => Buffer.from(random.chance(0.5) ? realText() : random.sample(mangledCable).text)],
      [10, () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(realText(), 'utf16le')])],
      [10, () => Buffer.from(realText().replace(/Basra/g, 'Négron “x”'), 'latin1')],
      [10, () => Buffer.from(Array.from({ length: random.int(3000) }, () => random.int(256)))],
      [5, () => Buffer.alloc(0)],
      [10, () => Buffer.from(random.sample(hostileText))],
      [hugeAllowed ? 1 : 0, () => Buffer.from(bigCable(6 * 1024 * 1024))],
    ])();
  }

  // --- positions and documents ---------------------------------------------------------------
  function position(document: OpenDocument | undefined): Position {
    if (!document || random.chance(0.04))
      return { line: random.int(random.chance(0.5) ? 10 : 1_000_000), character: random.int(random.chance(0.5) ? 10 : 100_000) };
    return document.mirror.positionAt(random.int(document.mirror.getText().length + 1));
  }
  function range(document: OpenDocument | undefined): Range {
    const start = position(document);
    if (!document) return { start, end: start };
    const from = document.mirror.offsetAt(start);
    return { start, end: document.mirror.positionAt(from + random.int(random.chance(0.2) ? 20_000 : 300)) };
  }
  function anyDocument(): OpenDocument | undefined {
    const open = [...documents.values()];
    return open.length ? random.pick(open) : undefined;
  }
  function newUri(): string {
    fileCounter++;
    return random.weighted<() => string>([
      [4, () => pathToFileURL(join(workspace, 'open', `d${fileCounter}.cable`)).href],
      [
        3,
        () => {
          const files = listCables(workspace);
          return files.length ? pathToFileURL(random.pick(files)).href : `untitled:Untitled-${fileCounter}`;
        },
      ],
      [2, () => `untitled:Untitled-${fileCounter}`],
      [1, () => pathToFileURL(join(outside, `o${fileCounter}.cable`)).href],
      [1, () => pathToFileURL(join(workspace, 'open', `odd name #${fileCounter} % é.cable`)).href],
    ])();
  }
  /** A URI no document is open at: a request on it must answer nothing, not fail. */
  function unopenedUri(): string {
    return random.pick([
      `untitled:Nothing-${random.int(9)}`,
      pathToFileURL(join(workspace, 'missing.cable')).href,
      'file:///',
      'vscode-vfs://github/x/y.cable',
    ]);
  }

  function keep(document: OpenDocument): void {
    document.versions.set(document.mirror.version, { text: document.mirror.getText() });
    for (const version of document.versions.keys())
      if (version <= document.mirror.version - KEPT_VERSIONS) document.versions.delete(version);
  }

  function openDocument(): void {
    const uri = newUri();
    if (documents.has(uri)) return;
    const text = wholeText();
    const document: OpenDocument = {
      uri,
      mirror: TextDocument.create(uri, 'cable', 1, text),
      versions: new Map(),
      history: options.dumpDir ? { opened: text, changes: [] } : undefined,
    };
    keep(document);
    documents.set(uri, document);
    note(`open ${uri} (${text.length} chars)`);
    void connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'cable', version: 1, text },
    });
  }

  function closeDocument(document: OpenDocument): void {
    documents.delete(document.uri);
    note(`close ${document.uri}`);
    void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: document.uri } });
  }

  function edit(document: OpenDocument, whole: boolean): void {
    const changes: TextDocumentContentChangeEvent[] = [];
    const version = document.mirror.version + 1;
    let text = document.mirror.getText();
    if (whole || text.length > MAX_DOCUMENT_CHARS) changes.push({ text: (text = wholeText()) });
    else {
      // Each change's range is in the text the changes before it left (a few lie past its end).
      for (let n = random.chance(0.2) ? 2 + random.int(4) : 1; n > 0; n--) {
        const change = { range: range(random.chance(0.97) ? document : undefined), text: fragment() };
        changes.push(change);
        // The expected text, worked out on offsets rather than by the library the server uses.
        const [start, end] = [document.mirror.offsetAt(change.range.start), document.mirror.offsetAt(change.range.end)].sort(
          (a, b) => a - b,
        ) as [number, number];
        text = text.slice(0, start) + change.text + text.slice(end);
        document.mirror = TextDocument.create(document.uri, 'cable', version, text);
      }
    }
    document.history?.changes.push({ version, changes });
    document.mirror = TextDocument.create(document.uri, 'cable', version, text);
    keep(document);
    result.edits++;
    const described = changes
      .map((c) => ('range' in c ? `${showRange(c.range)} ← ${c.text.length} chars` : `whole ← ${c.text.length} chars`))
      .join(', ');
    note(`change ${document.uri} v${version}: ${described}`);
    void connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version },
      contentChanges: changes,
    });
  }

  // --- requests ------------------------------------------------------------------------------
  function requestParams(method: string, document: OpenDocument | undefined): unknown {
    const textDocument = { uri: document?.uri ?? unopenedUri() };
    switch (method) {
      case 'textDocument/hover':
      case 'textDocument/definition':
        return { textDocument, position: position(document) };
      case 'textDocument/references':
        return { textDocument, position: position(document), context: { includeDeclaration: random.chance(0.5) } };
      case 'textDocument/completion':
        return {
          textDocument,
          position: position(document),
          context: random.chance(0.5) ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter: random.pick(['(', '[']) },
        };
      case 'textDocument/codeAction': {
        const at = range(document);
        const diagnostics = random.chance(0.5)
          ? []
          : [
              {
                range: at,
                message: 'x',
                code: random.pick(['paragraph-numbering', 'unmarked-paragraph', 'no-banner', 'nonsense']),
                source: 'cable',
              },
            ];
        return {
          textDocument,
          range: at,
          context: { diagnostics, ...(random.chance(0.2) ? { only: [random.pick(['quickfix', 'refactor', 'source'])] } : {}) },
        };
      }
      case 'workspace/symbol':
        return {
          query: random.weighted<() => string>([
            [3, () => ''],
            [
              6,
              () =>
                document
                  ? (document.mirror
                      .getText()
                      .slice(random.int(document.mirror.getText().length))
                      .match(/\S{1,12}/)?.[0] ?? '')
                  : 'BAGHDAD',
            ],
            [3, () => random.sample(hostileText).slice(0, 40)],
            [1, () => 'A'.repeat(10_000)],
          ])(),
        };
      case 'cable/summary':
        return random.chance(0.9) ? { textDocument } : random.pick([{}, { textDocument: { uri: 5 } }, null, { textDocument: null }]);
      default:
        return { textDocument };
    }
  }

  function figuresOf(method: string): MethodFigures {
    let figures = result.byMethod.get(method);
    if (!figures) result.byMethod.set(method, (figures = { count: 0, cancelled: 0, times: [] }));
    return figures;
  }

  async function request(method: string, document: OpenDocument | undefined, cancel: 'no' | 'now' | 'soon'): Promise<void> {
    const params = requestParams(method, document);
    const sent: Sent = { method, uri: document?.uri, version: document?.mirror.version };
    const source = new CancellationTokenSource();
    const delay = random.int(30);
    const described = `${method} ${JSON.stringify(params, (key, value: unknown) => (key === 'diagnostics' ? undefined : value)).slice(0, 300)}${cancel === 'no' ? '' : ` (cancelled ${cancel === 'now' ? 'at once' : `after ${delay} ms`})`}`;
    note(described);
    const at = step;
    const figures = figuresOf(method);
    figures.count++;
    result.requests++;
    if (cancel !== 'no') figures.cancelled++;
    if (cancel === 'now') source.cancel();
    else if (cancel === 'soon') setTimeout(() => source.cancel(), delay);
    const start = performance.now();
    const cpuAtStart = cpuMsOf(client.process.pid);
    let answer: unknown;
    try {
      answer = await connection.sendRequest(method, params, source.token);
    } catch (error) {
      if (error instanceof ResponseError && CANCELLED_CODES.has(error.code)) return;
      fail(`${described} failed: ${error instanceof ResponseError ? `${error.code} ${error.message}` : String(error)}`);
      return;
    } finally {
      const ms = performance.now() - start;
      // The server's CPU time while the request was pending tells a slow server from a starved one.
      const serverCpuMs = cpuMsOf(client.process.pid) - cpuAtStart;
      figures.times.push(ms);
      if (!result.slowest || ms > result.slowest.ms) result.slowest = { method, ms, serverCpuMs, step: at };
      if (options.boundMs !== undefined && ms > options.boundMs && cancel === 'no') {
        if (serverCpuMs > options.boundMs || Number.isNaN(serverCpuMs))
          slow ??= `${described} took ${ms.toFixed(0)} ms (the server's CPU ${serverCpuMs.toFixed(0)} ms), more than ${options.boundMs} ms`;
        else result.starved++;
      }
    }
    // Checked once the step's answers are all in, so checking one does not delay another.
    const versions = [...(documents.get(sent.uri ?? '')?.versions ?? [])]
      .filter(([number]) => number >= (sent.version ?? Infinity))
      .map(([, version]) => version);
    const openUris = [...documents.keys()];
    checks.push(() => {
      const problem = answerProblem(sent, answer, versions, workspaceUri, openUris);
      if (problem) fail(`${described}: ${problem}\nanswer: ${JSON.stringify(answer)?.slice(0, 2000)}`);
    });
  }

  // --- files, folders, settings --------------------------------------------------------------
  function fileEvent(): void {
    const dir = join(workspace, 'fuzz', random.chance(0.3) ? `d${random.int(3)}` : '');
    mkdirSync(dir, { recursive: true });
    const changes: FileEvent[] = [];
    for (let n = random.chance(0.2) ? 2 + random.int(6) : 1; n > 0; n--) {
      const kind = random.weighted<string>([
        [30, 'create'],
        [20, 'rewrite'],
        [15, 'delete'],
        [5, 'delete-silently'],
        [5, 'folder'],
        [4, 'symlink'],
        [3, 'unreadable'],
        [6, 'lie'],
        [4, 'open-document'],
      ]);
      const existing = madeFiles.length ? random.pick(madeFiles) : undefined;
      const uriOf = (path: string) => pathToFileURL(path).href;
      if (
        kind === 'create' ||
        (!existing && (kind === 'rewrite' || kind === 'delete' || kind === 'unreadable' || kind === 'delete-silently'))
      ) {
        const path = join(dir, `f${++fileCounter}.${random.chance(0.7) ? 'cable' : 'txt'}`);
        writeFileSync(path, fileBytes());
        madeFiles.push(path);
        changes.push({ uri: uriOf(path), type: FileChangeType.Created });
      } else if (kind === 'rewrite' && existing) {
        rmSync(existing, { recursive: true, force: true });
        writeFileSync(existing, fileBytes());
        changes.push({ uri: uriOf(existing), type: FileChangeType.Changed });
      } else if ((kind === 'delete' || kind === 'delete-silently') && existing) {
        rmSync(existing, { recursive: true, force: true });
        madeFiles.splice(madeFiles.indexOf(existing), 1);
        // Silently: the watcher missed it; the next event about it comes later, or never.
        if (kind === 'delete') changes.push({ uri: uriOf(existing), type: FileChangeType.Deleted });
      } else if (kind === 'unreadable' && existing) {
        if (existsSync(existing)) chmodSync(existing, 0);
        changes.push({ uri: uriOf(existing), type: FileChangeType.Changed });
      } else if (kind === 'folder') {
        const path = join(dir, `x${++fileCounter}.cable`);
        mkdirSync(path);
        writeFileSync(join(path, 'inside.cable'), realText());
        madeFiles.push(path);
        changes.push({ uri: uriOf(path), type: FileChangeType.Created });
      } else if (kind === 'symlink') {
        const path = join(dir, `l${++fileCounter}.cable`);
        symlinkSync(random.chance(0.5) || !existing ? path : existing, path);
        madeFiles.push(path);
        changes.push({ uri: uriOf(path), type: FileChangeType.Created });
      } else if (kind === 'lie') {
        const uri = random.pick([
          uriOf(join(dir, `never${random.int(5)}.cable`)),
          uriOf(join(outside, 'elsewhere.cable')),
          'untitled:Untitled-1',
          'vscode-vfs://github/x/y.cable',
          uriOf(workspace),
          'file:///',
        ]);
        changes.push({ uri, type: random.pick([FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted]) });
      } else {
        const document = anyDocument();
        if (document)
          changes.push({ uri: document.uri, type: random.pick([FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted]) });
      }
    }
    result.fileEvents += changes.length;
    note(`files ${changes.map((c) => `${['', 'created', 'changed', 'deleted'][c.type]} ${c.uri.replace(workspaceUri, '')}`).join(', ')}`);
    client.filesChanged(changes);
  }

  function foldersChange(): void {
    if (addedFolders.length && random.chance(0.5)) {
      const removed = addedFolders.splice(random.int(addedFolders.length), 1);
      note(`folders removed ${removed.join(', ')}`);
      client.foldersChanged([], removed);
      return;
    }
    const folder = random.pick([
      pathToFileURL(join(workspace, 'fuzz')).href,
      pathToFileURL(outside).href,
      pathToFileURL(join(scratch, 'no-such-folder')).href,
      'vscode-vfs://github/x',
      workspaceUri,
    ]);
    addedFolders.push(folder);
    note(`folder added ${folder}`);
    client.foldersChanged([folder], []);
  }

  function settingsChange(): void {
    const flag = () => random.pick([true, false, true, 'yes', null]);
    settings = {
      diagnostics: { enabled: flag(), 'paragraph-numbering': flag(), 'unknown-tag': flag() },
      codeLens: { enabled: flag() },
      documentLinks: { enabled: flag() },
      semanticHighlighting: { enabled: flag() },
      completion: { enabled: flag() },
      maxFileSize: random.pick([undefined, 1000, 65_536, 1_000_000, 5 * 1024 * 1024, -5, 'big', 1e12, 0]),
    };
    excludes = random.chance(0.5) ? { '**/.git': true } : { '**/.git': true, '**/fuzz/d1': true, '**/hostile': random.chance(0.5) };
    note(`settings ${JSON.stringify(settings)} files.exclude ${JSON.stringify(excludes)}`);
    void connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: random.chance(0.5) ? null : { cable: settings },
    });
  }

  // --- the run -------------------------------------------------------------------------------
  function planStep(): () => Promise<unknown> {
    const document = anyDocument();
    const kind = random.weighted<string>([
      [documents.size < MAX_OPEN_DOCUMENTS ? (documents.size === 0 ? 100 : 3) : 0, 'open'],
      [documents.size > 1 ? 2 : 0, 'close'],
      [45, 'request'],
      [15, 'burst'],
      [20, 'edit'],
      [3, 'replace'],
      [8, 'files'],
      [1, 'settings'],
      [1, 'folders'],
    ]);
    const cancel = () =>
      random.weighted<'no' | 'now' | 'soon'>([
        [8, 'no'],
        [1, 'now'],
        [2, 'soon'],
      ]);
    const oneRequest = () => {
      const method = random.weighted(REQUESTS);
      const target = method === 'workspace/symbol' || random.chance(0.95) ? anyDocument() : undefined;
      return request(method, target, cancel());
    };
    switch (kind) {
      case 'open':
        openDocument();
        return async () => {};
      case 'close':
        closeDocument(document!);
        return async () => {};
      case 'request': {
        const pending = oneRequest();
        return () => pending;
      }
      case 'burst': {
        // Requests and edits interleaved, as an editor sends them while the user types.
        const pending: Promise<void>[] = [];
        for (let n = 2 + random.int(6); n > 0; n--) {
          if (random.chance(0.3) && documents.size) edit(anyDocument()!, false);
          else pending.push(oneRequest());
        }
        return () => Promise.all(pending);
      }
      case 'edit':
      case 'replace':
        if (document) edit(document, kind === 'replace');
        return async () => {};
      case 'files':
        fileEvent();
        return async () => {};
      case 'settings':
        settingsChange();
        return async () => {};
      default:
        foldersChange();
        return async () => {};
    }
  }

  try {
    log(`fuzz: seed ${options.seed}, ${(options.durationMs / 1000).toFixed(0)} s, server ${SERVER_SCRIPT}, workspace ${workspace}`);
    let lastReport = performance.now();
    while (
      !result.failure &&
      performance.now() - started < options.durationMs &&
      (options.maxSteps === undefined || step < options.maxSteps)
    ) {
      step++;
      const cpu = { fuzzer: process.cpuUsage(), server: cpuMsOf(client.process.pid), wall: performance.now() };
      const wait = planStep();
      let timer: NodeJS.Timeout | undefined;
      const hung = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${HANG_MS / 1000} s`), HANG_MS)));
      const outcome = await Promise.race([wait().then(() => undefined), exited, hung]);
      clearTimeout(timer);
      if (outcome) fail(outcome);
      for (const check of checks.splice(0)) check();
      if (slow) {
        const fuzzerMs = process.cpuUsage(cpu.fuzzer);
        fail(
          `${slow} (in this step: ${(performance.now() - cpu.wall).toFixed(0)} ms, the server's CPU ${(cpuMsOf(client.process.pid) - cpu.server).toFixed(0)} ms, the fuzzer's ${((fuzzerMs.user + fuzzerMs.system) / 1000).toFixed(0)} ms)`,
        );
      }
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        log(
          `  ${((lastReport - started) / 1000).toFixed(0)} s: ${step} steps, ${result.requests} requests, ${result.edits} edits, ${result.fileEvents} file events`,
        );
      }
    }
    result.steps = step;
    if (result.failure && options.dumpDir) dumpDocuments(options.dumpDir, documents);
    if (!result.failure) {
      // Work the last steps started (diagnostics after a delay, index passes) ends cleanly too.
      await new Promise((resolve) => setTimeout(resolve, 500));
      stopping = true;
      const code = await Promise.race([
        client.stop(),
        new Promise((resolve) => setTimeout(() => resolve('no exit within 10 s'), 10_000).unref()),
      ]);
      if (code !== 0) fail(`shutdown and exit gave ${code}`);
    }
  } finally {
    result.elapsedMs = performance.now() - started;
    if (client.process.exitCode === null) client.process.kill();
    spawnSync('chmod', ['-R', 'u+rwX', scratch]);
    rmSync(scratch, { recursive: true, force: true });
  }
  return result;
}

/** What VS Code declares, with the refresh requests and completion the fuzz also exercises. */
const FUZZ_CAPABILITIES: ClientCapabilities = {
  ...FULL_CAPABILITIES,
  textDocument: {
    ...FULL_CAPABILITIES.textDocument,
    foldingRange: { foldingRange: { collapsedText: true } },
    completion: { completionItem: { snippetSupport: false } },
  },
  workspace: { ...FULL_CAPABILITIES.workspace, codeLens: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
};

/** The workspace at the start: the sample corpus in both renderings, the seed, the hostile fixtures, a folder named x.cable, a link loop. */
function populateWorkspace(workspace: string): void {
  const sample = join(ROOT, 'test', 'fixtures', 'corpus-sample');
  for (const rendering of ['plain', 'markdown-style']) {
    mkdirSync(join(workspace, rendering), { recursive: true });
    for (const name of readdirSync(join(sample, rendering))) copyFileSync(join(sample, rendering, name), join(workspace, rendering, name));
  }
  for (const name of readdirSync(join(ROOT, 'test', 'fixtures', 'workspace')))
    copyFileSync(join(ROOT, 'test', 'fixtures', 'workspace', name), join(workspace, name));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'seed', '09BASRAH2.cable'), join(workspace, '09BASRAH2.cable'));
  mkdirSync(join(workspace, 'hostile'));
  for (const name of readdirSync(HOSTILE_FIXTURE_DIR)) copyFileSync(join(HOSTILE_FIXTURE_DIR, name), join(workspace, 'hostile', name));
  mkdirSync(join(workspace, 'hostile', 'x.cable'));
  symlinkSync('loop.cable', join(workspace, 'hostile', 'loop.cable'));
  symlinkSync('.', join(workspace, 'hostile', 'loop-folder'));
  mkdirSync(join(workspace, 'open'));
}

/** Each kept version of each open document as a file, named by URI and version, for a look at a failure. */
function dumpDocuments(dir: string, documents: Map<string, OpenDocument>): void {
  mkdirSync(dir, { recursive: true });
  for (const document of documents.values()) {
    for (const [number, version] of document.versions)
      writeFileSync(join(dir, `${encodeURIComponent(document.uri)}.v${number}`), version.text);
    if (document.history) writeFileSync(join(dir, `${encodeURIComponent(document.uri)}.history.json`), JSON.stringify(document.history));
  }
}

/** CPU time of a process in ms (Linux /proc; NaN elsewhere). */
export function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
}

function listCables(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:cable|txt)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const showRange = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function rangeProblem(range: Range | undefined, lengths: number[]): string | undefined {
  if (!range) return 'no range';
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${showRange(range)}: not whole numbers`;
    if (p.line < 0 || p.line >= lengths.length) return `${showRange(range)}: line ${p.line} of ${lengths.length}`;
    if (p.character < 0 || p.character > lengths[p.line]!) return `${showRange(range)}: character ${p.character} of ${lengths[p.line]}`;
  }
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character))
    return `${showRange(range)} ends before it starts`;
  return undefined;
}

/** Semantic tokens: whole quintuples, each token on one line of the text, types and modifiers of the legend. */
function tokensProblem(data: number[], lengths: number[]): string | undefined {
  if (data.length % 5 !== 0) return `${data.length} numbers, not quintuples`;
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, modifiers] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    if (line >= lengths.length || character + length > lengths[line]!)
      return `token ${i / 5} at ${line}:${character} length ${length} is outside the text`;
    if (type >= SEMANTIC_TOKENS_LEGEND.tokenTypes.length || modifiers >= 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.length)
      return `token ${i / 5} has type ${type}, modifiers ${modifiers}`;
  }
  return undefined;
}

/**
 * What is wrong with an answer, checked against each version of the document from the request's
 * on (a handler that awaits may answer for a later edit). Targets must be in the workspace or an
 * open document: nothing in a cable may point elsewhere.
 */
function answerProblem(sent: Sent, answer: unknown, versions: Version[], workspaceUri: string, openUris: string[]): string | undefined {
  if (answer === null || answer === undefined) return undefined;
  const targetProblem = (uri: string) =>
    uri.startsWith(`${workspaceUri}/`) || openUris.includes(uri) || uri === sent.uri
      ? undefined
      : `points at ${uri}, outside the workspace`;
  // Checks that need no text.
  switch (sent.method) {
    case 'workspace/symbol':
      for (const symbol of answer as { location: { uri: string } }[]) {
        const problem = targetProblem(symbol.location.uri);
        if (problem) return problem;
      }
      return undefined;
    case 'cable/summary':
      return typeof (answer as { markdown?: unknown }).markdown === 'string' ? undefined : 'no markdown';
    case 'textDocument/codeLens':
      for (const lens of answer as { command?: { command: string } }[])
        if (lens.command?.command !== SHOW_REFERENCES_COMMAND) return `command ${lens.command?.command}`;
      break;
    case 'textDocument/definition':
    case 'textDocument/references':
      for (const target of answer as { uri?: string; targetUri?: string }[]) {
        const problem = targetProblem(target.targetUri ?? target.uri ?? '');
        if (problem) return problem;
      }
      break;
    case 'textDocument/documentLink':
      for (const link of answer as { target?: string }[]) {
        const problem = targetProblem((link.target ?? '').replace(/#.*$/, ''));
        if (problem) return problem;
      }
      break;
    case 'textDocument/codeAction':
      for (const action of answer as { edit?: { changes?: Record<string, unknown> }; command?: unknown }[]) {
        if (action.command) return 'a code action runs a command';
        for (const uri of Object.keys(action.edit?.changes ?? {})) if (uri !== sent.uri) return `a quick fix edits ${uri}`;
      }
      break;
  }
  const problems: string[] = [];
  for (const version of versions) {
    const problem = textProblem(sent, answer, version);
    if (!problem) return undefined;
    problems.push(problem);
  }
  return problems.length ? problems.join('; ') : undefined;
}

/** What is wrong with an answer about one version of the text. */
function textProblem(sent: Sent, answer: unknown, version: Version): string | undefined {
  const { text } = version;
  const lengths = lengthsOf(version);
  const ranges = (items: (Range | undefined)[]) => items.map((r) => rangeProblem(r, lengths)).find(Boolean);
  const own = <T extends { uri?: string; targetUri?: string }>(items: T[]) => items.filter((t) => (t.targetUri ?? t.uri) === sent.uri);
  switch (sent.method) {
    case 'textDocument/documentSymbol':
      return outlineProblems(answer as Parameters<typeof outlineProblems>[0], text)[0];
    case 'textDocument/foldingRange':
      return foldingProblems(answer as Parameters<typeof foldingProblems>[0], text)[0];
    case 'textDocument/hover': {
      const hover = answer as { range?: Range };
      return hover.range ? rangeProblem(hover.range, lengths) : undefined;
    }
    case 'textDocument/definition': {
      const links = answer as {
        originSelectionRange?: Range;
        targetUri?: string;
        targetRange?: Range;
        targetSelectionRange?: Range;
        uri?: string;
        range?: Range;
      }[];
      return ranges([
        ...links.flatMap((l) => (l.originSelectionRange ? [l.originSelectionRange] : [])),
        ...own(links).flatMap((l) => [l.targetRange ?? l.range, ...(l.targetSelectionRange ? [l.targetSelectionRange] : [])]),
      ]);
    }
    case 'textDocument/references':
      return ranges(own(answer as { uri: string; range: Range }[]).map((l) => (l as { range: Range }).range));
    case 'textDocument/documentLink':
      return ranges((answer as { range: Range }[]).map((l) => l.range));
    case 'textDocument/codeLens':
      return ranges((answer as { range: Range }[]).map((l) => l.range));
    case 'textDocument/completion': {
      const items = Array.isArray(answer) ? answer : (answer as { items: unknown[] }).items;
      return ranges(
        (items as { textEdit?: { range?: Range; insert?: Range; replace?: Range } }[]).flatMap((i) =>
          i.textEdit ? (i.textEdit.range ? [i.textEdit.range] : [i.textEdit.insert, i.textEdit.replace]) : [],
        ),
      );
    }
    case 'textDocument/semanticTokens/full':
      return tokensProblem((answer as { data: number[] }).data, lengths);
    case 'textDocument/codeAction':
      return ranges(
        (answer as { edit?: { changes?: Record<string, { range: Range }[]> } }[]).flatMap((a) =>
          Object.values(a.edit?.changes ?? {})
            .flat()
            .map((e) => e.range),
        ),
      );
    default:
      return undefined;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

export function describeResult(result: FuzzResult): string {
  const lines = [
    `seed ${result.seed}: ${result.steps} steps in ${(result.elapsedMs / 1000).toFixed(0)} s; ${result.requests} requests, ${result.edits} edits, ${result.fileEvents} file events, ${result.diagnostics} diagnostics notifications`,
  ];
  for (const [method, figures] of [...result.byMethod].sort(([a], [b]) => a.localeCompare(b))) {
    const sorted = [...figures.times].sort((a, b) => a - b);
    lines.push(
      `  ${method.padEnd(34)} n=${String(figures.count).padStart(6)}  cancelled ${String(figures.cancelled).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms  max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(8)} ms`,
    );
  }
  if (result.slowest)
    lines.push(
      `slowest: ${result.slowest.method} ${result.slowest.ms.toFixed(0)} ms (the server's CPU meanwhile ${result.slowest.serverCpuMs.toFixed(0)} ms) at step ${result.slowest.step}`,
    );
  if (result.starved)
    lines.push(`over the bound in wall time with the server's CPU under it (a loaded machine): ${result.starved} requests`);
  if (result.failure) {
    lines.push(`FAILED at step ${result.failure.step}: ${result.failure.message}`);
    lines.push('last actions:', ...result.failure.recent.map((line) => `  ${line.slice(0, 600)}`));
    lines.push(`replay: npm run bench:fuzz -- --seed ${result.seed} --steps ${result.failure.step}`);
  } else lines.push('no failure');
  return lines.join('\n');
}
