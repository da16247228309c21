// REF entries and the body's mentions of them (`REF A`, `reftel`) and of paragraphs (`para 4`).
import { cableId, originOf, originOfMisspelt, postKey } from './cable-id.ts';
import { expandYear } from './dates.ts';
import { lineRange } from './text.ts';
import type { CableCitation, CitationReading, CrossReference, Position, Range, ReferenceEntry } from './model-types.ts';

/** A stretch of text of one line inside a multi-line element. */
export interface LinePiece {
  line: number;
  start: number;
  text: string;
}

/**
 * A cable citation: optional year (`08`, `2008`, `06-`, `(08)`, glued `10SHENYANG`), one to five
 * words (joined by spaces, hyphens or apostrophes: `PORT-OF-SPAIN`, `N'DJAMENA`) that end in a post, a serial (`STATE 123`, `STATE-123`, `STATE -097844`), and an optional
 * year in parentheses (`DOHA 152 (08)`). A serial followed by `/`, `-` or `:` and a digit is a date
 * or a time, not a cable (`STATE 10/23/2008`). Words start after a year or at a word's start, never
 * inside `PORT-OF-SPAIN`: each start would scan the rest of a long hyphenated run again.
 */
const CITATION =
  /(?:(?:\b(\d{4}|\d{2})(?:\s*-\s*|\s+|(?=[A-Za-z]))|\((\d{2})\)\s*)|(?<![A-Za-z'-]))([A-Za-z]+(?:[ '-][A-Za-z]+){0,4})(?: +| ?- ?)(\d{1,7})\b(?![/.:-]\d)(?:\s*\((\d{2})\))?/g;
/** A further serial of the citation before it: `STATE 12345 AND 12377`, `STATE 012345, 013456`. */
const FURTHER_SERIAL = /\s*(?:,|&|\bAND\b)\s*(\d{1,7})\b(?![/.:-]\d)/iy;
/** The longest serial a misspelt post is believed with (STATE's run to six digits). */
const MAX_TYPO_SERIAL = 999_999;

export interface Citation {
  /** Column of the citation in the text, and its end. */
  start: number;
  end: number;
  /** Column where the post (or the bare serial) starts: a year before it may stand on another line. */
  postStart: number;
  id?: string;
  /** The post as written; for a further serial, the post of the citation before it. */
  post: string;
  /** The post as IDs write it. */
  origin: string;
  readings: CitationReading[];
  /** A bare serial after a citation (`AND 12377`), no entry of its own. */
  further?: boolean;
}

/**
 * The origin the final words of `words` name, exactly or as an alias, with how many words; or, when
 * `mayBeMisspelt`, the origin all the words misspell.
 */
function readPost(
  words: string[],
  serial: string,
  mayBeMisspelt: boolean,
): { origin: string; words: number; reading?: CitationReading } | undefined {
  for (let n = Math.min(words.length, 4); n >= 1; n--) {
    const written = words.slice(words.length - n).join(' ');
    const origin = originOf(written);
    if (origin) return postKey(written) === origin ? { origin, words: n } : { origin, words: n, reading: 'alias' };
  }
  const value = Number(serial);
  if (!mayBeMisspelt || value === 0 || value > MAX_TYPO_SERIAL || words.length > 3) return undefined;
  const origin = originOfMisspelt(words.join(' '));
  return origin ? { origin, words: words.length, reading: 'typo' } : undefined;
}

