// Indexing a workspace of N cables, as an editor sees it: the built server spawned with --stdio
// over a synthetic workspace (bench/make-workspace.ts), one of its cables opened. Prints figures;
// never passes or fails.
//   npm run bench:index -- [N] [DIR]        (builds first; N: 1000 (default), 10k, 100k, 250k)
//   node --import tsx bench/index.ts [N] [DIR]
// DIR (default: <tmp>/cable-bench-workspace-N) is made by make-workspace unless it already holds
// a workspace it made; delete it when done.
//   - index time: from the initialize request (the server process just spawned) to the end of
//     the index's work-done progress report; the index starts when the cable is opened, at once.
//   - cold and warm opens: the first run starts with an empty index cache (--cache-dir, a new
//     directory); after it, a second server is started on the same folder with that cache: the
//     time to its first definition (a REF entry of the open cable), to its progress end, and
//     its peak RSS.
//   - peak RSS of the server process (VmHWM in /proc/PID/status) and its CPU time; again at
//     shutdown, which waits for the index cache to be written. Each figure has the load average
//     (1 minute) beside it.
//   - outline of the open cable while indexing runs: the first request (parse + outline), then
//     one request every OUTLINE_EVERY_MS until the index is done.
//   - a file changed on disk, then didChangeWatchedFiles: time until a workspace/symbol query
//     finds the new subject word in it, and until references on its cited cable's banner find it.
//   - after indexing, workspace/symbol queries as typed (IDs, TAGS, subject words) and references
//     on the banners of 200 cables spread over the workspace, each opened first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ExitNotification,
  FileChangeType,
  ShutdownRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { parseCable } from '../server/src/model/cable-model.ts';
import { startServer, type LspTestClient } from '../test/support/lsp-client.ts';
import { spread, symbolQueries } from './queries.ts';

const root = resolve(__dirname, '..');
/** Written by make-workspace into the folders it makes. */
const MARKER = '.cable-bench-workspace';
const OUTLINE_EVERY_MS = 20;
const CHANGES = 20;

