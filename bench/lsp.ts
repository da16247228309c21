// Latency of the language server as an editor sees it: the built server spawned with --stdio,
// requests timed round trip over JSON-RPC. Prints figures; never passes or fails.
//   npm run bench:lsp            (builds first)
//   node --expose-gc --import tsx bench/lsp.ts [--1mb-only] [CORPUS_PLAIN_DIR]
// Default corpus: ../shared/corpus/cablegate/plain, else the vendored sample. `--1mb-only`: the
// 1 MB cable over stdio, nothing else.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionRequest, ReferencesRequest, WorkspaceSymbolRequest, type Position } from 'vscode-languageserver-protocol/node';
import { parseCable, type CableModel } from '../server/src/model/cable-model.ts';
import { documentSymbols } from '../server/src/features/document-symbols.ts';
import { createNodeWorkspace } from '../server/src/node/node-workspace.ts';
import {
  createCableLanguageService,
  createDocument,
  NEVER_CANCELLED,
  updateDocument,
  type Workspace,
} from '../server/src/service/language-service.ts';
import { startServer, type LspTestClient } from '../test/support/lsp-client.ts';
import { megabyteCable } from '../test/support/megabyte-cable.ts';
import { spread, symbolQueries } from './queries.ts';

const root = join(__dirname, '..');
const shared = join(root, '..', 'shared', 'corpus', 'cablegate', 'plain');
const args = process.argv.slice(2);
const onlyTheBigCable = args.includes('--1mb-only');
const corpusDir =
  args.find((arg) => !arg.startsWith('--')) ?? (existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample', 'plain'));
const CITED = join(root, 'test', 'fixtures', 'workspace', '08BAGHDAD3475.cable');
const SAMPLES = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(name: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${name.padEnd(46)} n=${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(7)} ms`,
  );
}

/** Wall and CPU time of calls in this process: on a loaded machine, the CPU time leaves out the waits for a core. */
interface InProcessTimes {
  wall: number[];
  cpu: number[];
}

const inProcessTimes = (): InProcessTimes => ({ wall: [], cpu: [] });

async function timedInProcess<T>(times: InProcessTimes, call: () => T | Promise<T>): Promise<T> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await call();
  times.wall.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  times.cpu.push((used.user + used.system) / 1000);
  return result;
}

function reportInProcess(name: string, times: InProcessTimes): void {
  report(name, times.wall);
  report('  the same, CPU time', times.cpu);
}

/** The machine's load: other processes make round trips wait for a core. */
function loadAverage(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`;
}

async function timed<T>(times: number[], request: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await request();
  times.push(performance.now() - start);
  return result;
}

/** CPU time (user + system) the server process has used, in ms (Linux /proc; clock ticks of 10 ms). */
function serverCpuMs(client: LspTestClient): number {
  try {
    const fields = readFileSync(`/proc/${client.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Resident and peak memory of the server process, in MB (Linux /proc). */
function memoryOf(client: LspTestClient): { rss: string; peak: string } {
  try {
    const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
    const field = (name: string) => `${(Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024).toFixed(0)} MB`;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return { rss: 'n/a', peak: 'n/a' };
  }
}

/** Positions that have a hover: TAGS codes, markings, routing indicators, mentions, REF entries. */
function hoverPositions(model: CableModel): Position[] {
  const ranges = [
    ...(model.tags?.codes ?? []).map((c) => c.range),
    ...model.paragraphs.flatMap((p) => (p.marking ? [p.marking.range] : [])),
    ...(model.header?.to ?? []).flatMap((a) => (a.routingIndicator ? [a.routingIndicator.range] : [])),
    ...model.crossReferences.map((c) => c.range),
    ...(model.references?.entries ?? []).map((e) => e.range),
  ];
  return ranges.map((r) => r.start);
}

function definitionPositions(model: CableModel): Position[] {
  return [...(model.references?.entries ?? []).map((e) => e.range.start), ...model.crossReferences.map((c) => c.range.start)];
}

async function benchBigCable(files: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cable-bench-lsp-'));
  try {
    const text = megabyteCable(files);
    const file = join(dir, '09BASRAH2.cable');
    writeFileSync(file, text);
    copyFileSync(CITED, join(dir, '08BAGHDAD3475.cable'));
    const uri = pathToFileURL(file).href;
    const model = parseCable(text);
    console.log(
      `\n1 MB cable: ${(text.length / 1e6).toFixed(2)} MB, ${model.paragraphs.length} paragraphs, ${model.crossReferences.length} mentions; ${loadAverage()}`,
    );

    const client = await startServer({ folders: [pathToFileURL(dir).href], configuration: () => ({}) });
    const indexed = client.progressEnd();
    client.open(uri, text);
    const firstOutline: number[] = [];
    await timed(firstOutline, () => client.symbols(uri));
    report('outline, first request (parse + outline)', firstOutline);
    await indexed;

    const outline: number[] = [];
    for (let i = 0; i < 100; i++) await timed(outline, () => client.symbols(uri));
    report('outline, same version (model cached)', outline);

    const edited: number[] = [];
    const document = TextDocument.create(uri, 'cable', 1, text);
    for (let i = 0; i < 20; i++) {
      client.change(uri, `${text}\n`.slice(0, text.length + (i % 2)));
      await timed(edited, () => client.symbols(uri));
    }
    client.change(uri, text);
    report('outline after an edit (reparse + outline)', edited);

    // As an editor types: one character inserted (then removed) in a paragraph mid-file, sent as
    // an incremental change. Typing is timed as the editor's lag: from the didChange to the answer
    // of a request about the new version at the cursor (hover there; completion there). The
    // outline after typing is timed the same way, against the outline's own goal.
    const middle = document.positionAt(text.indexOf(' ', text.indexOf('\n', text.length >> 1) + 1));
    const after = { line: middle.line, character: middle.character + 1 };
    const typeOne = (i: number) =>
      client.edit(uri, [
        i % 2 === 0 ? { range: { start: middle, end: middle }, text: 'x' } : { range: { start: middle, end: after }, text: '' },
      ]);
    const typingSeries = async (name: string, count: number, request: () => Promise<unknown>) => {
      const times: number[] = [];
      const cpu = serverCpuMs(client);
      for (let i = 0; i < count; i++) {
        await timed(times, () => {
          typeOne(i);
          return request();
        });
      }
      // An even count leaves the text as it was.
      report(name, times);
      console.log(`  (server CPU ${((serverCpuMs(client) - cpu) / count).toFixed(2)} ms a keystroke on average; ${loadAverage()})`);
    };
    await typingSeries('typing: one character, then hover at it', 200, () => client.hover(uri, middle));
    await typingSeries('typing: one character, then completion at it', 200, () =>
      client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: after }),
    );
    await typingSeries('outline after typing one character (incremental)', 200, () => client.symbols(uri));

    const hovers: number[] = [];
    for (const position of spread(hoverPositions(model), SAMPLES)) await timed(hovers, () => client.hover(uri, position));
    report('hover (codes, markings, mentions)', hovers);

    const definitions: number[] = [];
    for (const position of spread(definitionPositions(model), SAMPLES)) await timed(definitions, () => client.definition(uri, position));
    report('definition (REF entry, REF A, para N)', definitions);
    const refLinks = await client.definition(uri, document.positionAt(text.indexOf('2008 BAGHDAD 3475')));
    console.log(`  (the REF entry resolves to ${Array.isArray(refLinks) ? refLinks.length : 0} file)`);
    await client.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchCorpus(files: string[]): Promise<void> {
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  console.log(
    `\ncorpus workspace: ${corpusDir.replace(`${root}/`, '')}, ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; ${loadAverage()}`,
  );
  const client = await startServer({ folders: [pathToFileURL(corpusDir).href], configuration: () => ({}) });
  const before = memoryOf(client);
  const first = files[0]!;
  const indexed = client.progressEnd();
  const start = performance.now();
  client.open(pathToFileURL(first).href, readFileSync(first, 'utf8'));
  await indexed;
  const indexMs = performance.now() - start;
  const after = memoryOf(client);
  const cables = /(\d+) cables/.exec(client.logs.find((l) => l.startsWith('Indexed')) ?? '')?.[1] ?? '?';
  console.log(
    `index: ${cables} cables in ${indexMs.toFixed(0)} ms; server RSS ${before.rss} before, ${after.rss} after (peak ${after.peak})`,
  );
  client.close(pathToFileURL(first).href);

  const outline: number[] = [];
  const hovers: number[] = [];
  const definitions: number[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const uri = pathToFileURL(file).href;
    const model = parseCable(text, { fileName: file });
    client.open(uri, text);
    await timed(outline, () => client.symbols(uri));
    for (const position of spread(hoverPositions(model), 3)) await timed(hovers, () => client.hover(uri, position));
    for (const position of definitionPositions(model)) await timed(definitions, () => client.definition(uri, position));
    client.close(uri);
  }
  report('outline, first request per cable (parse + outline)', outline);
  report('hover (3 per cable)', hovers);
  report('definition (every REF entry and mention)', definitions);

  // Three rounds each: a round whose p99 stands far from the others met a busy machine, not a slow server.
  for (let round = 1; round <= 3; round++) {
    const references: number[] = [];
    let citing = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const uri = pathToFileURL(file).href;
      const model = parseCable(text, { fileName: file });
      if (!model.banner) continue;
      client.open(uri, text);
      // As in an editor, the open document is parsed (outline, folding) before references are asked:
      // the parse is timed above, in the first outline of each cable.
      await client.symbols(uri);
      const found = await timed(references, () =>
        client.connection.sendRequest(ReferencesRequest.type, {
          textDocument: { uri },
          position: model.banner!.range.start,
          context: { includeDeclaration: false },
        }),
      );
      citing += found?.length ?? 0;
      client.close(uri);
    }
    report(`references on the banner (every open cable), round ${round}`, references);
    console.log(`  (${citing} citing REF entries found; ${loadAverage()})`);
  }

  const queries = symbolQueries(files);
  for (let round = 1; round <= 3; round++) {
    const symbols: number[] = [];
    let results = 0;
    for (const query of queries) {
      const found = await timed(symbols, () => client.connection.sendRequest(WorkspaceSymbolRequest.type, { query }));
      results += Array.isArray(found) ? found.length : 0;
    }
    report(`workspace/symbol (IDs, TAGS, subject words), round ${round}`, symbols);
    console.log(`  (${symbols.length} queries, ${(results / symbols.length).toFixed(1)} results each on average; ${loadAverage()})`);
  }
  console.log(`server RSS after all requests: ${memoryOf(client).rss} (peak ${memoryOf(client).peak})`);
  await client.stop();
}

/** Queries a researcher types: ID prefixes (`09BAS`) and whole IDs, each TAGS code, two subject words. */
/**
 * A workspace of `count` small cables made from the corpus's front matter (banner, TAGS, subject,
 * REF list) with new serials, each citing a few others: the index as it would stand at 250,000
 * files, without 250,000 real cables to parse.
 */
function syntheticWorkspace(files: string[], count: number): { workspace: Workspace; ids: string[] } {
  const models = files.map((file) => parseCable(readFileSync(file, 'utf8'), { fileName: file })).filter((m) => m.banner?.origin && m.year);
  const ids: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = models[i % models.length]!;
    const serial = 100000 + i;
    const year = m.year! % 100;
    ids.push(`${String(year).padStart(2, '0')}${m.banner!.origin!.text.replace(/ /g, '')}${serial}`);
    const refs = [1, 7, 31]
      .map((step, k) => `${'ABC'[k]}. ${m.year} ${m.banner!.origin!.text} ${100000 + ((i + step * 7919) % count)}`)
      .join('\n');
    texts.push(
      `P 251427Z JAN ${String(year).padStart(2, '0')}\nFM AMEMBASSY ${m.banner!.origin!.text}\n\n${m.banner!.classification.level} ${m.banner!.origin!.text} ${serial}\n\n` +
        `TAGS: ${(m.tags?.codes ?? []).map((c) => c.code).join(' ')}\nSUBJECT: ${m.subject?.text ?? 'NONE'}\n\nREF: ${refs}\n\n1. (C) Text.\n`,
    );
  }
  const uri = (i: number) => `file:///synthetic/${i}.cable`;
  const workspace: Workspace = {
    listFiles: async () => texts.map((_, i) => uri(i)),
    readFile: async (file) => texts[Number(/(\d+)\.cable$/.exec(file)![1])]!,
    stat: async (file) => ({ size: texts[Number(/(\d+)\.cable$/.exec(file)![1])]!.length, mtime: 1 }),
  };
  return { workspace, ids };
}

/** Workspace symbols and cited-by lookups with 250,000 cables indexed, in process. */
async function benchSearchAt250k(files: string[]): Promise<void> {
  const count = 250_000;
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const { workspace, ids } = syntheticWorkspace(files, count);
  const service = createCableLanguageService({ workspace, logger: { info() {}, warn() {}, error() {} }, concurrency: 64 });
  const before = heap();
  service.setWorkspaceFolders([{ uri: 'file:///synthetic' }]);
  const start = performance.now();
  await service.ensureIndexed(NEVER_CANCELLED);
  const ms = performance.now() - start;
  const kept = gc ? `${((heap() - before) / 1e6).toFixed(0)} MB of heap` : 'heap not measured (run with --expose-gc)';
  console.log(`\n${count.toLocaleString('en')} synthetic cables in process: indexed in ${(ms / 1000).toFixed(1)} s; ${kept}`);

  const queries = [...symbolQueries(files), ...spread(ids, 300).map((id) => id.slice(0, 7))];
  console.log(loadAverage());
  const symbols = inProcessTimes();
  let results = 0;
  for (const query of queries) results += (await timedInProcess(symbols, () => service.workspaceSymbols(query, NEVER_CANCELLED))).length;
  reportInProcess('workspace symbols (ID prefixes, TAGS, subject words)', symbols);
  console.log(`  (${symbols.wall.length} queries, ${(results / symbols.wall.length).toFixed(1)} results each on average, at most 500)`);
  const citing = inProcessTimes();
  for (const id of spread(ids, 1000)) await timedInProcess(citing, () => service.citing(id));
  reportInProcess('cited-by lookup (references on a banner)', citing);
}

/** The same requests on the 1 MB cable without the transport: what the service itself costs. */
async function benchServiceInProcess(files: string[]): Promise<void> {
  const text = megabyteCable(files);
  const service = createCableLanguageService({ workspace: createNodeWorkspace(), logger: { info() {}, warn() {}, error() {} } });
  service.setWorkspaceFolders([]);
  const document = TextDocument.create('file:///bench/09BASRAH2.cable', 'cable', 1, text);
  service.documentChanged(document);
  await service.ensureIndexed(NEVER_CANCELLED);
  const model = service.model(document, NEVER_CANCELLED);
  const outline = inProcessTimes();
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 20; i++) {
    const fresh = parseCable(text);
    // The parse's garbage collected first: the outline's own cost.
    gc?.();
    await timedInProcess(outline, () => documentSymbols(fresh, document));
  }
  const hovers = inProcessTimes();
  for (const position of spread(hoverPositions(model), SAMPLES))
    await timedInProcess(hovers, () => service.hover(document, position, NEVER_CANCELLED));
  const definitions = inProcessTimes();
  for (const position of spread(definitionPositions(model), SAMPLES))
    await timedInProcess(definitions, () => service.definition(document, position, NEVER_CANCELLED));
  console.log(`\nthe service in process on the 1 MB cable (no transport, model parsed); ${loadAverage()}:`);
  reportInProcess('outline of a parsed model (once per version)', outline);
  reportInProcess('hover', hovers);
  reportInProcess('definition', definitions);
}

/**
 * What the server does for one keystroke in the 1 MB cable, in process: the change applied to the
 * document, the model of the new version, and each feature an editor asks for (or the server
 * publishes) after a change, on that version.
 */
async function benchKeystrokeInProcess(files: string[]): Promise<void> {
  const text = megabyteCable(files);
  const service = createCableLanguageService({ workspace: createNodeWorkspace(), logger: { info() {}, warn() {}, error() {} } });
  service.setWorkspaceFolders([]);
  let document = createDocument('file:///bench/09BASRAH2.cable', 'cable', 1, text);
  service.documentChanged(document);
  await service.ensureIndexed(NEVER_CANCELLED);
  service.model(document, NEVER_CANCELLED);
  const middle = document.positionAt(text.indexOf(' ', text.indexOf('\n', text.length >> 1) + 1));
  const after = { line: middle.line, character: middle.character + 1 };
  const steps: [string, () => unknown][] = [
    ['the change applied to the document', () => {}],
    ['the model of the new version (re-parse)', () => service.model(document, NEVER_CANCELLED)],
    ['hover at the cursor', () => service.hover(document, middle, NEVER_CANCELLED)],
    ['completion at the cursor', () => service.completion(document, after, NEVER_CANCELLED)],
    ['outline', () => service.documentSymbols(document, NEVER_CANCELLED)],
    ['diagnostics (published 150 ms after typing stops)', () => service.diagnostics(document, NEVER_CANCELLED)],
    ['folding ranges', () => service.foldingRanges(document, NEVER_CANCELLED)],
    ['semantic tokens', () => service.semanticTokens(document, NEVER_CANCELLED)],
    ['code lens', () => service.codeLens(document, NEVER_CANCELLED)],
    ['document links', () => service.documentLinks(document, NEVER_CANCELLED)],
  ];
  const times = steps.map(() => inProcessTimes());
  for (let i = 0; i < 60; i++) {
    const change = i % 2 === 0 ? { range: { start: middle, end: middle }, text: 'x' } : { range: { start: middle, end: after }, text: '' };
    const from = document.version;
    await timedInProcess(times[0]!, () => {
      document = updateDocument(document, [change], from + 1);
      service.documentEdited(document.uri, from, [change], from + 1);
      service.documentChanged(document);
    });
    for (let k = 1; k < steps.length; k++) await timedInProcess(times[k]!, steps[k]![1]);
  }
  console.log(`
one keystroke in the 1 MB cable, in process (60 keystrokes); ${loadAverage()}:`);
  steps.forEach(([name], k) => reportInProcess(name, times[k]!));
}

/** The index in this process, to see what it keeps: heap after a full GC, before and after. */
async function benchIndexInProcess(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const heap = () => {
    gc?.();
    return process.memoryUsage().heapUsed;
  };
  const service = createCableLanguageService({ workspace: createNodeWorkspace(), logger: { info() {}, warn() {}, error() {} } });
  const before = heap();
  service.setWorkspaceFolders([{ uri: pathToFileURL(corpusDir).href }]);
  const start = performance.now();
  await service.ensureIndexed(NEVER_CANCELLED);
  const ms = performance.now() - start;
  const kept = gc ? `${((heap() - before) / 1e6).toFixed(1)} MB of heap kept by the index` : 'run with --expose-gc for the heap it keeps';
  console.log(`index in process: ${service.cables().length} cables in ${ms.toFixed(0)} ms; ${kept}`);
}

async function main(): Promise<void> {
  const files = readdirSync(corpusDir)
    .filter((name) => /\.(txt|cable)$/.test(name))
    .sort()
    .map((name) => join(corpusDir, name));
  console.log(`node ${process.version}, server ${join('dist', 'server', 'server.js')} over stdio; round-trip times`);
  await benchBigCable(files);
  await benchKeystrokeInProcess(files);
  if (onlyTheBigCable) return;
  await benchCorpus(files);
  await benchServiceInProcess(files);
  await benchIndexInProcess();
  await benchSearchAt250k(files);
}

void main();
