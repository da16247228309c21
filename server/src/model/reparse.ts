// Incremental re-parse: the model of a text after an edit, from the model before it, reading
// again only the paragraphs the edit touches. It gives exactly what `parseCable` gives for the new
// text (test/unit/reparse.test.ts checks it on random edits) or nothing, when the edit could
// change more than those paragraphs: the caller then parses the whole text.
//
// Why a region is enough: a paragraph's label line that the edit leaves alone starts a paragraph
// in the new text too, and everything the body gives (paragraphs, sub-paragraphs, headings,
// markers, mentions, redactions, page breaks) is read line by line from the paragraph's start,
// with no state carried across a paragraph's label but the number of headings above it. So the
// body from the last paragraph starting above the edit to the first one starting below it is read
// again on its own; what stands below is moved by the lines the edit added or took away. What the
// region cannot show falls back to a whole parse: an edit at or above the first paragraph (the
// front matter reads up to it), one changing what decides the numbering style or where a PlusD
// page head stands, CRs (line ends of their own), FRUS telegrams (their apparatus is read from the
// end), and a paragraph below the edit that the edit turns into a wrapped line of a PlusD printout.
import { parseBody } from './body.ts';
import { detectNumberingStyle, type NumberingStyle } from './labels.ts';
import { findPageHead } from './parse.ts';
import { indentOf, indexAfter, spliceItems, splitLines } from './text.ts';
import type { CableModel, Paragraph, Position, Range } from './model-types.ts';

/** A text, its lines and its model, as `reparse` takes and gives them. */
export interface ParsedText {
  model: CableModel;
  lines: string[];
  /** The text's length in UTF-16 code units: lines and the line ends between them. */
  length: number;
  /** How the text numbers its paragraphs (found once, kept while edits leave it alone). */
  style: NumberingStyle;
  /** A PlusD printout (a `PAGE nn` head): stamps and wrapped numbers are read as such. */
  plusd: boolean;
  /** False for texts only a whole parse reads (CRs, FRUS telegrams). */
  incremental: boolean;
}

/** One change of the text: `range` replaced by `text` (an LSP content change). */
export interface TextEdit {
  range: Range;
  text: string;
}

/** Lines above the first edited one that the front matter's tests of the first lines (the markdown export's two empty lines) read. */
const HEAD_LINES = 2;
/** The indent up to which a line's number counts for the numbering style (labels.ts reads no deeper). */
const STYLE_INDENT = 12;
/** The characters after the indent that decide a line's part in the numbering style: `¶ 1234.12.(` at most. */
const STYLE_PREFIX = 12;

/** `parseCable`'s model of `text` with what `reparse` needs to follow it through edits. */
export function parsedText(text: string, model: CableModel): ParsedText {
  const lines = splitLines(text);
  return {
    model,
    lines,
    length: text.length,
    style: detectNumberingStyle(lines),
    plusd: findPageHead(text, lines) !== undefined,
    incremental: !text.includes('\r') && !model.frus,
  };
}

/**
 * The text after `edit` and its model, as `parseCable` would read it, when the edit lies within
 * the body's paragraphs; undefined when only a whole parse can tell.
 */
