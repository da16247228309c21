// Where the TextMate grammar spends its time: which rule lists (one Oniguruma scanner each) the engine
// searches, how often and for how long, and within the costliest lists which regexes cost the most.
// Prints figures; never passes or fails.
//   node --import tsx bench/grammar-profile.ts [DIR...]   (default: both renderings of the corpus)
// vscode-textmate searches the current rule list from the current position to the leftmost match; for
// lines under 1,000 bytes vscode-oniguruma tries every regex of the list at every position (a regset
// search), skipping ahead only for regexes whose first characters Oniguruma can look for. Each regex is
// timed again alone over the same searches (a sample of the files), which splits a list's time between
// its regexes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot, grammarPath, splitLines } from '../test/grammar/textmate.ts';

const shared = join(repoRoot, '..', 'shared', 'corpus', 'cablegate');
const dirs = process.argv.length > 2 ? process.argv.slice(2) : [join(shared, 'plain'), join(shared, 'markdown-style')];
if (!dirs.every(existsSync)) throw new Error(`no corpus at ${dirs.join(', ')}`);
/** Every n-th file is replayed regex by regex (the replay costs a list's length times the search). */
const SAMPLE_EVERY = 8;
const TOP_LISTS = 6;
const TOP_REGEXES = 8;

interface Search {
  text: string;
  position: number;
}
interface ListProfile {
  sources: string[];
  searches: number;
  ms: number;
  /** Characters from each search's start to its match (or the end of the line). */
  scanned: number;
  sample: Search[];
}

const lists = new Map<oniguruma.OnigScanner, ListProfile>();
const texts = new WeakMap<oniguruma.OnigString, string>();
let sampling = false;

async function main() {
  const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner(sources: string[]) {
        const scanner = new oniguruma.OnigScanner(sources);
        const profile: ListProfile = { sources, searches: 0, ms: 0, scanned: 0, sample: [] };
        lists.set(scanner, profile);
        const find = scanner.findNextMatchSync.bind(scanner);
        scanner.findNextMatchSync = ((string: oniguruma.OnigString, position: number, options?: oniguruma.FindOption[]) => {
          const start = performance.now();
          const match = options ? find(string, position, options) : find(string, position);
          profile.ms += performance.now() - start;
          profile.searches++;
          const text = texts.get(string)!;
          profile.scanned += (match ? match.captureIndices[0]!.start : text.length) - position;
          if (sampling) profile.sample.push({ text, position });
          return match;
        }) as typeof scanner.findNextMatchSync;
        return scanner;
      },
      createOnigString(text: string) {
        const string = new oniguruma.OnigString(text);
        texts.set(string, text);
        return string;
      },
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.cable' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = (await registry.loadGrammar('text.cable'))!;

  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => !n.endsWith('.json') && !n.endsWith('.md'))
      .map((n) => join(dir, n)),
  );
  let lineCount = 0;
  let bytes = 0;
  const start = process.cpuUsage();
  const wallStart = performance.now();
  files.forEach((file, i) => {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    sampling = i % SAMPLE_EVERY === 0;
    let state = textmate.INITIAL;
    for (const line of splitLines(text)) {
      state = grammar.tokenizeLine(line, state).ruleStack;
      lineCount++;
    }
  });
  const used = process.cpuUsage(start);
  const wallMs = performance.now() - wallStart;
  const searchMs = [...lists.values()].reduce((sum, l) => sum + l.ms, 0);
  const searches = [...lists.values()].reduce((sum, l) => sum + l.searches, 0);
  console.log(
    `${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${lineCount} lines; load average ${loadAverage()}\n` +
      `tokenizing: ${(wallMs / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU (profiled, so slower than bench:grammar)\n` +
      `  in Oniguruma searches: ${(searchMs / 1000).toFixed(2)} s (${((100 * searchMs) / wallMs).toFixed(0)}% of wall), ${searches} searches (${(searches / lineCount).toFixed(1)} a line)`,
  );

  const ranked = [...lists.values()].filter((l) => l.searches > 0).sort((a, b) => b.ms - a.ms);
  console.log(`\nrule lists by search time (${ranked.length} lists searched):`);
  for (const list of ranked.slice(0, 15)) {
    console.log(
      `  ${list.ms.toFixed(0).padStart(6)} ms ${((100 * list.ms) / searchMs).toFixed(1).padStart(5)}%  ` +
        `${String(list.searches).padStart(8)} searches, ${(list.scanned / list.searches).toFixed(1).padStart(5)} chars each, ` +
        `${list.sources.length} regexes: ${describe(list.sources)}`,
    );
  }

  for (const list of ranked.slice(0, TOP_LISTS)) {
    const costs = list.sources.map((source) => ({ source, ms: replay(source, list.sample) }));
    const total = costs.reduce((sum, c) => sum + c.ms, 0);
    console.log(
      `\n${describe(list.sources)}: each regex alone over ${list.sample.length} sampled searches, ${total.toFixed(0)} ms in all (whole list ${replayList(list).toFixed(0)} ms)`,
    );
    for (const c of costs.sort((a, b) => b.ms - a.ms).slice(0, TOP_REGEXES)) {
      console.log(`  ${c.ms.toFixed(1).padStart(7)} ms ${((100 * c.ms) / total).toFixed(0).padStart(3)}%  ${c.source.slice(0, 150)}`);
    }
  }
}

/** Milliseconds to run these searches with one regex alone (best of 3). */
function replay(source: string, sample: Search[]): number {
  return timeSearches(new oniguruma.OnigScanner([source]), sample);
}
function replayList(list: ListProfile): number {
  return timeSearches(new oniguruma.OnigScanner(list.sources), list.sample);
}
function timeSearches(scanner: oniguruma.OnigScanner, sample: Search[]): number {
  const strings = new Map<string, oniguruma.OnigString>();
  const string = (text: string) => strings.get(text) ?? strings.set(text, new oniguruma.OnigString(text)).get(text)!;
  for (const s of sample) string(s.text);
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    for (const s of sample) scanner.findNextMatchSync(string(s.text), s.position);
    best = Math.min(best, performance.now() - start);
  }
  for (const s of strings.values()) s.dispose();
  scanner.dispose();
  return best;
}

/** A list is named by the start of its first two regexes. */
const describe = (sources: string[]) =>
  sources
    .slice(0, 2)
    .map((s) => JSON.stringify(s.slice(0, 40)))
    .join(', ') + (sources.length > 2 ? ', …' : '');

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