/** Finds cable citations in a text; `cableYear` is used when a citation has no year. */
export function findCitations(text: string, cableYear: number | undefined): Citation[] {
  const found: Citation[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(text); m; m = CITATION.exec(text)) {
    const wordsText = m[3]!;
    const wordsStart = m.index + m[0].indexOf(wordsText);
    const words = wordsText.toUpperCase().split(' ');
    // The longest run of final words that names a post: `EMAIL FROM LA PAZ 6` cites LA PAZ 6. A
    // misspelt post is believed only where an entry's post stands: first, after a year or a
    // separator (`A. BRASLIA 12`, `ROME 1, 03 BRASLIA 2`), not inside prose (`E-MAIL OF APRIL 12`).
    const post = readPost(words, m[4]!, m[1] !== undefined || m[2] !== undefined || startsEntry(text, m.index));
    if (!post) {
      // Retry after the first word: it may be the start of the next citation's words.
      CITATION.lastIndex = wordsStart + words[0]!.length;
      continue;
    }
    const allWords = post.words === words.length;
    const yearBefore = allWords ? (m[1] ?? m[2]) : undefined;
    const yearText = yearBefore ?? m[5];
    const year = yearText ? expandYear(Number(yearText)) : cableYear;
    const postText = wordsText
      .split(' ')
      .slice(words.length - post.words)
      .join(' ');
    const postStart = wordsStart + wordsText.length - postText.length;
    const start = yearBefore ? m.index : postStart;
    const citation: Citation = {
      start,
      end: m.index + m[0].length,
      postStart,
      post: postText,
      origin: post.origin,
      readings: post.reading ? [post.reading] : [],
    };
    if (year !== undefined) citation.id = cableId(year, post.origin, m[4]!);
    found.push(citation);
    FURTHER_SERIAL.lastIndex = citation.end;
    for (let f = FURTHER_SERIAL.exec(text); f; f = FURTHER_SERIAL.exec(text)) {
      const serialStart = FURTHER_SERIAL.lastIndex - f[1]!.length;
      // `ROME 123, 03 VAT 456`: a number that starts the next citation is its year.
      if (startsCitation(text, serialStart)) break;
      const further: Citation = {
        start: serialStart,
        end: FURTHER_SERIAL.lastIndex,
        postStart: serialStart,
        post: postText,
        origin: post.origin,
        readings: [...citation.readings],
        further: true,
      };
      if (year !== undefined) further.id = cableId(year, post.origin, f[1]!);
      found.push(further);
      CITATION.lastIndex = further.end;
    }
  }
  return found;
}

/** Whether only separators stand before column `at`: `A. (B) STATE`'s label is no part of the text read. */
function startsEntry(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === ',' || c === ';' || c === ':') return true;
    if (c !== ' ' && c !== '\t') return false;
  }
  return true;
}

/** The cables an entry cites whose IDs are known, in order: the ones a link, lens or index can find. */
export function identifiedCitations(entry: ReferenceEntry): (CableCitation & { id: string })[] {
  // Not `(entry.citations ?? [])`: an empty literal is an array of another kind (V8's elements
  // kinds), and the first one met deoptimizes the compiled caller (toRecord, a code lens).
  return entry.citations ? entry.citations.filter((c): c is CableCitation & { id: string } => c.id !== undefined) : [];
}

/**
 * Whether the number at `at` is the year of a citation (`ROME 123, 03 VAT 456`): the citation
 * pattern read over a bounded slice there, without the further serials of a whole search (their
 * own checks would nest once per citation in reach).
 */
function startsCitation(text: string, at: number): boolean {
  const searching = CITATION.lastIndex;
  CITATION.lastIndex = 0;
  const m = CITATION.exec(text.slice(at, at + MAX_CITATION_LENGTH));
  CITATION.lastIndex = searching;
  if (!m || m.index !== 0 || (m[1] ?? m[2]) === undefined) return false;
  const words = m[3]!.toUpperCase().split(' ');
  return readPost(words, m[4]!, true)?.words === words.length;
}
/** Longer than any citation: a year, four words and a serial. */
const MAX_CITATION_LENGTH = 80;

/**
 * The word that opens a REF list, the one rule every reader of REF lines uses: `REF:`, `REFS:`,
 * `Ref(s):`, `REFTEL:`, `REFERENCE:`, `REFERENCES`, the 1970s `REF;`.
 */
export const REF_KEYWORD = /^(?:REF\(S\)|(?:REFS?|REFTELS?|REFERENCES?)\b)\s*[:;]?/i;

/**
 * Whether `next`, after a blank line, goes on with a REF list whose last text is `last`: it ends the
 * entry cut before its serial (`(C) SECSTATE` / `36633`), or holds a label and its citation
 * (`OF 10/6 D) STATE 215870`).
 */
export function continuesRefList(last: string, next: string): boolean {
  const before = last.trimEnd();
  const joined = `${before} ${next.trim()}`;
  if (findCitations(joined, undefined).some((c) => c.start < before.length && c.end > before.length)) return true;
  LABEL.lastIndex = 0;
  const text = next.trim();
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) {
    const after = text.slice(m.index + m[0].length);
    const first = findCitations(after, undefined)[0];
    if (first && !after.slice(0, first.start).trim()) return true;
  }
  return false;
}

