// Telegrams as Foreign Relations of the United States prints them (history.state.gov document
// text): `323. Telegram From the Embassy in Israel to the Department of State`, a place/date/time
// line (`Tel Aviv, March 2, 1974—1510Z`, `Beirut, July 15, 1958—6 p.m.`), a first paragraph opened
// by the telegram's own number (`8997. Subj: … Ref: Tel Aviv 8996.`), the text, the signature,
// then the editors' numbered footnotes, the first of which is the source note (`1. Source: …`).
import { monthNumber, isoDate } from './dates.ts';
import { indentOf, lineRange, token, trimmedEnd, isBlank } from './text.ts';
import type { DateLine, Footnote, FrusDocument, Token } from './model-types.ts';
import { CLASSIFICATION_LEVELS, type ClassificationLevel } from './classification-levels.ts';

/** `323. Telegram From the Embassy in Israel to the Department of State`; also airgrams and circulars. */
const TITLE = /^\s*(\d{1,4})\.\s+((?:Circular\s+|Backchannel\s+)?(?:Telegram|Airgram|Cable|Message)\b.{0,200})$/;
// ReDoS bound: tried only on a title TITLE matched, at most 230 characters.
const FROM_TO = /\bFrom (?:the )?(.{1,100}?) to (?:the )?(.{1,100}?)\s*$/;
/** `Beirut, July 15, 1958—6 p.m.`, `Tel Aviv, March 2, 1974, 1510Z.`: place, month day, year, then the time. */
// ReDoS bound: tried only on lines of at most MAX_DATELINE_LENGTH (120) characters.
const DATELINE =
  /^\s*([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,4}),? ([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})(?:\s*(?:[—–-]+|,)\s*(.{1,40}?))?\.?\s*$/;
/** `6 p.m.`, `2:27 p.m.`, `10 a.m.`, `noon`, `midnight`, `1510Z`. */
const TIME = /^(?:(\d{1,2})(?::(\d{2}))?\s*([ap])\.\s?m\.?|(noon)|(midnight)|(\d{2})(\d{2})Z)$/i;
const TELEGRAM_NUMBER = /^\s*(\d{1,5})\.\s/;
const SOURCE_NOTE = /^\s*1\.\s+Source:/;
const FOOTNOTE = /^\s*(\d{1,3})\.\s/;
const SIGNATURE = /^[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}$/;
/** Classification words of the source note, longest first: `Top Secret; Niact; Limit Distribution.` */
const SOURCE_CLASSIFICATION = /\b(Top Secret|Secret|Confidential|Limited Official Use|Unclassified)\b/;
const SOURCE_PRECEDENCE = /\b(Flash|Niact|Immediate|Priority|Routine)\b/;
const MAX_SIGNATURE_LENGTH = 40;
const MAX_DATELINE_LENGTH = 120;
/** How far down the title and the date line may stand. */
const HEAD_LINES = 6;

/** What the FRUS form gives the model, and the lines its body runs over. */
export interface FrusReading {
  frus: FrusDocument;
  dateLine?: DateLine;
  classification?: ClassificationLevel;
  /** `IMMEDIATE` for a Niact. */
  precedence?: string;
  signature?: Token;
  /** The line of the telegram number, where the text starts. */
  textStart: number;
  /** The line after the text: the signature or the first footnote. */
  textEnd: number;
}

function firstTextLine(lines: readonly string[], from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(lines[i]!)) i++;
  return i;
}

/** Reads the FRUS heading, date line and apparatus; undefined when the text does not open with a FRUS title. */
export function readFrus(lines: readonly string[]): FrusReading | undefined {
  const limit = Math.min(lines.length, HEAD_LINES);
  const titleLine = firstTextLine(lines, 0, limit);
  if (titleLine >= limit) return undefined;
  const title = TITLE.exec(lines[titleLine]!);
  if (!title) return undefined;
  const line = lines[titleLine]!;
  const numberStart = line.indexOf(title[1]!);
  const titleStart = line.indexOf(title[2]!, numberStart + title[1]!.length);
  const titleText = title[2]!.trimEnd();
  const frus: FrusDocument = {
    number: token(title[1]!, titleLine, numberStart),
    title: token(titleText, titleLine, titleStart),
    footnotes: [],
  };
  const fromTo = FROM_TO.exec(titleText);
  if (fromTo) {
    const fromAt = titleStart + fromTo.index + fromTo[0].indexOf(fromTo[1]!);
    frus.from = token(fromTo[1]!, titleLine, fromAt);
    frus.to = token(fromTo[2]!, titleLine, titleStart + titleText.lastIndexOf(fromTo[2]!));
  }
  const reading: FrusReading = { frus, textStart: lines.length, textEnd: lines.length };

  let next = firstTextLine(lines, titleLine + 1, lines.length);
  const dateline = next < lines.length && lines[next]!.length <= MAX_DATELINE_LENGTH ? DATELINE.exec(lines[next]!) : null;
  if (dateline) {
    const at = lines[next]!.indexOf(dateline[1]!);
    frus.place = token(dateline[1]!, next, at);
    const dateLine = readDate(dateline, next, at, trimmedEnd(lines[next]!));
    if (dateLine) reading.dateLine = dateLine;
    next = firstTextLine(lines, next + 1, lines.length);
  }
  reading.textStart = next;
  const number = next < lines.length ? TELEGRAM_NUMBER.exec(lines[next]!) : null;
  // A first `1.` is the first numbered paragraph of a telegram printed without its number.
  if (number && number[1] !== '1') frus.telegramNumber = token(number[1]!, next, indentOf(lines[next]!));

  readApparatus(lines, next, reading);
  return reading;
}

