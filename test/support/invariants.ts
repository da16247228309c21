// What must hold for any text, however mangled: the model's ranges lie inside the text, each
// starts before it ends, lists of elements come in text order and parts lie inside their
// whole; an outline's children lie inside their parent, siblings in order and apart; folding
// ranges nest. Each check returns the broken facts (empty when all hold), so a failing property
// names them.
import type { Position, Range } from '../../server/src/model/cable-model.ts';

interface DocumentSymbolLike {
  name: string;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbolLike[];
}

interface FoldingRangeLike {
  startLine: number;
  endLine: number;
}

/** Line lengths as LSP counts them: a line ends at LF, CRLF or a lone CR. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function isPosition(value: unknown): value is Position {
  const p = value as Position;
  return typeof p === 'object' && p !== null && typeof p.line === 'number' && typeof p.character === 'number';
}

function isRange(value: unknown): value is Range {
  const r = value as Range;
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function positionProblem(p: Position, lengths: number[]): string | undefined {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return 'not whole numbers';
  if (p.line < 0 || p.line >= lengths.length) return `line ${p.line} of ${lengths.length}`;
  if (p.character < 0 || p.character > lengths[p.line]!) return `character ${p.character} of ${lengths[p.line]}`;
  return undefined;
}

/** The range of an element: the element itself when it is a range, else its `range`. */
function rangeOf(value: unknown): Range | undefined {
  if (isRange(value)) return value;
  const range = (value as { range?: unknown } | null)?.range;
  return isRange(range) ? range : undefined;
}

/** A token: its text is what its one-line range covers. */
function isToken(value: object): boolean {
  const { text, range } = value as { text?: unknown; range?: unknown };
  return (
    typeof text === 'string' &&
    isRange(range) &&
    range.start.line === range.end.line &&
    range.end.character - range.start.character === text.length
  );
}

/**
 * Walks a model: every range must lie inside the text with its start first; an element's ranged
 * parts inside its own range; the elements of a list in text order.
 */
export function modelProblems(model: object, text: string): string[] {
  const lengths = lineLengths(text);
  const problems: string[] = [];
  const walk = (value: unknown, path: string, enclosing: Range | undefined) => {
    if (typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      let previous: Range | undefined;
      value.forEach((item, i) => {
        const range = rangeOf(item);
        if (range && previous && compare(range.start, previous.start) < 0)
          problems.push(`${path}[${i}] starts at ${show(range)}, before ${show(previous)}`);
        previous = range ?? previous;
        walk(item, `${path}[${i}]`, enclosing);
      });
      return;
    }
    if (isRange(value)) {
      for (const end of ['start', 'end'] as const) {
        const problem = positionProblem(value[end], lengths);
        if (problem) problems.push(`${path}.${end} ${show(value)}: ${problem}`);
      }
      if (compare(value.end, value.start) < 0) problems.push(`${path} ends before it starts: ${show(value)}`);
      if (enclosing && (compare(value.start, enclosing.start) < 0 || compare(enclosing.end, value.end) < 0))
        problems.push(`${path} ${show(value)} is outside ${show(enclosing)}`);
      return;
    }
    // A token's range is its text's (a TAGS code's person stands after it); any other element's
    // range is its whole, which its parts lie inside.
    const own = isToken(value) ? undefined : rangeOf(value);
    for (const [key, child] of Object.entries(value)) {
      walk(child, `${path}.${key}`, key === 'range' ? enclosing : (own ?? enclosing));
    }
  };
  walk(model, 'model', undefined);
  return problems;
}

/** An outline's ranges: inside the text, selection inside range, children inside parent, siblings in order and apart. */
export function outlineProblems(symbols: DocumentSymbolLike[], text: string): string[] {
  const lengths = lineLengths(text);
  const problems: string[] = [];
  const inside = (inner: Range, outer: Range) => compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
  const walk = (list: DocumentSymbolLike[], path: string, parent: Range | undefined) => {
    let previous: DocumentSymbolLike | undefined;
    for (const [i, s] of list.entries()) {
      const at = `${path}[${i}] ${JSON.stringify(s.name)}`;
      if (!s.name.trim()) problems.push(`${at}: empty name`);
      for (const [what, r] of [
        ['range', s.range],
        ['selectionRange', s.selectionRange],
      ] as const) {
        for (const end of ['start', 'end'] as const) {
          const problem = positionProblem(r[end], lengths);
          if (problem) problems.push(`${at} ${what}.${end} ${show(r)}: ${problem}`);
        }
        if (compare(r.end, r.start) < 0) problems.push(`${at} ${what} ends before it starts: ${show(r)}`);
      }
      if (!inside(s.selectionRange, s.range)) problems.push(`${at}: selection ${show(s.selectionRange)} outside ${show(s.range)}`);
      if (parent && !inside(s.range, parent)) problems.push(`${at}: ${show(s.range)} outside its parent ${show(parent)}`);
      if (previous && compare(s.range.start, previous.range.end) < 0)
        problems.push(`${at}: ${show(s.range)} overlaps or precedes ${JSON.stringify(previous.name)} ${show(previous.range)}`);
      previous = s;
      walk(s.children ?? [], `${at}.children`, s.range);
    }
  };
  walk(symbols, 'outline', undefined);
  return problems;
}

/** Folding ranges: inside the text, start before end, and any two either apart or one inside the other. */
export function foldingProblems(ranges: FoldingRangeLike[], text: string): string[] {
  const lineCount = lineLengths(text).length;
  const problems: string[] = [];
  for (const r of ranges) {
    if (r.startLine < 0 || r.endLine >= lineCount || r.startLine > r.endLine)
      problems.push(`fold ${r.startLine}-${r.endLine} of ${lineCount} lines`);
  }
  const sorted = [...ranges].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  const open: FoldingRangeLike[] = [];
  for (const r of sorted) {
    while (open.length && open[open.length - 1]!.endLine < r.startLine) open.pop();
    const parent = open[open.length - 1];
    if (parent && r.endLine > parent.endLine)
      problems.push(`fold ${r.startLine}-${r.endLine} crosses ${parent.startLine}-${parent.endLine}`);
    open.push(r);
  }
  return problems;
}

/** Markup a hover or summary must not pass on from the cable: raw HTML, images, links to anything but files. */
export function unsafeMarkdown(markdown: string): string[] {
  // Code spans show their text as it is: nothing in them renders.
  const outsideCode = markdown.replace(/``.*?``|`[^`\n]*`/g, '');
  const problems: string[] = [];
  if (/(?<!\\)</.test(outsideCode)) problems.push('raw HTML');
  if (/(?<!\\)!(?<!\\)\[/.test(outsideCode)) problems.push('an image');
  for (const m of outsideCode.matchAll(/(?<!\\)\]\(([^)]*)\)/g)) if (!m[1]!.startsWith('file:')) problems.push(`a link to ${m[1]}`);
  return problems;
}