export function reparse(previous: ParsedText, edit: TextEdit): ParsedText | undefined {
  const { lines, model } = previous;
  const { start, end } = edit.range;
  if (!previous.incremental || edit.text.includes('\r')) return undefined;
  if (start.line < HEAD_LINES || end.line >= lines.length || comparePositions(end, start) < 0) return undefined;
  const firstLine = lines[start.line]!;
  const lastLine = lines[end.line]!;
  if (start.character > firstLine.length || end.character > lastLine.length) return undefined;

  const replaced = splitLines(firstLine.slice(0, start.character) + edit.text + lastLine.slice(end.character));
  const removed = lines.slice(start.line, end.line + 1);
  // A page head may take the line below it, and the first one reads the stamp above it: the lines around the edit count too.
  const around = (middle: string[]) => [lines[start.line - 1]!, ...middle, ...(end.line + 1 < lines.length ? [lines[end.line + 1]!] : [])];
  if (!sameForWholeText(around(removed), around(replaced))) return undefined;

  // The region: from the last paragraph starting above the edit to the first one starting below it.
  const paragraphs = model.paragraphs;
  const above = countBefore(paragraphs, start.line, (p) => p.range.start.line) - 1;
  if (above < 0) return undefined;
  const regionStart = paragraphs[above]!.range.start.line;
  const below = countBefore(paragraphs, end.line + 1, (p) => p.range.start.line);
  const toEnd = below === paragraphs.length;
  const delta = replaced.length - removed.length;
  const oldRegionEnd = toEnd ? lines.length : paragraphs[below]!.range.start.line;
  const newRegionEnd = oldRegionEnd + delta;

  // One copy of the array (130 KB for the 1 MB cable, allocated where the young generation does not reach), edited in place.
  const newLines = spliceItems(lines.slice(), start.line, removed.length, replaced);
  // Below the region, its next paragraph's label line is read too: it closes the region's last
  // paragraph as in the whole text, and no signature can be found above it (a label is no name).
  const region = parseBody(
    newLines.slice(regionStart, toEnd ? newLines.length : newRegionEnd + 1),
    0,
    previous.style,
    undefined,
    previous.plusd,
  );
  // In a PlusD printout a number right under a line of text may be that text wrapped, by the number before it.
  if (!toEnd && region.paragraphs[region.paragraphs.length - 1]?.range.start.line !== newRegionEnd - regionStart) return undefined;
  const inRegion = <T>(items: T[], lineOf: (item: T) => number): T[] =>
    moved(toEnd ? items : items.filter((item) => lineOf(item) < newRegionEnd - regionStart), regionStart);

  const headingsAbove = countBefore(model.headings, regionStart, (h) => h.range.start.line);
  const oldHeadingsInRegion = countBefore(model.headings, oldRegionEnd, (h) => h.range.start.line) - headingsAbove;
  const headingsBelowMove = region.headings.length - oldHeadingsInRegion;
  const regionParagraphs = inRegion(region.paragraphs, (p) => p.range.start.line).map((p) => underHeading(p, headingsAbove));

  const splice = <T>(items: T[], fresh: T[], lineOf: (item: T) => number, move: (rest: T[]) => T[] = (rest) => moved(rest, delta)): T[] => {
    const from = countBefore(items, regionStart, lineOf);
    const rest = toEnd ? [] : items.slice(countBefore(items, oldRegionEnd, lineOf));
    return items.slice(0, from).concat(fresh, move(rest));
  };
  const tokenLine = (t: { range: Range }) => t.range.start.line;
  const { signature, endOfMessage, ...kept } = model;
  const next: CableModel = {
    ...kept,
    lineCount: newLines.length,
    headings: splice(model.headings, inRegion(region.headings, tokenLine), tokenLine),
    paragraphs: splice(paragraphs, regionParagraphs, tokenLine, (rest) =>
      headingsBelowMove === 0 ? moved(rest, delta) : moved(rest, delta).map((p) => underHeading(p, headingsBelowMove)),
    ),
    pageBreaks: splice(model.pageBreaks, inRegion(region.pageBreaks, tokenLine), tokenLine),
    markers: splice(model.markers, inRegion(region.markers, tokenLine), tokenLine),
    crossReferences: splice(model.crossReferences, inRegion(region.crossReferences, tokenLine), tokenLine),
    redactions: splice(
      model.redactions,
      inRegion(region.redactions, (r) => r.start.line),
      (r) => r.start.line,
    ),
  };
  // The signature and the end of message are read from the text's end: below the region they only move.
  const closing = toEnd
    ? {
        signature: region.signature && moved(region.signature, regionStart),
        endOfMessage: region.endOfMessage && moved(region.endOfMessage, regionStart),
      }
    : { signature: signature && moved(signature, delta), endOfMessage: endOfMessage && moved(endOfMessage, delta) };
  if (closing.signature) next.signature = closing.signature;
  if (closing.endOfMessage) next.endOfMessage = closing.endOfMessage;
  return {
    model: next,
    lines: newLines,
    length: previous.length - (offsetIn(removed, end) - start.character) + edit.text.length,
    style: previous.style,
    plusd: previous.plusd,
    incremental: true,
  };
}

/**
 * Whether the lines before and after the edit look the same to what reads the whole text: the
 * numbering style (each line's number after its indent, the markdown export's `](#)` links) and
 * where PlusD page heads stand (`PAGE `). Equal line by line is more than needed, and cheap.
 */
function sameForWholeText(before: string[], after: string[]): boolean {
  const keys = (lines: string[]): string[] | undefined => {
    const found: string[] = [];
    for (const line of lines) {
      if (line.includes('PAGE ') || line.includes('](#)')) return undefined;
      const indent = indentOf(line);
      const c = line.charCodeAt(indent);
      if ((c >= 48 && c <= 57) || c === 0xb6)
        found.push(`${Math.min(indent, STYLE_INDENT + 1)} ${line.slice(indent, indent + STYLE_PREFIX)}`);
    }
    return found;
  };
  const a = keys(before);
  const b = keys(after);
  return a !== undefined && b !== undefined && a.length === b.length && a.every((key, i) => key === b[i]);
}

/** The paragraph with its heading index moved by `by`: headings above the region, or those the region gained or lost. */
function underHeading(paragraph: Paragraph, by: number): Paragraph {
  const { heading, ...rest } = paragraph;
  const index = (heading ?? -1) + by;
  return index >= 0 ? { ...rest, heading: index } : rest;
}

/** The offset of `position` in the text of `lines` (joined by one-character line ends). */
function offsetIn(lines: string[], position: Position): number {
  let offset = position.character;
  for (let i = 0; i < lines.length - 1; i++) offset += lines[i]!.length + 1;
  return offset;
}

/** How many items (in text order) start on a line before `line`. */
function countBefore<T>(items: readonly T[], line: number, lineOf: (item: T) => number): number {
  return indexAfter(items, line - 1, lineOf);
}

/** A copy of a model element with every position `by` lines further down; the element itself when `by` is 0. */
function moved<T>(value: T, by: number): T {
  if (by === 0) return value;
  return copyMoved(value, by) as T;
}

function copyMoved(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((item) => copyMoved(item, by));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (typeof object.line === 'number' && typeof object.character === 'number')
    return { line: object.line + by, character: object.character };
  const copy: Record<string, unknown> = {};
  for (const key in object) copy[key] = copyMoved(object[key], by);
  return copy;
}

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
