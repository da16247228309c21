// Portion markings: `(C)`, `(S//NF)`, `(SBU)`, `(LOU)`, `(U//FOUO)`, `(S/REL NATO)`, `(C/Rel Aus)`.
import { codeAt, lineRange } from './text.ts';
import type { ClassificationLevel, PortionMarking } from './model-types.ts';

const LEVELS: Record<string, [ClassificationLevel, string]> = {
  U: ['UNCLASSIFIED', 'U'],
  UNCLASSIFIED: ['UNCLASSIFIED', 'U'],
  SBU: ['UNCLASSIFIED', 'SBU'],
  LOU: ['LIMITED OFFICIAL USE', 'LOU'],
  C: ['CONFIDENTIAL', 'C'],
  CONFIDENTIAL: ['CONFIDENTIAL', 'C'],
  S: ['SECRET', 'S'],
  SECRET: ['SECRET', 'S'],
  TS: ['TOP SECRET', 'TS'],
  'TOP SECRET': ['TOP SECRET', 'TS'],
};

const CAVEATS: Record<string, string> = {
  NF: 'NOFORN',
  NOFORN: 'NOFORN',
  FOUO: 'FOUO',
  FGI: 'FGI',
  ORCON: 'ORCON',
  PROPIN: 'PROPIN',
  REL: 'REL TO',
};

/** Level, then caveats after `/`, `//` or a space: `S//REL TO USA, FVEY`. */
// ReDoS bound: these read the text inside a marking's parentheses, at most 80 characters (readPortionMarking).
const MARKING_TEXT = /^\s*(TOP SECRET|UNCLASSIFIED|CONFIDENTIAL|SECRET|SBU|LOU|TS|[UCS])(?:(?:\/\/?|\s)(.*))?$/i;
const REL = /^REL(?:\s+TO)?\s+(.+)$/i;

/**
 * Reads the marking whose `(` stands at `open` in `line`; undefined when the parentheses hold
 * something else (`(See reftel)`).
 */
export function readPortionMarking(line: string, lineIndex: number, open: number): PortionMarking | undefined {
  if (codeAt(line, open) !== 40 /* ( */) return undefined;
  const close = line.indexOf(')', open + 1);
  if (close < 0 || close - open > 80) return undefined;
  const inner = line.slice(open + 1, close);
  const m = MARKING_TEXT.exec(inner);
  if (!m) return undefined;
  const [level, abbreviation] = LEVELS[m[1]!.toUpperCase()]!;
  const caveats: string[] = [];
  let releasableTo: string[] | undefined;
  // ReDoS bound: `inner` is at most 80 characters. Most markings (`(C)`) have no caveats to split.
  for (const part of m[2] ? m[2].trim().split(/\s*\/\/?\s*/) : []) {
    if (!part) continue;
    const rel = REL.exec(part);
    if (rel) {
      caveats.push('REL TO');
      // ReDoS bound: a part of `inner`, at most 80 characters.
      releasableTo = rel[1]!
        .split(/\s*,\s*|\s+AND\s+/i)
        .filter(Boolean)
        .map((c) => c.replace(/^AND\s+/i, '').toUpperCase());
      continue;
    }
    const caveat = CAVEATS[part.toUpperCase()];
    // Words after a space that are no caveat mean the parentheses are prose: `(C and D)`.
    if (!caveat) return undefined;
    caveats.push(caveat);
  }
  const marking: PortionMarking = {
    text: line.slice(open, close + 1),
    range: lineRange(lineIndex, open, close + 1),
    level,
    abbreviation,
    caveats,
  };
  if (releasableTo) marking.releasableTo = releasableTo;
  return marking;
}
