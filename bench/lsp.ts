// Latency of the language server as an editor sees it: the built server spawned with --stdio,
// requests timed round trip over JSON-RPC. Prints figures; never passes or fails.
//   npm run bench:lsp            (builds first)
//   node --expose-gc --import tsx bench/lsp.ts [CORPUS_PLAIN_DIR]
// Default corpus: ../shared/corpus/cablegate/plain, else the vendored sample.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-protocol/node';
import { parseCable, type CableModel } from '../server/src/model/index.ts';
import { documentSymbols } from '../server/src/service/document-symbols.ts';
import { createCableLanguageService, createNodeWorkspace } from '../server/src/service/index.ts';
import { startServer, type LspTestClient } from '../test/support/lsp-client.ts';

const root = join(__dirname, '..');
const shared = join(root, '..', 'shared', 'corpus', 'cablegate', 'plain');
const corpusDir = process.argv[2] ?? (existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample', 'plain'));
const SEED = readFileSync(join(root, 'test', 'fixtures', 'seed', '09BASRAH2.cable'), 'utf8');
const CITED = join(root, 'test', 'fixtures', 'workspace', '08BAGHDAD3475.cable');
const BIG_BYTES = 1_000_000;
const SAMPLES = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function report(name: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${name.padEnd(46)} n=${String(sorted.length).padStart(5)}  p50 ${percentile(sorted, 50).toFixed(2).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(2).padStart(7)} ms`);
}

async function timed<T>(times: number[], request: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await request();
  times.push(performance.now() - start);
  return result;
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

/** Spread `count` picks over a list, so the whole document is sampled. */
function spread<T>(items: T[], count: number): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count) % items.length]!);
}

/** The seed's header and preamble, then corpus bodies (from their first paragraph) up to 1 MB. */
function bigCable(files: string[]): string {
  let text = SEED;
  for (const file of files) {
    if (text.length >= BIG_BYTES) break;
    const body = readFileSync(file, 'utf8');
    const first = body.search(/^¶1\./m);
    if (first >= 0) text += `\n\n${body.slice(first)}`;
  }
  return text;
}

async function benchBigCable(files: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cable-bench-lsp-'));
  try {
    const text = bigCable(files);
    const file = join(dir, '09BASRAH2.cable');
    writeFileSync(file, text);
    copyFileSync(CITED, join(dir, '08BAGHDAD3475.cable'));
    const uri = pathToFileURL(file).href;
    const model = parseCable(text);
    console.log(`\n1 MB cable: ${(text.length / 1e6).toFixed(2)} MB, ${model.paragraphs.length} paragraphs, ${model.crossReferences.length} mentions`);

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
  console.log(`\ncorpus workspace: ${corpusDir.replace(`${root}/`, '')}, ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
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
  console.log(`index: ${cables} cables in ${indexMs.toFixed(0)} ms; server RSS ${before.rss} before, ${after.rss} after (peak ${after.peak})`);
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
  console.log(`server RSS after all requests: ${memoryOf(client).rss} (peak ${memoryOf(client).peak})`);
  await client.stop();
}

/** The same requests on the 1 MB cable without the transport: what the service itself costs. */
async function benchServiceInProcess(files: string[]): Promise<void> {
  const text = bigCable(files);
  const service = createCableLanguageService({ workspace: createNodeWorkspace(), logger: { info() {}, warn() {}, error() {} } });
  service.index.setFolders([]);
  const document = TextDocument.create('file:///bench/09BASRAH2.cable', 'cable', 1, text);
  service.documentChanged(document);
  await service.index.ensureIndexed();
  const model = service.model(document);
  const outline: number[] = [];
  for (let i = 0; i < 20; i++) {
    const fresh = parseCable(text);
    await timed(outline, async () => documentSymbols(fresh, document));
  }
  const hovers: number[] = [];
  for (const position of spread(hoverPositions(model), SAMPLES)) await timed(hovers, async () => service.hover(document, position));
  const definitions: number[] = [];
  for (const position of spread(definitionPositions(model), SAMPLES)) await timed(definitions, () => service.definition(document, position));
  console.log('\nthe service in process on the 1 MB cable (no transport, model parsed):');
  report('outline of a parsed model (once per version)', outline);
  report('hover', hovers);
  report('definition', definitions);
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
  service.index.setFolders([{ uri: pathToFileURL(corpusDir).href }]);
  const start = performance.now();
  await service.index.ensureIndexed();
  const ms = performance.now() - start;
  const kept = gc ? `${((heap() - before) / 1e6).toFixed(1)} MB of heap kept by the index` : 'run with --expose-gc for the heap it keeps';
  console.log(`index in process: ${service.index.size} cables in ${ms.toFixed(0)} ms; ${kept}`);
}

async function main(): Promise<void> {
  const files = readdirSync(corpusDir)
    .filter((name) => /\.(txt|cable)$/.test(name))
    .sort()
    .map((name) => join(corpusDir, name));
  console.log(`node ${process.version}, server ${join('dist', 'server', 'server.js')} over stdio; round-trip times`);
  await benchBigCable(files);
  await benchCorpus(files);
  await benchServiceInProcess(files);
  await benchIndexInProcess();
}

void main();