/**
 * A REF entry label: `A.`, `A)`, `(A)`, `a)`, the viewer's `¶B.` and the markdown export's `1B.`.
 * Only the next letter in sequence is taken as a label, so `J. SMITH` inside an entry is text. A
 * label in parentheses may touch its entry: `(A)STATE 012345, (B)STATE 012346`.
 */
const LABEL = /(?<![^\s;,:])(?:¶\s?|1(?=[A-Z]\.))?(?:\(([A-Za-z])\)(?=\s|$|[A-Za-z0-9])|([A-Za-z])[.)](?=\s|$))/g;
const NOTAL = /\(NOTAL\)|\bNOTAL\b/i;

interface Label {
  letter: string;
  piece: number;
  start: number;
  end: number;
}

function findLabels(pieces: LinePiece[]): Label[] {
  const labels: Label[] = [];
  let expected = 'A';
  pieces.forEach((piece, index) => {
    LABEL.lastIndex = 0;
    for (let m = LABEL.exec(piece.text); m; m = LABEL.exec(piece.text)) {
      const letter = (m[1] ?? m[2])!.toUpperCase();
      if (letter === expected) {
        labels.push({ letter, piece: index, start: m.index, end: m.index + m[0].length });
        expected = String.fromCharCode(expected.charCodeAt(0) + 1);
      } else if (labels.length && letter === labels[labels.length - 1]!.letter && m.index === labels[labels.length - 1]!.end + 1) {
        // `A. (A) STATE 112368`: a doubled label counts once.
        labels[labels.length - 1]!.end = m.index + m[0].length;
      }
    }
  });
  return labels;
}

/** Characters that separate unlettered entries on one line. */
const ENTRY_SEPARATOR = /\s*;\s*|\s{2,}/g;

/**
 * A PlusD page header (`PAGE 02  ATHENS 02959  171944Z`) that splits an entry: no part of it. The
 * page-break reader does not know this 1970s form yet.
 */
const PLUSD_PAGE_HEADER = /^\s*PAGE \d{2,3}\s+[A-Z][A-Z ]* \d{4,7}(?:\s+\d{6}Z)?\s*$/;

/** The REF list's entries, lettered or not, across the lines of the REF block. */
export function parseRefEntries(allPieces: LinePiece[], cableYear: number | undefined): ReferenceEntry[] {
  const pieces = allPieces.filter((piece, i) => i === 0 || !PLUSD_PAGE_HEADER.test(piece.text));
  // `REF: REF (A) MADRID 3785`: the keyword written twice.
  const first = pieces[0];
  const doubled = first && REF_KEYWORD.exec(first.text.trimStart());
  if (first && doubled && doubled[0].length) {
    const skip = first.text.length - first.text.trimStart().length + doubled[0].length;
    pieces[0] = { line: first.line, start: first.start + skip, text: first.text.slice(skip) };
  }
  const labels = findLabels(pieces);
  return labels.length ? letteredEntries(pieces, labels, cableYear) : unletteredEntries(pieces, cableYear);
}

function letteredEntries(pieces: LinePiece[], labels: Label[], cableYear: number | undefined): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  const leading = textBetween(pieces, { piece: 0, column: 0 }, { piece: labels[0]!.piece, column: labels[0]!.start });
  if (leading.some((p) => p.text.trim())) entries.push(...unletteredEntries(leading, cableYear));
  labels.forEach((label, i) => {
    const next = labels[i + 1];
    const end = next
      ? { piece: next.piece, column: next.start }
      : { piece: pieces.length - 1, column: pieces[pieces.length - 1]!.text.length };
    const labelPiece = pieces[label.piece]!;
    // A label with nothing after it yet (`REF: A.` while typing) is an empty entry at its end.
    const emptyAtLabelEnd = { line: labelPiece.line, start: labelPiece.start + label.end, text: '' };
    const body = textBetween(pieces, { piece: label.piece, column: label.end }, end);
    const entry = makeEntry(body.length ? body : [emptyAtLabelEnd], cableYear);
    entry.label = label.letter;
    entry.labelRange = lineRange(labelPiece.line, labelPiece.start + label.start, labelPiece.start + label.end);
    entry.range = { start: entry.labelRange.start, end: entry.range.end };
    entries.push(entry);
  });
  return entries;
}

