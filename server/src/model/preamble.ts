// The lines between the banner and the first paragraph: captions (SIPDIS, NOFORN, `STATE FOR …`),
// the E.O. line, TAGS, SUBJECT, REF and Classified By / Reason.
import { isRule } from './body.ts';
import { decodeDeclDate, DECL_DATE_PATTERN } from './dates.ts';
import { readLineLabel, type NumberingStyle } from './labels.ts';
import { continuesRefList, parseRefEntries, REF_KEYWORD, type LinePiece } from './ref-entries.ts';
import { CLASSIFICATION_STAMP, parsePageBreak } from './page-breaks.ts';
import { indentOf, isBlank, token } from './text.ts';
import type { CableModel, Caption, CaptionKind, ClassifiedBy, ExecutiveOrderLine, Range, TagCode, Token } from './model-types.ts';
import { wordsOf } from './words.ts';

type Section = 'eo' | 'tags' | 'subject' | 'ref' | 'classified';

/** The TAGS keyword at the start of a line. */
export const TAGS_KEYWORD = /^\s*TAGS?\b/i;

/** Keywords that open a preamble section, at the start of a line or after another section. */
const SECTION_KEYWORDS: [Section, RegExp][] = [
  ['eo', /^(?:E\.\s?O\.?|EO)(?=\s*\d{5}|\s*:)/i],
  // `SUBJECT;`, `REF;`, `TAGS;`: the 1970s teletype often struck a semicolon for the colon.
  ['tags', /^TAGS?\b\s*[:;]?/i],
  ['subject', /^SUBJ(?:ECT)?\s*[:;]/i],
  ['ref', REF_KEYWORD],
  ['classified', /^(?:\(U\)\s*)?CLASSIFIED\s+BY\b\s*:?/i],
];
/**
 * Where a section keyword may start inside a line already taken by another section: after a space,
 * or a REF keyword glued to the subject's last word (`… PRIMEREF: A. LONDON 1939`).
 */
