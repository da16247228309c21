// Does a change to the grammar change any scope? Tokenizes every file we have with the grammar at git
// revision REV and with the working copy's and compares the scopes of every character.
// Prints the differences; exits 1 when a character's scopes differ.
//   node --import tsx bench/grammar-scopes.ts REV [DIR...]
// (default: the corpus in both renderings, other-forms, the vendored fixtures and test/grammar/cases).
// A token boundary that moves without a scope change (a token split in two with the same scopes) is
// counted apart: VS Code colours both the same, but the snapshot tests see it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as textmate from 'vscode-textmate';
import { createRegistry, loadCableGrammar, repoRoot, splitLines } from '../test/grammar/textmate.ts';

const [revision, ...given] = process.argv.slice(2);
if (!revision) throw new Error('usage: bench/grammar-scopes.ts REV [DIR...]');
const corpus = join(repoRoot, '..', 'shared', 'corpus');
const dirs =
  given.length > 0
    ? given
    : [
        join(corpus, 'cablegate', 'plain'),
        join(corpus, 'cablegate', 'markdown-style'),
        join(corpus, 'other-forms'),
        join(repoRoot, 'test', 'grammar', 'fixtures'),
        join(repoRoot, 'test', 'grammar', 'cases'),
      ].filter(existsSync);
const SHOWN = 10;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return name === 'README.md' || name.endsWith('.json') ? [] : [path];
  });

/** The scopes of each character of the line, and where its tokens start. */
function lineScopes(grammar: textmate.IGrammar, line: string, state: textmate.StateStack) {
  const result = grammar.tokenizeLine(line, state);
  const scopes: string[] = [];
  for (const token of result.tokens) {
    const joined = token.scopes.join(' ');
    for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) scopes[i] = joined;
  }
  return { scopes, starts: result.tokens.map((t) => t.startIndex).join(','), state: result.ruleStack };
}

async function main() {
  const json = execFileSync('git', ['show', `${revision}:syntaxes/cable.tmLanguage.json`], { cwd: repoRoot, encoding: 'utf8' });
  const before = (await (await createRegistry(undefined, json)).loadGrammar('text.cable'))!;
  const after = await loadCableGrammar();
  const files = dirs.flatMap(filesUnder);
  let lines = 0;
  let scopeLines = 0;
  let boundaryLines = 0;
  const shown: string[] = [];
  for (const file of files) {
    let stateBefore = textmate.INITIAL;
    let stateAfter = textmate.INITIAL;
    splitLines(readFileSync(file, 'utf8')).forEach((line, index) => {
      lines++;
      const a = lineScopes(before, line, stateBefore);
      const b = lineScopes(after, line, stateAfter);
      stateBefore = a.state;
      stateAfter = b.state;
      const column = a.scopes.findIndex((s, i) => s !== b.scopes[i]);
      if (column >= 0) {
        scopeLines++;
        if (shown.length < SHOWN) {
          shown.push(
            `${file}:${index + 1}:${column + 1}: ${JSON.stringify(line.slice(0, 100))}\n    ${a.scopes[column]}\n    ${b.scopes[column]}`,
          );
        }
      } else if (a.starts !== b.starts) {
        boundaryLines++;
      }
    });
  }
  for (const difference of shown) console.log(difference);
  console.log(
    `${files.length} files, ${lines} lines: ${scopeLines} lines with a character whose scopes differ, ` +
      `${boundaryLines} more lines whose token boundaries alone differ (${revision} against the working copy)`,
  );
  if (scopeLines > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
