// The query language over real cables: the samples (five Cablegate cables, both renderings, and
// the seed) with answers known by reading them, and the whole corpus, where each facet's answer
// is checked against the indexed cables one by one. Bad queries get a message pointing at the term.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import {
  parseCableQuery,
  runCableQuery,
  type QueryHit,
  type QueryResult,
  type QuerySource,
} from '../../server/src/workspace/cable-query.ts';
import { citationNeighbourhood } from '../../server/src/workspace/citation-neighbourhood.ts';
import { graphDot, graphSvg } from '../../server/src/features/citation-graph-drawing.ts';
import { missingCables } from '../../server/src/workspace/missing-cables.ts';
import { postIdPart } from '../../server/src/model/cable-id.ts';
import { classificationLevel } from '../../server/src/model/cable-model.ts';
import type { IndexedCable, WorkspaceIndex } from '../../server/src/workspace/workspace-index.ts';
import { summarizeFile } from '../../server/src/workspace/indexed-cable.ts';
import { searchTerms } from '../../server/src/workspace/search-index.ts';
import { corpora } from '../support/corpus.ts';
import { indexOver } from '../support/service.ts';

const SAMPLES = join(__dirname, '..', '..', 'samples');

function filesUnder(dir: string, folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[`${folder}/${path.slice(dir.length + 1)}`] = readFileSync(path, 'utf8');
  }
  return files;
}

const indexOf = (files: Record<string, string>): Promise<WorkspaceIndex> => indexOver(files);

function query(index: QuerySource, text: string, options: Parameters<typeof runCableQuery>[2] = {}): QueryResult {
  const answer = runCableQuery(index, text, options);
  assert.ok(!('errors' in answer), `${text}: ${JSON.stringify(answer)}`);
  return answer;
}

const ids = (result: QueryResult) => result.hits.map((hit) => hit.id);

