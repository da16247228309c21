// No regex of the server backtracks catastrophically: every regex literal in server/src, read
// from the sources with the TypeScript parser, goes through the recheck ReDoS checker. A regex it
// finds vulnerable must say why its input is bounded, in a comment on its line or the three lines
// above it: `ReDoS bound: … at most 80 characters` (a number, the bound, is required).
// A RegExp built at run time cannot be checked here, so it needs the same comment.
//
// recheck's verdict can depend on the machine (its checkers run against a clock), so the regexes
// it found safe are recorded in redos-verdicts.json; only regexes new since then are checked in a
// run. `CABLE_REDOS_RECORD=1` re-checks every regex and rewrites the record (do it on a quiet
// machine, and look at the diff).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { check, type Diagnostics } from 'recheck';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const SERVER_SOURCES = join(root, 'server', 'src');
/** Lines above a regex in which its justification may stand. */
const JUSTIFICATION_REACH = 3;
const JUSTIFICATION = /ReDoS bound:[^\n]*\d/;

interface RegexSite {
  where: string;
  source: string;
  flags: string;
  justified: boolean;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return typeScriptFiles(path);
      return path.endsWith('.ts') ? [path] : [];
    });
}

/** Every regex literal and every `RegExp(…)` construction of a TypeScript source. */
export function regexSites(file: string, text: string): { literals: RegexSite[]; constructed: RegexSite[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const literals: RegexSite[] = [];
  const constructed: RegexSite[] = [];
  const site = (node: ts.Node, source_: string, flags: string): RegexSite => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
    const context = lines.slice(Math.max(0, line - JUSTIFICATION_REACH), line + 1).join('\n');
    return { where: `${relative(root, file)}:${line + 1}`, source: source_, flags, justified: JUSTIFICATION.test(context) };
  };
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const close = literal.lastIndexOf('/');
      literals.push(site(node, literal.slice(1, close), literal.slice(close + 1)));
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText(source) === 'RegExp') {
      constructed.push(site(node, node.getText(source), ''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, constructed };
}

const VERDICTS_FILE = join(__dirname, 'redos-verdicts.json');
const RECORD = process.env.CABLE_REDOS_RECORD === '1';

interface VerdictRecord {
  recheck: string;
  /** `flags/source` of each regex recheck found safe. */
  safe: string[];
}

const keyOf = (site: RegexSite) => `${site.flags}/${site.source}`;
const RECHECK_VERSION = (JSON.parse(readFileSync(join(root, 'node_modules', 'recheck', 'package.json'), 'utf8')) as { version: string })
  .version;

function readRecord(): VerdictRecord {
  if (RECORD || !existsSync(VERDICTS_FILE)) return { recheck: RECHECK_VERSION, safe: [] };
  const record = JSON.parse(readFileSync(VERDICTS_FILE, 'utf8')) as VerdictRecord;
  // Another recheck may judge differently: its record does not count.
  return record.recheck === RECHECK_VERSION ? record : { recheck: RECHECK_VERSION, safe: [] };
}

/** recheck's verdict: its automaton checker where the regex allows, else its fuzzer; the fuzzer alone when the first runs out of time. */
async function diagnose(site: RegexSite): Promise<Diagnostics> {
  // `g` and `d` change what a match reports, not how it backtracks; `y` (one start only) stays.
  const flags = site.flags.replace(/[gd]/g, '');
  const timeout = RECORD ? 60_000 : 10_000;
  const first = await check(site.source, flags, { timeout });
  return first.status === 'unknown' ? check(site.source, flags, { checker: 'fuzz', timeout }) : first;
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('ReDoS: every regex of the server', () => {
  const sites = typeScriptFiles(SERVER_SOURCES).map((file) => regexSites(file, readFileSync(file, 'utf8')));
  const literals = sites.flatMap((s) => s.literals);

  it('finds the regexes of the sources (the extraction works)', () => {
    assert.ok(literals.length > 50, `only ${literals.length} regex literals`);
    const { literals: found, constructed } = regexSites(
      'x.ts',
      "const a = /b+c/gi; // x / y\nconst s = 'not /a regex/';\nconst d = new RegExp(`${s}`);\n",
    );
    assert.deepEqual(
      found.map((l) => [l.source, l.flags]),
      [['b+c', 'gi']],
    );
    assert.equal(constructed.length, 1);
  });

  it('a regex built at run time says what bounds its input', () => {
    const unjustified = sites.flatMap((s) => s.constructed).filter((c) => !c.justified);
    assert.deepEqual(
      unjustified.map((c) => `${c.where}: ${c.source}`),
      [],
    );
  });

  it('recheck finds a vulnerable regex (the checker works)', async () => {
    const verdict = await diagnose({ where: 'test', source: '^(a|a)*$', flags: '', justified: false });
    assert.equal(verdict.status, 'vulnerable');
  });

  it('every regex literal is safe, or justified by a bound on its input', async () => {
    const record = readRecord();
    const recorded = new Set(record.safe);
    const unique = [...new Map(literals.map((l) => [keyOf(l), l])).values()];
    const toCheck = unique.filter(
      (site) => !recorded.has(keyOf(site)) && !literals.filter((l) => keyOf(l) === keyOf(site)).every((l) => l.justified),
    );
    const verdicts = await mapLimited(toCheck, 2, async (site) => ({ site, verdict: await diagnose(site) }));
    if (RECORD) {
      const safe = verdicts.filter(({ verdict }) => verdict.status === 'safe').map(({ site }) => keyOf(site));
      writeFileSync(VERDICTS_FILE, `${JSON.stringify({ recheck: RECHECK_VERSION, safe: safe.sort() }, null, 2)}\n`);
    }
    const sameRegex = (a: RegexSite, b: RegexSite) => a.source === b.source && a.flags === b.flags;
    const problems = verdicts.flatMap(({ site, verdict }) => {
      if (verdict.status === 'safe') return [];
      const detail =
        verdict.status === 'vulnerable' ? `${verdict.complexity.type}, attack ${verdict.attack.pattern}` : `unknown: ${verdict.error.kind}`;
      // Each place the regex stands must be justified on its own.
      return literals.filter((l) => sameRegex(l, site) && !l.justified).map((l) => `${l.where} /${l.source}/${l.flags}: ${detail}`);
    });
    const counts = verdicts.reduce<Record<string, number>>(
      (all, { verdict }) => ({ ...all, [verdict.status]: (all[verdict.status] ?? 0) + 1 }),
      {},
    );
    console.log(
      `# recheck: ${literals.length} regex literals, ${unique.length} distinct, ${unique.length - toCheck.length} recorded safe or justified, checked now: ${JSON.stringify(counts)}`,
    );
    assert.deepEqual(problems, []);
  });
});
