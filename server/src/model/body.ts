// The body: numbered paragraphs with their portion markings and sub-paragraphs, section
// headings, page breaks, SUMMARY/COMMENT/NOTE markers, redactions, mentions of REF entries
// and paragraphs, and the signature.
import { readLineLabel, type NumberingStyle } from './labels.ts';
import { readPortionMarking } from './markings.ts';
import { CLASSIFICATION_STAMP, parsePageBreak } from './page-breaks.ts';
import { readMentionAt } from './ref-entries.ts';
import { codeAt, indentOf, isBlank, isSpace, lineRange, token, trimmedEnd } from './text.ts';
import type { CableModel, MarkerKind, Paragraph, SubParagraph } from './model-types.ts';

/** The parts of the model the body gives. */
export type Body = Pick<
  CableModel,
  'headings' | 'paragraphs' | 'pageBreaks' | 'markers' | 'crossReferences' | 'redactions' | 'signature' | 'endOfMessage'
>;

/**
 * One scan per line finds markers (`END SUMMARY`, `Comment:`) and the words that start mentions
 * (`REF…`, `PARA…`), which readMentionAt then reads. (A lookahead for those words instead of
 * matching them made this scan four times slower.)
 */
const INLINE = /\b(?:END\s+(?:OF\s+)?(SUMMARY|COMMENT|NOTE)\b|(SUMMARY|COMMENT|NOTE)\s*:|REF|PARA)/gi;
/**
 * INLINE's words, apart: a line without a marker word is scanned for the mention words alone (V8
 * tries each word at every character: two words cost half of six); a unit test holds the two
 * scans to the same findings.
 */
const MARKER_WORD = /SUMMARY|COMMENT|NOTE/gi;
const MENTION_START = /\b(?:REF|PARA)/gi;
const REDACTION = /X{5,}|x{5,}/g;
/** `Summary:`, `Action request:`: up to four words and a colon right after the marking. */
const LEAD = /^\s*([A-Z][A-Za-z]*(?:[ -][A-Za-z]+){0,3})\s*:/;
const DASH_RULE = /^\s*(?:-\s?){3,}\s*$/;
const SIGNATURE = /^\s*[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}\s*$/;
const MAX_HEADING_LENGTH = 80;
const MAX_SIGNATURE_LENGTH = 40;

export function isRule(line: string | undefined): boolean {
  return line !== undefined && DASH_RULE.test(line);
}

/**
 * A heading stands alone between blank lines or dash rules and reads like a title, not a sentence.
 * The line is no rule itself; `afterRule` tells whether the line above is one.
 */
