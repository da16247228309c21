// The search structure behind workspace symbols and REF completion: each term (an ID, its post,
// year and serial, a TAGS code, a word of the subject or of the origin) lists the cables that hold
// it, and a sorted vocabulary answers prefix queries by binary search.
//
// Sized for 250,000 cables. An update never scans a posting list: postings are appended, and a
// removed or changed cable leaves stale postings behind, which queries skip (each candidate is
// checked against its current terms) and a rebuild drops once they outnumber the live ones. A new
// term goes into its place in the vocabulary at once, moving one block of it, never all of it.
// A search also reads the segments given it (search-segment.ts): a reopened folder's terms as the
// index cache keeps them, so they are never filed here.

import type { SearchSegment, TermRange } from './search-segment.ts';

/** Words too common in subjects to narrow a search: not indexed, and dropped from queries. */
const STOP_WORDS: ReadonlySet<string> = new Set(['A', 'AN', 'AND', 'AT', 'BY', 'FOR', 'FROM', 'IN', 'OF', 'ON', 'OR', 'THE', 'TO', 'WITH']);

/**
 * Vocabulary blocks are split when they grow past twice this: an insertion moves at most that many
 * entries. (One sorted array of the whole vocabulary, merged every 8,192 new terms, held the server's
 * thread for 27 ms a merge at 190,000 terms while a 250,000-cable folder was indexed.)
 */
const BLOCK_SIZE = 512;

/** Stale postings are dropped when there are more of them than this and than live ones. */
const MIN_STALE_FOR_REBUILD = 10_000;

export interface SearchOptions {
  /**
   * A one-letter word matches that term only, not as a prefix: the `S` of `U.S.` is a prefix of a
   * tenth of the vocabulary, and the query language, which gathers every match, would read all of it.
   */
  wholeLetters?: boolean;
}

/** A query's words: upper case, letters and digits (`09BAS`, `IRAN`, `PGOV`), stop words dropped. */
export function searchTerms(text: string): string[] {
  const words: string[] = [];
  addSearchWords(text, words);
  return [...new Set(words)];
}

/** Adds the words of `text` as `searchTerms` makes them to `terms`, a word repeated as often as it is. */
export function addSearchWords(text: string, terms: string[]): void {
  for (const word of text.toUpperCase().match(/[\p{L}\p{N}]+/gu) ?? []) if (!STOP_WORDS.has(word)) terms.push(word);
}

/** The terms a value is filed under: each once, none empty, no stop word. */
export function distinctTerms(terms: readonly string[]): string[] {
  // A loop, not a set and two arrays: this is most of filing a cable, 250,000 of them when a folder is indexed.
  const distinct: string[] = [];
  for (const term of terms) if (term.length > 0 && !STOP_WORDS.has(term) && !distinct.includes(term)) distinct.push(term);
  return distinct;
}

/** First index in `sorted` whose term is not less than `term`. */
export function lowerBound(sorted: readonly string[], term: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < term) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The vocabulary in order, as a list of sorted blocks (each block's terms come before the next block's). */
class Vocabulary {
  private blocks: string[][] = [];

  /** Adds a term not yet in the vocabulary. */
  insert(term: string): void {
    if (this.blocks.length === 0) {
      this.blocks.push([term]);
      return;
    }
    const b = this.blockFor(term);
    const block = this.blocks[b]!;
    block.splice(lowerBound(block, term), 0, term);
    if (block.length > 2 * BLOCK_SIZE) this.blocks.splice(b, 1, block.slice(0, BLOCK_SIZE), block.slice(BLOCK_SIZE));
  }

  /** The terms that start with `prefix`, in order. */
  *withPrefix(prefix: string): Generator<string> {
    if (this.blocks.length === 0) return;
    for (let b = this.blockFor(prefix), i = lowerBound(this.blocks[b]!, prefix); b < this.blocks.length; b++, i = 0) {
      const block = this.blocks[b]!;
      for (; i < block.length; i++) {
        if (!block[i]!.startsWith(prefix)) return;
        yield block[i]!;
      }
    }
  }

  clear(): void {
    this.blocks = [];
  }

