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
import { TimeSlices } from './index-read.ts';
import { lowerBound } from './search-index.ts';

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
}

/**
 * Terms sorted at once, in one call, before the runs are merged a slice at a time: about a
 * millisecond. At 250,000 cables (262,717 terms, 4.4 million postings) finishing the segment at
 * once held the server's thread 200 ms of CPU, 0.3–1.4 s of wall time under load.
 */
const TERMS_A_RUN = 2_048;

/** Builds a segment a row at a time (the caller yields between rows), then finishes it a slice at a time. */
export class SearchSegmentBuilder {
  private readonly numbers = new Map<string, number>();
  private readonly terms: string[] = [];
  /** For each segment rows are copied from, its term numbers' numbers here (-1 until seen). */
  private readonly numbersIn = new Map<SearchSegment, Int32Array>();
  private rowTerms = new Uint32Array(1024);
  private end = 0;
  private readonly rowStarts: number[] = [0];

  /** Adds the next row: its terms as the search index files them (`distinctTerms`), none for a file that is not a cable. */
  add(terms: readonly string[] = []): void {
    for (const term of terms) {
      let number = this.numbers.get(term);
      if (number === undefined) {
        number = this.terms.push(term) - 1;
        this.numbers.set(term, number);
      }
      this.push(number);
    }
    this.rowStarts.push(this.end);
  }

  /** Adds the next row as another segment's row holds it, by its term numbers (no strings looked up). */
  addRowOf(segment: SearchSegment, row: number): void {
    let numbers = this.numbersIn.get(segment);
    if (!numbers) this.numbersIn.set(segment, (numbers = new Int32Array(segment.terms.length).fill(-1)));
    for (let i = segment.rowStarts[row]!; i < segment.rowStarts[row + 1]!; i++) {
      const t = segment.rowTerms[i]!;
      if (numbers[t] === -1) {
        const term = segment.terms[t]!;
        let number = this.numbers.get(term);
        if (number === undefined) {
          number = this.terms.push(term) - 1;
          this.numbers.set(term, number);
        }
        numbers[t] = number;
      }
      this.push(numbers[t]!);
    }
    this.rowStarts.push(this.end);
  }

  private push(number: number): void {
    if (this.end === this.rowTerms.length) {
      const grown = new Uint32Array(2 * this.end);
      grown.set(this.rowTerms);
      this.rowTerms = grown;
    }
    this.rowTerms[this.end++] = number;
  }

  /** The segment: the vocabulary sorted, the rows' terms renumbered by it, the postings made, yielding to requests by `slices`. */
  async finish(slices: TimeSlices): Promise<SearchSegment> {
    const sorted = await sortedInSlices(this.terms, slices);
    const renumbered = new Uint32Array(sorted.length);
    for (let rank = 0; rank < sorted.length; rank++) {
      renumbered[this.numbers.get(sorted[rank]!)!] = rank;
      if (slices.due) await slices.next();
    }
    this.numbers.clear();
    this.numbersIn.clear();
    const rows = this.rowStarts.length - 1;
    const rowStarts = Uint32Array.from(this.rowStarts);
    const rowTerms = this.rowTerms.slice(0, rowStarts[rows]);
    this.rowTerms = new Uint32Array(0);
    const postingStarts = new Uint32Array(sorted.length + 1);
    for (let row = 0; row < rows; row++) {
      // Renumbered and sorted in place, by insertion: a row holds a score of terms.
      for (let i = rowStarts[row]!; i < rowStarts[row + 1]!; i++) {
        const term = renumbered[rowTerms[i]!]!;
        postingStarts[term + 1]!++;
        let j = i;
        for (; j > rowStarts[row]! && rowTerms[j - 1]! > term; j--) rowTerms[j] = rowTerms[j - 1]!;
        rowTerms[j] = term;
      }
      if (slices.due) await slices.next();
    }
    for (let t = 0; t < sorted.length; t++) postingStarts[t + 1]! += postingStarts[t]!;
    const postings = new Uint32Array(rowTerms.length);
    const next = postingStarts.slice(0, sorted.length);
    for (let row = 0; row < rows; row++) {
      for (let i = rowStarts[row]!; i < rowStarts[row + 1]!; i++) postings[next[rowTerms[i]!]!++] = row;
      if (slices.due) await slices.next();
    }
    return new SearchSegment(sorted, postingStarts, postings, rowStarts, rowTerms);
  }
}

