// The routing header (ACP-127 format lines) above the banner: VZCZC, precedence and routing
// indicators, DE, ZNY/ZNR, precedence + DTG, FM / TO / INFO addressees.
import { decodeDtg, DTG_PATTERN } from './dates.ts';
import { indentOf, lineRange, token, isBlank, trimmedEnd } from './text.ts';
import type {
  Addressee,
  AddresseeRole,
  DateTimeGroup,
  OfficeLine,
  OfficeLineKind,
  PageBreak,
  RoutingHeader,
  Token,
} from './model-types.ts';
import { CLASSIFICATION_STAMP, readPageHead } from './page-breaks.ts';
import { wordsOf, type Word } from './words.ts';

const TRANSMISSION = /^\s*VZCZC([A-Z0-9]*)/;
const PRECEDENCE_PAIR = /^(?:ZZ|OO|PP|RR|[ZOPRY]{2})$/;
/** A routing indicator: five to eight letters starting with R (`RUEHBC`, `RUCNRAQ`). */
export const ROUTING_INDICATOR = /^R[A-Z]{4,7}$/;
const ORIGINATOR = /^\s*DE\s+([A-Z]{4,8})(?:\s+(#\d+)(\/\d+)?)?(?:\s+(\d{7}))?/;
const SECURITY = /^\s*(ZN[YR])\b(?:\s+([CSUET])\2{4}(?![A-Z]))?/;
/** Precedence prosign(s) then the DTG: `P 251427Z JAN 09`, `O R 161415Z DEC 09`, `NIACT IMMEDIATE 221828 Z MAY 73`. */
const DTG_LINE = /^\s*((?:(?:[ZOPRY]|NIACT|FLASH|IMMEDIATE|PRIORITY|ROUTINE)\s+){0,2})(?=\d{6} ?Z\s)/;
const ADDRESS_KEYWORD = /^\s*(FM|TO|INFO|XMT)\s+/;
const PER_ADDRESSEE_PRECEDENCE = new Set(['FLASH', 'IMMEDIATE', 'PRIORITY', 'ROUTINE']);
/** Teletype distribution lists (`INFO  LOG-00   NP-00`) are not addressees. */
const TELETYPE_DISTRIBUTION = /\b[A-Z]{1,6}-\d{2}\b/;

const OFFICE_KEYWORD = /^\s*(ORIGIN|ACTION|INFO)\s+(?=[A-Z][A-Z0-9]*-\d\d\b)/;
const DRAFTING_KEYWORD = /^\s*(DRAFTED|APPROVED|CLEARED)\s+BY\b:?/;
/** PlusD's dashed line with its number (`------------------ 041117`): a bare dash rule is the body's. */
const SEPARATOR = /^\s*-{5,}(?=\s*\d)/;
/** `EUR-12`, `OCT-01`: an office symbol and its copy count. */
const OFFICE = /^[A-Z][A-Z0-9]*-\d\d$/;
const TOTAL = /^\/\d{3}[A-Z]?$/;

/** Reads an office, drafting or separator line, or a line that continues `previous` (the line above's). */
function readOfficeLine(line: string, lineIndex: number, previous: OfficeLine | undefined): OfficeLine | undefined {
  const office = OFFICE_KEYWORD.exec(line) ?? DRAFTING_KEYWORD.exec(line);
  const separator = office ? null : SEPARATOR.exec(line);
  const start = indentOf(line);
  if (office || separator) {
    const kind = (office ? office[1]!.toLowerCase() : 'separator') as OfficeLineKind;
    const result: OfficeLine = { kind, range: lineRange(lineIndex, start, trimmedEnd(line)), items: [] };
    if (office) result.keyword = token(line.slice(start, office[0].trimEnd().length), lineIndex, start);
    const from = office ? office[0].length : separator![0].length;
    if (kind !== 'drafted' && kind !== 'approved' && kind !== 'cleared') readItems(result, line, lineIndex, from);
    return result;
  }
  if (!previous || ADDRESS_KEYWORD.test(line)) return undefined;
  if (previous.kind === 'origin' || previous.kind === 'action' || previous.kind === 'info') {
    const words = wordsOf(line);
    if (words.length === 0 || !words.every((w) => OFFICE.test(w.text) || TOTAL.test(w.text) || /^[A-Z]$/.test(w.text))) return undefined;
    readItems(previous, line, lineIndex, 0);
  } else if (previous.kind === 'separator') return undefined;
  // Clearances under DRAFTED/APPROVED BY (`L:SMSCHWEBEL`, `4/16/73 X-22637`) go on until the separator.
  previous.range.end = { line: lineIndex, character: trimmedEnd(line) };
  return previous;
}

function readItems(office: OfficeLine, line: string, lineIndex: number, from: number): void {
  const words = wordsOf(line, from);
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    if (TOTAL.test(word.text)) {
      const letter = words[k + 1] && /^[A-Z]$/.test(words[k + 1]!.text) ? words[++k]! : undefined;
      const end = (letter ?? word).start + (letter ?? word).text.length;
      office.total = token(line.slice(word.start, end), lineIndex, word.start);
    } else office.items.push(token(word.text, lineIndex, word.start));
  }
  office.range.end = { line: lineIndex, character: trimmedEnd(line) };
}

export function parsePrecedenceLine(line: string, lineIndex: number): RoutingHeader['precedenceLine'] {
  const words = wordsOf(line);
  if (words.length < 2 || !PRECEDENCE_PAIR.test(words[0]!.text)) return undefined;
  if (!words.slice(1).every((w) => ROUTING_INDICATOR.test(w.text))) return undefined;
  return {
    range: lineRange(lineIndex, words[0]!.start, words[words.length - 1]!.start + words[words.length - 1]!.text.length),
    precedence: token(words[0]!.text, lineIndex, words[0]!.start),
    routingIndicators: words.slice(1).map((w) => token(w.text, lineIndex, w.start)),
  };
}

function routingIndicatorsOnly(line: string, lineIndex: number): Token[] | undefined {
  const words = wordsOf(line);
  if (words.length === 0 || !words.every((w) => ROUTING_INDICATOR.test(w.text))) return undefined;
  return words.map((w) => token(w.text, lineIndex, w.start));
}

/** `P 251427Z JAN 09 ZDK`; also the bare `291359Z Nov 00` of partial extracts. */
export function parseDateTimeGroupLine(line: string, lineIndex: number): DateTimeGroup | undefined {
  const lead = DTG_LINE.exec(line);
  if (!lead) return undefined;
  const dtgStart = lead[0].length;
  const match = DTG_PATTERN.exec(line.slice(dtgStart));
  if (!match || match.index !== 0) return undefined;
  const precedence = wordsOf(line, 0, dtgStart).map((w) => token(w.text, lineIndex, w.start));
  const dtgEnd = dtgStart + match[0].length;
  const decoded = decodeDtg(match);
  const rest = wordsOf(line, dtgEnd);
  const end = rest.length ? rest[rest.length - 1]!.start + rest[rest.length - 1]!.text.length : dtgEnd;
  const group: DateTimeGroup = {
    range: lineRange(lineIndex, precedence[0]?.range.start.character ?? dtgStart, end),
    precedence,
    dtg: token(match[0], lineIndex, dtgStart),
    year: decoded.year,
  };
  if (decoded.date) group.date = decoded.date;
  if (rest.length) group.trailer = token(line.slice(rest[0]!.start, end), lineIndex, rest[0]!.start);
  return group;
}

/** One addressee from its words: `RUEHC/SECSTATE WASHDC PRIORITY 0820`. */
function parseAddressee(role: AddresseeRole, line: string, words: Word[], lineIndex: number, keyword?: Token): Addressee | undefined {
  if (words.length === 0) return undefined;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const addressee: Addressee = {
    role,
    range: lineRange(lineIndex, keyword?.range.start.character ?? first.start, last.start + last.text.length),
  };
  if (keyword) addressee.keyword = keyword;
  let stationStart = first.start;
  const slash = first.text.indexOf('/');
  if (slash > 0 && ROUTING_INDICATOR.test(first.text.slice(0, slash))) {
    addressee.routingIndicator = token(first.text.slice(0, slash), lineIndex, first.start);
    stationStart = first.start + slash + 1;
  }
  let tail = words.length;
  if (tail > 1 && /^\d{4}$/.test(words[tail - 1]!.text)) {
    tail--;
    addressee.serial = token(words[tail]!.text, lineIndex, words[tail]!.start);
  }
  if (tail > 1 && PER_ADDRESSEE_PRECEDENCE.has(words[tail - 1]!.text)) {
    tail--;
    // `NIACT IMMEDIATE`: night action, the addressee is woken for it.
    const niact = tail > 1 && words[tail]!.text === 'IMMEDIATE' && words[tail - 1]!.text === 'NIACT';
    if (niact) tail--;
    addressee.precedence = token(
      line.slice(words[tail]!.start, words[niact ? tail + 1 : tail]!.start + words[niact ? tail + 1 : tail]!.text.length),
      lineIndex,
      words[tail]!.start,
    );
  }
  const lastStationWord = words[tail - 1]!;
  const stationEnd = lastStationWord.start + lastStationWord.text.length;
  if (stationEnd > stationStart) addressee.station = token(line.slice(stationStart, stationEnd), lineIndex, stationStart);
  return addressee;
}

export interface HeaderScan {
  header?: RoutingHeader;
  /** PlusD page heads among the header's lines (`PAGE 02 STATE 133602` inside a long TO list). */
  pageBreaks: PageBreak[];
}

/**
 * Reads the header elements found in lines [from, to). The first occurrence of each element wins:
 * some exports repeat the whole header (09NAIROBI2497), and only the first copy is the header.
 */
export function parseRoutingHeader(lines: string[], from: number, to: number): HeaderScan {
  const header: RoutingHeader = { range: lineRange(from, 0, 0), to: [], info: [] };
  const pageBreaks: PageBreak[] = [];
  let office: OfficeLine | undefined;
  let role: AddresseeRole | undefined;
  let addressesDone = false;
  let first = -1;
  let last = -1;
  const mark = (i: number) => {
    if (first < 0) first = i;
    last = i;
  };

  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    if (isBlank(line)) {
      if (role) addressesDone = true;
      role = undefined;
      continue;
    }
    // PlusD pages stamp their classification at foot and head, then `PAGE nn POST SERIAL`: no addressees.
    if (CLASSIFICATION_STAMP.test(line)) continue;
    const pageBreak = readPageHead(lines, i);
    if (pageBreak) {
      pageBreaks.push(pageBreak);
      i = pageBreak.range.end.line;
      continue;
    }
    let m: RegExpExecArray | null;
    if (!header.transmission && (m = TRANSMISSION.exec(line))) {
      header.transmission = { range: lineRange(i, line.indexOf('VZCZC'), m[0].length) };
      if (m[1]) header.transmission.channel = token(m[1], i, m[0].length - m[1].length);
      mark(i);
      continue;
    }
    if (header.transmission && !header.originator) {
      // Format line 2 and its continuation lines of routing indicators.
      const precedenceLine = header.precedenceLine ? undefined : parsePrecedenceLine(line, i);
      if (precedenceLine) {
        header.precedenceLine = precedenceLine;
        mark(i);
        continue;
      }
      const more = header.precedenceLine && routingIndicatorsOnly(line, i);
      if (more) {
        header.precedenceLine!.routingIndicators.push(...more);
        header.precedenceLine!.range.end = more[more.length - 1]!.range.end;
        mark(i);
        continue;
      }
    }
    if (!header.originator && (m = ORIGINATOR.exec(line))) {
      const start = line.indexOf('DE');
      header.originator = { range: lineRange(i, start, m[0].length), keyword: token('DE', i, start) };
      let cursor = start + 2;
      if (m[1]) header.originator.station = token(m[1], i, (cursor = line.indexOf(m[1], cursor)));
      if (m[2]) header.originator.serial = token(m[2], i, (cursor = line.indexOf(m[2], cursor)));
      if (m[3]) header.originator.part = token(m[3], i, (cursor = cursor + m[2]!.length));
      if (m[4]) header.originator.filingTime = token(m[4], i, line.indexOf(m[4], cursor));
      mark(i);
      continue;
    }
    if (!header.security && (m = SECURITY.exec(line))) {
      const start = line.indexOf(m[1]!);
      const words = wordsOf(line, start + 3);
      header.security = { range: lineRange(i, start, trimmedWordsEnd(words, start + 3)), prosign: token(m[1]!, i, start), signals: [] };
      for (const word of words) {
        if (!header.security.classification && m[2] && word.text === m[2].repeat(5))
          header.security.classification = token(word.text, i, word.start);
        else header.security.signals.push(token(word.text, i, word.start));
      }
      mark(i);
      continue;
    }
    if (!header.dateTimeGroup) {
      const group = parseDateTimeGroupLine(line, i);
      if (group) {
        header.dateTimeGroup = group;
        mark(i);
        continue;
      }
    }
    // A continuation line belongs to the office line right above it.
    const officeLine = role ? undefined : readOfficeLine(line, i, office && office.range.end.line === i - 1 ? office : undefined);
    if (officeLine) {
      if (officeLine !== office) (header.offices ??= []).push(officeLine);
      office = officeLine;
      mark(i);
      continue;
    }
    const keyword = ADDRESS_KEYWORD.exec(line);
    if (keyword && !addressesDone && !(keyword[1] === 'INFO' && TELETYPE_DISTRIBUTION.test(line))) {
      const name = keyword[1] as AddresseeRole;
      if (name === 'FM' && header.from) continue;
      role = name;
      const keywordStart = line.indexOf(name);
      const addressee = parseAddressee(role, line, wordsOf(line, keyword[0].length), i, token(name, i, keywordStart));
      if (addressee) addTo(header, addressee);
      mark(i);
      continue;
    }
    if (role && role !== 'FM' && !addressesDone) {
      const addressee = parseAddressee(role, line, wordsOf(line), i);
      if (addressee) addTo(header, addressee);
      mark(i);
      continue;
    }
    if (role) {
      role = undefined;
      addressesDone = true;
    }
  }
  if (first < 0) return { pageBreaks };
  const lastLine = lines[last]!;
  header.range = { start: { line: first, character: 0 }, end: { line: last, character: lastLine.length } };
  return { header, pageBreaks };
}

function trimmedWordsEnd(words: Word[], fallback: number): number {
  const last = words[words.length - 1];
  return last ? last.start + last.text.length : fallback;
}

function addTo(header: RoutingHeader, addressee: Addressee): void {
  if (addressee.role === 'FM') header.from = addressee;
  else if (addressee.role === 'TO') header.to.push(addressee);
  else header.info.push(addressee);
}