function readDate(m: RegExpExecArray, lineIndex: number, start: number, end: number): DateLine | undefined {
  const year = Number(m[4]);
  const day = isoDate(year, monthNumber(m[2]!), Number(m[3]));
  if (!day) return undefined;
  const time = m[5] ? clockTime(m[5].trim()) : undefined;
  return { range: lineRange(lineIndex, start, end), date: time ? `${day}T${time}` : day, year };
}

/** `6 p.m.` → `18:00`, local time as the date line gives it; `1510Z` → `15:10Z`. */
function clockTime(text: string): string | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  if (m[4]) return '12:00';
  if (m[5]) return '00:00';
  if (m[6]) return Number(m[6]) < 24 && Number(m[7]) < 60 ? `${m[6]}:${m[7]}Z` : undefined;
  const hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (hour < 1 || hour > 12 || minute > 59) return undefined;
  const hour24 = (hour % 12) + (m[3]!.toLowerCase() === 'p' ? 12 : 0);
  return `${String(hour24).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** Footnotes from the source note to the end, the signature above them, and what the source note says. */
function readApparatus(lines: readonly string[], textStart: number, reading: FrusReading): void {
  let notesStart = lines.length;
  for (let i = lines.length - 1; i > textStart; i--) {
    if (SOURCE_NOTE.test(lines[i]!)) {
      notesStart = i;
      break;
    }
  }
  let footnote: Footnote | undefined;
  for (let i = notesStart; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const m = FOOTNOTE.exec(line);
    if (m) {
      const start = indentOf(line);
      footnote = { number: Number(m[1]), label: token(m[1]!, i, start), range: lineRange(i, start, trimmedEnd(line)) };
      reading.frus.footnotes.push(footnote);
    } else if (footnote) footnote.range.end = { line: i, character: trimmedEnd(line) };
  }
  reading.textEnd = notesStart;
  const last = notesStart - 1 >= textStart ? lastTextLine(lines, textStart, notesStart) : undefined;
  if (last !== undefined && last > textStart) {
    const text = lines[last]!.trim();
    if (text.length <= MAX_SIGNATURE_LENGTH && SIGNATURE.test(text)) {
      reading.signature = token(text, last, indentOf(lines[last]!));
      reading.textEnd = last;
    }
  }
  const source = reading.frus.footnotes[0];
  if (!source) return;
  const sourceText = lines.slice(source.range.start.line, source.range.end.line + 1).join(' ');
  const level = SOURCE_CLASSIFICATION.exec(sourceText)?.[1]?.toUpperCase();
  reading.classification = CLASSIFICATION_LEVELS.find((l) => l === level);
  const precedence = SOURCE_PRECEDENCE.exec(sourceText)?.[1]?.toUpperCase();
  if (precedence) reading.precedence = precedence === 'NIACT' ? 'IMMEDIATE' : precedence;
}

function lastTextLine(lines: readonly string[], from: number, to: number): number | undefined {
  for (let i = to - 1; i >= from; i--) if (!isBlank(lines[i]!)) return i;
  return undefined;
}

/** The post of the ID: the Department is STATE, the UN mission USUN, else the date line's place when it is a known post. */
export function frusPost(frus: FrusDocument, isKnownPost: (name: string) => boolean): string | undefined {
  const from = frus.from?.text ?? '';
  if (/^Department of State$/i.test(from)) return 'STATE';
  if (/^Mission (?:at|to) the United Nations$/i.test(from)) return 'USUN';
  const place = frus.place?.text.toUpperCase();
  return place && isKnownPost(place) ? place : undefined;
}
