// Splitting a line into words with their columns: linear, and free of regex backtracking,
// so line shapes are judged on words instead of with open-ended patterns.

export interface Word {
  text: string;
  start: number;
}

const WORD = /\S+/g;

export function wordsOf(line: string, from = 0, to = line.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(line); m && m.index < to; m = WORD.exec(line)) {
    const end = Math.min(m.index + m[0].length, to);
    words.push({ text: line.slice(m.index, end), start: m.index });
  }
  return words;
}