describe('cable query: the plain samples', () => {
  let index: WorkspaceIndex;
  before(async () => {
    index = await indexOf(filesUnder(join(SAMPLES, 'plain'), 'file:///ws/plain'));
  });

  it('no query: every cable, by date', () => {
    assert.deepEqual(ids(query(index, '')), ['06MADRID2657', '06MADRID3104', '07MADRID173', '09DOHA214', '10BERLIN180']);
  });

  it('each facet', () => {
    assert.deepEqual(ids(query(index, 'origin:madrid')), ['06MADRID2657', '06MADRID3104', '07MADRID173']);
    assert.deepEqual(ids(query(index, 'year:2006')), ['06MADRID2657', '06MADRID3104']);
    assert.deepEqual(ids(query(index, 'from:2006-11 to:2007-02')), ['06MADRID3104', '07MADRID173']);
    assert.deepEqual(ids(query(index, 'to:2006-10-20')), ['06MADRID2657']);
    assert.deepEqual(ids(query(index, 'from:2009-03-27')), ['10BERLIN180']);
    assert.deepEqual(ids(query(index, 'class:SECRET')), ['09DOHA214']);
    assert.deepEqual(ids(query(index, 'class:NOFORN')), ['09DOHA214']);
    assert.deepEqual(ids(query(index, 'class<SECRET')), ['06MADRID2657', '06MADRID3104', '07MADRID173', '10BERLIN180']);
    assert.equal(query(index, 'class>=CONFIDENTIAL').total, 5);
    assert.equal(query(index, 'class>"top secret"').total, 0);
    assert.deepEqual(ids(query(index, 'tag:KTFN')), ['10BERLIN180']);
    assert.deepEqual(ids(query(index, 'tag:ktfn,QA')), ['09DOHA214', '10BERLIN180']);
    assert.deepEqual(ids(query(index, 'cites:06madrid2657')), ['06MADRID3104', '07MADRID173']);
    assert.deepEqual(ids(query(index, 'citedby:07MADRID173')), ['06MADRID2657', '06MADRID3104']);
    assert.deepEqual(ids(query(index, 'cia flights')), ['06MADRID3104', '07MADRID173']);
    assert.deepEqual(ids(query(index, '09DO')), ['09DOHA214']);
  });

  it('facets combined: all must hold', () => {
    assert.deepEqual(ids(query(index, 'tag:PTER origin:MADRID year:2007')), ['07MADRID173']);
    assert.deepEqual(ids(query(index, 'cites:06MADRID2657 cites:06MADRID3104')), ['07MADRID173']);
    assert.deepEqual(ids(query(index, 'flights citedby:07MADRID173')), ['06MADRID3104']);
    assert.deepEqual(ids(query(index, 'class:SECRET origin:MADRID')), []);
    assert.deepEqual(ids(query(index, 'tag:PTER tag:KTFN')), ['10BERLIN180']);
  });

  it('missing: cited, not in the workspace, each dated from its neighbours and before its first citation', () => {
    const missing = query(index, 'missing:');
    assert.deepEqual(ids(missing), [
      '06MADRID1799',
      '06MADRID1914',
      '06MADRID2374',
      '07DOHA311',
      '08DOHA75',
      '08DOHA152',
      '09STATE15113',
      '10BERLIN128',
      '10BERLIN176',
    ]);
    const byId = new Map(missing.hits.map((hit) => [hit.id, hit]));
    // 2374 lies between nothing known above 2657 in 2006: along the line of 2657 (20 October) and 3104 (28 December), before October.
    const madrid2374 = byId.get('06MADRID2374')!;
    assert.ok(madrid2374.missing && madrid2374.dateEstimated && madrid2374.uri === null);
    assert.ok(madrid2374.date! > '2006-08' && madrid2374.date! < '2006-10-20', madrid2374.date!);
    assert.equal(madrid2374.citedBy, 3);
    // Nothing of Doha in 2007 is known, and 09DOHA214 cites it in 2009: only its year.
    assert.equal(byId.get('07DOHA311')!.date!.slice(0, 4), '2007');
    // Cited by 10BERLIN180 (12 February 2010), with no other neighbour: not after that.
    assert.ok(byId.get('10BERLIN176')!.date! <= '2010-02-12');
    assert.deepEqual(ids(query(index, 'missing: citedby:07MADRID173')), ['06MADRID1799', '06MADRID2374']);
    assert.deepEqual(ids(query(index, 'missing: origin:DOHA year:2008')), ['08DOHA75', '08DOHA152']);
    assert.deepEqual(ids(query(index, 'missing: 10BER')), ['10BERLIN128', '10BERLIN176']);
  });

  it('groups: by year in order, by origin and TAGS most frequent first; the limit keeps the first hits, the total all', () => {
    assert.deepEqual(query(index, '', { groupBy: 'year' }).groups, [
      { key: '2006', count: 2 },
      { key: '2007', count: 1 },
      { key: '2009', count: 1 },
      { key: '2010', count: 1 },
    ]);
    assert.deepEqual(query(index, '', { groupBy: 'origin' }).groups?.slice(0, 2), [
      { key: 'MADRID', count: 3 },
      { key: 'BERLIN', count: 1 },
    ]);
    assert.deepEqual(query(index, 'origin:MADRID', { groupBy: 'tag' }).groups?.slice(0, 3), [
      { key: 'PREL', count: 3 },
      { key: 'PTER', count: 3 },
      { key: 'SP', count: 3 },
    ]);
    // One group of the view opened: its cables only.
    const group = query(index, 'tag:PTER', { groupBy: 'year', group: '2006' });
    assert.deepEqual([ids(group), group.total, group.groups], [['06MADRID2657', '06MADRID3104'], 2, [{ key: '2006', count: 2 }]]);
    // A group within a date range keeps the range's narrower end.
    assert.deepEqual(ids(query(index, 'to:2006-11', { groupBy: 'year', group: '2006' })), ['06MADRID2657']);
    assert.deepEqual(ids(query(index, 'from:2006-11', { groupBy: 'year', group: '2006' })), ['06MADRID3104']);
    assert.deepEqual(ids(query(index, 'origin:MADRID', { groupBy: 'tag', group: 'PHUM' })), ['06MADRID2657']);
    assert.deepEqual(ids(query(index, '', { groupBy: 'origin', group: 'DOHA' })), ['09DOHA214']);
    const limited = query(index, '', { limit: 2 });
    assert.equal(limited.total, 5);
    assert.deepEqual(ids(limited), ['06MADRID2657', '06MADRID3104']);
  });

  it('a hit carries what the view shows: file, subject, date, classification, origin, TAGS, citations', () => {
    const [hit] = query(index, '06MADRID2657').hits as [QueryHit];
    assert.deepEqual(hit, {
      id: '06MADRID2657',
      uri: 'file:///ws/plain/06MADRID2657.txt',
      subject: 'SPAIN: UPDATE ON KEY TERRORISM-RELATED CASES',
      date: '2006-10-20T12:58Z',
      dateEstimated: false,
      classification: 'CONFIDENTIAL',
      origin: 'MADRID',
      tags: ['PHUM', 'PREL', 'PTER', 'SP'],
      citedBy: 2,
      missing: false,
    });
  });

  it('the citation neighbourhood of 06MADRID2657: its two citing cables, the three it cites (missing), cut with a note', () => {
    const graph = citationNeighbourhood(index, '06madrid2657', 1)!;
    const sides = Object.fromEntries(graph.nodes.map((node) => [node.id, `${node.side}${node.missing ? ' missing' : ''}`]));
    assert.deepEqual(sides, {
      '06MADRID2657': 'centre',
      '06MADRID3104': 'citing',
      '07MADRID173': 'citing',
      '06MADRID1914': 'cited missing',
      '06MADRID1799': 'cited missing',
      '06MADRID2374': 'cited missing',
    });
    assert.equal(graph.note, undefined);
    const two = citationNeighbourhood(index, '06MADRID2657', 2)!;
    assert.ok(two.edges.some((edge) => edge.from === '07MADRID173' && edge.to === '06MADRID3104'));
    const cut = citationNeighbourhood(index, '06MADRID2657', 2, 3)!;
    assert.equal(cut.nodes.length, 3);
    assert.match(cut.note!, /^Cut at 3 cables: \d+ more citations within 2 hops/);
    assert.equal(citationNeighbourhood(index, '99NOWHERE1', 1), undefined);
    const svg = graphSvg(graph, { standalone: true });
    assert.equal((svg.match(/<g class="node /g) ?? []).length, 6);
    assert.match(svg, /data-id="06MADRID3104" data-uri="file:\/\/\/ws\/plain\/06MADRID3104.txt"/);
    assert.match(svg, /Cited, not in the workspace/);
    assert.match(graphSvg(graph, { timeAxis: true }), />2006-07</);
    assert.match(graphDot(graph), /"07MADRID173" -> "06MADRID2657";/);
  });
});

describe('cable query: bad queries get a clear message, never a crash', () => {
  const cases: [string, RegExp][] = [
    ['foo:bar', /^Unknown facet 'foo:'\. Facets: tag: origin: year: from: to: class: cites: citedby: missing:\.$/],
    ['tag:', /^tag: needs a value, as in tag:PTER\.$/],
    ['tag:P-TER', /^tag: takes TAGS codes/],
    ['year:06', /^year: takes a four-digit year, as in year:2006; not '06'\.$/],
    ['from:2006-13', /^from: takes a date as YYYY, YYYY-MM or YYYY-MM-DD, as in from:2006-01; not '2006-13'\.$/],
    ['to:2006-02-30', /^to: takes a date/],
    ['from:2007 to:2006-06', /^The range is empty: from:2007 is after to:2006-06\.$/],
    ['class:SECRETISH', /^class: takes a level .*NOFORN.*; not 'SECRETISH'\.$/s],
    ['class>=NOFORN', /^class>= compares levels/],
    ['class:S/NF', /^class: takes a level/],
    ['tag>=PTER', /^tag takes ':', not '>='/],
    ['cites:MADRID', /^cites: takes a cable ID, as in cites:06MADRID2657; not 'MADRID'\.$/],
    ['citedby:"07 MADRID 173"', /^citedby: takes a cable ID/],
    ['missing:yes', /^missing: takes no value/],
    ['origin:"LA PAZ', /^A quote is not closed/],
  ];
  for (const [text, message] of cases) {
    it(text, () => {
      const parsed = parseCableQuery(text);
      assert.ok(parsed.errors, text);
      assert.match(parsed.errors[0]!.message, message);
      const { start, end } = parsed.errors[0]!;
      assert.ok(start >= 0 && end <= text.length && start < end, `${start}-${end}`);
    });
  }

  it('the error points at the faulty term among good ones', () => {
    const text = 'tag:PTER year:20x6 iran';
    const [error] = parseCableQuery(text).errors!;
    assert.equal(text.slice(error!.start, error!.end), 'year:20x6');
  });

  it('stop words and punctuation alone are no words: the whole workspace', () => {
    assert.deepEqual(parseCableQuery('the , of').query?.words, []);
    assert.deepEqual(parseCableQuery('origin:"la paz"').query?.origins, [['LAPAZ']]);
  });
});

for (const corpus of corpora()) {
  describe(`cable query over the ${corpus.name}: each facet's answer is the cables that hold it`, () => {
    let index: WorkspaceIndex;
    let cables: IndexedCable[];
    before(async () => {
      index = await indexOf(filesUnder(join(corpus.dir, 'plain'), 'file:///ws/corpus'));
      cables = index.cables();
    });
    // A cable whose text has no date sorts at the start of the year its ID gives.
    const sortDate = (cable: IndexedCable) =>
      cable.date ?? (cable.id ? `${Number(cable.id.slice(0, 2)) >= 50 ? 19 : 20}${cable.id.slice(0, 2)}` : '\uffff');
    const check = (text: string, holds: (cable: IndexedCable) => boolean) => {
      const result = query(index, text, { limit: 50 });
      const expected = cables.filter(holds);
      assert.equal(result.total, expected.length, text);
      const byUri = new Map(expected.map((cable) => [cable.uri, cable]));
      for (const hit of result.hits) assert.ok(byUri.has(hit.uri!), `${text}: ${hit.id}`);
      const dates = result.hits.map((hit) => sortDate(byUri.get(hit.uri!)!));
      assert.deepEqual(dates, [...dates].sort(), `${text}: in date order`);
      // The first hits are the earliest of all matches.
      assert.deepEqual(dates, expected.map(sortDate).sort().slice(0, 50), `${text}: the earliest`);
    };

    it('tag:, origin:, year:, from:/to:, class:, class>=, cites:, words, combinations', () => {
      assert.ok(cables.length >= 20, `${cables.length} cables`);
      const tags = [...new Set(cables.flatMap((c) => c.tags))].slice(0, 8);
      for (const tag of tags) check(`tag:${tag}`, (c) => c.tags.includes(tag));
      for (const origin of [...new Set(cables.flatMap((c) => (c.origin ? [c.origin] : [])))].slice(0, 8))
        check(`origin:"${origin}"`, (c) => (c.origin ? postIdPart(c.origin) === postIdPart(origin) : false));
      for (const year of ['2006', '2008', '2009']) check(`year:${year}`, (c) => sortDate(c).startsWith(year));
      check('from:2008-03 to:2009-02-15', (c) => !!c.date && c.date.slice(0, 7) >= '2008-03' && c.date.slice(0, 10) <= '2009-02-15');
      check('class:SECRET', (c) => classificationLevel(c.classification) === 'SECRET');
      check('class>=CONFIDENTIAL', (c) => ['CONFIDENTIAL', 'SECRET', 'TOP SECRET'].includes(classificationLevel(c.classification) ?? ''));
      check('class:NOFORN', (c) => c.classification?.includes('NOFORN') ?? false);
      const cited = cables.flatMap((c) => c.cites.map((x) => x.id)).find((id) => index.lookup(id).length > 0);
      if (cited) check(`cites:${cited}`, (c) => c.cites.some((x) => x.id === cited));
      check(
        `tag:${tags[0]} class>=SECRET`,
        (c) => c.tags.includes(tags[0]!) && ['SECRET', 'TOP SECRET'].includes(classificationLevel(c.classification) ?? ''),
      );
    });

    it('a one-letter word matches that word only (the S of U.S.), a longer one by prefix', () => {
      const termsOf = (c: IndexedCable) => [...c.tags, ...searchTerms(c.subject ?? ''), ...searchTerms(c.origin ?? '')];
      assert.ok(cables.some((c) => termsOf(c).includes('S')));
      check('u.s.', (c) => termsOf(c).includes('U') && termsOf(c).includes('S'));
      check('s', (c) => termsOf(c).includes('S'));
      check('sec', (c) => termsOf(c).some((term) => term.startsWith('SEC')));
    });

    it('after edits (a cable changed, one added, one gone), the updated table answers as one made afresh', async () => {
      const files = filesUnder(join(corpus.dir, 'plain'), 'file:///ws/corpus');
      const index = await indexOf(files);
      // The same index without its journal of changes: the table finds them by a pass over every cable.
      const unjournaled: QuerySource = {
        forEachCable: (visit) => index.forEachCable(visit),
        lookup: (id) => index.lookup(id),
        citing: (id) => index.citing(id),
        citedIds: () => index.citedIds(),
        search: (text, limit, options) => index.search(text, limit, options),
        get version() {
          return index.version;
        },
      };
      const edited = index.cables().find((c) => c.tags.length > 1 && classificationLevel(c.classification) === 'CONFIDENTIAL')!;
      const copied = index.cables().find((c) => c.cites.length > 0 && c.origin && c !== edited)!;
      const tag = edited.tags[0]!;
      const queries = [
        '',
        `tag:${tag}`,
        'tag:ZZEDIT',
        `origin:"${copied.origin}"`,
        'year:2009',
        'class>=SECRET',
        'class:UNCLASSIFIED',
        'missing:',
        (copied.subject ?? 'x').split(' ')[0]!,
      ];
      const answers = (of: QuerySource) =>
        queries.flatMap((text) => (['year', 'origin', 'tag'] as const).map((groupBy) => query(of, text, { limit: 20, groupBy })));
      // The tables as first made.
      answers(index);
      answers(unjournaled);
      const editedText = files[edited.uri]!.replace(/\bTAGS:?\s+/, '$&ZZEDIT, ').replace(/CONFIDENTIAL/g, 'UNCLASSIFIED');
      const copyUri = 'file:///ws/corpus/copy-of-a-cable.txt';
      index.setOpenDocument(edited.uri, () => summarizeFile(edited.uri, editedText)!);
      index.setOpenDocument(copyUri, () => summarizeFile(copyUri, files[copied.uri]!)!);
      const withBoth = await indexOf({ ...files, [edited.uri]: editedText, [copyUri]: files[copied.uri]! });
      assert.equal(query(index, 'tag:ZZEDIT').total, 1);
      assert.equal(query(index, `tag:${tag}`).total, query(withBoth, `tag:${tag}`).total);
      assert.deepEqual(answers(index), answers(withBoth));
      assert.deepEqual(answers(unjournaled), answers(withBoth));
      await index.closeOpenDocument(copyUri);
      const withEdit = await indexOf({ ...files, [edited.uri]: editedText });
      assert.deepEqual(answers(index), answers(withEdit));
      assert.deepEqual(answers(unjournaled), answers(withEdit));
      // Opened, edited and closed between two queries: its file's cable left the index and came back.
      index.setOpenDocument(copied.uri, () => summarizeFile(copied.uri, files[copied.uri]!.replace(/\bTAGS:?\s+/, '$&ZZEDIT, '))!);
      const opened = index.version;
      await index.closeOpenDocument(copied.uri);
      assert.ok(index.version > opened);
      assert.deepEqual(answers(index), answers(withEdit));
      // Opened and queried, edited twice and closed: each edit unlinks the file's cable again, already out of the index.
      index.setOpenDocument(copied.uri, () => summarizeFile(copied.uri, files[copied.uri]!.replace(/\bTAGS:?\s+/, '$&ZZEDIT, '))!);
      query(index, ''); // the table takes the opened document
      for (const edit of ['ZZONE', 'ZZTWO']) {
        index.setOpenDocument(copied.uri, () => summarizeFile(copied.uri, files[copied.uri]!.replace(/\bTAGS:?\s+/, `$&${edit}, `))!);
        assert.ok(index.version > 0); // the edit enters the index, its file's cable unlinked again
      }
      await index.closeOpenDocument(copied.uri);
      assert.deepEqual(answers(index), answers(withEdit));
      // Sixty copies of one cable, each placed after the last: their ranks halve the gap to the next row until they are numbered again.
      const copies = Object.fromEntries(
        Array.from({ length: 60 }, (_, i) => [`file:///ws/corpus/copy-${String(i).padStart(2, '0')}.txt`, files[copied.uri]!]),
      );
      for (const [uri, text] of Object.entries(copies)) index.setOpenDocument(uri, () => summarizeFile(uri, text)!);
      const withCopies = await indexOf({ ...files, [edited.uri]: editedText, ...copies });
      assert.deepEqual(answers(index), answers(withCopies));
      for (const text of ['', `tag:${copied.tags[0]}`, `origin:"${copied.origin}"`])
        assert.deepEqual(query(index, text, { limit: Infinity }).hits, query(withCopies, text, { limit: Infinity }).hits, text);
    });

    it('missing: every cited ID not in the workspace, once, its estimate in the year its ID gives', () => {
      const cited = new Set(cables.flatMap((c) => c.cites.map((x) => x.id)));
      const expected = [...cited].filter((id) => index.lookup(id).length === 0).sort();
      const missing = missingCables(index);
      assert.deepEqual(
        missing.map((m) => m.id),
        expected,
      );
      for (const cable of missing) {
        if (!cable.estimatedDate) continue;
        const year = Number(cable.id.slice(0, 2));
        assert.equal(cable.estimatedDate.slice(0, 4), String(year >= 50 ? 1900 + year : 2000 + year), cable.id);
      }
      assert.equal(query(index, 'missing:').total, expected.length);
    });
  });
}
