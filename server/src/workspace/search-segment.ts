// A folder's search terms as the index cache keeps them: an immutable segment searched beside the
// live SearchIndex (as in Lucene: a frozen segment and a small live index), so a reopened folder
// files nothing for search. Its rows are the cache's files in order; the workspace index searches
// a row only while the cable the cache holds for it is the one it serves (a changed, deleted,
// excluded or open file's row is dead, and its current cable is in the live index).
//
// A sorted vocabulary makes a prefix a contiguous range of term numbers, so "does this row hold a
// term starting with W" is an integer range test over the row's sorted term numbers. Typed arrays
// of row and term numbers: at 250,000 cables the Map of posting arrays and each cable's list of
// terms held far more, and filing them took 2–3 s of CPU after every reopening.
import { distinctTerms, lowerBound } from './search-index.ts';

/** Term numbers [first, end). */
export type TermRange = readonly [number, number];

export class SearchSegment {
  constructor(
    /** Sorted, without repeats. */
    readonly terms: readonly string[],
    /** Term t's rows are `postings[postingStarts[t]]` up to `postings[postingStarts[t + 1]]`, ascending. */
    readonly postingStarts: Uint32Array,
    readonly postings: Uint32Array,
    /** Row r's term numbers are `rowTerms[rowStarts[r]]` up to `rowTerms[rowStarts[r + 1]]`, ascending. */
    readonly rowStarts: Uint32Array,
    readonly rowTerms: Uint32Array,
  ) {}

  get rows(): number {
    return this.rowStarts.length - 1;
  }

  /** The terms a word matches: itself alone (`whole`), or every term it is a prefix of. */
  range(word: string, whole: boolean): TermRange {
    const first = lowerBound(this.terms, word);
    if (whole) return [first, this.terms[first] === word ? first + 1 : first];
    let low = first;
    let high = this.terms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.terms[middle]!.startsWith(word)) low = middle + 1;
      else high = middle;
    }
    return [first, low];
  }

  /** Rows filed under the range's terms, a row counted once for each of its terms there. */
  postingCount([first, end]: TermRange): number {
    return this.postingStarts[end]! - this.postingStarts[first]!;
  }

  /** True when the row holds a term of the range. */
  holds(row: number, [first, end]: TermRange): boolean {
    let low = this.rowStarts[row]!;
    let high = this.rowStarts[row + 1]!;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.rowTerms[middle]! < first) low = middle + 1;
      else high = middle;
    }
    return low < this.rowStarts[row + 1]! && this.rowTerms[low]! < end;
  }

  /** The row's terms (the segment's copies). */
  termsOf(row: number): string[] {
    const terms: string[] = [];
    for (let i = this.rowStarts[row]!; i < this.rowStarts[row + 1]!; i++) terms.push(this.terms[this.rowTerms[i]!]!);
    return terms;
  }
}

/**
 * Builds a segment a row at a time (the caller yields between rows), then at once: the sort of the
 * vocabulary and the postings.
 */
export class SearchSegmentBuilder {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  private rowTerms = new Uint32Array(1024);
  private readonly rowStarts: number[] = [0];

  /** Adds the next row: its terms (repeats and stop words are dropped), none for a file that is not a cable. */
  add(terms: readonly string[] = []): void {
    let end = this.rowStarts[this.rowStarts.length - 1]!;
    for (const term of distinctTerms(terms)) {
      let number = this.numbers.get(term);
      if (number === undefined) {
        number = this.terms.push(term) - 1;
        this.numbers.set(term, number);
      }
      if (end === this.rowTerms.length) {
        const grown = new Uint32Array(2 * end);
        grown.set(this.rowTerms);
        this.rowTerms = grown;
      }
      this.rowTerms[end++] = number;
    }
    this.rowStarts.push(end);
  }