function isHeading(lines: string[], i: number, bodyStart: number, afterRule: boolean): boolean {
  if (lines[i]!.length > MAX_HEADING_LENGTH + 40) return false;
  if (i > bodyStart && !afterRule && !isBlank(lines[i - 1]!)) return false;
  const text = lines[i]!.trim();
  if (!text || text.length > MAX_HEADING_LENGTH) return false;
  const last = text[text.length - 1]!;
  if (last === '.' || last === ',' || last === ';' || last === ':') return false;
  if (!/^[A-Za-z("“]/.test(text)) return false;
  const after = lines[i + 1];
  return after === undefined || isBlank(after) || isRule(after);
}

/** `NNNN`, `NNN`, PlusD's `NMAFVVZCZ`: the end of the message, no signature. */
const END_OF_MESSAGE = /^\s*(?:NNNN?|NMAFVVZCZ)\s*$/;
/** PlusD's page footer: `*** Current Classification ***   UNCLASSIFIED`. */
const PLUSD_FOOTER = /^\s*\*\*\*/;

/** What stands below the signature without being text: blank lines, rules, the end of message, PlusD's stamps and footer. */
function isClosingLine(line: string, plusd: boolean): boolean {
  return (
    isBlank(line) || isRule(line) || END_OF_MESSAGE.test(line) || (plusd && (CLASSIFICATION_STAMP.test(line) || PLUSD_FOOTER.test(line)))
  );
}

/** The end-of-message line among the closing lines at the end of the text. */
function findEndOfMessage(lines: string[], from: number, plusd: boolean): number | undefined {
  for (let i = lines.length - 1; i > from; i--) {
    if (END_OF_MESSAGE.test(lines[i]!)) return i;
    if (!isClosingLine(lines[i]!, plusd)) return undefined;
  }
  return undefined;
}

/** The last short line of names (`NEGRON`, `RICE`) after the last paragraph. */
function findSignature(lines: string[], from: number, plusd: boolean): number | undefined {
  for (let i = lines.length - 1; i >= from; i--) {
    const line = lines[i]!;
    if (isClosingLine(line, plusd)) continue;
    const text = line.trim();
    return text.length <= MAX_SIGNATURE_LENGTH && SIGNATURE.test(text) && text === text.toUpperCase() ? i : undefined;
  }
  return undefined;
}

/** Whether the text may hold a redaction: one search of the whole text spares most cables (three in four) a search of each line. */
function mayHoldRedactions(text: string): boolean {
  return text.includes('XXXXX') || text.includes('xxxxx');
}

/**
 * Which lines hold a marker word, from searches of the whole text (V8 skips ahead through a text
 * for three words faster than it tries six at every character of each line). Asked of lines in
 * order, it keeps the offset of the line asked and the next marker word at or after it.
 */
class MarkerWordLines {
  private line = 0;
  private lineStart = 0;
  private next = -1;

  constructor(
    private readonly text: string,
    private readonly lines: string[],
  ) {}

  /** Whether line `i`, at or below the line asked before, holds a marker word (in any case). */
  holds(i: number): boolean {
    while (this.line < i) this.lineStart += this.lines[this.line++]!.length + 1;
    if (this.next < this.lineStart) {
      MARKER_WORD.lastIndex = this.lineStart;
      // None further: the text's length, past every line (a small integer, as V8 keeps it; Infinity is boxed).
      this.next = MARKER_WORD.exec(this.text)?.index ?? this.text.length;
    }
    return this.next < this.lineStart + this.lines[i]!.length;
  }
}

/**
 * `text`: the text the lines were split from (a line may be blanked to spaces of the same length),
 * when the caller has it: searched whole, it spares most lines a search. `plusd`: the text is a
 * 1970s teletype printout (PlusD), whose pages are stamped with lone classification lines and
 * whose paragraphs run on without blank lines.
 */
export function parseBody(lines: string[], bodyStart: number, style: NumberingStyle, text: string | undefined, plusd = false): Body {
  const body: Body = { headings: [], paragraphs: [], pageBreaks: [], markers: [], crossReferences: [], redactions: [] };
  const redactions = text === undefined || mayHoldRedactions(text);
  // Lines split at CR too would not start where the LF count puts them.
  const markerWords = text === undefined || text.includes('\r') ? undefined : new MarkerWordLines(text, lines);
  const signatureLine = findSignature(lines, bodyStart, plusd);
  let paragraph: Paragraph | undefined;
  let subParagraph: SubParagraph | undefined;
  /** Last line with text in the current paragraph, so ranges end on text, not on blank lines. */
  let lastTextLine = -1;
  /** The last dash rule seen: each line is tested once, and a heading may stand below one. */
  let lastRuleLine = -1;

  const closeParagraph = () => {
    if (!paragraph) return;
    const end = { line: lastTextLine, character: trimmedEnd(lines[lastTextLine]!) };
    paragraph.range.end = end;
    if (subParagraph) subParagraph.range.end = end;
    paragraph = undefined;
    subParagraph = undefined;
  };

  const end = signatureLine ?? lines.length;
  for (let i = bodyStart; i < end; i++) {
    let line = lines[i]!;
    // The indent and the first character after it are read once, for every question below.
    const indent = indentOf(line);
    const first = codeAt(line, indent);
    if (indent === line.length || (first === 0xa0 && isBlank(line))) continue;
    if (plusd && CLASSIFICATION_STAMP.test(line)) continue;
    const rule = (first === 0x2d /* - */ || isSpace(first)) && isRule(line);
    if (rule) lastRuleLine = i;
    const pageBreak = parsePageBreak(lines, i, first);
    if (pageBreak) {
      body.pageBreaks.push(pageBreak);
      i = pageBreak.range.end.line;
      line = lines[i]!;
      if (pageBreak.range.end.character >= trimmedEnd(line)) continue;
    }
    // A dash rule (`- - - -`) underlines a heading; it is no bullet.
    let label = pageBreak || rule ? undefined : readLineLabel(line, style, indent);
    if (
      label?.kind === 'paragraph' &&
      plusd &&
      paragraph &&
      lastTextLine === i - 1 &&
      isWrappedNumber(lines[i - 1]!, Number(label.value), paragraph.number)
    )
      label = undefined;
    if (label?.kind === 'paragraph') {
      closeParagraph();
      paragraph = {
        number: Number(label.value),
        label: token(line.slice(label.start, label.end), i, label.start),
        range: lineRange(i, label.start, line.length),
        subParagraphs: [],
      };
      if (body.headings.length) paragraph.heading = body.headings.length - 1;
      const markingAt = label.end + indentOf(line.slice(label.end));
      const marking = readPortionMarking(line, i, markingAt);
      if (marking) paragraph.marking = marking;
      const leadFrom = marking ? marking.range.end.character : markingAt;
      const lead = LEAD.exec(line.slice(leadFrom));
      if (lead) paragraph.lead = token(lead[1]!, i, leadFrom + lead[0].indexOf(lead[1]!));
      body.paragraphs.push(paragraph);
    } else if (label && paragraph) {
      if (subParagraph) subParagraph.range.end = { line: lastTextLine, character: trimmedEnd(lines[lastTextLine]!) };
      subParagraph = {
        kind: label.kind,
        label: label.value,
        labelRange: lineRange(i, label.start, label.end),
        range: lineRange(i, label.start, line.length),
      };
      const marking = readPortionMarking(line, i, label.end + indentOf(line.slice(label.end)));
      if (marking) subParagraph.marking = marking;
      paragraph.subParagraphs.push(subParagraph);
    } else if (!label && !pageBreak && !rule && isHeading(lines, i, bodyStart, lastRuleLine === i - 1)) {
      closeParagraph();
      const start = indentOf(line);
      body.headings.push(token(line.slice(start, trimmedEnd(line)), i, start));
      continue;
    }
    if (paragraph && !rule) lastTextLine = i;
    scanInline(line, i, body, redactions, markerWords?.holds(i) ?? true);
  }
  closeParagraph();
  const endOfMessage = findEndOfMessage(lines, signatureLine ?? bodyStart, plusd);
  if (endOfMessage !== undefined) {
    const line = lines[endOfMessage]!;
    body.endOfMessage = token(line.trim(), endOfMessage, indentOf(line));
  }
  if (signatureLine !== undefined) {
    const line = lines[signatureLine]!;
    const start = indentOf(line);
    body.signature = token(line.slice(start, trimmedEnd(line)), signatureLine, start);
  }
  return body;
}

/**
 * Without blank lines between paragraphs, a line that starts with a number out of sequence right
 * under a line that ends mid-sentence (`… MORNING MARCH` / `1. HE WAS …`) is that sentence wrapped.
 */
function isWrappedNumber(above: string, number: number, previous: number): boolean {
  if (number === previous + 1) return false;
  const last = above[trimmedEnd(above) - 1];
  return last !== undefined && !'.:;)"\''.includes(last);
}

function markerKind(m: RegExpExecArray): MarkerKind {
  return (m[1] ? `END ${m[1].toUpperCase()}` : m[2]!.toUpperCase()) as MarkerKind;
}

/** Markers (when the line may hold any), mentions and (when the cable may hold any) redactions inside a line of text. */
function scanInline(line: string, i: number, body: Body, redactions: boolean, markers: boolean): void {
  const scan = markers ? INLINE : MENTION_START;
  scan.lastIndex = 0;
  for (let m = scan.exec(line); m; m = scan.exec(line)) {
    if (m[1] || m[2]) {
      body.markers.push({ kind: markerKind(m), ...token(m[0], i, m.index) });
      continue;
    }
    const mention = readMentionAt(line, i, m.index);
    if (mention) {
      body.crossReferences.push(mention);
      scan.lastIndex = mention.range.end.character;
    } else {
      scan.lastIndex = m.index + m[0].length;
    }
  }
  if (redactions && mayHoldRedactions(line)) {
    REDACTION.lastIndex = 0;
    for (let m = REDACTION.exec(line); m; m = REDACTION.exec(line)) body.redactions.push(lineRange(i, m.index, m.index + m[0].length));
  }
}
