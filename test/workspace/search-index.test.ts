// The search index behind workspace symbols and REF completion: prefix queries over terms, the
// rarest word choosing candidates, stale postings skipped, rebuilt, and limits honoured.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { distinctTerms, SearchIndex, searchTerms } from '../../server/src/workspace/search-index.ts';
import { TimeSlices } from '../../server/src/workspace/index-read.ts';
import { SearchSegmentBuilder, type SearchSegment } from '../../server/src/workspace/search-segment.ts';

/** A segment row's terms. */
const termsOfRow = (segment: SearchSegment, row: number) =>
  [...segment.rowTerms.subarray(segment.rowStarts[row], segment.rowStarts[row + 1])].map((t) => segment.terms[t]);

describe('search index', () => {
  const index = () => {
    const search = new SearchIndex<string>();
    search.set('a', '09BASRAH2', ['09BASRAH2', 'BASRAH', 'PGOV', 'PINS', 'IRAN', 'INFLUENCE']);
    search.set('b', '08BAGHDAD3475', ['08BAGHDAD3475', 'BAGHDAD', 'PGOV', 'IZ', 'ELECTIONS']);
    search.set('c', '09BAGHDAD759', ['09BAGHDAD759', 'BAGHDAD', 'PREL', 'IRAQ', 'IRAN']);
    return search;
  };

  it('query words: upper case, letters and digits, no stop words, no repeats', () => {
    assert.deepEqual(searchTerms('iran and the Nuclear-file, 09BAS iran'), ['IRAN', 'NUCLEAR', 'FILE', '09BAS']);
    assert.deepEqual(searchTerms('  , the '), []);
  });

  it('an ID prefix, a TAGS code, a word prefix; every word must match', () => {
    const search = index();
    assert.deepEqual(search.search('09BAS', 10), ['09BASRAH2']);
    assert.deepEqual(search.search('09ba', 10).sort(), ['09BAGHDAD759', '09BASRAH2']);
    assert.deepEqual(search.search('pgov', 10).sort(), ['08BAGHDAD3475', '09BASRAH2']);
    assert.deepEqual(search.search('IRA', 10).sort(), ['09BAGHDAD759', '09BASRAH2']);
    assert.deepEqual(search.search('iran baghdad', 10), ['09BAGHDAD759']);
    assert.deepEqual(search.search('iran elections', 10), []);
    assert.deepEqual(search.search('', 10), []);
    assert.deepEqual(search.search('zzz', 10), []);
  });

  it('a changed or deleted value is no longer found by its old terms', () => {
    const search = index();
    search.set('a', '09BASRAH2', ['09BASRAH2', 'BASRAH', 'ECON']);
    assert.deepEqual(search.search('PGOV', 10), ['08BAGHDAD3475']);
    assert.deepEqual(search.search('ECON', 10), ['09BASRAH2']);
    search.delete('b');
    assert.deepEqual(search.search('PGOV', 10), []);
    assert.deepEqual(search.search('BAGHDAD', 10), ['09BAGHDAD759']);
    assert.equal(search.size, 2);
  });

  it('a value re-indexed many times is found once, and rebuilding drops the stale postings', () => {
    const search = new SearchIndex<number>();
    for (let round = 0; round < 30; round++)
      for (let i = 0; i < 1000; i++) search.set(`k${i}`, i, [`ID${i}`, 'COMMON', round % 2 ? 'ODD' : 'EVEN']);
    assert.equal(search.search('COMMON', 5000).length, 1000);
    assert.equal(search.search('EVEN', 5000).length, 0);
    assert.equal(search.search('ODD', 5000).length, 1000);
    assert.deepEqual(
      search.search('ID99', 100).sort((a, b) => a - b),
      [99, 990, 991, 992, 993, 994, 995, 996, 997, 998, 999],
    );
  });

  it('a large vocabulary in any order: every prefix finds exactly the values whose terms start with it', () => {
    // Thousands of terms, inserted in a scrambled order, so the vocabulary splits into many blocks.
    const search = new SearchIndex<number>();
    const termsOf = (i: number) => [`X${((i * 7919) % 6000).toString(36).toUpperCase()}`, `W${i % 97}`];
    for (let i = 0; i < 6000; i++) search.set(`k${i}`, i, termsOf(i));
    for (const prefix of ['X', 'X1', 'X2Z', 'XA', 'XZ', 'W1', 'W96', 'W960', 'X1 W1', 'U']) {
      const words = searchTerms(prefix);
      const expected = Array.from({ length: 6000 }, (_, i) => i).filter((i) =>
        words.every((word) => termsOf(i).some((term) => term.startsWith(word))),
      );
      assert.deepEqual(
        search.search(prefix, 10_000).sort((a, b) => a - b),
        expected,
        prefix,
      );
    }
  });

  it('a segment searched beside the index finds what the index alone finds, its dead rows not, within the limit', async () => {
    // Over 16,384 terms: the segment's vocabulary is sorted in runs, then merged.
    const termsOf = (i: number, round = 0) => [
      `ID${i}`,
      `X${((i * 7919 + round) % 9000).toString(36).toUpperCase()}`,
      `Y${((i * 104_729) % 20_011).toString(36).toUpperCase()}`,
      `W${(i + round) % 97}`,
      ...(i % 3 ? ['S'] : ['SA', 'THE']),
    ];
    const all = new SearchIndex<string>();
    const live = new SearchIndex<string>();
    const builder = new SearchSegmentBuilder();
    const count = 9000;
    for (let i = 0; i < count; i++) {
      all.set(`k${i}`, `k${i}`, termsOf(i));
      builder.add(distinctTerms(termsOf(i)));
    }
    const segment = await builder.finish(new TimeSlices(4));
    assert.ok(segment.terms.length > 16_384 && segment.rows === count);
    const copied = new SearchSegmentBuilder();
    for (let row = count - 1; row >= 0; row--) copied.addRowOf(segment, row);
    const reversed = await copied.finish(new TimeSlices(4));
    assert.deepEqual(
      Array.from({ length: count }, (_, row) => termsOfRow(reversed, count - 1 - row)),
      Array.from({ length: count }, (_, row) => termsOfRow(segment, row)),
      'rows copied from a segment by their term numbers',
    );
    // Every seventh row changed since: dead in the segment, filed anew in the live index (and its stale postings).
    const dead = (row: number) => row % 7 === 0;
    for (let i = 0; i < count; i++)
      if (dead(i)) {
        live.set(`k${i}`, `k${i}`, termsOf(i));
        live.set(`k${i}`, `k${i}`, termsOf(i, 1));
        all.set(`k${i}`, `k${i}`, termsOf(i, 1));
      }
    const segments = [{ segment, found: (row: number) => (dead(row) ? undefined : { key: `k${row}`, value: `k${row}` }) }];
    const queries = ['X', 'X1', 'X2Z', 'XA', 'XZ', 'W1', 'W96', 'W960', 'X1 W1', 'ID1', 'ID10 W1', 'Y1 X', 'S', 'S W5', 'THE', 'U', 'ID89'];
    for (const query of queries)
      for (const wholeLetters of [false, true]) {
        const expected = all.search(query, Infinity, { wholeLetters }).sort();
        assert.deepEqual(live.search(query, Infinity, { wholeLetters }, segments).sort(), expected, `${query} ${wholeLetters}`);
        const limited = live.search(query, 20, { wholeLetters }, segments);
        assert.equal(limited.length, Math.min(20, expected.length), query);
        assert.ok(
          limited.every((key) => expected.includes(key)),
          query,
        );
      }
  });

  it('stops at the limit', () => {
    const search = new SearchIndex<number>();
    for (let i = 0; i < 2000; i++) search.set(`k${i}`, i, ['WORD']);
    assert.equal(search.search('WORD', 50).length, 50);
    assert.equal(search.search('W', 0).length, 0);
  });
});