function unletteredEntries(pieces: LinePiece[], cableYear: number | undefined): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  for (const piece of pieces) {
    // Split at separators, then at each further citation within a chunk (`TEHRAN 1091: TEHRAN 263`).
    const chunks: LinePiece[] = [];
    let from = 0;
    ENTRY_SEPARATOR.lastIndex = 0;
    for (let m = ENTRY_SEPARATOR.exec(piece.text); m; m = ENTRY_SEPARATOR.exec(piece.text)) {
      if (m[0].length === 0) break;
      chunks.push({ line: piece.line, start: piece.start + from, text: piece.text.slice(from, m.index) });
      from = m.index + m[0].length;
    }
    chunks.push({ line: piece.line, start: piece.start + from, text: piece.text.slice(from) });
    let firstOfLine = true;
    for (const chunk of chunks) {
      if (!chunk.text.trim()) continue;
      // A further serial (`STATE 12345 AND 12377`) stays in the entry of the citation before it.
      const citations = findCitations(chunk.text, cableYear).filter((citation) => !citation.further);
      if (citations.length === 0 && firstOfLine && entries.length && piece !== pieces[0]) {
        // A line without a citation continues the entry above it (`AND PREVIOUS`, a wrapped title).
        extendEntry(entries[entries.length - 1]!, chunk);
      } else if (citations.length <= 1) {
        entries.push(makeEntry([chunk], cableYear));
      } else {
        citations.forEach((citation, i) => {
          const start = i === 0 ? 0 : citation.start;
          const end = i + 1 < citations.length ? citations[i + 1]!.start : chunk.text.length;
          const text = withoutTrailingSeparators(chunk.text.slice(start, end));
          entries.push(makeEntry([{ line: chunk.line, start: chunk.start + start, text }], cableYear));
        });
      }
      firstOfLine = false;
    }
  }
  return entries;
}

const isSeparator = (c: string | undefined) => c !== undefined && (c === ',' || c === ':' || c === ';' || /\s/.test(c));

/**
 * `A, B AND` → `A, B`: trailing separators, and an `AND` after them. A loop: a pattern ending in
 * `$` is tried at every position, quadratic on a long run of separators.
 */
function withoutTrailingSeparators(text: string): string {
  let end = text.length;
  let word = end;
  while (word > 0 && /\s/.test(text[word - 1]!)) word--;
  if (word >= 4 && text.slice(word - 3, word).toUpperCase() === 'AND' && isSeparator(text[word - 4])) end = word - 3;
  while (end > 0 && isSeparator(text[end - 1])) end--;
  return text.slice(0, end);
}

function extendEntry(entry: ReferenceEntry, piece: LinePiece): void {
  const trimmed = trimPiece(piece);
  if (!trimmed) return;
  entry.text += ' ' + trimmed.text;
  entry.range = { start: entry.range.start, end: { line: trimmed.line, character: trimmed.start + trimmed.text.length } };
  if (NOTAL.test(trimmed.text)) entry.notal = true;
}

function trimPiece(piece: LinePiece): LinePiece | undefined {
  const text = piece.text.trim();
  if (!text) return undefined;
  return { line: piece.line, start: piece.start + piece.text.indexOf(text), text };
}

