// REF entries resolved to the IDs WikiLeaks gives the cited cables: a table of hard REF lines per
// class of failure (invented, shaped like real ones), the origin table, and the shared corpus
// against cablemap's reading, every difference listed with the reason Cable is right.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCable } from '../../server/src/model/cable-model.ts';
import { originOf } from '../../server/src/model/cable-id.ts';
import posts from '../../server/src/data/posts.json';
import { SHARED_CORPUS_DIR } from '../support/corpus.ts';

/** Every entry's kind and its IDs, `kind:ID ID`; a cable entry without IDs is `cable:`. */
function read(text: string, year = 2009): string[] {
  return (parseCable(text, { year }).references?.entries ?? []).map(
    (e) => `${e.label ? `${e.label} ` : ''}${e.kind}:${(e.citations ?? []).map((c) => c.id ?? '?').join(' ')}`,
  );
}

/** [REF text, expected entries]: each class of the hard lines the held-out table holds. */
const HARD_LINES: Record<string, [string, string[]][]> = {
  'post names as WikiLeaks writes them in IDs': [
    ['REF: MEXICO CITY 1234', ['cable:09MEXICO1234']],
    ['REF: A. HAGUE 123 B. THE HAGUE 124', ['A cable:09THEHAGUE123', 'B cable:09THEHAGUE124']],
    [
      'REF: A) RIO 123 B) RIO DE JAN 45 C) RIO DE JANEIRO 46',
      ['A cable:09RIODEJANEIRO123', 'B cable:09RIODEJANEIRO45', 'C cable:09RIODEJANEIRO46'],
    ],
    ['REF: 08 VAT 123', ['cable:08VATICAN123']],
    ['REF: A. USEU BRUSSELS 1498 B. BRUSSELS 1493', ['A cable:09USEUBRUSSELS1498', 'B cable:09BRUSSELS1493']],
    [
      'REF: A. USUNESCO PARIS FR 12 B. UNESCO PARIS FR 13 C. PARIS FR 14 D. PARIS 15',
      ['A cable:09UNESCOPARISFR12', 'B cable:09UNESCOPARISFR13', 'C cable:09UNESCOPARISFR14', 'D cable:09PARIS15'],
    ],
    [
      'REF: A. SECDEF 7 B. USNATO 464 C. USUN NEW YORK 1111 D. USUN 12',
      ['A cable:09SECDEF7', 'B cable:09USNATO464', 'C cable:09USUNNEWYORK1111', 'D cable:09USUNNEWYORK12'],
    ],
    [
      "REF: A. N'DJAMENA 301 B. PORT-OF-SPAIN 88 C. PORT OF SPAIN 89",
      ['A cable:09NDJAMENA301', 'B cable:09PORTOFSPAIN88', 'C cable:09PORTOFSPAIN89'],
    ],
    [
      'REF: A. 08 LAPAZ 2606 B. SAOPAULO 31 C. SECSTATE 15113 D. DUBAI RPO 378',
      ['A cable:08LAPAZ2606', 'B cable:09SAOPAULO31', 'C cable:09STATE15113', 'D cable:09RPODUBAI378'],
    ],
    [
      'REF: A. HO CHI MINH CITY 44 B. GUATEMALA CITY 45 C. ST PETERSBURG 46 D. WHITE HOUSE 853',
      ['A cable:09HOCHIMINHCITY44', 'B cable:09GUATEMALA45', 'C cable:09STPETERSBURG46', 'D cable:09WHITEHOUSE853'],
    ],
  ],
  'misspelt posts within one or two edits of exactly one origin': [
    [
      'REF: A. SAO PAULLO 12 B. BRASLIA 13 C. KARACHII 14 D. PHNOM PEN 15 E. SECTATE 16',
      ['A cable:09SAOPAULO12', 'B cable:09BRASILIA13', 'C cable:09KARACHI14', 'D cable:09PHNOMPENH15', 'E cable:09STATE16'],
    ],
    ['REF: A. TALLIN 309 B. BASRA 17 C. ISLAMABD 2', ['A cable:09TALLINN309', 'B cable:09BASRAH17', 'C cable:09ISLAMABAD2']],
    // Too short to tell, an English plural, a word near no origin, a serial no cable has.
    [
      'REF: A. ROMA 1 B. UNITED STATES 12 C. SECTO 007 D. SEPTEL 4 E. BRASLIA 12345678',
      ['A other:', 'B other:', 'C other:', 'D other:', 'E other:'],
    ],
  ],
  'several serials in one entry': [
    ['REF: STATE 12345 AND 12377', ['cable:09STATE12345 09STATE12377']],
    ['REF: STATE 012345, 013456, 014567', ['cable:09STATE12345 09STATE13456 09STATE14567']],
    ['REF: A. ROME 123, 03 VAT 456; 03 ROME 789 B. STATE 5', ['A cable:09ROME123 03VATICAN456 03ROME789', 'B cable:09STATE5']],
    [
      'REF: A. ALGIERS 110 AND ALGIERS 140 B. 07 ALGIERS 1807 AND 08 ALGIERS 0075',
      ['A cable:09ALGIERS110 09ALGIERS140', 'B cable:07ALGIERS1807 08ALGIERS75'],
    ],
    ['REF: 08 STATE 1234 AND PREVIOUS', ['cable:08STATE1234']],
    ['REF: A. STATE 10 AND 11 (NOTAL) B. STATE 12, 13', ['A cable:09STATE10 09STATE11', 'B cable:09STATE12 09STATE13']],
    [
      'REF: A. STATE 12345, 12346 AND 2008 BAGHDAD 5, 6 B. STATE 7',
      ['A cable:09STATE12345 09STATE12346 08BAGHDAD5 08BAGHDAD6', 'B cable:09STATE7'],
    ],
  ],
  'a year on the line before its post': [
    [
      'REF: (A) ANKARA 1516 (B) ISTANBUL 421 (C) 2008\n     ISTANBUL 146 (D) ISTANBUL 425',
      ['A cable:09ANKARA1516', 'B cable:09ISTANBUL421', 'C cable:08ISTANBUL146', 'D cable:09ISTANBUL425'],
    ],
    ['REF: A. STATE 1 B. 2008\nBAKU 917', ['A cable:09STATE1', 'B cable:08BAKU917']],
    [
      'REF: A. 09DHAHRAN 201 B. 10SHENYANG 003 C. (08) SAO PAULO 581',
      ['A cable:09DHAHRAN201', 'B cable:10SHENYANG3', 'C cable:08SAOPAULO581'],
    ],
  ],
  'where the list starts and how its labels stand': [
    [
      'SUBJECT: TALKS WITH THE FOREIGN MINISTERREF: A. LONDON 123 B. LONDON 124\n\n¶1. (C) Text.',
      ['A cable:09LONDON123', 'B cable:09LONDON124'],
    ],
    [
      'SUBJECT: CARNIVAL SECURITY IN RIO Ref(s): A) 08 RIO DE JAN 12; B) RIO DE JAN 13\n\n¶1. (C) Text.',
      ['A cable:08RIODEJANEIRO12', 'B cable:09RIODEJANEIRO13'],
    ],
    ['SUBJECT: VISA WAIVER PROGRAM REF: STATE 123\n\n¶1. (C) Text.', ['cable:09STATE123']],
    [
      'SUBJECT: CONSERVATIVES CAUGHT FLAT-FOOTED BY\n\nQUICK MANEUVERS ON THE CRISIS\nREF: A. LONDON 2666  B. LONDON 2603\n\n¶1. (C) Text.',
      ['A cable:09LONDON2666', 'B cable:09LONDON2603'],
    ],
    ['Refs: A. STATE 1 B. STATE 2', ['A cable:09STATE1', 'B cable:09STATE2']],
    ['REF; STATE 123', ['cable:09STATE123']],
    [
      'REF: (A)STATE 012345, (B)STATE 012346, (C)\nSTATE 72896, (D)BEIJING\n5361',
      ['A cable:09STATE12345', 'B cable:09STATE12346', 'C cable:09STATE72896', 'D cable:09BEIJING5361'],
    ],
    ['REF: A. A) MANAMA 12 B. B) MANAMA 13', ['A cable:09MANAMA12', 'B cable:09MANAMA13']],
    ['REF: A. Sao Paulo 0031 B. Brasilia 12', ['A cable:09SAOPAULO31', 'B cable:09BRASILIA12']],
    [
      'REF: A. STATE 1\nB. LONDON\nLONDON 00000269 002 OF 003\n456 C. STATE 3',
      ['A cable:09STATE1', 'B cable:09LONDON456', 'C cable:09STATE3'],
    ],
    [
      'REF: REF (A) MADRID 3785 (B) MADRID 3566 (C) SECSTATE\n\n36633\n\n¶1. Text.',
      ['A cable:09MADRID3785', 'B cable:09MADRID3566', 'C cable:09STATE36633'],
    ],
    [
      'REF: A) MADRID 3552 B) BRUSSELS 4080 C) SAINZ E-MAIL\n\nOF 10/6 D) STATE 215870\n\n¶1. Text.',
      ['A cable:09MADRID3552', 'B cable:09BRUSSELS4080', 'C other:', 'D cable:09STATE215870'],
    ],
    ['Ref: Abuja 1836\n-------\nSUMMARY\n-------\n¶1. (C) Text.', ['cable:09ABUJA1836']],
  ],
  'non-cables keep kind other and no ID': [
    [
      'REF: A. CAIRO IIR 6 899 0149 10 B. 2/5/09 MONOSSON-COOPER EMAIL C. TELCON 5/6 D. STATE 201530Z JUL 08',
      ['A other:', 'B other:', 'C other:', 'D other:'],
    ],
    [
      'REF: A. A-077 B. STATE CA-3400 NOV 2, 1966 C. SECRETARY (SECTO) 007 D. XXXXXXXXXXXX',
      ['A other:', 'B other:', 'C other:', 'D other:'],
    ],
    ['REF: A. STATE 297614 AND PREVIOUS B. BONN 4 (NOTAL) C. NOTAL', ['A cable:09STATE297614', 'B cable:09BONN4', 'C other:']],
  ],
  '1970s forms': [
    ['REF: STATE -097844', ['cable:09STATE97844']],
    ['REF: A. STATE 97844\nB. ATHENS 2959', ['A cable:09STATE97844', 'B cable:09ATHENS2959']],
    ['REF: (A) STATE 13701; (B) STATE 16185; (C) STATE 16449', ['A cable:09STATE13701', 'B cable:09STATE16185', 'C cable:09STATE16449']],
    ['REF: A. STATE 1\nB. STATE\nPAGE 02  ATHENS 02959  171944Z\n987654', ['A cable:09STATE1', 'B cable:09STATE987654']],
    ['REF; STATE 041169, 038356', ['cable:09STATE41169 09STATE38356']],
  ],
};

