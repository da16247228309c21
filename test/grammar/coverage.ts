// Finds, with plain regexes written independently of the grammar, the places a cable reader must see
// coloured: every TAGS code, every portion marking right after a paragraph number, every routing
// indicator on the routing-header lines. `checkCoverage` then asks the tokenizer what scope each got.
import type { TokenizedLine } from './textmate.ts';

export type ExpectationKind = 'tags-code' | 'marking-after-paragraph' | 'routing-indicator';

export interface Expectation {
  kind: ExpectationKind;
  line: number; // 0-based
  start: number;
  end: number;
  /** The scope every character of [start, end) must carry. */
  scope: string;
}

const MARKING_LEVELS: Record<string, string> = {
  TS: 'top-secret',
  SBU: 'sbu',
  S: 'secret',
  C: 'confidential',
  U: 'unclassified',
};

const isBlank = (line: string) => line.trim() === '';
/** Lines before the first numbered paragraph: where the header and captions live. */
function preambleLength(lines: string[]): number {
  const first = lines.findIndex((line) => /^\s*¶?\d{1,3}\.\s*\(/.test(line));
  return first < 0 ? Math.min(lines.length, 80) : first;
}

function tagsExpectations(lines: string[]): Expectation[] {
  const found: Expectation[] = [];
  const top = preambleLength(lines);
  const codeToken = /^\[?([A-Z]{2,6}|[a-z]{2,6})\]?(?:\(#\))?$/;
  const pushCodes = (lineIndex: number, from: number, to: number) => {
    // Words in parentheses are names (`OVIP (STEINBERG, JAMES B.)`), not codes.
    const text = lines[lineIndex]!.replace(/\([^()]*\)/g, (names) => ' '.repeat(names.length));
    for (const m of text.slice(from, to).matchAll(/[^\s,;]+/g)) {
      const token = m[0];
      const code = codeToken.exec(token);
      if (!code) continue;
      const start = from + m.index! + token.indexOf(code[1]!);
      found.push({ kind: 'tags-code', line: lineIndex, start, end: start + code[1]!.length, scope: 'entity.name.tag.cable' });
    }
  };
  for (let i = 0; i < top; i++) {
    const text = lines[i]!;
    // The label at the line start, or after other captions on the same line with its colon.
    const label = /^\s*(?:TAGS?|Tags?|tags?)\b:?|\s(?:TAGS?|Tags?):/.exec(text);
    if (!label) continue;
    const from = label.index + label[0].length;
    const subject = /\s(?:SUBJECT|Subject|SUBJ):/.exec(text.slice(from));
    pushCodes(i, from, subject ? from + subject.index : text.length);
    // Continuation lines made only of codes (`KJUS, KHLS, GM`).
    for (let j = i + 1; j < lines.length; j++) {
      const tokens = lines[j]!.split(/[\s,;]+/).filter(Boolean);
      if (tokens.length === 0 || !tokens.every((t) => codeToken.test(t))) break;
      if (tokens.length === 1 && /^(SIPDIS|NOFORN|NODIS|EXDIS|LIMDIS)$/i.test(tokens[0]!)) break;
      pushCodes(j, 0, lines[j]!.length);
    }
  }
  return found;
}

function markingExpectations(lines: string[]): Expectation[] {
  const found: Expectation[] = [];
  lines.forEach((text, lineIndex) => {
    const m = /^(\s*¶?\d{1,3}\.\s*)(\(\s?(TS|SBU|S|C|U)(?=[\s/)])[^()]{0,100}\))/i.exec(text);
    if (!m) return;
    const level = MARKING_LEVELS[m[3]!.toUpperCase()]!;
    const start = m[1]!.length;
    found.push({
      kind: 'marking-after-paragraph',
      line: lineIndex,
      start,
      end: start + m[2]!.length,
      scope: `keyword.control.marking.${level}.cable`,
    });
  });
  return found;
}

function routingIndicatorExpectations(lines: string[]): Expectation[] {
  const found: Expectation[] = [];
  const top = preambleLength(lines);
  const headerStart = /^(?:VZCZC|[ZOPRY](?: [ZOPRY])? \d{6}Z [A-Z]{3} \d{2})/;
  const headerStop =
    /^\s*(?:[A-Z]?(?:C ?O ?N ?F ?I ?D ?E ?N ?T ?I ?A ?L|S ?E ?C ?R ?E ?T|U ?N ?C ?L ?A ?S)\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,|TAGS|SUBJECT|E\.O\.|<<|ID:)/i;
  const ri = /\bR[A-Z]{4,7}\b/g;
  const push = (lineIndex: number, start: number, length: number) =>
    found.push({
      kind: 'routing-indicator',
      line: lineIndex,
      start,
      end: start + length,
      scope: 'entity.name.type.routing-indicator.cable',
    });
  let inHeader = false;
  for (let i = 0; i < top; i++) {
    const text = lines[i]!;
    if (headerStart.test(text)) inHeader = true;
    else if (headerStop.test(text)) inHeader = false;
    if (!inHeader || isBlank(text)) continue;
    if (/^(?:ZZ|OO|PP|RR|YY) /.test(text) || /^\s*R[A-Z]{4,7}(?:\s+R[A-Z]{4,7})*\s*$/.test(text)) {
      for (const m of text.matchAll(ri)) push(i, m.index!, m[0].length);
      continue;
    }
    const originator = /^DE (R[A-Z]{4,7})\b/.exec(text);
    if (originator) push(i, 3, originator[1]!.length);
    const address = /^((?:(?:TO|INFO|XMT) )?)(R[A-Z]{4,7})\//.exec(text);
    if (address) push(i, address[1]!.length, address[2]!.length);
  }
  return found;
}

/** Every expectation of one cable text. */
export function expectationsFor(text: string): Expectation[] {
  const lines = text.split(/\r\n|\r|\n/);
  return [...tagsExpectations(lines), ...markingExpectations(lines), ...routingIndicatorExpectations(lines)];
}

/** Expectations the tokens do not meet (a character of the span without the scope). */
export function unmetExpectations(expectations: Expectation[], tokenized: TokenizedLine[]): Expectation[] {
  return expectations.filter((e) => {
    const tokens = tokenized[e.line]?.tokens ?? [];
    return tokens.some((t) => t.endIndex > e.start && t.startIndex < e.end && !t.scopes.includes(e.scope));
  });
}