function makeEntry(body: LinePiece[], cableYear: number | undefined): ReferenceEntry {
  const trimmed = body.map(trimPiece).filter((p): p is LinePiece => p !== undefined);
  // Only white space after a label (`REF: A. ` while typing): an empty entry where it starts.
  const empty = { ...body[0]!, text: '' };
  const first = trimmed[0] ?? empty;
  const last = trimmed[trimmed.length - 1] ?? empty;
  const text = trimmed.map((p) => p.text).join(' ');
  const entry: ReferenceEntry = {
    text,
    range: { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.start + last.text.length } },
    kind: 'other',
  };
  // The entry's lines read as one text: a year, post or serial may stand on the line before the rest.
  const pieceStarts: number[] = [];
  let offset = 0;
  for (const piece of trimmed) {
    pieceStarts.push(offset);
    offset += piece.text.length + 1;
  }
  const positionAt = (column: number, end: boolean): Position => {
    let i = pieceStarts.length - 1;
    while (i > 0 && (end ? pieceStarts[i]! >= column : pieceStarts[i]! > column)) i--;
    const piece = trimmed[i]!;
    return { line: piece.line, character: piece.start + Math.min(column - pieceStarts[i]!, piece.text.length) };
  };
  const citations = findCitations(text, cableYear).map((found): CableCitation => {
    const range = { start: positionAt(found.start, false), end: positionAt(found.end, true) };
    const readings = [...found.readings];
    if (positionAt(found.postStart, false).line !== range.start.line) readings.push('year-line-before');
    const citation: CableCitation = { range, post: found.post, origin: found.origin, readings };
    return found.id === undefined ? citation : { id: found.id, ...citation };
  });
  if (citations.length > 1) for (const citation of citations) citation.readings.push('one-of-several');
  if (citations.length) {
    entry.kind = 'cable';
    if (citations[0]!.id) entry.id = citations[0]!.id;
    entry.citationRange = citations[0]!.range;
    entry.citations = citations;
  }
  if (NOTAL.test(entry.text)) entry.notal = true;
  return entry;
}

function textBetween(pieces: LinePiece[], from: { piece: number; column: number }, to: { piece: number; column: number }): LinePiece[] {
  const result: LinePiece[] = [];
  for (let i = from.piece; i <= to.piece; i++) {
    const piece = pieces[i]!;
    const start = i === from.piece ? from.column : 0;
    const end = i === to.piece ? to.column : piece.text.length;
    if (end > start) result.push({ line: piece.line, start: piece.start + start, text: piece.text.slice(start, end) });
  }
  return result;
}

/**
 * A mention in the body, read where a `REF…` or `PARA…` word starts: `REF A`, `refs A and B`,
 * `REF (C)`, `reftel`, `REFTELS`; `para 4`, `paragraph 4`, `paras 2-3`, `paras 2 and 5`.
 */
const MENTION =
  /(?:(REF(?:TEL)?S?)\b(?:\s+\(?([A-Z])\)?(?![\w.]\w)((?:\s*(?:,|AND|&)\s*\(?[A-Z]\)?(?!\w))*))?|(PARA(?:GRAPH)?S?)\s+(\d{1,3})((?:\s*(?:-|–|,|AND|&|THROUGH|TO)\s*\d{1,3})*))/iy;

/** Reads the mention starting at column `at` of a line, if there is one. */
export function readMentionAt(line: string, lineIndex: number, at: number): CrossReference | undefined {
  MENTION.lastIndex = at;
  const m = MENTION.exec(line);
  if (!m) return undefined;
  const text = withoutUnopenedParenthesis(m[0]);
  const range: Range = lineRange(lineIndex, at, at + text.length);
  if (m[1]) {
    const keyword = m[1].toUpperCase();
    // A bare `REF` is an ordinary word; `reftel` and `refs` alone mean the REF list.
    if (!m[2] && keyword === 'REF') return undefined;
    // `ref a meeting`: a lower-case letter is taken for an article, not a REF letter.
    if (m[2] && m[2] !== m[2].toUpperCase()) return undefined;
    const letters = m[2] ? [m[2], ...(m[3]?.match(/[A-Z]/g) ?? [])] : [];
    return { kind: 'reference', text, range, targets: letters };
  }
  const numbers = [m[5]!, ...(m[6]?.match(/\d{1,3}/g) ?? [])];
  const isSpan = /-|–|THROUGH|TO/i.test(m[6] ?? '') && numbers.length === 2;
  return { kind: 'paragraph', text, range, targets: isSpan ? expandRange(Number(numbers[0]), Number(numbers[1])) : numbers };
}

/** `(see REF A)`: a closing parenthesis that the mention did not open is the sentence's, not part of `(A)`. */
function withoutUnopenedParenthesis(text: string): string {
  if (!text.endsWith(')')) return text;
  let depth = 0;
  for (const c of text) depth += c === '(' ? 1 : c === ')' ? -1 : 0;
  return depth < 0 ? text.slice(0, -1) : text;
}

function expandRange(from: number, to: number): string[] {
  if (to < from || to - from > 50) return [String(from), String(to)];
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}
