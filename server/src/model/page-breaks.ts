// Page-break lines repeated at each transmitted page: `ASTANA 00000095 002 OF 003`,
// `CARACAS 00001333 001.2 OF 003`; text of the next paragraph may follow on the same line.
import { indentOf, lineRange } from './text.ts';
import type { PageBreak } from './model-types.ts';

const PAGE_BREAK = /^\s*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) +(\d{5,8}) +(\d{3}(?:\.\d)?) +OF +(\d{3})\b/;

export function parsePageBreak(line: string, lineIndex: number): PageBreak | undefined {
  // A cheap test first, as this runs on every line: the post's first letter is a capital.
  const first = line.charCodeAt(indentOf(line));
  if (first < 65 || first > 90) return undefined;
  const m = PAGE_BREAK.exec(line);
  if (!m) return undefined;
  const start = line.indexOf(m[1]!);
  return { range: lineRange(lineIndex, start, m[0].length), post: m[1]!, serial: m[2]!, page: m[3]!, of: Number(m[4]) };
}
