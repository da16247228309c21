// Walks syntaxes/cable.tmLanguage.json: its rules and every regex in them, with the regex rewritten
// for JavaScript (the ReDoS checker's language) where Oniguruma-only anchors are used.
import { readFileSync } from 'node:fs';
import { grammarPath } from './textmate.ts';

export interface GrammarRule {
  name?: string;
  contentName?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  include?: string;
  patterns?: GrammarRule[];
  captures?: Record<string, GrammarRule>;
  beginCaptures?: Record<string, GrammarRule>;
  endCaptures?: Record<string, GrammarRule>;
}

export interface GrammarJson {
  scopeName: string;
  patterns: GrammarRule[];
  repository: Record<string, GrammarRule>;
}

export interface GrammarRegex {
  /** Where it is: `repository.banner.begin`, `repository.inline.patterns[0].match` ... */
  path: string;
  oniguruma: string;
  /** The same regex for JavaScript: `\A` (start of file) and `\G` (start of the search) become `^`. */
  javascript: string;
}

export function readGrammarJson(): GrammarJson {
  return JSON.parse(readFileSync(grammarPath, 'utf8')) as GrammarJson;
}

export function grammarRegexes(grammar: GrammarJson): GrammarRegex[] {
  const found: GrammarRegex[] = [];
  const walk = (rule: GrammarRule, path: string) => {
    for (const key of ['match', 'begin', 'end', 'while'] as const) {
      const source = rule[key];
      if (typeof source === 'string') {
        found.push({ path: `${path}.${key}`, oniguruma: source, javascript: source.replace(/\\[AG]/g, '^') });
      }
    }
    rule.patterns?.forEach((child, i) => walk(child, `${path}.patterns[${i}]`));
    for (const key of ['captures', 'beginCaptures', 'endCaptures'] as const) {
      for (const [group, capture] of Object.entries(rule[key] ?? {})) walk(capture, `${path}.${key}[${group}]`);
    }
  };
  grammar.patterns.forEach((rule, i) => walk(rule, `patterns[${i}]`));
  for (const [name, rule] of Object.entries(grammar.repository)) walk(rule, `repository.${name}`);
  return found;
}
