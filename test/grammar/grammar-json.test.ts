// The committed grammar JSON: generated from its source, scopes that themes can target, regexes that
// both engines (Oniguruma in VS Code, JavaScript for the ReDoS check) compile.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { grammarRegexes, readGrammarJson, type GrammarRule } from './grammar-walk.ts';
import { loadCableGrammar, repoRoot } from './textmate.ts';

/** Scope families the default themes colour, plus meta (regions) and punctuation (takes its parent's). */
const FAMILIES = [
  'keyword',
  'constant.language',
  'constant.numeric',
  'entity.name.tag',
  'entity.name.type',
  'support.type',
  'string',
  'markup.heading',
  'markup.bold',
  'comment',
  'invalid',
  'variable',
  'meta',
  'punctuation',
];

interface NamedScope {
  scope: string;
  /** `name` of a begin/end rule (a region) or its `contentName`. */
  region: boolean;
}

function namedScopes(rule: GrammarRule, found: NamedScope[] = []): NamedScope[] {
  const isRegion = typeof rule.begin === 'string';
  if (rule.name) found.push({ scope: rule.name, region: isRegion });
  if (rule.contentName) found.push({ scope: rule.contentName, region: true });
  for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
    for (const capture of Object.values(rule[key] ?? {})) namedScopes(capture, found);
  }
  for (const child of rule.patterns ?? []) namedScopes(child, found);
  return found;
}

describe('grammar JSON', () => {
  const grammar = readGrammarJson();
  const scopes = [...Object.values(grammar.repository), { patterns: grammar.patterns }].flatMap((r) => namedScopes(r));

  test('is what scripts/build-grammar.mjs generates from the source', () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build-grammar.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr || run.stdout);
  });

  test('every scope ends in .cable and belongs to a family that themes colour', () => {
    assert.ok(scopes.length > 100, `only ${scopes.length} scopes`);
    const wrong = scopes.filter(({ scope }) => !scope.endsWith('.cable') || !FAMILIES.some((f) => scope.startsWith(`${f}.`)));
    assert.deepEqual(
      wrong.map((s) => s.scope),
      [],
    );
  });

  test('meta.* names only regions', () => {
    const tokens = scopes.filter(({ scope, region }) => scope.startsWith('meta.') && !region);
    assert.deepEqual(
      tokens.map((s) => s.scope),
      [],
    );
  });

  test('each classification level and portion-marking level has its own scope', () => {
    const names = new Set(scopes.map((s) => s.scope));
    for (const level of ['top-secret', 'secret', 'confidential', 'unclassified']) {
      assert.ok(names.has(`constant.language.classification.${level}.cable`), `banner ${level}`);
      assert.ok(names.has(`keyword.control.marking.${level}.cable`), `marking ${level}`);
    }
    assert.ok(names.has('keyword.control.marking.sbu.cable'));
  });

  test('every regex compiles in Oniguruma and as a JavaScript RegExp', async () => {
    await loadCableGrammar(); // loads the Oniguruma wasm
    const regexes = grammarRegexes(grammar);
    assert.ok(regexes.length > 100, `only ${regexes.length} regexes`);
    const broken = regexes.flatMap(({ path, oniguruma: source, javascript }) => {
      const errors: string[] = [];
      try {
        new oniguruma.OnigScanner([source]).dispose();
      } catch (error) {
        errors.push(`${path} (Oniguruma): ${(error as Error).message}`);
      }
      try {
        new RegExp(javascript);
      } catch (error) {
        errors.push(`${path} (JavaScript): ${(error as Error).message}`);
      }
      return errors;
    });
    assert.deepEqual(broken, []);
  });

  test('the package contributes it for the cable language', () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    const contribution = manifest.contributes.grammars.find((g: { language: string }) => g.language === 'cable');
    assert.equal(contribution.scopeName, grammar.scopeName);
    assert.equal(join(repoRoot, contribution.path), join(repoRoot, 'syntaxes', 'cable.tmLanguage.json'));
  });
});
