// Splitting a line into words with their columns: linear, and free of regex backtracking,
// so line shapes are judged on words instead of with open-ended patterns.

export interface Word {
  text: string;
  start: number;
}

const WORD = /\S+/g;

export function wordsOf(line: string, from = 0, to = line.length): Word[] {
  const words: Word[] = [];
  for (let word = wordAt(line, from, to); word; word = wordAt(line, word.start + word.text.length, to)) words.push(word);
  return words;
}

/** The first word at or after `from` that starts before `to` (cut at `to`), for reading words one at a time. */
export function wordAt(line: string, from: number, to = line.length): Word | undefined {
  WORD.lastIndex = from;
  const m = WORD.exec(line);
  if (!m || m.index >= to) return undefined;
  return { text: line.slice(m.index, Math.min(m.index + m[0].length, to)), start: m.index };
}