describe('hard REF lines, by class of failure', () => {
  for (const [name, cases] of Object.entries(HARD_LINES)) {
    it(name, () => {
      for (const [text, expected] of cases) assert.deepEqual(read(text), expected, text);
    });
  }
});

describe('how a citation was read', () => {
  const citations = (text: string) => parseCable(text, { year: 2009 }).references!.entries.flatMap((e) => e.citations ?? []);

  it('ends a subject where a glued REF: starts: `… UK PRIMEREF:` is the subject `… UK PRIME`', () => {
    const model = parseCable('SUBJECT: WHO WOULD REPLACE HIM AS UK PRIMEREF: A. LONDON 1939  B. LONDON 1704\n\n¶1. (C) Text.', {
      year: 2008,
    });
    assert.equal(model.subject!.text, 'WHO WOULD REPLACE HIM AS UK PRIME');
    assert.equal(model.references!.keyword.text, 'REF:');
  });

  it('takes a subject line cut off by a blank line into the subject when the REF list follows, but not a handling caption', () => {
    const cut = parseCable('SUBJECT: CONSERVATIVES CAUGHT FLAT-FOOTED BY\n\nQUICK MANEUVERS\nREF: LONDON 2666\n\n¶1. (C) Text.', {
      year: 2008,
    });
    assert.equal(cut.subject!.text, 'CONSERVATIVES CAUGHT FLAT-FOOTED BY QUICK MANEUVERS');
    const caption = parseCable('SUBJECT: CONSERVATIVES CAUGHT FLAT-FOOTED\n\nSIPDIS\nREF: LONDON 2666\n\n¶1. (C) Text.', { year: 2008 });
    assert.equal(caption.subject!.text, 'CONSERVATIVES CAUGHT FLAT-FOOTED');
    assert.deepEqual(
      caption.captions.map((c) => c.text),
      ['SIPDIS'],
    );
    assert.equal(caption.references!.entries[0]!.id, '08LONDON2666');
  });

  it('records an alias, a typo, a year from the line before and one of several serials', () => {
    const read = citations('REF: A. MEXICO CITY 12 B. BRASLIA 13 C. 2008\nISTANBUL 146 D. STATE 1 AND 2 E. LA PAZ 6');
    assert.deepEqual(
      read.map((c) => [c.id, c.post, c.readings.join('+')]),
      [
        ['09MEXICO12', 'MEXICO CITY', 'alias'],
        ['09BRASILIA13', 'BRASLIA', 'typo'],
        ['08ISTANBUL146', 'ISTANBUL', 'year-line-before'],
        ['09STATE1', 'STATE', 'one-of-several'],
        ['09STATE2', 'STATE', 'one-of-several'],
        ['09LAPAZ6', 'LA PAZ', ''],
      ],
    );
  });

  it('gives each serial of an entry its own range, and the entry keeps the first as its id', () => {
    const text = 'REF: A. STATE 012345, 013456 AND 014567\nB. 2008\nBAKU 917';
    const lines = text.split('\n');
    const entries = parseCable(text, { year: 2009 }).references!.entries;
    const cut = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      r.start.line === r.end.line
        ? lines[r.start.line]!.slice(r.start.character, r.end.character)
        : `${lines[r.start.line]!.slice(r.start.character)}|${lines[r.end.line]!.slice(0, r.end.character)}`;
    assert.deepEqual(
      entries[0]!.citations!.map((c) => cut(c.range)),
      ['STATE 012345', '013456', '014567'],
    );
    assert.equal(entries[0]!.id, '09STATE12345');
    assert.deepEqual(entries[0]!.citationRange, entries[0]!.citations![0]!.range);
    assert.deepEqual(
      entries[1]!.citations!.map((c) => cut(c.range)),
      ['2008|BAKU 917'],
    );
  });

  it('invents no ID when the year is unknown, but still knows each cited cable', () => {
    const entries = parseCable('REF: STATE 1 AND 2').references!.entries;
    assert.deepEqual(
      entries.map((e) => [e.kind, e.id, e.citations!.map((c) => c.id)]),
      [['cable', undefined, [undefined, undefined]]],
    );
  });
});

