// Paragraph and sub-paragraph labels at the start of a line: `¶1.`, `1.`, the markdown export's
// `11.` (a lost pilcrow), `¶B.`/`1B.`, `(A)`, `a)`, `(1)`, `3.1.`, `--` bullets.
import { codeAt, indentOf } from './text.ts';

/** How the cable writes its paragraph numbers. */
export type NumberingStyle = 'pilcrow' | 'lost-pilcrow' | 'plain';

export interface LineLabel {
  kind: 'paragraph' | 'lettered' | 'numbered' | 'bullet';
  /** Paragraph number, letter, sub-number (`3.1`) or bullet text. */
  value: string;
  start: number;
  /** Column just after the label (and its dot). */
  end: number;
}

const MAX_INDENT = 12;
/** `¶1.` / `1.` / `11.` then a space, `(`, or the end of the line; `3.1.` is a sub-number. */
const NUMBER_LABEL = /^(¶\s?)?(\d{1,4})\.(?:(\d{1,2})\.?)?(?=\s|\(|$)/;
const LETTER_LABEL = /^(?:¶\s?|1(?=[A-Z]\.))?(?:\(([A-Za-z])\)|([A-Za-z])[.)])(?=\s|$)/;
const NUMBER_IN_PARENS = /^(?:\((\d{1,2})\)|(\d{1,2})\))(?=\s|$)/;
const BULLET = /^(?:--?|\*|•)(?=\s|$)/;

/**
 * The paragraph number a line-initial `N.` label stands for, by style; undefined when it is no
 * paragraph. The Cablegate viewer anchored (`¶`) every line starting `N. ` but not a number glued
 * to its marking (`1.(C)`), so a glued number is read as written in every style. Four-digit
 * numbers are years wrapped to a line start (`¶2010. Regional elections`), not paragraphs.
 */
function paragraphNumber(digits: string, pilcrow: boolean, glued: boolean, style: NumberingStyle): string | undefined {
  if (glued && !pilcrow) return digits.length <= 3 && digits[0] !== '0' ? digits : undefined;
  const number = style === 'lost-pilcrow' ? lostPilcrowNumber(digits) : digits;
  if (number === undefined || number.length > 3 || number[0] === '0') return undefined;
  if (style === 'pilcrow' && !pilcrow) return undefined;
  return number;
}

/** `11` → `1`, `110` → `10`: the markdown export turned the pilcrow into a leading 1. */
function lostPilcrowNumber(digits: string): string | undefined {
  return digits.length >= 2 && digits[0] === '1' && digits[1] !== '0' ? digits.slice(1) : undefined;
}

/** The label at the start of `line`; `start`, its indent, when the caller has it. */
export function readLineLabel(line: string, style: NumberingStyle, start = indentOf(line)): LineLabel | undefined {
  if (start > MAX_INDENT || start >= line.length) return undefined;
  const rest = start === 0 ? line : line.slice(start);
  const first = rest.charCodeAt(0);
  const isDigitOrPilcrow = (first >= 48 && first <= 57) || first === 0xb6;
  if (isDigitOrPilcrow) {
    const m = NUMBER_LABEL.exec(rest);
    if (m) {
      const number = paragraphNumber(m[2]!, m[1] !== undefined, codeAt(rest, m[0].length) === 40 /* ( */, style);
      if (number !== undefined) {
        const kind = m[3] === undefined ? 'paragraph' : 'numbered';
        return { kind, value: m[3] === undefined ? number : `${number}.${m[3]}`, start, end: start + m[0].length };
      }
    }
  }
  // Only a label's possible first characters go on to the patterns: this runs on every line.
  const second = codeAt(rest, 1);
  const mayBeLetter =
    first === 40 /* ( */ ||
    first === 0xb6 ||
    second === 46 /* . */ ||
    second === 41 /* ) */ ||
    (first === 49 /* 1 */ && codeAt(rest, 2) === 46);
  if (!mayBeLetter) {
    const bullet = first === 45 /* - */ || first === 42 /* * */ || first === 0x2022 ? BULLET.exec(rest) : null;
    return bullet ? { kind: 'bullet', value: bullet[0], start, end: start + bullet[0].length } : undefined;
  }
  const letter = LETTER_LABEL.exec(rest);
  if (letter) return { kind: 'lettered', value: (letter[1] ?? letter[2])!.toUpperCase(), start, end: start + letter[0].length };
  const numbered = NUMBER_IN_PARENS.exec(rest);
  if (numbered) return { kind: 'numbered', value: (numbered[1] ?? numbered[2])!, start, end: start + numbered[0].length };
  const bullet = BULLET.exec(rest);
  if (bullet) return { kind: 'bullet', value: bullet[0], start, end: start + bullet[0].length };
  return undefined;
}

/**
 * Decides how paragraphs are numbered from the line-initial numbers of the whole text: a `¶N.`
 * means pilcrows; numbers that all start with 1 and read as a better sequence without it
 * (`11. 12. … 19. 110.`) mean the markdown export lost the pilcrow.
 */
export function detectNumberingStyle(lines: readonly string[]): NumberingStyle {
  const numbers: string[] = [];
  for (const line of lines) {
    const start = indentOf(line);
    if (start > MAX_INDENT) continue;
    const c = codeAt(line, start);
    if (c === 0xb6) {
      if (NUMBER_LABEL.test(line.slice(start))) return 'pilcrow';
      continue;
    }
    if (c < 48 || c > 57) continue;
    const rest = start === 0 ? line : line.slice(start);
    const m = NUMBER_LABEL.exec(rest);
    const glued = m && codeAt(rest, m[0].length) === 40;
    if (m && m[3] === undefined && !glued && m[2]!.length <= 4) numbers.push(m[2]!);
  }
  // Most numbers must read as shifted; a few stray `2.` lines do not undo the export's shift.
  const shifted = numbers.filter((n) => lostPilcrowNumber(n) !== undefined);
  if (shifted.length === 0 || shifted.length < 0.75 * numbers.length) return 'plain';
  const raw = sequenceScore(shifted.map(Number));
  const stripped = shifted.map((n) => Number(lostPilcrowNumber(n)));
  const strippedScore = sequenceScore(stripped);
  if (strippedScore !== raw) return strippedScore > raw ? 'lost-pilcrow' : 'plain';
  // A tie (`12. 13. 14.` of a fragment): the markdown export's marks decide: it starts with two
  // empty lines and writes TAGS as links.
  const markdownExport = (lines[0] === '' && lines[1] === '') || lines.some((line) => line.includes('](#)'));
  return stripped[0] === 1 || markdownExport ? 'lost-pilcrow' : 'plain';
}

/** How many numbers follow their predecessor by one. */
function sequenceScore(numbers: number[]): number {
  let score = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i] === numbers[i - 1]! + 1) score++;
  return score;
}
