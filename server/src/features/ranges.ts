// Position arithmetic on the model's LSP-style ranges.
import type { Position, Range } from '../model/cable-model.ts';

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Inclusive of both ends, so a cursor just after a token still hovers it. */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function rangeWithin(inner: Range, outer: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** The smaller of two ranges that both hold a position: nested elements win over their parents. */
export function isNarrower(a: Range, b: Range): boolean {
  const lines = (r: Range) => r.end.line - r.start.line;
  return lines(a) - lines(b) < 0 || (lines(a) === lines(b) && a.end.character - a.start.character < b.end.character - b.start.character);
}

export function spanOf(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

/** `inner` cut to fit inside `outer` (a client rejects a symbol whose parts stick out). */
export function clampRange(inner: Range, outer: Range): Range {
  const start =
    comparePositions(inner.start, outer.start) < 0 ? outer.start : comparePositions(inner.start, outer.end) > 0 ? outer.end : inner.start;
  const end = comparePositions(inner.end, outer.end) > 0 ? outer.end : comparePositions(inner.end, start) < 0 ? start : inner.end;
  return { start, end };
}