const INLINE_KEYWORD = /\s(TAGS?:|SUBJ(?:ECT)?:|REF(?:S|\(S\))?[:;]|CLASSIFIED\s+BY\b)/gi;
/** Glued to a word, only an upper-case `REF:` after an upper-case letter opens a REF list (a literal first: fast to search). */
const GLUED_REF_KEYWORD = /REFS?:(?=\s)/g;
const INLINE_EO = /\s(?:E\.\s?O\.?|EO)\s*\d{5}/i;
/** A line that opens with the E.O. line: `E.O. 12958: DECL: 1/25/2019`, `E. O. 11652: GDS`, `EO 12958`. */
export const E_O_LINE = /^\s*(?:E\.\s?O\.?|EO)\s*\d{5}/i;
const HANDLING_CAPTION =
  /^(?:SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS|STADIS|ROGER|CHEROKEE|SPECAT|SENSITIVE(?: BUT UNCLASSIFIED)?|(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\/\/NOFORN|NOT FOR FOREIGN (?:DISSEMINATION|DISTRIBUTION)|C O R R E C T E D\s+COPY[\s\S]*|CORRECTED COPY[\s\S]*)\s*[.]?$/i; // [\s\S]*, not .*: a U+2028 after spaces made .* and \s* split the spaces every way
const ADDRESSING_CAPTION = /\bFOR\b|^PASS\b|\bPASS TO\b|^DEPT\b|^STATE\b/i;
const REASON_LINE = /^REASONS?\b/i;
const REASON_SECTION = /\b(1\.[45])\s*/g;
/** Exemption and schedule codes: E.O. 12958's `X1`, `25X1-HUM`, `OADR`; E.O. 11652's `GDS`, `XGDS-2`, `ADS`. */
const EXEMPTION = /\b(?:X[1-8]|25X[1-9](?:-HUM)?|50X[12](?:-[A-Z]+)?|OADR|MR|XGDS-[1-4]|GDS|ADS)\b/g;

/** The parts of the model the preamble gives, and where the body starts. */
export type Preamble = Pick<
  CableModel,
  'captions' | 'executiveOrder' | 'tags' | 'subject' | 'references' | 'classifiedBy' | 'pageBreaks'
> & {
  bodyStart: number;
};

interface OpenSection {
  kind: Section;
  keyword: Token;
  pieces: LinePiece[];
}

/** Reads the preamble from `from`; stops at the first paragraph or at text that is no part of it. */
export function parsePreamble(
  lines: string[],
  from: number,
  style: NumberingStyle,
  cableYear: number | undefined,
  plusd = false,
): Preamble {
  const preamble: Preamble = { captions: [], pageBreaks: [], bodyStart: from };
  const sections: OpenSection[] = [];
  let open: OpenSection | undefined;
  let sawKeyword = false;
  const firstKeyword = findFirstKeywordLine(lines, from, style);
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      // A REF list may go on after a blank line with its next lettered entry, or the rest of an entry.
      if (open && !(open.kind === 'ref' && refListGoesOn(open, lines, i, style))) open = undefined;
      continue;
    }
    if (plusd && CLASSIFICATION_STAMP.test(line)) continue;
    const pageBreak = parsePageBreak(lines, i);
    if (pageBreak) {
      preamble.pageBreaks.push(pageBreak);
      i = pageBreak.range.end.line;
      // `PAGE 02 HARARE 06677 01 OF 03 291400Z OPPOSITION LEADER`: the open section goes on after the page head.
      const after = pageBreak.range.end.character;
      const rest = lines[i]!.slice(after);
      if (open && !isBlank(rest)) open.pieces.push({ line: i, start: after + indentOf(rest), text: rest.trimStart() });
      continue;
    }
    const label = readLineLabel(line, style);
    if (label?.kind === 'paragraph') break;
    const start = line.length - line.trimStart().length;
    const section = keywordAt(line, start);
    if (section) {
      open = openSection(section.kind, line, i, start, section.length);
      sections.push(open);
      sawKeyword = true;
      splitInline(sections, line, i);
      open = sections[sections.length - 1];
      continue;
    }
    if (open && continues(open, line, label !== undefined) && !(plusd && open.kind === 'subject' && !wrapsOn(open))) {
      open.pieces.push({ line: i, start, text: line.slice(start) });
      if (open.kind !== 'subject') splitInline(sections, line, i);
      open = sections[sections.length - 1];
      continue;
    }
    if (open?.kind === 'classified' && REASON_LINE.test(line.slice(start))) {
      open.pieces.push({ line: i, start, text: line.slice(start) });
      continue;
    }
    const inlineEo = sawKeyword ? null : INLINE_EO.exec(line);
    if (inlineEo) {
      // `DEPARTMENT FOR WHA AND PM E.O. 12958: … TAGS: …` (08BRASILIA429): a caption, then the E.O. line.
      const at = inlineEo.index + 1;
      preamble.captions.push(readCaption(line.slice(0, at), i, start));
      open = openSection('eo', line, i, at, keywordAt(line, at)!.length);
      sections.push(open);
      sawKeyword = true;
      splitInline(sections, line, i);
      open = sections[sections.length - 1];
      continue;
    }
    // `SUBJECT: … BY BROWN'S` / blank / `QUICK MANEUVERS …` / `REF: …`: the subject's cut-off line.
    const last = sections[sections.length - 1];
    if (last?.kind === 'subject' && !open && !label && nextIsRefKeyword(lines, i)) {
      // A handling caption there (`SIPDIS`) is a caption still.
      if (HANDLING_CAPTION.test(line.slice(start).trimEnd())) preamble.captions.push(readCaption(line, i, start));
      else last.pieces.push({ line: i, start, text: line.slice(start) });
      continue;
    }
    // Before the first keyword every line is a caption; without keywords only short lines are.
    if (!sawKeyword && !label && (i < firstKeyword || line.length - start <= MAX_CAPTION_LENGTH)) {
      preamble.captions.push(readCaption(line, i, start));
      continue;
    }
    break;
  }
  preamble.bodyStart = i;
  // The preamble ends at its last section; blank lines after it belong to the body's top.
  for (const section of sections) finishSection(preamble, section, cableYear);
  return preamble;
}

