// Every regex of the grammar through the recheck ReDoS checker: each must be reported 'safe'.
// recheck judges JavaScript semantics; the grammar sticks to the syntax both engines share, and
// grammar-walk.ts turns the two Oniguruma anchors (\A, \G) into `^`. The checker's time limits are
// switched off for step limits, and its "recall" (timing a found attack on the real engine) is skipped,
// so the verdict does not depend on the machine's load (the seed is fixed). Without recall an attack
// counts as soon as the analysis finds it, which is the cautious side. Set RECHECK_BACKEND (native,
// java, pure) to choose recheck's backend.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, type Diagnostics } from 'recheck';
import { grammarRegexes, readGrammarJson } from './grammar-walk.ts';

const DETERMINISTIC = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1, // skip recall; `null` here makes recheck report ^(a+)+$ as safe
  attackLimit: 100_000_000,
};
const PARALLEL_CHECKS = 2;

test('no regex of the grammar can backtrack catastrophically (recheck)', async (t) => {
  const regexes = grammarRegexes(readGrammarJson());
  const unique = [...new Map(regexes.map((r) => [r.javascript, r])).values()];
  const started = Date.now();
  const results: Array<{ path: string; diagnostics: Diagnostics }> = [];
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const regex = unique[next++]!;
      results.push({ path: regex.path, diagnostics: await check(regex.javascript, '', DETERMINISTIC) });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_CHECKS }, worker));

  const byChecker = (name: string) => results.filter((r) => r.diagnostics.status === 'safe' && r.diagnostics.checker === name).length;
  t.diagnostic(
    `${regexes.length} regexes (${unique.length} distinct): ${byChecker('automaton')} safe by automaton, ${byChecker('fuzz')} safe by fuzzing, in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  const unsafe = results
    .filter((r) => r.diagnostics.status !== 'safe')
    .map(({ path, diagnostics: d }) => {
      const detail =
        d.status === 'vulnerable' ? `${d.complexity.type}, attack ${d.attack.pattern}` : d.status === 'unknown' ? d.error.kind : '';
      return `${path}: ${d.status} (${detail}) ${d.source.slice(0, 120)}`;
    });
  assert.deepEqual(unsafe, []);
});

test('the checker, as configured here, flags catastrophic and quadratic regexes', async () => {
  for (const source of ['^(a+)+$', '[A-Z]+[ \\t]+\\d', '\\(CCY[^)]*\\)x']) {
    assert.equal((await check(source, '', DETERMINISTIC)).status, 'vulnerable', source);
  }
});
