// Tokenizing speed of the TextMate grammar in vscode-textmate + vscode-oniguruma (VS Code's engine).
// Prints figures; never passes or fails.
//   npm run bench:grammar [-- DIR...]   (default: both renderings of ../shared/corpus/cablegate,
//                                        else the vendored fixtures in test/grammar/fixtures)
//   npm run bench:grammar -- --against REV [DIR...]   the grammar at git revision REV and this one, their
//                                        rounds interleaved in one process (7 each), the corpus figures only
// Figures: MB/s and lines/s over the corpus (best of 3 rounds, CPU time of this process), the slowest
// single line, and the CPU time of each hostile line (100,000 characters each) in four places: the first
// line of a file (preamble), a body line, a line inside a SUBJECT caption, a line after a TAGS line.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as textmate from 'vscode-textmate';
import { createRegistry, loadCableGrammar, repoRoot, splitLines } from '../test/grammar/textmate.ts';

const shared = join(repoRoot, '..', 'shared', 'corpus', 'cablegate');
const vendored = join(repoRoot, 'test', 'grammar', 'fixtures');
const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? args.splice(againstAt, 2)[1] : undefined;
const dirs = args.length > 0 ? args : existsSync(shared) ? [join(shared, 'plain'), join(shared, 'markdown-style')] : [vendored];
const ROUNDS = 3;
const COMPARE_ROUNDS = 7;
const HOSTILE_LENGTH = 100_000;

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

interface SlowLine {
  ms: number;
  line: string;
  state: textmate.StateStack;
}

/** Tokenizes every text; keeps the slowest lines (with the state before them) to time them again. */
function tokenizeAll(grammar: textmate.IGrammar, texts: string[][], keep: number) {
  const slow: SlowLine[] = [];
  const start = process.cpuUsage();
  for (const lines of texts) {
    let state = textmate.INITIAL;
    for (const line of lines) {
      const before = performance.now();
      const next = grammar.tokenizeLine(line, state).ruleStack;
      const ms = performance.now() - before;
      if (keep > 0 && (slow.length < keep || ms > slow[slow.length - 1]!.ms)) {
        slow.push({ ms, line, state });
        slow.sort((a, b) => b.ms - a.ms);
        slow.length = Math.min(slow.length, keep);
      }
      state = next;
    }
  }
  return { seconds: cpuSeconds(start), slow };
}

/**
 * A single wall-clock reading can include a garbage collection or another process; the slowest
 * candidates are timed again, five times each, and the best time counts.
 */
function worstLine(grammar: textmate.IGrammar, candidates: SlowLine[]) {
  return candidates
    .map(({ line, state }) => {
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const start = performance.now();
        grammar.tokenizeLine(line, state);
        best = Math.min(best, performance.now() - start);
      }
      return { ms: best, line };
    })
    .sort((a, b) => b.ms - a.ms)[0]!;
}

/**
 * CPU time of one line after `prefix` lines have set the state (the line's own time only), best of 3:
 * on a shared machine the wall time of a 100,000-character line mostly measures the other processes.
 */
function timeLine(grammar: textmate.IGrammar, prefix: string[], line: string): number {
  let state = textmate.INITIAL;
  for (const before of prefix) state = grammar.tokenizeLine(before, state).ruleStack;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    grammar.tokenizeLine(line, state);
    best = Math.min(best, cpuSeconds(start) * 1000);
  }
  return best;
}

const repeatTo = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The grammar at a git revision against the working copy's, rounds interleaved: the machine's speed drifts. */
async function compare(revision: string, lines: string[][], bytes: number) {
  const json = execFileSync('git', ['show', `${revision}:syntaxes/cable.tmLanguage.json`], { cwd: repoRoot, encoding: 'utf8' });
  const grammars: [string, textmate.IGrammar][] = [
    [revision, (await (await createRegistry(undefined, json)).loadGrammar('text.cable'))!],
    ['working copy', await loadCableGrammar()],
  ];
  const best = grammars.map(() => Infinity);
  for (let round = 0; round < COMPARE_ROUNDS; round++) {
    grammars.forEach(([, grammar], i) => {
      best[i] = Math.min(best[i]!, tokenizeAll(grammar, lines, 0).seconds);
    });
  }
  grammars.forEach(([name], i) => {
    console.log(
      `  ${name.padEnd(14)} ${(bytes / 1e6 / best[i]!).toFixed(2)} MB/s (${best[i]!.toFixed(2)} s CPU, best of ${COMPARE_ROUNDS})`,
    );
  });
  console.log(`  load average ${loadAverage()}`);
}

async function main() {
  const grammar = await loadCableGrammar();
  const files = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((n) => !n.endsWith('.json') && !n.endsWith('.md'))
      .map((n) => join(dir, n)),
  );
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const lines = texts.map(splitLines);
  const lineCount = lines.reduce((sum, l) => sum + l.length, 0);

  if (against) {
    console.log(
      `corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${lineCount} lines (${dirs.join(', ')}); load average ${loadAverage()}`,
    );
    return compare(against, lines, bytes);
  }
  tokenizeAll(grammar, lines.slice(0, 20), 1); // warm up the JIT and the compiled scanners
  let best = Infinity;
  const candidates: SlowLine[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = tokenizeAll(grammar, lines, 20);
    best = Math.min(best, run.seconds);
    candidates.push(...run.slow);
  }
  const worst = worstLine(grammar, candidates);
  console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB, ${lineCount} lines (${dirs.join(', ')})`);
  console.log(`  load average ${loadAverage()}`);
  console.log(`  ${(bytes / 1e6 / best).toFixed(2)} MB/s, ${Math.round(lineCount / best)} lines/s (best of ${ROUNDS}, CPU time)`);
  console.log(`  slowest line: ${worst.ms.toFixed(2)} ms (${worst.line.length} chars: ${JSON.stringify(worst.line.slice(0, 60))})`);

  const seed = splitLines(readFileSync(join(repoRoot, 'test', 'grammar', 'fixtures', 'seed', '09BASRAH2.cable'), 'utf8'));
  const places: Record<string, string[]> = {
    'first line': [],
    'body line': seed,
    'in SUBJECT': [...seed.slice(0, 19), 'SUBJECT: HOSTILE'],
    'after TAGS': [...seed.slice(0, 18), 'TAGS: PGOV'],
  };
  const hostile: Record<string, string> = {
    '(': '(',
    X: 'X',
    'letter-spaced': 'C O N F I D E N T I A L ',
    '[PGOV](#)': '[PGOV](#) ',
    '(S//NF': '(S//NF ',
    'TAGS codes': 'PGOV, ',
  };
  // The time at half the length too: a ratio near 2 shows the time grows linearly with the line.
  console.log(`hostile lines (${HOSTILE_LENGTH} chars), CPU ms per line (and the ratio to a line half as long):`);
  for (const [name, unit] of Object.entries(hostile)) {
    const times = Object.entries(places).map(([place, prefix]) => {
      const full = timeLine(grammar, prefix, repeatTo(unit, HOSTILE_LENGTH));
      const half = timeLine(grammar, prefix, repeatTo(unit, HOSTILE_LENGTH / 2));
      return `${place} ${full.toFixed(1)} (x${(full / half).toFixed(1)})`;
    });
    console.log(`  ${name.padEnd(14)} ${times.join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
