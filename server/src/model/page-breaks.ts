// Page-break lines repeated at each transmitted page: `ASTANA 00000095 002 OF 003`,
// `CARACAS 00001333 001.2 OF 003`; text of the next paragraph may follow on the same line.
// The teletype printouts of the 1970s (PlusD) head each page `PAGE 02 STATE 123456`, with the
// section (`01 OF 02`) and filing time (`061606Z`) when the cable has them, sometimes with the
// post and serial on the next line (`PAGE 01` / `MOSCOW 30030 01 OF 02 062340Z`).
import { codeAt, indentOf, lineRange, range, trimmedEnd } from './text.ts';
import type { PageBreak } from './model-types.ts';

const PAGE_BREAK = /^\s*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,4}) +(\d{5,8}) +(\d{3}(?:\.\d)?) +OF +(\d{3})\b/;
const PAGE_HEAD = /^\s*PAGE +(\d{2})\b/;
/** What follows `PAGE nn`: post, serial, then the section and the filing time when given. */
const PAGE_HEAD_REST = /^\s*([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}) +(\d{4,8})(?: +(\d{2}) +OF +(\d{2}))?(?: +\d{6}Z)?(?![^\s])/;

/**
 * The page break that starts at line `i`, read from `lines`; a PlusD page head may take two lines.
 * `first`: the line's first character after its indent, when the caller has it.
 */
export function parsePageBreak(
  lines: readonly string[],
  i: number,
  first = lines[i]!.charCodeAt(indentOf(lines[i]!)),
): PageBreak | undefined {
  const line = lines[i]!;
  // A cheap test first, as this runs on every line: the post's first letter is a capital.
  if (first < 65 || first > 90) return undefined;
  if (first === 80 /* P */) {
    const head = PAGE_HEAD.exec(line);
    if (head) return parsePageHead(lines, i, head);
  }
  const m = PAGE_BREAK.exec(line);
  if (!m) return undefined;
  const start = line.indexOf(m[1]!);
  return { range: lineRange(i, start, m[0].length), post: m[1]!, serial: m[2]!, page: m[3]!, of: Number(m[4]) };
}

/**
 * The PlusD page head (`PAGE 02 STATE 123456`) that starts at line `i`, as parsePageBreak reads
 * it, for readers that look for no other page break (the header, the first page head). Cheaper
 * than asking whether the line holds `PAGE`: a search of a short string costs a call out of the
 * compiled code.
 */
export function readPageHead(lines: readonly string[], i: number): PageBreak | undefined {
  const line = lines[i]!;
  if (codeAt(line, indentOf(line)) !== 80 /* P */) return undefined;
  const head = PAGE_HEAD.exec(line);
  return head ? parsePageHead(lines, i, head) : undefined;
}

function parsePageHead(lines: readonly string[], i: number, head: RegExpExecArray): PageBreak | undefined {
  const line = lines[i]!;
  const start = line.indexOf('PAGE');
  let restLine = i;
  let from = head[0].length;
  let rest = PAGE_HEAD_REST.exec(line.slice(from));
  if (!rest && trimmedEnd(line) === head[0].length && i + 1 < lines.length) {
    restLine = i + 1;
    from = 0;
    rest = PAGE_HEAD_REST.exec(lines[restLine]!);
  }
  if (!rest) return undefined;
  const end = from + rest[0].length;
  const pageBreak: PageBreak = {
    range: range(i, start, restLine, end),
    post: rest[1]!,
    serial: rest[2]!,
    page: head[1]!,
    of: rest[4] ? Number(rest[4]) : 1,
    form: 'plusd',
  };
  pageBreak.section = rest[3] ? Number(rest[3]) : 1;
  return pageBreak;
}

/** `LIMITED OFFICIAL USE`, `CONFIDENTIAL`: a line that holds only a classification, as PlusD pages are stamped. */
export const CLASSIFICATION_STAMP = /^\s*(?:UNCLASSIFIED|LIMITED +OFFICIAL +USE|CONFIDENTIAL|SECRET|TOP +SECRET)\s*$/;