  finish(): SearchSegment {
    const order = this.terms.map((_, i) => i).sort((a, b) => (this.terms[a]! < this.terms[b]! ? -1 : 1));
    const renumbered = new Uint32Array(order.length);
    for (const [rank, number] of order.entries()) renumbered[number] = rank;
    const rows = this.rowStarts.length - 1;
    const rowStarts = Uint32Array.from(this.rowStarts);
    const rowTerms = this.rowTerms.slice(0, rowStarts[rows]);
    const postingStarts = new Uint32Array(order.length + 1);
    for (let i = 0; i < rowTerms.length; i++) {
      rowTerms[i] = renumbered[rowTerms[i]!]!;
      postingStarts[rowTerms[i]! + 1]!++;
    }
    for (let t = 0; t < order.length; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const postings = new Uint32Array(rowTerms.length);
    const next = postingStarts.slice(0, order.length);
    for (let row = 0; row < rows; row++) {
      rowTerms.subarray(rowStarts[row], rowStarts[row + 1]).sort();
      for (let i = rowStarts[row]!; i < rowStarts[row + 1]!; i++) postings[next[rowTerms[i]!]!++] = row;
    }
    return new SearchSegment(
      order.map((number) => this.terms[number]!),
      postingStarts,
      postings,
      rowStarts,
      rowTerms,
    );
  }
}

/**
 * Marks the segment's bytes: written in the machine's byte order, so a cache carried to a machine of
 * the other order loads as no segment.
 */
const MAGIC = 0x43534731;
const HEADER_WORDS = 6;

/** The segment's bytes, in pieces to write one after another: a header, the vocabulary, the four arrays. */
export function segmentBytes(segment: SearchSegment): Uint8Array[] {
  const vocabulary = new TextEncoder().encode(segment.terms.join('\n'));
  const { postingStarts, postings, rowStarts, rowTerms } = segment;
  const header = Uint32Array.of(MAGIC, segment.terms.length, vocabulary.length, segment.rows, postings.length, rowTerms.length);
  return [header, vocabulary, postingStarts, postings, rowStarts, rowTerms].map(
    (array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
  );
}

/**
 * The segment `segmentBytes` wrote, or undefined when the bytes are not one (cut, damaged, of
 * another byte order): every offset and number is checked, so a search never reads out of range.
 */
export function segmentOf(bytes: Uint8Array): SearchSegment | undefined {
  let at = 0;
  const words = (count: number): Uint32Array | undefined => {
    if (at + 4 * count > bytes.length) return undefined;
    // Copied: the cache file's bytes are released once its parts are read, and need not be aligned.
    const array = new Uint32Array(count);
    new Uint8Array(array.buffer).set(bytes.subarray(at, at + 4 * count));
    at += 4 * count;
    return array;
  };
  const header = words(HEADER_WORDS);
  if (!header || header[0] !== MAGIC) return undefined;
  const [, termCount, vocabularyBytes, rows, postingCount, rowTermCount] = header as unknown as number[];
  if (at + vocabularyBytes! > bytes.length) return undefined;
  const text = new TextDecoder().decode(bytes.subarray(at, at + vocabularyBytes!));
  at += vocabularyBytes!;
  const terms = termCount === 0 ? [] : text.split('\n');
  if (terms.length !== termCount || terms.some((term, i) => term.length === 0 || (i > 0 && terms[i - 1]! >= term))) return undefined;
  const postingStarts = words(termCount! + 1);
  const postings = words(postingCount!);
  const rowStarts = words(rows! + 1);
  const rowTerms = words(rowTermCount!);
  if (!postingStarts || !postings || !rowStarts || !rowTerms || at !== bytes.length) return undefined;
  if (!isStarts(postingStarts, postingCount!) || !isStarts(rowStarts, rowTermCount!)) return undefined;
  if (postings.some((row) => row >= rows!) || rowTerms.some((term) => term >= termCount!)) return undefined;
  return new SearchSegment(terms, postingStarts, postings, rowStarts, rowTerms);
}

/** Offsets from 0 to `end`, never decreasing. */
function isStarts(starts: Uint32Array, end: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== end) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) return false;
  return true;
}