function parseSize(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([kK]?)$/.exec(text ?? '');
  if (!m) {
    process.stderr.write(
      `bench/index: N must be a number of cables such as 1000, 10k or 250k, not ${text}\nUsage: node --import tsx bench/index.ts [N] [DIR]\n`,
    );
    process.exit(2);
  }
  return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

/** Every cable file under `dir`, sorted. */
function cableFiles(dir: string): string[] {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.(?:cable|txt)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(times: number[]): string {
  if (times.length === 0) return 'n=0';
  const sorted = [...times].sort((a, b) => a - b);
  return `n=${sorted.length}  p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
}

/** Peak and current resident memory (MB) and CPU seconds of the server process (Linux /proc). */
function processFigures(client: LspTestClient): { peakMb: number; rssMb: number; cpuSeconds: number } {
  const pid = client.process.pid;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    // Fields 14 and 15 of /proc/PID/stat (after the command in parentheses): user and system ticks.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024, cpuSeconds: ticks / 100 };
  } catch {
    return { peakMb: NaN, rssMb: NaN, cpuSeconds: NaN };
  }
}

/** CPU seconds of the server's busiest threads (Linux /proc), by name: the main thread is the process's own id. */
function threadFigures(client: LspTestClient): string {
  const pid = client.process.pid;
  try {
    const threads = readdirSync(`/proc/${pid}/task`).map((tid) => {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = tid === String(pid) ? 'main' : readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      return { name, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
    });
    return threads
      .filter((t) => t.seconds >= 0.5)
      .sort((a, b) => b.seconds - a.seconds)
      .map((t) => `${t.name} ${t.seconds.toFixed(1)} s`)
      .join(', ');
  } catch {
    return 'n/a';
  }
}

const load = () => loadavg()[0]!.toFixed(2);

/** A figure, with the load average (1 minute) beside it: the machine is shared. */
function figure(line: string): void {
  console.log(`${line}   (load ${load()})`);
}

function cacheFileMtime(cacheDir: string): number {
  const name = readdirSync(cacheDir).find((n) => n.endsWith('.jsonl'));
  return name ? statSync(join(cacheDir, name)).mtimeMs : 0;
}

/** Resolves when the cache file in `cacheDir` is replaced (its mtime is no longer `mtime`); polled every 50 ms. */
async function cacheRewritten(cacheDir: string, mtime: number): Promise<void> {
  while (cacheFileMtime(cacheDir) === mtime) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** The server's figures once its index cache is written (a shutdown waits for that); the server is stopped. */
async function figuresAtShutdown(client: LspTestClient): Promise<ReturnType<typeof processFigures>> {
  await client.connection.sendRequest(ShutdownRequest.type);
  const figures = processFigures(client);
  const exited = new Promise((resolve) => client.process.once('exit', resolve));
  await client.connection.sendNotification(ExitNotification.type);
  await exited;
  client.connection.dispose();
  return figures;
}

async function timed<T>(request: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await request();
  return { ms: performance.now() - start, result };
}

/** Outline requests, one every OUTLINE_EVERY_MS until `done` resolves. */
async function outlinesUntil(client: LspTestClient, uri: string, done: Promise<void>): Promise<number[]> {
  let finished = false;
  void done.then(() => (finished = true));
  const times: number[] = [];
  while (!finished) {
    times.push((await timed(() => client.symbols(uri))).ms);
    await new Promise((resolve) => setTimeout(resolve, OUTLINE_EVERY_MS));
  }
  return times;
}

/**
 * Rewrites `file` on disk with a new word in its subject, tells the server, and times until a
 * workspace/symbol query for the word finds the file; then a REF entry citing `citedId`, timed
 * until references on `citedFile`'s banner list the file.
 */
async function changeFile(
  client: LspTestClient,
  file: string,
  word: string,
  cited: { id: string; citation: string; file: string },
): Promise<{ symbolMs: number; referencesMs: number; ok: boolean }> {
  const original = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const withWord = original.replace(/^(\s*SUBJ(?:ECT)?\s*:\s*)/im, `$1${word} `);
  writeFileSync(file, withWord);
  client.filesChanged([{ uri, type: FileChangeType.Changed }]);
  const symbol = await timed(
    () => client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: word }) as Promise<SymbolInformation[] | null>,
  );
  const foundWord = (symbol.result ?? []).some((s) => s.location.uri === uri);

  // A new first REF entry citing the cited cable; the file's own REF list (if any) follows it.
  const withRef = withWord.replace(/^(\s*SUBJ(?:ECT)?\s*:.*\n)/im, `$1\nREF: ${cited.citation}\n\n`);
  writeFileSync(file, withRef);
  client.filesChanged([{ uri, type: FileChangeType.Changed }]);
  const citedUri = pathToFileURL(cited.file).href;
  const banner = parseCable(readFileSync(cited.file, 'utf8'), { fileName: cited.file }).banner!.range.start;
  const references = await timed(
    () =>
      client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri: citedUri },
        position: banner,
        context: { includeDeclaration: false },
      }) as Promise<Location[] | null>,
  );
  const foundCitation = (references.result ?? []).some((l) => l.uri === uri);

  writeFileSync(file, original);
  client.filesChanged([{ uri, type: FileChangeType.Changed }]);
  return { symbolMs: symbol.ms, referencesMs: references.ms, ok: foundWord && foundCitation };
}

async function main(): Promise<void> {
  const count = parseSize(process.argv[2] ?? '1000');
  const dir = resolve(process.argv[3] ?? join(tmpdir(), `cable-bench-workspace-${count}`));
  if (!existsSync(join(dir, MARKER))) {
    const made = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', 'make-workspace.ts'), String(count), dir], {
      stdio: 'inherit',
      cwd: root,
    });
    if (made.status !== 0) process.exit(made.status ?? 1);
  }
  const files = cableFiles(dir);
  const bytes = files.reduce((sum, file) => sum + readFileSync(file).length, 0);
  console.log(
    `node ${process.version}; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; ${(totalmem() / 2 ** 30).toFixed(0)} GB; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `workspace ${dir}: ${files.length.toLocaleString('en')} files, ${(bytes / 1e6).toFixed(0)} MB (page cache warm: every file was just read)`,
  );
  if (files.length !== count) console.log(`  (asked for ${count.toLocaleString('en')}: the folder holds a workspace made before)`);

  // The opened cable (from the middle, with a REF entry citing a cable), and the files changed later: spread over the workspace, each with a subject.
  const opened =
    files
      .slice(Math.floor(files.length / 2))
      .find((file) => parseCable(readFileSync(file, 'utf8'), { fileName: file }).references?.entries.some((e) => e.id)) ??
    files[Math.floor(files.length / 2)]!;
  const openedUri = pathToFileURL(opened).href;
  const openedText = readFileSync(opened, 'utf8');
  const refEntry = parseCable(openedText, { fileName: opened }).references?.entries.find((e) => e.id);
  const definitionAt = refEntry ? (refEntry.citationRange ?? refEntry.range).start : undefined;
  const cacheDir = mkdtempSync(join(tmpdir(), 'cable-bench-cache-'));
  const start = performance.now();
  const client = await startServer({ folders: [pathToFileURL(dir).href], configuration: () => ({}), cacheDir });
  const initializedMs = performance.now() - start;
  const indexed = client.progressEnd();
  client.open(openedUri, openedText);
  const firstDefinition = definitionAt
    ? client.definition(openedUri, definitionAt).then((result) => ({ ms: performance.now() - start, result }))
    : undefined;
  const first = await timed(() => client.symbols(openedUri));
  const during = await outlinesUntil(client, openedUri, indexed);
  await indexed;
  const indexMs = performance.now() - start;
  const coldDefinition = await firstDefinition;
  const afterIndex = processFigures(client);
  const coldLoad = load();
  const logged = client.logs.find((l) => l.startsWith('Indexed')) ?? '(no "Indexed" log line)';

  figure(`initialize answered:                  ${initializedMs.toFixed(0)} ms after spawn`);
  figure(`index done (progress end):            ${(indexMs / 1000).toFixed(2)} s after initialize   [${logged}]`);
  figure(
    `server peak RSS (VmHWM):              ${afterIndex.peakMb.toFixed(0)} MB   (RSS at the end ${afterIndex.rssMb.toFixed(0)} MB; CPU ${afterIndex.cpuSeconds.toFixed(1)} s user+system)`,
  );
  figure(`server threads' CPU:                  ${threadFigures(client)}`);
  figure(`first outline of the open cable:      ${first.ms.toFixed(1)} ms (while indexing; parse + outline)`);
  figure(`outline while indexing:               ${summary(during)}`);

  // The changed files: the first ones with a subject and a banner, spread over the workspace.
  const changed: string[] = [];
  for (let i = 0; changed.length < CHANGES && i < files.length; i++) {
    const file = files[Math.floor((i * files.length) / CHANGES) % files.length]!;
    if (file === opened || changed.includes(file)) continue;
    const model = parseCable(readFileSync(file, 'utf8'), { fileName: file });
    if (model.subject && model.banner) changed.push(file);
  }
  const citedModel = parseCable(openedText, { fileName: opened });
  const post = citedModel.banner?.origin?.text;
  const serial = citedModel.banner?.serial?.text;
  if (!citedModel.id || !post || !serial || citedModel.year === undefined) throw new Error(`${opened} has no ID to cite`);
  const cited = { id: citedModel.id, citation: `A. ${citedModel.year} ${post} ${Number(serial)}`, file: opened };

  const symbolTimes: number[] = [];
  const referenceTimes: number[] = [];
  let failures = 0;
  for (const [i, file] of changed.entries()) {
    const result = await changeFile(client, file, `ZQXBENCH${i}`, cited);
    symbolTimes.push(result.symbolMs);
    referenceTimes.push(result.referencesMs);
    if (!result.ok) failures++;
  }
  figure(`file changed -> workspace/symbol finds it: ${summary(symbolTimes)}`);
  figure(`file changed -> references find its REF:   ${summary(referenceTimes)}`);
  if (failures) figure(`  (${failures} of ${changed.length} changes were not reflected in the answers)`);
  const idle: number[] = [];
  for (let i = 0; i < 20; i++)
    idle.push((await timed(() => client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: `ZQXBENCH${i}` }))).ms);
  figure(`workspace/symbol round trip, no change:    ${summary(idle)}`);

  // The goals' p99 < 20 ms for workspace symbols and references at this size, over stdio.
  const queries = symbolQueries(files);
  const symbolRoundTrips: number[] = [];
  let symbolResults = 0;
  for (const query of queries) {
    const { ms, result } = await timed(
      () => client.connection.sendRequest(WorkspaceSymbolRequest.type, { query }) as Promise<SymbolInformation[] | null>,
    );
    symbolRoundTrips.push(ms);
    symbolResults += result?.length ?? 0;
  }
  figure(
    `workspace/symbol, typed queries:           ${summary(symbolRoundTrips)}   (IDs, TAGS, subject words; ${(symbolResults / queries.length).toFixed(0)} results each)`,
  );
  const referenceRoundTrips: number[] = [];
  let citing = 0;
  for (const file of spread(files, 200)) {
    const text = readFileSync(file, 'utf8');
    const banner = parseCable(text, { fileName: file }).banner;
    if (!banner) continue;
    const uri = pathToFileURL(file).href;
    client.open(uri, text);
    const { ms, result } = await timed(
      () =>
        client.connection.sendRequest(ReferencesRequest.type, {
          textDocument: { uri },
          position: banner.range.start,
          context: { includeDeclaration: false },
        }) as Promise<Location[] | null>,
    );
    client.close(uri);
    referenceRoundTrips.push(ms);
    citing += result?.length ?? 0;
  }
  figure(
    `references on a banner, cable just opened: ${summary(referenceRoundTrips)}   (${(citing / referenceRoundTrips.length).toFixed(1)} citing entries each)`,
  );
  const end = await figuresAtShutdown(client);
  figure(`server at shutdown (cache written): RSS ${end.rssMb.toFixed(0)} MB, peak ${end.peakMb.toFixed(0)} MB`);

  // Warm: the same folder again, with the cache the first run left (written before it exited).
  const cacheBytes = readdirSync(cacheDir).reduce((sum, name) => sum + readFileSync(join(cacheDir, name)).length, 0);
  const cacheMtime = cacheFileMtime(cacheDir);
  const warmStart = performance.now();
  const warm = await startServer({ folders: [pathToFileURL(dir).href], configuration: () => ({}), cacheDir });
  const warmIndexed = warm.progressEnd();
  warm.open(openedUri, openedText);
  const warmDefinition = definitionAt ? await timed(() => warm.definition(openedUri, definitionAt)) : undefined;
  const warmDefinitionMs = warmDefinition ? performance.now() - warmStart : NaN;
  // Asked during the pass, right after the first definition: answered from the cache's search terms.
  const symbolQuery = { query: cited.id };
  const warmSymbolDuring = await timed(() => warm.connection.sendRequest(WorkspaceSymbolRequest.type, symbolQuery));
  const warmSymbolDuringMs = performance.now() - warmStart;
  const duringLoad = load();
  const warmDuring = await outlinesUntil(warm, openedUri, warmIndexed);
  const warmIndexMs = performance.now() - warmStart;
  const warmFigures = processFigures(warm);
  const warmLoad = load();
  // After the pass the server files the loaded cables' search terms and writes the cache again
  // (20 files changed): a search at once, and the outline until the cache file is replaced.
  const warmSymbol = timed(() => warm.connection.sendRequest(WorkspaceSymbolRequest.type, symbolQuery));
  // A pass that read no file saves nothing.
  const saves = !(warm.logs.find((l) => l.startsWith('Indexed')) ?? '').includes('(0 read');
  const warmAfter = await outlinesUntil(
    warm,
    openedUri,
    Promise.all([warmSymbol, saves ? cacheRewritten(cacheDir, cacheMtime) : undefined]).then(() => undefined),
  );
  const warmLoaded = warm.logs.find((l) => l.startsWith('Loaded')) ?? '(no "Loaded" log line: the cache was not used)';
  const warmLogged = warm.logs.find((l) => l.startsWith('Indexed')) ?? '(no "Indexed" log line)';
  const sameAnswer = JSON.stringify(warmDefinition?.result) === JSON.stringify(coldDefinition?.result);
  const warmEnd = await figuresAtShutdown(warm);
  rmSync(cacheDir, { recursive: true, force: true });
  console.log(`index cache: ${(cacheBytes / 1e6).toFixed(1)} MB on disk`);
  console.log(`warm: outline while loading and checking: ${summary(warmDuring)}   (load ${warmLoad})`);
  const sameSymbols = JSON.stringify(warmSymbolDuring.result) === JSON.stringify((await warmSymbol).result);
  console.log(
    `warm: first workspace/symbol during the pass (after the first definition): ${warmSymbolDuring.ms.toFixed(1)} ms, ${(warmSymbolDuringMs / 1000).toFixed(2)} s from initialize   (load ${duringLoad})${sameSymbols ? '' : '  (differs from the answer after the pass)'}`,
  );
  console.log(`warm: workspace/symbol after the pass: ${(await warmSymbol).ms.toFixed(1)} ms   (load ${warmLoad})`);
  console.log(`warm: outline after the pass until the cache is written: ${summary(warmAfter)}`);
  console.log(`warm server at shutdown (cache written): RSS ${warmEnd.rssMb.toFixed(0)} MB, peak ${warmEnd.peakMb.toFixed(0)} MB`);
  console.log(
    `cold open: first definition ${((coldDefinition?.ms ?? NaN) / 1000).toFixed(2)} s, progress end ${(indexMs / 1000).toFixed(2)} s, peak RSS ${afterIndex.peakMb.toFixed(0)} MB, CPU ${afterIndex.cpuSeconds.toFixed(1)} s (at progress end; load ${coldLoad})`,
  );
  console.log(
    `warm open: first definition ${(warmDefinitionMs / 1000).toFixed(2)} s, progress end ${(warmIndexMs / 1000).toFixed(2)} s, peak RSS ${warmFigures.peakMb.toFixed(0)} MB, CPU ${warmFigures.cpuSeconds.toFixed(1)} s (at progress end; load ${warmLoad})   [${warmLoaded}] [${warmLogged}]${sameAnswer ? '' : '  (the warm definition differs from the cold one)'}`,
  );
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
