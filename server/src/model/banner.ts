// The banner (classification line): `C O N F I D E N T I A L SECTION 01 OF 03 BASRAH 000002`.
import { lineRange, token } from './text.ts';
import type { Banner, Classification, ClassificationLevel } from './model-types.ts';
import { wordAt } from './words.ts';

/** Classification words, as their letters run together, with the level each names. */
const CLASSIFICATION_WORDS: [string, ClassificationLevel][] = [
  ['TOPSECRET', 'TOP SECRET'],
  ['SECRET', 'SECRET'],
  ['CONFIDENTIAL', 'CONFIDENTIAL'],
  ['UNCLASSIFIED', 'UNCLASSIFIED'],
  ['UNCLAS', 'UNCLASSIFIED'],
];
const LONGEST_WORD = 12;

/**
 * Matches letters run together against the classification words, allowing the damage seen in
 * real banners: a doubled or extra first letter (`SSECRET`, `CSECRET`) or a lost one (`ECRET`).
 */
function matchClassificationLetters(letters: string): { level: ClassificationLevel; damaged: boolean } | undefined {
  for (const [word, level] of CLASSIFICATION_WORDS) {
    if (letters === word) return { level, damaged: false };
  }
  for (const [word, level] of CLASSIFICATION_WORDS) {
    if (word.length < 6) continue; // `NCLAS` or `UUNCLAS` are too short to judge safely
    if (letters.length === word.length + 1 && letters.endsWith(word)) return { level, damaged: true };
    if (letters.length === word.length - 1 && word.endsWith(letters)) return { level, damaged: true };
  }
  if (letters === 'UUNCLAS') return { level: 'UNCLASSIFIED', damaged: true };
  return undefined;
}

/**
 * Reads a classification word, solid or letter-spaced (any case), at `from` in `line`.
 * Returns the longest match, so `U N C L A S S I F I E D` is not cut at `UNCLAS`.
 */
export function readClassification(line: string, lineIndex: number, from = 0): (Classification & { end: number }) | undefined {
  // Words are read one at a time: most lines are rejected at their first word.
  const to = Math.min(line.length, from + 64);
  const first = wordAt(line, from, to);
  if (first && first.text.length === 7 && first.text.toUpperCase() === 'LIMITED')
    return readLimitedOfficialUse(line, lineIndex, first.start);
  let letters = '';
  let best: (Classification & { end: number }) | undefined;
  let spacedIrregularly = false;
  for (let i = 0, word = first; word; i++, word = wordAt(line, word.start + word.text.length, to)) {
    const text = word.text;
    if (!/^[A-Za-z]+$/.test(text)) break;
    const afterTop = letters === 'TOP'; // `TOP SECRET` is two solid words
    if (i > 0 && text.length > 3 && !afterTop) break; // a spaced classification is single letters, two at a slip
    if (i > 0 && text.length > 1 && !afterTop) spacedIrregularly = true;
    letters += text.toUpperCase();
    if (letters.length > LONGEST_WORD + 1) break;
    const match = matchClassificationLetters(letters);
    if (!match) continue;
    const start = first!.start;
    const end = word.start + text.length;
    const isSolidWord = i === 0;
    best = {
      level: match.level,
      damaged: match.damaged || spacedIrregularly,
      token: token(line.slice(start, end), lineIndex, start),
      end,
    };
    if (isSolidWord && text.length > 3) break; // a solid word is the whole classification
  }
  return best;
}

/** `LIMITED OFFICIAL USE`, three solid words with any spacing between them. */
const LIMITED_OFFICIAL_USE = /^LIMITED +OFFICIAL +USE\b/i;

function readLimitedOfficialUse(line: string, lineIndex: number, start: number): (Classification & { end: number }) | undefined {
  const m = LIMITED_OFFICIAL_USE.exec(line.slice(start, start + 40));
  if (!m) return undefined;
  return { level: 'LIMITED OFFICIAL USE', damaged: false, token: token(m[0], lineIndex, start), end: start + m[0].length };
}

const SECTION = /^\s*SECTION\s+(\d{1,3})\s+OF\s+(\d{1,3})\b/i;
/** Post and serial: `BASRAH 000002`, `LA PAZ 003449`, `XXXXXXXXXXXX 000004`. */
const POST_AND_SERIAL = /^\s*([A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,4})\s+(\d{2,7})(?!\d)/;

/** Reads a banner line; undefined when the line is not one. */
export function parseBanner(line: string, lineIndex: number): Banner | undefined {
  const classification = readClassification(line, lineIndex, 0);
  if (!classification) return undefined;
  const banner: Banner = {
    range: lineRange(lineIndex, classification.token.range.start.character, classification.end),
    classification: { level: classification.level, token: classification.token, damaged: classification.damaged },
  };
  let cursor = classification.end;
  const section = SECTION.exec(line.slice(cursor));
  if (section) {
    const start = cursor + section[0].indexOf(section[0].trimStart()[0]!);
    banner.section = {
      token: token(line.slice(start, cursor + section[0].length), lineIndex, start),
      part: Number(section[1]),
      of: Number(section[2]),
    };
    cursor += section[0].length;
  }
  const postAndSerial = POST_AND_SERIAL.exec(line.slice(cursor));
  if (!postAndSerial) return banner.section ? withEnd(banner, cursor) : undefined;
  const postStart = cursor + postAndSerial[0].indexOf(postAndSerial[1]!);
  banner.origin = token(postAndSerial[1]!, lineIndex, postStart);
  const serialStart = cursor + postAndSerial[0].length - postAndSerial[2]!.length;
  banner.serial = token(postAndSerial[2]!, lineIndex, serialStart);
  return withEnd(banner, serialStart + postAndSerial[2]!.length);
}

function withEnd(banner: Banner, end: number): Banner {
  banner.range.end.character = end;
  return banner;
}