const MAX_CAPTION_LENGTH = 160;
const KEYWORD_LOOKAHEAD = 40;

/** The first line, before any paragraph, that opens a preamble section; -1 when there is none. */
function findFirstKeywordLine(lines: string[], from: number, style: NumberingStyle): number {
  const to = Math.min(lines.length, from + KEYWORD_LOOKAHEAD);
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (readLineLabel(line, style)?.kind === 'paragraph') break;
    if (keywordAt(line, line.length - line.trimStart().length) || INLINE_EO.test(line)) return i;
  }
  return -1;
}

function keywordAt(line: string, start: number): { kind: Section; length: number } | undefined {
  const rest = line.slice(start, start + 24);
  for (const [kind, pattern] of SECTION_KEYWORDS) {
    const m = pattern.exec(rest);
    if (m) return { kind, length: m[0].length };
  }
  return undefined;
}

function openSection(kind: Section, line: string, lineIndex: number, start: number, keywordLength: number): OpenSection {
  const keywordText = line.slice(start, start + keywordLength).trimEnd();
  const keyword = token(keywordText, lineIndex, start);
  const textStart = start + keywordLength;
  return { kind, keyword, pieces: [{ line: lineIndex, start: textStart, text: line.slice(textStart) }] };
}

/** Splits the last section's last piece where another section's keyword stands inside it. */
function splitInline(sections: OpenSection[], line: string, lineIndex: number): void {
  const current = sections[sections.length - 1]!;
  const piece = current.pieces[current.pieces.length - 1]!;
  if (piece.line !== lineIndex) return;
  INLINE_KEYWORD.lastIndex = 0;
  GLUED_REF_KEYWORD.lastIndex = 0;
  const spaced = INLINE_KEYWORD.exec(piece.text);
  let glued = GLUED_REF_KEYWORD.exec(piece.text);
  while (glued && !isUpperCaseLetter(piece.text.charCodeAt(glued.index - 1))) glued = GLUED_REF_KEYWORD.exec(piece.text);
  // Where the section before ends, and where the keyword starts: after the space, or right there.
  const cut = glued && (!spaced || glued.index < spaced.index) ? glued.index : spaced?.index;
  if (cut === undefined) return;
  const at = piece.start + (cut === glued?.index ? cut : cut + 1);
  const section = keywordAt(line, at);
  if (!section || section.kind === current.kind) return;
  piece.text = piece.text.slice(0, cut);
  sections.push(openSection(section.kind, line, lineIndex, at, section.length));
  splitInline(sections, line, lineIndex);
}

const isUpperCaseLetter = (code: number) => code >= 65 && code <= 90;