describe('the origin table', () => {
  const origins = posts.origins as Record<string, { names: Record<string, string>; sources: string[] }>;

  it('holds the origins WikiLeaks uses in IDs, each with the source of every name', () => {
    assert.ok(Object.keys(origins).length >= 260, `${Object.keys(origins).length} origins`);
    for (const [id, origin] of Object.entries(origins)) {
      assert.match(id, /^[A-Z]+$/);
      assert.ok(origin.sources.length > 0, id);
      for (const source of Object.values(origin.names)) assert.ok(origin.sources.includes(source), `${id}: ${source}`);
    }
    assert.equal(origins.MEXICO!.names['MEXICO CITY'], 'ref-spellings');
    assert.equal(origins.LAPAZ!.names['LA PAZ'], 'cablegate-metadata');
  });

  it('is what scripts/build-posts.mjs writes from the sources', { skip: !existsSync(SHARED_CORPUS_DIR) }, () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cable-posts-'));
    try {
      const out = join(scratch, 'posts.json');
      const run = spawnSync(
        process.execPath,
        [join(__dirname, '..', '..', 'scripts', 'build-posts.mjs'), join(SHARED_CORPUS_DIR, '..', '..'), out],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), posts);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('holds the origin of every cable of the shared corpus and of every ID cablemap read', { skip: !existsSync(SHARED_CORPUS_DIR) }, () => {
    const ids = readFileSync(join(SHARED_CORPUS_DIR, 'metadata.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const cited = Object.values(cablemapReading()).flat();
    for (const id of [...ids, ...cited]) assert.ok(origins[/^\d{2}([A-Z]+?)\d+$/.exec(id)![1]!], id);
  });
});

function cablemapReading(): Record<string, string[]> {
  return (JSON.parse(readFileSync(join(SHARED_CORPUS_DIR, 'cablemap-refs.json'), 'utf8')) as { references: Record<string, string[]> })
    .references;
}

/** Where Cable and cablemap read a REF list differently, and why Cable is right (each cable read). */
const CABLE_IS_RIGHT: Record<string, string> = {
  '04MADRID3914': 'B. BRUSSELS 4080 names the embassy; cablemap makes it USEU BRUSSELS',
  '04RANGOON88': '03 RANGOON 1427 is written with its year 03; cablemap gives the cable’s year 04',
  '08ALGIERS198': 'D. 07 ALGIERS 1807 AND 08 ALGIERS 0075: cablemap also takes the year 08 for a serial (08ALGIERS8)',
  '08STATE90980': 'Ref: Moscow 2522 (NOTAL) cites a cable; cablemap reads no mixed-case REF',
  '09ABUDHABI301': 'a lettered list of four cables and an e-mail; cablemap reads none of it',
  '09ABUDHABI329': 'a lettered list of four cables; cablemap reads none of it',
  '09ABUJA1907': 'Ref: Abuja 1836 stands below Classified By; cablemap reads none there',
  '09BRUSSELS1580': 'an Embassy Brussels cable citing BRUSSELS 1498, 1493, 1552: the embassy’s own; cablemap makes them USEU',
  '09BRUSSELS269': 'this USEU cable is itself 09BRUSSELS269 in WikiLeaks’ IDs, its banner’s BRUSSELS; its BRUSSELS 268 is named so too',
  '09BRUSSELS536': 'a USEU cable whose own ID is 09BRUSSELS536 (banner BRUSSELS): its BRUSSELS citations are named as its banner names it',
  '09ISTANBUL83': 'IRPO DUBAI 95 is the Iran Regional Presence Office, RPODUBAI; cablemap reads none',
  '09RPODUBAI379': 'DUBAI RPO 378 is RPO Dubai’s own cable; cablemap reads none',
  '66BUENOSAIRES2481': 'STATE 106206 CIRCULAR cites a cable (the airgram CA-3400 is no cable); cablemap reads none',
};

describe('the shared corpus against cablemap’s reading', { skip: !existsSync(SHARED_CORPUS_DIR) }, () => {
  for (const [rendering, dir, extension] of [
    ['plain', 'plain', 'txt'],
    ['markdown-style', 'markdown-style', 'cable'],
  ] as const) {
    it(`gives cablemap’s IDs for every cable of the ${rendering} rendering but those listed with a reason`, () => {
      const differ: string[] = [];
      for (const [id, expected] of Object.entries(cablemapReading())) {
        const file = join(SHARED_CORPUS_DIR, dir, `${id}.${extension}`);
        const model = parseCable(readFileSync(file, 'utf8'), { fileName: file });
        const got = (model.references?.entries ?? []).flatMap((e) => (e.citations ?? []).flatMap((c) => (c.id ? [c.id] : [])));
        if (got.join(' ') !== expected.join(' ')) differ.push(id);
      }
      assert.deepEqual(differ, Object.keys(CABLE_IS_RIGHT));
    });
  }

  it('gives no ID to a post that is not a known origin unless its reading says it was misspelt', () => {
    let misspelt = 0;
    for (const id of Object.keys(cablemapReading())) {
      for (const [dir, extension] of [
        ['plain', 'txt'],
        ['markdown-style', 'cable'],
      ]) {
        const file = join(SHARED_CORPUS_DIR, dir!, `${id}.${extension}`);
        for (const entry of parseCable(readFileSync(file, 'utf8'), { fileName: file }).references?.entries ?? []) {
          for (const citation of entry.citations ?? []) {
            if (citation.readings.includes('typo')) misspelt++;
            else assert.equal(originOf(citation.post), citation.origin, `${id}: ${citation.post}`);
          }
        }
      }
    }
    // TALLIN 309 and BASRA 17, in both renderings.
    assert.equal(misspelt, 4);
  });
});