/** The terms in order: runs of TERMS_A_RUN sorted, then merged, a slice at a time. */
async function sortedInSlices(terms: readonly string[], slices: TimeSlices): Promise<string[]> {
  let runs: string[][] = [];
  for (let start = 0; start < terms.length; start += TERMS_A_RUN) {
    runs.push(terms.slice(start, start + TERMS_A_RUN).sort());
    if (slices.due) await slices.next();
  }
  while (runs.length > 1) {
    const merged: string[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const [a, b = []] = [runs[r]!, runs[r + 1]];
      const out: string[] = [];
      for (let i = 0, j = 0; i < a.length || j < b.length;) {
        out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
        if (out.length % 256 === 0 && slices.due) await slices.next();
      }
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
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
  // Padded so that the arrays after it start at a multiple of 4 bytes: read, they are views of the bytes.
  const padding = new Uint8Array((4 - (vocabulary.length % 4)) % 4);
  const { postingStarts, postings, rowStarts, rowTerms } = segment;
  const header = Uint32Array.of(MAGIC, segment.terms.length, vocabulary.length, segment.rows, postings.length, rowTerms.length);
  return [header, vocabulary, padding, postingStarts, postings, rowStarts, rowTerms].map(
    (array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
  );
}

/**
 * The segment `segmentBytes` wrote, or undefined when the bytes are not one (cut, damaged, of
 * another byte order): every offset and number is checked, so a search never reads out of range.
 * Its arrays are views of `bytes` when aligned (then `bytes` must not change), else copies.
 */
export function segmentOf(bytes: Uint8Array): SearchSegment | undefined {
  let at = 0;
  const words = (count: number): Uint32Array | undefined => {
    if (at + 4 * count > bytes.length) return undefined;
    const start = bytes.byteOffset + at;
    at += 4 * count;
    if (start % 4 === 0) return new Uint32Array(bytes.buffer, start, count);
    const array = new Uint32Array(count);
    new Uint8Array(array.buffer).set(bytes.subarray(at - 4 * count, at));
    return array;
  };
  const header = words(HEADER_WORDS);
  if (!header || header[0] !== MAGIC) return undefined;
  const [, termCount, vocabularyBytes, rows, postingCount, rowTermCount] = header as unknown as number[];
  if (at + vocabularyBytes! > bytes.length) return undefined;
  const text = new TextDecoder().decode(bytes.subarray(at, at + vocabularyBytes!));
  at += vocabularyBytes! + ((4 - (vocabularyBytes! % 4)) % 4);
  const terms = termCount === 0 ? [] : text.split('\n');
  if (terms.length !== termCount || !isSorted(terms)) return undefined;
  const postingStarts = words(termCount! + 1);
  const postings = words(postingCount!);
  const rowStarts = words(rows! + 1);
  const rowTerms = words(rowTermCount!);
  if (!postingStarts || !postings || !rowStarts || !rowTerms || at !== bytes.length) return undefined;
  if (!isStarts(postingStarts, postingCount!) || !isStarts(rowStarts, rowTermCount!)) return undefined;
  if (!isBelow(postings, rows!) || !isBelow(rowTerms, termCount!)) return undefined;
  return new SearchSegment(terms, postingStarts, postings, rowStarts, rowTerms);
}

/** Terms in increasing order, none empty (a term holds a letter or digit). */
function isSorted(terms: readonly string[]): boolean {
  for (let i = 0; i < terms.length; i++) if (terms[i]!.length === 0 || (i > 0 && terms[i - 1]! >= terms[i]!)) return false;
  return true;
}

/** Every number under `limit` (a loop: at 250,000 cables, 4.4 million of them). */
function isBelow(numbers: Uint32Array, limit: number): boolean {
  for (let i = 0; i < numbers.length; i++) if (numbers[i]! >= limit) return false;
  return true;
}

/** Offsets from 0 to `end`, never decreasing. */
function isStarts(starts: Uint32Array, end: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== end) return false;
  for (let i = 1; i < starts.length; i++) if (starts[i]! < starts[i - 1]!) return false;
  return true;
}
