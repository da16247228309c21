// Generates syntaxes/cable.tmLanguage.json from syntaxes/cable.tmLanguage.src.mjs.
//   node scripts/build-grammar.mjs          write the JSON
//   node scripts/build-grammar.mjs --check  exit 1 when the committed JSON is out of date, or when
//                                           package.json's firstLine is not the source's
// package.json is shared, so this script never writes it; it prints the firstLine to paste instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import grammar, { firstLine } from '../syntaxes/cable.tmLanguage.src.mjs';

const grammarJsonPath = fileURLToPath(new URL('../syntaxes/cable.tmLanguage.json', import.meta.url));
const packageJsonPath = fileURLToPath(new URL('../package.json', import.meta.url));

/** The exact text the committed JSON must have. */
const text = `${JSON.stringify(grammar, null, 2)}\n`;

function readOrEmpty(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Problems with package.json's cable language entry, as messages. */
function manifestProblems() {
  const cable = JSON.parse(readOrEmpty(packageJsonPath) || '{}').contributes?.languages?.find((l) => l.id === 'cable');
  if (!cable) return ['package.json contributes no "cable" language'];
  if (cable.firstLine === firstLine) return [];
  return [`package.json contributes.languages (cable) firstLine differs from the grammar source; set it to:\n${JSON.stringify(firstLine)}`];
}

if (process.argv.includes('--check')) {
  const problems = manifestProblems();
  if (readOrEmpty(grammarJsonPath) !== text) {
    problems.unshift('syntaxes/cable.tmLanguage.json is out of date: run node scripts/build-grammar.mjs');
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('syntaxes/cable.tmLanguage.json and the firstLine in package.json are up to date');
} else {
  writeFileSync(grammarJsonPath, text);
  console.log(`wrote ${grammarJsonPath} (${text.length} bytes)`);
  for (const problem of manifestProblems()) console.warn(problem);
}