/** Whether a non-blank line without a keyword continues the open section. */
function continues(open: OpenSection, line: string, hasLabel: boolean): boolean {
  switch (open.kind) {
    case 'tags':
      // `KJUS, KHLS, GM` under the TAGS line: only codes.
      // Each code ends at a separator, the next `[` or the end: a code cannot also be read as two (`AAAAAAAA`), which backtracked exponentially.
      return line.trim().length <= 80 && /^\s*(?:\[?[A-Za-z]{2,6}\]?(?:\(#\))?(?:[\s,;]+|$|(?=\[)))+$/.test(line);
    case 'subject':
    case 'classified':
      return !hasLabel;
    case 'ref':
      // `Ref: Abuja 1836` / `-------` / `SUMMARY`: a dash rule ends the list.
      return !isRule(line);
    case 'eo':
      return false;
  }
}

/** PlusD wraps lines at about 60 columns and has no blank line after SUBJECT: only a line cut near the margin or at a hyphen goes on. */
const PLUSD_WRAP_COLUMN = 58;

function wrapsOn(open: OpenSection): boolean {
  const last = open.pieces[open.pieces.length - 1]!;
  const text = last.text.trimEnd();
  return text.endsWith('-') || last.start + text.length >= PLUSD_WRAP_COLUMN;
}

function refListGoesOn(open: OpenSection, lines: string[], blank: number, style: NumberingStyle): boolean {
  for (let j = blank + 1; j < lines.length && j < blank + 3; j++) {
    const line = lines[j]!;
    if (isBlank(line)) continue;
    const label = readLineLabel(line, style);
    if (label?.kind === 'lettered') return true;
    if (label || keywordAt(line, line.length - line.trimStart().length)) return false;
    const last = lastNonEmpty(open.pieces);
    return !!last && continuesRefList(last.text, line);
  }
  return false;
}

/** Whether the next non-blank line, at most one blank line on, opens a REF list. */
function nextIsRefKeyword(lines: string[], from: number): boolean {
  for (let j = from + 1; j < lines.length && j < from + 3; j++) {
    const line = lines[j]!;
    if (isBlank(line)) continue;
    return keywordAt(line, line.length - line.trimStart().length)?.kind === 'ref';
  }
  return false;
}

/** Handling words run onto the banner line: `S E C R E T BOGOTA 000243 SIPDIS NOFORN`. */
export function readCaptionsAfter(line: string, lineIndex: number, from: number): Caption[] {
  return wordsOf(line, from)
    .filter((word) => HANDLING_CAPTION.test(word.text))
    .map((word) => ({ kind: 'handling' as const, ...token(word.text, lineIndex, word.start) }));
}

function readCaption(line: string, lineIndex: number, start: number): Caption {
  const text = line.slice(start).trimEnd();
  const kind: CaptionKind = HANDLING_CAPTION.test(text) ? 'handling' : ADDRESSING_CAPTION.test(text) ? 'addressing' : 'other';
  return { kind, ...token(text, lineIndex, start) };
}

function sectionRange(section: OpenSection): Range {
  const last = lastNonEmpty(section.pieces) ?? section.pieces[0]!;
  const end = last.start + last.text.trimEnd().length;
  return {
    start: section.keyword.range.start,
    end: {
      line: last.line,
      character: Math.max(end, last === section.pieces[0] && !last.text.trim() ? section.keyword.range.end.character : end),
    },
  };
}

function lastNonEmpty(pieces: LinePiece[]): LinePiece | undefined {
  for (let k = pieces.length - 1; k >= 0; k--) if (pieces[k]!.text.trim()) return pieces[k];
  return undefined;
}

function finishSection(preamble: Preamble, section: OpenSection, cableYear: number | undefined): void {
  const range = sectionRange(section);
  switch (section.kind) {
    case 'eo':
      preamble.executiveOrder ??= parseExecutiveOrder(section, range);
      break;
    case 'tags':
      preamble.tags ??= { range, keyword: section.keyword, codes: parseTagCodes(section.pieces) };
      break;
    case 'subject':
      preamble.subject ??= {
        range,
        keyword: section.keyword,
        text: section.pieces
          .map((p) => p.text.trim())
          .filter(Boolean)
          .join(' '),
      };
      break;
    case 'ref':
      preamble.references ??= { range, keyword: section.keyword, entries: parseRefEntries(section.pieces, cableYear) };
      break;
    case 'classified':
      preamble.classifiedBy ??= parseClassifiedBy(section, range);
      break;
  }
}

const ORDER = /\d{5}/;
/** `\s*(?::\s*)?`, not `\s*:?\s*`: two runs of white space in a row took seconds on a long blank tail. */
const DECLASSIFICATION = /(?:DECL(?:ASSIFY)?\b\s*(?::\s*)?)?(?:N\/A|OADR|\d{1,4}\/\d{1,2}\/\d{2,4})|DECL\S*\s*(?::\s*)?\S.*/i;

function parseExecutiveOrder(section: OpenSection, range: Range): ExecutiveOrderLine {
  const piece = section.pieces[0]!;
  const line: ExecutiveOrderLine = { range, keyword: section.keyword, exemptions: [] };
  const order = ORDER.exec(piece.text);
  let cursor = 0;
  if (order) {
    line.order = token(order[0], piece.line, piece.start + order.index);
    cursor = order.index + order[0].length;
  }
  const rest = piece.text.slice(cursor);
  const decl = DECLASSIFICATION.exec(rest);
  if (decl) {
    const text = decl[0].trimEnd();
    line.declassification = token(text, piece.line, piece.start + cursor + decl.index);
    const date = DECL_DATE_PATTERN.exec(text);
    if (date) {
      const declassifyOn: Token & { date?: string } = token(date[0], piece.line, line.declassification.range.start.character + date.index);
      const iso = decodeDeclDate(date);
      if (iso) declassifyOn.date = iso;
      line.declassifyOn = declassifyOn;
    }
  }
  EXEMPTION.lastIndex = 0;
  for (let m = EXEMPTION.exec(rest); m; m = EXEMPTION.exec(rest))
    line.exemptions.push(token(m[0], piece.line, piece.start + cursor + m.index));
  return line;
}

/** A TAGS code: plain, or a markdown link `[PGOV](#)`; a person's name may follow in parentheses. */
const TAG_CODE = /\[([A-Za-z][A-Za-z0-9-]{0,11})\]\(#\)|([A-Za-z][A-Za-z0-9-]{0,11})(?:\s*(\([^()]{1,60}\)))?/g;

function parseTagCodes(pieces: LinePiece[]): TagCode[] {
  const codes: TagCode[] = [];
  for (const piece of pieces) {
    TAG_CODE.lastIndex = 0;
    for (let m = TAG_CODE.exec(piece.text); m; m = TAG_CODE.exec(piece.text)) {
      const text = (m[1] ?? m[2])!;
      const at = piece.start + m.index + (m[1] ? 1 : 0);
      const code: TagCode = { code: text.toUpperCase(), ...token(text, piece.line, at) };
      if (m[3]) code.person = token(m[3].slice(1, -1), piece.line, piece.start + m.index + m[0].length - m[3].length + 1);
      codes.push(code);
    }
  }
  return codes;
}

/** Without leading spaces and colons, trailing spaces, commas, semicolons and dots (a loop: a `$` pattern is tried at every position). */
function trimAuthority(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === ':')) start++;
  while (end > start && ' ,;.'.includes(text[end - 1]!)) end--;
  return text.slice(start, end);
}

function parseClassifiedBy(section: OpenSection, range: Range): ClassifiedBy {
  const text = section.pieces.map((p) => p.text).join('\n');
  const reasonAt = text.search(/\b(?:FOR\s+)?REASONS?\b/i);
  const authority = (reasonAt >= 0 ? text.slice(0, reasonAt) : text).replace(/\s+/g, ' ');
  const result: ClassifiedBy = { range, keyword: section.keyword, authority: trimAuthority(authority), reasons: [] };
  for (const piece of section.pieces) readReasons(piece, result.reasons);
  return result;
}

/**
 * Reason codes after `1.4` or `1.5`: `1.4 (b)`, `1.4(b) and (d)`, `1.5 (B) AND (D)`, `1.4 (b and d)`,
 * `1.4 b/d`. Each letter a-h becomes its own code.
 */
function readReasons(piece: LinePiece, into: ClassifiedBy['reasons']): void {
  REASON_SECTION.lastIndex = 0;
  const section = REASON_SECTION.exec(piece.text);
  if (!section) return;
  const letters = /\(?\b([a-hA-H])\b\)?/g;
  letters.lastIndex = section.index + section[0].length;
  for (let m = letters.exec(piece.text); m; m = letters.exec(piece.text)) {
    const between = piece.text.slice(section.index + section[0].length, m.index);
    if (/[A-Za-z]{4,}/.test(between.replace(/\b(?:and|or)\b/gi, ''))) break;
    const first = into.length === 0;
    const tokenStart = first ? section.index : m.index;
    const text = piece.text.slice(tokenStart, m.index + m[0].length);
    into.push({ code: `${section[1]}(${m[1]!.toLowerCase()})`, ...token(text, piece.line, piece.start + tokenStart) });
  }
}
