// Generates syntaxes/cable.tmLanguage.json from syntaxes/cable.tmLanguage.src.mjs.
//   node scripts/build-grammar.mjs          write the JSON
//   node scripts/build-grammar.mjs --check  exit 1 when the committed JSON is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import grammar from '../syntaxes/cable.tmLanguage.src.mjs';

export const grammarJsonPath = fileURLToPath(new URL('../syntaxes/cable.tmLanguage.json', import.meta.url));

/** The exact text the committed JSON must have. */
export function renderGrammar() {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = renderGrammar();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(grammarJsonPath, 'utf8');
    } catch {
      // missing file: reported below
    }
    if (current !== text) {
      console.error('syntaxes/cable.tmLanguage.json is out of date: run node scripts/build-grammar.mjs');
      process.exit(1);
    }
    console.log('syntaxes/cable.tmLanguage.json is up to date');
  } else {
    writeFileSync(grammarJsonPath, text);
    console.log(`wrote ${grammarJsonPath} (${text.length} bytes)`);
  }
}
