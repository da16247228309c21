// The 1 MB cable of bench:lsp and the re-parse tests: the seed's header and preamble, then real
// cables' bodies (from their first paragraph) until it holds `bytes` characters. Far larger than
// any real cable (the corpus's largest is 59 KB): what a slow path would show first.
import { readFileSync } from 'node:fs';
import { SEED_FILE } from './corpus.ts';

export function megabyteCable(plainFiles: readonly string[], bytes = 1_000_000): string {
  let text = readFileSync(SEED_FILE, 'utf8');
  for (const file of plainFiles) {
    if (text.length >= bytes) break;
    const body = readFileSync(file, 'utf8');
    const first = body.search(/^¶1\./m);
    if (first >= 0) text += `\n\n${body.slice(first)}`;
  }
  return text;
}
