// Every regex of the grammar through the recheck ReDoS checker: each must be reported 'safe'.
// recheck judges JavaScript semantics; the grammar sticks to the syntax both engines share, and
// grammar-walk.ts turns the two Oniguruma anchors (\A, \G) into `^`. The checker's own time limits are
// switched off for step limits, so the verdict does not depend on the machine's load (the seed is fixed),
// and runs take a minute or two. Set RECHECK_BACKEND (native, java, pure) to choose recheck's backend.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, type Diagnostics } from 'recheck';
import { grammarRegexes, readGrammarJson } from './grammar-walk.ts';

const DETERMINISTIC = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  recallTimeout: null,
  seedingTimeout: null,
  attackLimit: 100_000_000,
  recallLimit: 100_000_000,
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
  t.diagnostic(`${regexes.length} regexes (${unique.length} distinct): ${byChecker('automaton')} safe by automaton, ${byChecker('fuzz')} safe by fuzzing, in ${Math.round((Date.now() - started) / 1000)} s`);
  const unsafe = results
    .filter((r) => r.diagnostics.status !== 'safe')
    .map(({ path, diagnostics: d }) => {
      const detail = d.status === 'vulnerable' ? `${d.complexity.type}, attack ${d.attack.pattern}` : d.status === 'unknown' ? d.error.kind : '';
      return `${path}: ${d.status} (${detail}) ${d.source.slice(0, 120)}`;
    });
  assert.deepEqual(unsafe, []);
});

test('the checker, as configured here, does flag a catastrophic regex', async () => {
  const diagnostics = await check('^(a+)+$', '', DETERMINISTIC);
  assert.equal(diagnostics.status, 'vulnerable');
});
