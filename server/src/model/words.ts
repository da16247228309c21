// Splitting a line into words with their columns: linear, and free of regex backtracking,
// so line shapes are judged on words instead of with open-ended patterns.
import { isSpace } from './text.ts';

export interface Word {
  text: string;
  start: number;
}

export function wordsOf(line: string, from = 0, to = line.length): Word[] {
  const words: Word[] = [];
  for (let word = wordAt(line, from, to); word; word = wordAt(line, word.start + word.text.length, to)) words.push(word);
  return words;
}

/**
 * The first word (a run of characters that are not white space) at or after `from` that starts
 * before `to` (cut at `to`), for reading words one at a time. A loop over the characters: a
 * pattern (`\S+`) costs a call into the regex engine for each of many short words.
 */
export function wordAt(line: string, from: number, to = line.length): Word | undefined {
  let start = from;
  while (start < line.length && isSpace(line.charCodeAt(start))) start++;
  if (start >= to || start >= line.length) return undefined;
  let end = start + 1;
  while (end < to && !isSpace(line.charCodeAt(end))) end++;
  return { text: line.slice(start, end), start };
}