  /** The first block whose last term is not less than `term`, or the last block. */
  private blockFor(term: string): number {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const block = this.blocks[middle]!;
      if (block[block.length - 1]! < term) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** A segment searched beside the index, and what its rows are found as: nothing for a dead row. */
export interface SegmentRows<T> {
  segment: SearchSegment;
  found(row: number): { key: string; value: T } | undefined;
}

interface Document<T> {
  value: T;
  terms: readonly string[];
}

interface Posting {
  /** The term's one copy: documents hold this string, not their own (a quarter of the memory at 250,000 cables). */
  term: string;
  keys: string[];
}

export class SearchIndex<T> {
  private readonly documents = new Map<string, Document<T>>();
  private readonly postings = new Map<string, Posting>();
  private readonly vocabulary = new Vocabulary();
  private livePostings = 0;
  private stalePostings = 0;

  get size(): number {
    return this.documents.size;
  }

  /** Indexes (or re-indexes) the value under `key` with its terms, already upper case. */
  set(key: string, value: T, terms: readonly string[]): void {
    this.delete(key);
    const filed = distinctTerms(terms);
    for (const [i, term] of filed.entries()) filed[i] = this.post(term, key);
    this.documents.set(key, { value, terms: filed });
    this.livePostings += filed.length;
  }

  delete(key: string): void {
    const document = this.documents.get(key);
    if (!document) return;
    this.documents.delete(key);
    this.livePostings -= document.terms.length;
    this.stalePostings += document.terms.length;
    if (this.stalePostings > MIN_STALE_FOR_REBUILD && this.stalePostings > this.livePostings) this.rebuild();
  }

  /** The terms the value under `key` is filed under, or undefined when it is not filed. */
  termsOf(key: string): readonly string[] | undefined {
    return this.documents.get(key)?.terms;
  }

  /**
   * The values whose terms hold every query word as a prefix (`IRA` finds IRAN and IRAQ), at most
   * `limit` of them, here and in the `segments` searched beside it. The rarest query word picks the
   * candidates, term by term in the order of the vocabularies merged; the others are checked on each.
   */
  search(query: string, limit: number, options: SearchOptions = {}, segments: readonly SegmentRows<T>[] = []): T[] {
    const words = searchTerms(query);
    if (words.length === 0 || limit <= 0) return [];
    const whole = options.wholeLetters ? (word: string) => word.length === 1 : () => false;
    const ranges = segments.map(({ segment }) => new Map(words.map((word) => [word, segment.range(word, whole(word))])));
    const rarest = this.rarest(words, whole, segments, ranges);
    if (rarest === undefined) return [];
    const others = words.filter((word) => word !== rarest);
    const holds = (terms: readonly string[], word: string) => (whole(word) ? terms.includes(word) : hasPrefix(terms, word));

    const found: T[] = [];
    const foundKeys = new Set<string>();
    /** Keys whose postings here were checked: their current terms decide, whatever the term. */
    const checked = new Set<string>();
    const live = this.termsFor(rarest, whole(rarest))[Symbol.iterator]();
    let liveTerm = live.next();
    const next = ranges.map((range) => range.get(rarest)![0]);
    const termAt = (s: number) => (next[s]! < ranges[s]!.get(rarest)![1] ? segments[s]!.segment.terms[next[s]!] : undefined);
    for (;;) {
      let term = liveTerm.done ? undefined : liveTerm.value;
      for (let s = 0; s < segments.length; s++) {
        const segmentTerm = termAt(s);
        if (segmentTerm !== undefined && (term === undefined || segmentTerm < term)) term = segmentTerm;
      }
      if (term === undefined) return found;
      for (const [s, { segment, found: foundAt }] of segments.entries()) {
        if (termAt(s) !== term) continue;
        const t = next[s]!++;
        for (let p = segment.postingStarts[t]!; p < segment.postingStarts[t + 1]!; p++) {
          const row = segment.postings[p]!;
          if (!others.every((word) => segment.holds(row, ranges[s]!.get(word)!))) continue;
          // A dead row (its file changed, deleted, excluded, open) is not found; a live one here is not filed in this index.
          const hit = foundAt(row);
          if (!hit || foundKeys.has(hit.key)) continue;
          foundKeys.add(hit.key);
          found.push(hit.value);
          if (found.length >= limit) return found;
        }
      }
      if (liveTerm.done || liveTerm.value !== term) continue;
      for (const key of this.postings.get(term)!.keys) {
        if (checked.has(key) || foundKeys.has(key)) continue;
        checked.add(key);
        const document = this.documents.get(key);
        // A stale posting: the cable is gone, or no longer holds the word.
        if (!document || !holds(document.terms, rarest)) continue;
        if (!others.every((word) => holds(document.terms, word))) continue;
        foundKeys.add(key);
        found.push(document.value);
        if (found.length >= limit) return found;
      }
      liveTerm = live.next();
    }
  }

  /**
   * The word whose terms hold the fewest postings, or undefined when a word is no term's prefix (no
   * value holds every word). A count here stops once it passes the fewest so far, so a broad word
   * (`07PAR`, tens of thousands of postings at 250,000 cables) is not counted out; a segment's is a subtraction.
   */
  private rarest(
    words: string[],
    whole: (word: string) => boolean,
    segments: readonly SegmentRows<T>[],
    ranges: readonly Map<string, TermRange>[],
  ): string | undefined {
    let rarest: string | undefined;
    let fewest = Infinity;
    for (const word of words) {
      let postings = 0;
      for (const [s, { segment }] of segments.entries()) postings += segment.postingCount(ranges[s]!.get(word)!);
      for (const term of this.termsFor(word, whole(word))) {
        postings += this.postings.get(term)!.keys.length;
        if (postings >= fewest || words.length === 1) break;
      }
      if (postings === 0) return undefined;
      if (postings < fewest) {
        rarest = word;
        fewest = postings;
      }
    }
    return rarest;
  }

  /** The terms a word matches: itself alone, or every term it is a prefix of. */
  private termsFor(word: string, whole: boolean): Iterable<string> {
    if (!whole) return this.vocabulary.withPrefix(word);
    return this.postings.has(word) ? [word] : [];
  }

  /** Adds `key` to the term's postings; returns the term's one copy. */
  private post(term: string, key: string): string {
    const posting = this.postings.get(term);
    if (posting) {
      posting.keys.push(key);
      return posting.term;
    }
    this.postings.set(term, { term, keys: [key] });
    this.vocabulary.insert(term);
    return term;
  }

  private rebuild(): void {
    this.postings.clear();
    this.vocabulary.clear();
    for (const [key, document] of this.documents) for (const term of document.terms) this.post(term, key);
    this.stalePostings = 0;
  }
}

function hasPrefix(terms: readonly string[], prefix: string): boolean {
  for (const term of terms) if (term.startsWith(prefix)) return true;
  return false;
}
