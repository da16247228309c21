// Line access and range helpers shared by every part of the parser.
import type { Range, Token } from './model-types.ts';

/** The text split into lines, without their terminators (LF, CRLF or lone CR). */
export function splitLines(text: string): string[] {
  // Splitting on one character is much faster in V8 than on a pattern: use it unless there are CRs.
  if (!text.includes('\r')) return text.split('\n');
  return text.split(/\r\n|\r|\n/);
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function token(text: string, line: number, start: number): Token {
  return { text, range: lineRange(line, start, start + text.length) };
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * The UTF-16 code unit at `index`, -1 past the end. `charCodeAt` past the end gives NaN, which
 * optimized code takes a deoptimization for the first time it happens (a blank line, a label at
 * a line's end), and each recompiles the parser: a fresh process (a `cable parse` worker) warms
 * up slower for every such site.
 */
export function codeAt(text: string, index: number): number {
  return index < text.length ? text.charCodeAt(index) : -1;
}

/** Index of the first character that is not a space or tab. */
export function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

/** Index just after the last character that is not white space. */
export function trimmedEnd(line: string): number {
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  return end;
}

/** Index of the first item whose key is above `value`, in items ordered by their keys (a binary search). */
export function indexAfter<T>(items: readonly T[], value: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (keyOf(items[mid]!) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `items` with `count` items at `at` replaced by `inserted`: edited in place, or joined into a new
 * array when `inserted` is too long to spread as arguments.
 */
export function spliceItems<T>(items: T[], at: number, count: number, inserted: T[]): T[] {
  if (inserted.length < 10_000) {
    items.splice(at, count, ...inserted);
    return items;
  }
  return items.slice(0, at).concat(inserted, items.slice(at + count));
}

/** Whether a UTF-16 code unit is white space as a pattern's `\s` reads it. */
export function isSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
