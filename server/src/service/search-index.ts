// The search structure behind workspace symbols and REF completion: each term (an ID, its post,
// year and serial, a TAGS code, a word of the subject or of the origin) lists the cables that hold
// it, and a sorted vocabulary answers prefix queries by binary search.
//
// Sized for 250,000 cables. An update never scans a posting list: postings are appended, and a
// removed or changed cable leaves stale postings behind, which queries skip (each candidate is
// checked against its current terms) and a rebuild drops once they outnumber the live ones.

/** Words too common in subjects to narrow a search: not indexed, and dropped from queries. */
const STOP_WORDS: ReadonlySet<string> = new Set(['A', 'AN', 'AND', 'AT', 'BY', 'FOR', 'FROM', 'IN', 'OF', 'ON', 'OR', 'THE', 'TO', 'WITH']);

/** New terms are merged into the sorted vocabulary when this many wait (a sort of a few milliseconds). */
const MAX_PENDING_TERMS = 8192;

/** New terms up to this many are inserted one by one; more are merged. */
const FEW_TERMS = 32;

/** Stale postings are dropped when there are more of them than this and than live ones. */
const MIN_STALE_FOR_REBUILD = 10_000;

/** A query's words: upper case, letters and digits (`09BAS`, `IRAN`, `PGOV`), stop words dropped. */
export function searchTerms(text: string): string[] {
  const words = text.toUpperCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((word) => !STOP_WORDS.has(word)))];
}

/** First index in `sorted` (from `low`) whose term is not less than `prefix`. */
function lowerBound(sorted: readonly string[], prefix: string, low = 0): number {
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface Document<T> {
  value: T;
  terms: readonly string[];
}

/** A query word and the run of vocabulary entries it is a prefix of. */
interface Span {
  word: string;
  from: number;
  to: number;
}

interface Posting {
  /** The term's one copy: documents hold this string, not their own (a quarter of the memory at 250,000 cables). */
  term: string;
  keys: string[];
}

export class SearchIndex<T> {
  private readonly documents = new Map<string, Document<T>>();
  private readonly postings = new Map<string, Posting>();
  /** The vocabulary in order, and the terms added since it was last sorted. */
  private sorted: string[] = [];
  private pending: string[] = [];
  private livePostings = 0;
  private stalePostings = 0;

  get size(): number {
    return this.documents.size;
  }

  /** Indexes (or re-indexes) the value under `key` with its terms, already upper case. */
  set(key: string, value: T, terms: readonly string[]): void {
    this.delete(key);
    const unique = [...new Set(terms)].filter((term) => term.length > 0 && !STOP_WORDS.has(term));
    this.documents.set(key, { value, terms: unique.map((term) => this.post(term, key)) });
    this.livePostings += unique.length;
  }

  delete(key: string): void {
    const document = this.documents.get(key);
    if (!document) return;
    this.documents.delete(key);
    this.livePostings -= document.terms.length;
    this.stalePostings += document.terms.length;
    if (this.stalePostings > MIN_STALE_FOR_REBUILD && this.stalePostings > this.livePostings) this.rebuild();
  }

  /**
   * The values whose terms hold every query word as a prefix (`IRA` finds IRAN and IRAQ), at most
   * `limit` of them. The rarest query word picks the candidates; the others are checked on each.
   */
  search(query: string, limit: number): T[] {
    const words = searchTerms(query);
    if (words.length === 0 || limit <= 0) return [];
    this.mergePending();
    const spans = words.map((word) => this.span(word));
    if (spans.some((span) => span.from === span.to)) return [];
    const rarest = this.rarest(spans);
    const others = spans.filter((span) => span !== rarest);

    const found: T[] = [];
    const seen = new Set<string>();
    for (let i = rarest.from; i < rarest.to && found.length < limit; i++) {
      for (const key of this.postings.get(this.sorted[i]!)!.keys) {
        if (seen.has(key)) continue;
        seen.add(key);
        const document = this.documents.get(key);
        // A stale posting: the cable is gone, or no longer holds the word.
        if (!document || !hasPrefix(document.terms, rarest.word)) continue;
        if (!others.every(({ word }) => hasPrefix(document.terms, word))) continue;
        found.push(document.value);
        if (found.length >= limit) break;
      }
    }
    return found;
  }

  /** Sorts the terms added since the last query now (after an indexing pass), so no query waits for it. */
  prepare(): void {
    this.mergePending();
  }

  /** The vocabulary entries starting with `word`: two binary searches, whatever their number (`0` holds every ID). */
  private span(word: string): Span {
    const from = lowerBound(this.sorted, word);
    let low = from;
    let high = this.sorted.length;
    // The terms with the prefix are one run from `from`: find its end.
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle]!.startsWith(word)) low = middle + 1;
      else high = middle;
    }
    return { word, from, to: low };
  }

  /**
   * The span whose terms hold the fewest postings. A count stops once it passes the fewest so far,
   * so a broad word (`07PAR`, tens of thousands of postings at 250,000 cables) is not counted out.
   */
  private rarest(spans: Span[]): Span {
    if (spans.length === 1) return spans[0]!;
    let rarest = spans[0]!;
    let fewest = Infinity;
    for (const span of spans) {
      let postings = 0;
      for (let i = span.from; i < span.to && postings < fewest; i++) postings += this.postings.get(this.sorted[i]!)!.keys.length;
      if (postings < fewest) {
        rarest = span;
        fewest = postings;
      }
    }
    return rarest;
  }

  /** Adds `key` to the term's postings; returns the term's one copy. */
  private post(term: string, key: string): string {
    const posting = this.postings.get(term);
    if (posting) {
      posting.keys.push(key);
      return posting.term;
    }
    this.postings.set(term, { term, keys: [key] });
    this.pending.push(term);
    // Merged in steps while a pass adds terms: one sort of the whole vocabulary at the end would hold up requests.
    if (this.pending.length >= MAX_PENDING_TERMS) this.mergePending();
    return term;
  }

  private mergePending(): void {
    if (this.pending.length === 0) return;
    const added = this.pending.sort();
    this.pending = [];
    const sorted = this.sorted;
    // A few terms (a file changed): each put in its place, a move of memory.
    if (added.length <= FEW_TERMS) {
      for (const term of added) sorted.splice(lowerBound(sorted, term), 0, term);
      return;
    }
    // Many: the runs between the new terms' places copied whole, without comparing each term.
    // Grown by push, not `new Array(n)`: V8 makes an array that large a slow dictionary.
    const merged: string[] = [];
    let i = 0;
    for (const term of added) {
      const at = lowerBound(sorted, term, i);
      while (i < at) merged.push(sorted[i++]!);
      merged.push(term);
    }
    while (i < sorted.length) merged.push(sorted[i++]!);
    this.sorted = merged;
  }

  private rebuild(): void {
    this.postings.clear();
    this.sorted = [];
    this.pending = [];
    for (const [key, document] of this.documents) for (const term of document.terms) this.post(term, key);
    this.stalePostings = 0;
  }
}

function hasPrefix(terms: readonly string[], prefix: string): boolean {
  for (const term of terms) if (term.startsWith(prefix)) return true;
  return false;
}
