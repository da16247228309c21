// What the LSP benches ask: samples spread over a list, and workspace/symbol queries as a
// researcher types them (ID prefixes and IDs, TAGS codes, subject words), taken from real files.
import { readFileSync } from 'node:fs';
import { parseCable } from '../server/src/model/cable-model.ts';
import { searchTerms } from '../server/src/workspace/search-index.ts';

/** `count` items spread evenly over `items` (repeating when there are fewer). */
export function spread<T>(items: T[], count: number): T[] {
  if (items.length === 0) return [];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count) % items.length]!);
}

/** Workspace/symbol queries from 200 of `files`: ID prefixes and whole IDs, their TAGS codes, two words of each subject. */
export function symbolQueries(files: string[]): string[] {
  const models = spread(files, 200).map((file) => parseCable(readFileSync(file, 'utf8'), { fileName: file }));
  const ids = models.flatMap((m) => (m.id ? [m.id.slice(0, 5), m.id] : []));
  const tags = [...new Set(models.flatMap((m) => (m.tags?.codes ?? []).map((c) => c.code)))];
  const words = models.flatMap((m) => {
    const subject = searchTerms(m.subject?.text ?? '').slice(0, 2);
    return subject.length ? [subject.join(' ').toLowerCase()] : [];
  });
  return [...ids, ...tags, ...words];
}
