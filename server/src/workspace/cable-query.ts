// The query language over the workspace's cables, one for the editor's Cables view and for
// `cable search`: subject words and facets (`tag:PTER origin:MADRID year:2006 class>=SECRET
// cites:06MADRID2657 citedby:07MADRID173 missing:`), all of which must hold. Parsing gives a typed
// query or messages that point at the faulty term; evaluation reads the workspace index only.
//
// Sized for 250,000 cables: the candidates come from the narrowest source (the citers of a cited
// ID, the cables one cable cites, the search index for words), a scan only when every term is a
// facet of the cable itself; the first `limit` hits in order are kept in a heap, not by sorting
// every match.
import { classificationLevel, levelRank, type ClassificationLevel } from '../model/cable-model.ts';
import { parseCableId, postIdPart } from '../model/cable-id.ts';
import { expandYear, isoDate } from '../model/dates.ts';
import type { IndexedCable } from './indexed-cable.ts';
import { citingCount, missingCables, postOf, type CitationSource, type MissingCable } from './missing-cables.ts';
import { searchTerms, type SearchOptions } from './search-index.ts';

export const CABLE_QUERY_HELP = `Words match the ID, subject, TAGS and origin by prefix (iran nuclear, 09BAS); a one-letter word only itself (the S of U.S.). Facets, all of which must hold:
  tag:PTER                 a TAGS code (tag:PTER,PGOV: either)
  origin:MADRID            the sending post (origin:"LA PAZ", origin:LAPAZ)
  year:2006                the cable's year
  from:2006-01 to:2006-06  a date range, by year, month or day, both ends included
  class:SECRET             a classification level (UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET), or a caveat (class:NOFORN)
  class>=CONFIDENTIAL      that level or above (also >, <=, <)
  cites:06MADRID2657       the cables that cite this one
  citedby:07MADRID173      the cables this one cites
  missing:                 cables cited in the workspace but not in it, dated from their neighbours`;

export type GroupBy = 'year' | 'origin' | 'tag';
export const GROUPINGS: readonly GroupBy[] = ['year', 'origin', 'tag'];

type Comparison = '=' | '>=' | '>' | '<=' | '<';

export interface ClassificationTest {
  comparison: Comparison;
  /** A level, compared by rank; else `caveat`, a word of the classification (`NOFORN`). */
  level?: ClassificationLevel;
  caveat?: string;
}

export interface CableQuery {
  /** Upper-case words, each a prefix of a term of the cable. */
  words: string[];
  /** Each facet's codes; a cable holds one of each facet's. */
  tags: string[][];
  /** Posts as IDs write them (`LAPAZ`); a cable is from one of each facet's. */
  origins: string[][];
  /** Inclusive bounds, as prefixes of an ISO date: `2006`, `2006-01`, `2006-01-31`. */
  from?: string;
  to?: string;
  classification: ClassificationTest[];
  cites: string[];
  citedBy: string[];
  missing: boolean;
}

export interface QueryError {
  message: string;
  /** Offsets of the faulty term in the query text. */
  start: number;
  end: number;
}

export type ParsedQuery = { query: CableQuery; errors?: undefined } | { query?: undefined; errors: QueryError[] };

/** One cable found: in the workspace (`uri`), or cited by it but missing (`missing`, its date estimated). */
export interface QueryHit {
  id: string | null;
  uri: string | null;
  subject: string | null;
  /** ISO 8601: the cable's own date, or for a missing cable the estimated day (`dateEstimated`). */
  date: string | null;
  dateEstimated: boolean;
  classification: string | null;
  origin: string | null;
  tags: string[];
  /** Cables of the workspace that cite it. */
  citedBy: number;
  missing: boolean;
}

export interface QueryGroup {
  key: string;
  count: number;
}

export interface QueryResult {
  /** Every match, of which `hits` are the first `limit` in order (date, then ID). */
  total: number;
  hits: QueryHit[];
  /** The matches counted by `groupBy`, when asked: years in order, origins and TAGS most frequent first. */
  groups?: QueryGroup[];
}

export interface QueryOptions {
  limit?: number;
  groupBy?: GroupBy;
  /** Only the matches in this group of `groupBy` (`2006`, `MADRID`, `PTER`, `no date`): a group of the view opened. */
  group?: string;
}

/** What a query reads: the workspace index (WorkspaceIndex), or any index answering the same. */
export interface QuerySource extends CitationSource {
  /** Cables by the words of a query, each word a prefix of one of their terms (or, asked, a one-letter word the term). */
  search(query: string, limit: number, options?: SearchOptions): IndexedCable[];
  /** The cables that entered (`linked`) or left since `version`, in order; undefined when not known. */
  changesSince?(version: number): readonly { cable: IndexedCable; linked: boolean }[] | undefined;
}

const FACETS = ['tag', 'origin', 'year', 'from', 'to', 'class', 'cites', 'citedby', 'missing'] as const;
type Facet = (typeof FACETS)[number];

const LEVEL_NAMES: Record<string, ClassificationLevel> = {
  U: 'UNCLASSIFIED',
  UNCLASSIFIED: 'UNCLASSIFIED',
  LOU: 'LIMITED OFFICIAL USE',
  C: 'CONFIDENTIAL',
  CONFIDENTIAL: 'CONFIDENTIAL',
  S: 'SECRET',
  SECRET: 'SECRET',
  TS: 'TOP SECRET',
  TOPSECRET: 'TOP SECRET',
};

/** Caveats as a query names them, and as the classification writes them after `//`. */
const CAVEATS: Record<string, string> = {
  NOFORN: 'NOFORN',
  ORCON: 'ORCON',
  NOCONTRACT: 'NOCONTRACT',
  PROPIN: 'PROPIN',
  REL: 'REL',
  FOUO: 'FOR OFFICIAL USE ONLY',
  SBU: 'FOR OFFICIAL USE ONLY',
  FOROFFICIALUSEONLY: 'FOR OFFICIAL USE ONLY',
};

/** A level's rank from a classification as the index keeps it (`SECRET//NOFORN` is SECRET). */
interface Token {
  text: string;
  start: number;
  end: number;
}

/** Whitespace-separated terms; a double-quoted stretch (`origin:"LA PAZ"`) stays in its term, quotes removed. */
function tokenize(text: string, errors: QueryError[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let value = '';
    while (i < text.length && !/\s/.test(text[i]!)) {
      if (text[i] === '"') {
        const close = text.indexOf('"', i + 1);
        if (close < 0) {
          errors.push({ message: 'A quote is not closed: add the closing " or remove it.', start: i, end: text.length });
          value += text.slice(i + 1);
          i = text.length;
          break;
        }
        value += text.slice(i + 1, close);
        i = close + 1;
      } else {
        value += text[i++];
      }
    }
    tokens.push({ text: value, start, end: i });
  }
  return tokens;
}

/** `2006`, `2006-01`, `2006-01-31` (a real day), else undefined. */
function datePrefix(text: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  return isoDate(Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1) ? text : undefined;
}

function isCableIdText(text: string): boolean {
  return parseCableId(text.toUpperCase()) !== undefined;
}

export function parseCableQuery(text: string): ParsedQuery {
  const errors: QueryError[] = [];
  const query: CableQuery = { words: [], tags: [], origins: [], classification: [], cites: [], citedBy: [], missing: false };
  let from: { value: string; token: Token } | undefined;
  let to: { value: string; token: Token } | undefined;
  const fail = (token: Token, message: string) => errors.push({ message, start: token.start, end: token.end });

  for (const token of tokenize(text, errors)) {
    const facet = /^([A-Za-z]+)(:|>=|<=|>|<)(.*)$/s.exec(token.text);
    if (!facet) {
      query.words.push(...searchTerms(token.text));
      continue;
    }
    const name = facet[1]!.toLowerCase() as Facet;
    const comparison = (facet[2] === ':' ? '=' : facet[2]) as Comparison;
    const value = facet[3]!.trim();
    if (!FACETS.includes(name)) {
      fail(token, `Unknown facet '${facet[1]}${facet[2]}'. Facets: ${FACETS.map((f) => `${f}:`).join(' ')}.`);
      continue;
    }
    if (comparison !== '=' && name !== 'class') {
      fail(token, `${name} takes ':', not '${facet[2]}' (only class compares: class>=CONFIDENTIAL).`);
      continue;
    }
    if (name === 'missing') {
      if (value) fail(token, `missing: takes no value: write 'missing:' alone.`);
      else query.missing = true;
      continue;
    }
    if (!value) {
      fail(token, `${name}: needs a value, as in ${EXAMPLES[name]}.`);
      continue;
    }
    switch (name) {
      case 'tag': {
        const codes = value.split(',').map((code) => code.trim().toUpperCase());
        if (codes.some((code) => !/^[A-Z0-9]+$/.test(code)))
          fail(token, `tag: takes TAGS codes, letters and digits, as in tag:PTER or tag:PTER,PGOV; not '${value}'.`);
        else query.tags.push(codes);
        break;
      }
      case 'origin': {
        const posts = value.split(',').map((post) => postIdPart(post));
        if (posts.some((post) => !/^[A-Z][A-Z0-9]*$/.test(post)))
          fail(token, `origin: takes a post, as in origin:MADRID or origin:"LA PAZ"; not '${value}'.`);
        else query.origins.push(posts);
        break;
      }
      case 'year':
        if (!/^\d{4}$/.test(value)) fail(token, `year: takes a four-digit year, as in year:2006; not '${value}'.`);
        else {
          from = { value, token };
          to = { value, token };
        }
        break;
      case 'from':
      case 'to': {
        const prefix = datePrefix(value);
        if (!prefix) fail(token, `${name}: takes a date as YYYY, YYYY-MM or YYYY-MM-DD, as in ${EXAMPLES[name]}; not '${value}'.`);
        else if (name === 'from') from = { value: prefix, token };
        else to = { value: prefix, token };
        break;
      }
      case 'class': {
        const word = value.toUpperCase().replace(/[\s_-]+/g, '');
        const level = LEVEL_NAMES[word];
        if (level) query.classification.push({ comparison, level });
        else if (comparison !== '=')
          fail(token, `class${facet[2]} compares levels: UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET; not '${value}'.`);
        else if (!CAVEATS[word])
          fail(
            token,
            `class: takes a level (UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET) or a caveat (${Object.keys(CAVEATS).join(', ')}); not '${value}'.`,
          );
        else query.classification.push({ comparison, caveat: CAVEATS[word] });
        break;
      }
      case 'cites':
      case 'citedby':
        if (!isCableIdText(value)) fail(token, `${name}: takes a cable ID, as in ${EXAMPLES[name]}; not '${value}'.`);
        else (name === 'cites' ? query.cites : query.citedBy).push(value.toUpperCase());
        break;
    }
  }
  if (from && to && from.value > to.value.slice(0, from.value.length)) {
    errors.push({ message: `The range is empty: from:${from.value} is after to:${to.value}.`, start: from.token.start, end: to.token.end });
  }
  if (errors.length) return { errors };
  if (from) query.from = from.value;
  if (to) query.to = to.value;
  return { query };
}

const EXAMPLES: Record<Facet, string> = {
  tag: 'tag:PTER',
  origin: 'origin:MADRID',
  year: 'year:2006',
  from: 'from:2006-01',
  to: 'to:2006-06',
  class: 'class:SECRET',
  cites: 'cites:06MADRID2657',
  citedby: 'citedby:07MADRID173',
  missing: 'missing:',
};

/**
 * What the predicates read of a cable, present or missing, in one shape: the index's cables come
 * in many shapes (their optional fields set in different orders), and reading them in a scan of
 * 250,000 was ten times slower than reading these. A table of them, in the order of the hits, is
 * kept with the rows of each TAGS code, post and classification, and brought up to date when the
 * index changes.
 */
interface Row {
  /** The date as a number, YYYYMMDDhhmm (the ID's year alone when the text has no date: YYYY00000000); NO_DAY when neither. */
  day: number;
  /** Its group by year: the date's year, or `no date`. */
  year: string;
  id: string;
  /** The ID in natural order (`08DOHA75` before `08DOHA152`), made when two rows of one minute are ordered. */
  sortId: string | undefined;
  uri: string;
  /** The post as IDs write it, or undefined. */
  post: string | undefined;
  /** The level's rank, -1 when unknown. */
  level: number;
  classification: string | undefined;
  /** The TAGS codes, each once. */
  tags: readonly string[];
  cites: readonly { id: string }[];
  cable: IndexedCable | undefined;
  missing: MissingCable | undefined;
  /** Rises along the table's order: an added row takes a rank between its neighbours', no other row changes. */
  rank: number;
  /** The table's last pass over the index that found its cable. */
  seen: number;
}

interface Table {
  version: number;
  /** In the order of the hits: by date (undated last), then ID in natural order, then file. */
  rows: Row[];
  byCable: Map<IndexedCable, Row>;
  /** The rows holding each TAGS code, each post, each classification as written (`''`: none), in order. */
  byTag: Map<string, Row[]>;
  byPost: Map<string, Row[]>;
  byClassification: Map<string, Row[]>;
  /** Every row counted by each grouping, kept with the table: what the view shows first asks nothing else. */
  groups: Record<GroupBy, Map<string, { count: number }>>;
  /** Counts the passes over the index, marking the rows each one found (`Row.seen`). */
  passes: number;
}

const NO_DAY = Infinity;

/** `2006-10-20T12:58Z` → 200610201258; a prefix (`2006-10`) is padded with `pad` (0 for a lower bound, 9 for an upper one). */
function dayOf(date: string, pad: '0' | '9' = '0'): number {
  // Arithmetic on the digits, no string built: made for each of 250,000 rows.
  let value = 0;
  let digits = 0;
  for (let i = 0; i < date.length && digits < 12; i++) {
    const c = date.charCodeAt(i);
    if (c < 48 || c > 57) continue;
    value = value * 10 + (c - 48);
    digits++;
  }
  const scale = 10 ** (12 - digits);
  return value * scale + (pad === '9' ? scale - 1 : 0);
}

/** One copy of each year group (`2006`): a scan that counts by year then reads a handful of strings, not 250,000. */
const yearGroups = new Map<string, string>();

function yearGroupOf(date: string | undefined): string {
  if (!date) return 'no date';
  const year = date.slice(0, 4);
  let shared = yearGroups.get(year);
  if (shared === undefined) yearGroups.set(year, (shared = year));
  return shared;
}

/** Ranks by classification as written: a handful of them, 250,000 cables. */
const ranksByClassification = new Map<string, number>();

function rankOf(classification: string | undefined): number {
  if (!classification) return -1;
  let rank = ranksByClassification.get(classification);
  if (rank === undefined) {
    const level = classificationLevel(classification);
    ranksByClassification.set(classification, (rank = level ? levelRank(level) : -1));
  }
  return rank;
}

/** Posts as IDs write them, by the origin as written: a few hundred origins, 250,000 cables. */
const postsByOrigin = new Map<string, string>();

/** The post a cable is from, as IDs write it: the banner's, else its ID's. */
function postOfCable(cable: IndexedCable): string | undefined {
  if (!cable.origin) return postOf(cable.id);
  let post = postsByOrigin.get(cable.origin);
  if (post === undefined) postsByOrigin.set(cable.origin, (post = postIdPart(cable.origin)));
  return post;
}

/** The year an ID gives (`06VIENNA515`: 2006), for a cable whose text has no date: it sorts at the start of that year. */
function yearOfId(id: string | undefined): string | undefined {
  const parts = id ? parseCableId(id) : undefined;
  return parts ? String(expandYear(Number(parts.year))) : undefined;
}

function rowOf(cable: IndexedCable): Row {
  const date = cable.date ?? yearOfId(cable.id);
  return {
    day: date ? dayOf(date) : NO_DAY,
    year: yearGroupOf(date),
    id: cable.id ?? '',
    sortId: undefined,
    uri: cable.uri,
    post: postOfCable(cable),
    level: rankOf(cable.classification),
    classification: cable.classification,
    tags: distinctTags(cable.tags),
    cites: cable.cites,
    cable,
    missing: undefined,
    rank: 0,
    seen: 0,
  };
}

function missingRowOf(missing: MissingCable): Row {
  const date = missing.estimatedDate;
  return {
    day: date ? dayOf(date) : NO_DAY,
    year: yearGroupOf(date),
    id: missing.id,
    sortId: undefined,
    uri: '',
    post: missing.post,
    level: -1,
    classification: undefined,
    tags: [],
    cites: [],
    cable: undefined,
    missing,
    rank: 0,
    seen: 0,
  };
}

/** The codes each once: a code written twice in one TAGS line counts its cable once. */
function distinctTags(tags: readonly string[]): readonly string[] {
  return tags.every((tag, i) => tags.indexOf(tag) === i) ? tags : [...new Set(tags)];
}

/** IDs in natural order: `08DOHA75` before `08DOHA152`. */
function idSortKey(id: string): string {
  const parts = parseCableId(id);
  return parts ? `${parts.year}${parts.post} ${parts.serial.padStart(10, '0')}` : id;
}

function compareRows(a: Row, b: Row): number {
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  if (a.id !== b.id) {
    a.sortId ??= idSortKey(a.id);
    b.sortId ??= idSortKey(b.id);
    return a.sortId < b.sortId ? -1 : 1;
  }
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** Fewer changed rows than this are patched into the table's lists; more rebuild them in one pass. */
const MAX_PATCHED_ROWS = 1_000;

function emptyTable(): Table {
  return {
    version: -1,
    rows: [],
    byCable: new Map(),
    byTag: new Map(),
    byPost: new Map(),
    byClassification: new Map(),
    groups: { year: new Map(), origin: new Map(), tag: new Map() },
    passes: 0,
  };
}

/** The lists of the table holding the row, each in order. */
function listsOf(table: Table, row: Row): Row[][] {
  const lists: Row[][] = [];
  const add = (map: Map<string, Row[]>, key: string) => {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    lists.push(list);
  };
  for (const tag of row.tags) add(table.byTag, tag);
  if (row.post) add(table.byPost, row.post);
  add(table.byClassification, row.classification ?? '');
  return lists;
}

/** Brings the table to these rows: `removed` leave it, `added` (in order) take their places in it. */
function updateTable(table: Table, removed: Row[], added: Row[], version: number): void {
  table.version = version;
  if (removed.length + added.length <= MAX_PATCHED_ROWS) {
    // Each row taken out of or put into its place in the table and its lists, found by binary search.
    for (const row of removed) {
      if (row.cable) table.byCable.delete(row.cable);
      for (const list of [table.rows, ...listsOf(table, row)]) list.splice(firstAfter(list, row.rank) - 1, 1);
      countRow(table.groups, row, -1);
    }
    for (const row of added) {
      if (row.cable) table.byCable.set(row.cable, row);
      place(table.rows, row);
      for (const list of listsOf(table, row)) list.splice(firstAfter(list, row.rank), 0, row);
      countRow(table.groups, row, 1);
    }
    for (const map of [table.byTag, table.byPost, table.byClassification])
      for (const [key, list] of map) if (list.length === 0) map.delete(key);
    return;
  }
  const gone = new Set(removed);
  const kept = gone.size ? table.rows.filter((row) => !gone.has(row)) : table.rows;
  // Two runs in order, merged: only the added rows were sorted (250,000 of them sorted took seconds).
  const merged: Row[] = [];
  for (let i = 0, j = 0; i < kept.length || j < added.length;)
    merged.push(j >= added.length || (i < kept.length && compareRows(kept[i]!, added[j]!) <= 0) ? kept[i++]! : added[j++]!);
  // Copied in their order, so a scan reads memory in order (they were made where the index listed them).
  const rows = merged.map((row, i): Row => ({ ...row, rank: i, tags: row.tags.slice() }));
  table.rows = rows;
  table.byCable.clear();
  for (const map of [table.byTag, table.byPost, table.byClassification]) map.clear();
  for (const counts of Object.values(table.groups)) counts.clear();
  for (const row of rows) {
    if (row.cable) table.byCable.set(row.cable, row);
    for (const list of listsOf(table, row)) list.push(row);
    countRow(table.groups, row, 1);
  }
}

/** Puts a new row into its place in the table's rows, ranked between its neighbours. */
function place(rows: Row[], row: Row): void {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareRows(rows[middle]!, row) <= 0) low = middle + 1;
    else high = middle;
  }
  const before = rows[low - 1]?.rank ?? (rows[low]?.rank ?? 0) - 1;
  const after = rows[low]?.rank ?? before + 2;
  row.rank = (before + after) / 2;
  rows.splice(low, 0, row);
  // Two ranks as close as numbers go: all numbered again, a rare pass.
  if (row.rank === before || row.rank === after) rows.forEach((each, i) => (each.rank = i));
}

/** First index in the list (in the table's order) whose rank is above `rank`. */
function firstAfter(list: Row[], rank: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.rank <= rank) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Adds the row to its group of each grouping (`delta` 1), or takes it out (-1). */
function countRow(groups: Table['groups'], row: Row, delta: 1 | -1): void {
  countIn(groups.year, row.year, delta);
  countIn(groups.origin, row.post ?? 'no origin', delta);
  if (row.tags.length === 0) countIn(groups.tag, 'no TAGS', delta);
  for (const tag of row.tags) countIn(groups.tag, tag, delta);
}

function countIn(counts: Map<string, { count: number }>, key: string, delta: number): void {
  const counter = counts.get(key);
  if (!counter) counts.set(key, { count: delta });
  else if ((counter.count += delta) === 0) counts.delete(key);
}

/** Counts the row in its groups of `groupBy`. */
function countGroups(counts: Map<string, { count: number }>, groupBy: GroupBy, row: Row): void {
  if (groupBy === 'year') countIn(counts, row.year, 1);
  else if (groupBy === 'origin') countIn(counts, row.post ?? 'no origin', 1);
  else {
    if (row.tags.length === 0) countIn(counts, 'no TAGS', 1);
    for (const tag of row.tags) countIn(counts, tag, 1);
  }
}

const tables = new WeakMap<QuerySource, { present: Table; missing?: Table }>();

/**
 * The table of the index's cables, or of its missing cables, as of the index's version. The
 * cables' table follows the index's journal of the cables that came and went (an edit of an open
 * document is one of each); when the journal does not reach back, a pass over the index finds
 * them, its cables being the same objects until they change.
 */
function tableFor(source: QuerySource, missing: boolean): Table {
  const version = source.version;
  let cached = tables.get(source);
  if (!cached) tables.set(source, (cached = { present: emptyTable() }));
  if (missing) {
    if (cached.missing?.version === version) return cached.missing;
    const rows = missingCables(source).map(missingRowOf).sort(compareRows);
    updateTable((cached.missing = emptyTable()), [], rows, version);
    return cached.missing;
  }
  const table = cached.present;
  if (table.version === version) return table;
  const changes = table.version >= 0 ? source.changesSince?.(table.version) : undefined;
  const { removed, added } = changes ? netChanges(table, changes) : passOver(source, table);
  updateTable(table, removed, added.sort(compareRows), version);
  return table;
}

/**
 * The rows to remove and add for these changes in order: each cable as its last change leaves it
 * (an open document's file is unlinked again at each edit, though already out of the index).
 */
function netChanges(table: Table, changes: readonly { cable: IndexedCable; linked: boolean }[]): { removed: Row[]; added: Row[] } {
  const linked = new Map<IndexedCable, boolean>();
  for (const change of changes) linked.set(change.cable, change.linked);
  const removed: Row[] = [];
  const added: Row[] = [];
  for (const [cable, isIn] of linked) {
    const row = table.byCable.get(cable);
    if (!isIn && row) removed.push(row);
    else if (isIn && !row) added.push(rowOf(cable));
  }
  return { removed, added };
}

/** The rows to remove and add, found by a pass over every cable of the index. */
function passOver(source: QuerySource, table: Table): { removed: Row[]; added: Row[] } {
  const pass = ++table.passes;
  const added: Row[] = [];
  source.forEachCable((cable) => {
    const row = table.byCable.get(cable);
    if (row) row.seen = pass;
    else added.push(rowOf(cable));
  });
  return { removed: table.rows.filter((row) => row.seen !== pass), added };
}

function matchesClassification(row: Row, test: ClassificationTest): boolean {
  if (test.caveat)
    return (
      row.classification !== undefined &&
      row.classification
        .split('//')
        .slice(1)
        .some((caveat) => caveat === test.caveat || caveat.startsWith(`${test.caveat} `))
    );
  if (row.level < 0) return false;
  const difference = row.level - levelRank(test.level!);
  switch (test.comparison) {
    case '=':
      return difference === 0;
    case '>=':
      return difference >= 0;
    case '>':
      return difference > 0;
    case '<=':
      return difference <= 0;
    case '<':
      return difference < 0;
  }
}

/** A plain loop: a closure for each of 250,000 rows was most of a tag: scan. */
function holdsAny(tags: readonly string[], codes: readonly string[]): boolean {
  for (const code of codes) if (tags.includes(code)) return true;
  return false;
}

/** The facets about the cable itself, its date within [from, to] (words and cited-by are checked through their sources). */
function matchesFacets(query: CableQuery, row: Row, from: number, to: number): boolean {
  if (row.day < from || row.day > to) return false;
  for (const codes of query.tags) if (!holdsAny(row.tags, codes)) return false;
  for (const posts of query.origins) if (!row.post || !posts.includes(row.post)) return false;
  for (const test of query.classification) if (!matchesClassification(row, test)) return false;
  for (const id of query.cites) if (!row.cites.some((c) => c.id === id)) return false;
  return true;
}

function presentHit(cable: IndexedCable, source: CitationSource): QueryHit {
  return {
    id: cable.id ?? null,
    uri: cable.uri,
    subject: cable.subject ?? null,
    date: cable.date ?? null,
    dateEstimated: false,
    classification: cable.classification ?? null,
    origin: cable.origin ?? null,
    tags: cable.tags,
    citedBy: cable.id ? citingCount(source, cable.id) : 0,
    missing: false,
  };
}

function missingHit(cable: MissingCable): QueryHit {
  return {
    id: cable.id,
    uri: null,
    subject: null,
    date: cable.estimatedDate ?? null,
    dateEstimated: cable.estimatedDate !== undefined,
    classification: null,
    origin: cable.post ?? null,
    tags: [],
    citedBy: cable.citedBy,
    missing: true,
  };
}

/** Whether the row is in `group` of `groupBy`. */
function inGroup(groupBy: GroupBy, row: Row, group: string): boolean {
  switch (groupBy) {
    case 'year':
      return row.year === group;
    case 'origin':
      return (row.post ?? 'no origin') === group;
    case 'tag':
      return row.tags.length ? row.tags.includes(group) : group === 'no TAGS';
  }
}

/** First index in the table whose day is not less than `day`. */
function firstFrom(rows: Row[], day: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rows[middle]!.day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The rows in the table's order. */
function inOrder(rows: Row[]): Row[] {
  return rows.sort((a, b) => a.rank - b.rank);
}

/** The rows of any of the lists, each once, in order. */
function unionOf(lists: Row[][]): Row[] {
  if (lists.length === 1) return lists[0]!;
  // Runs in order, concatenated: the sort merges them.
  return inOrder(lists.flat()).filter((row, i, rows) => i === 0 || rows[i - 1] !== row);
}

/**
 * The rows that may match, in order, from the narrowest source (a list of rows, or a range of
 * them); every facet is checked on each. Words, citers and cited cables come from the index; the
 * facets of the cable itself from the table's lists or the range of its dates, the shortest.
 */
function candidatesOf(
  source: QuerySource,
  table: Table,
  query: CableQuery,
  citedByIds: Set<string> | undefined,
  from: number,
  to: number,
): Row[] | { start: number; end: number } {
  const { rows } = table;
  if (!query.missing) {
    // Distinct cables: the index lists a cable once for each source.
    const ofCables = (cables: IndexedCable[]) => inOrder(cables.flatMap((cable) => table.byCable.get(cable) ?? []));
    const byWords = query.words.length ? source.search(query.words.join(' '), Infinity, { wholeLetters: true }) : undefined;
    const withWords = (cables: IndexedCable[]) => {
      const words = byWords && new Set(byWords);
      return words ? cables.filter((cable) => words.has(cable)) : cables;
    };
    if (query.cites.length) return ofCables(withWords(source.citing(query.cites[0]!).map(({ cable }) => cable)));
    if (citedByIds) return ofCables(withWords([...new Set([...citedByIds].flatMap((id) => source.lookup(id)))]));
    if (byWords) return ofCables(byWords);
  }
  // A date range: the rows between its ends; else every row.
  const range = { start: from > -Infinity ? firstFrom(rows, from) : 0, end: to < Infinity ? firstFrom(rows, to + 1) : rows.length };
  let narrowest: Row[][] | undefined;
  let fewest = range.end - range.start;
  const consider = (lists: Row[][]) => {
    // Several lists are merged by a sort: counted twice against a range read in order.
    const size = lists.reduce((sum, list) => sum + list.length, 0) * (lists.length > 1 ? 2 : 1);
    if (size < fewest) [narrowest, fewest] = [lists, size];
  };
  for (const codes of query.tags) consider(codes.map((code) => table.byTag.get(code) ?? []));
  for (const posts of query.origins) consider(posts.map((post) => table.byPost.get(post) ?? []));
  if (query.classification.length)
    // A classification as written passes or fails a test whole: its first row answers for all.
    consider(
      [...table.byClassification.values()].filter((list) => query.classification.every((test) => matchesClassification(list[0]!, test))),
    );
  return narrowest ? unionOf(narrowest) : range;
}

/** Whether each word is a prefix of the ID or the post of a missing cable (it has no other words). */
function missingHasWords(words: string[], row: Row): boolean {
  for (const word of words) if (!row.id.startsWith(word) && !row.post?.startsWith(word)) return false;
  return true;
}

/** Runs a parsed query over the index: the total, the first `limit` hits in order, and the groups asked for. */
export function evaluateCableQuery(source: QuerySource, given: CableQuery, options: QueryOptions = {}): QueryResult {
  const limit = options.limit ?? Infinity;
  const { groupBy, group } = options;
  const table = tableFor(source, given.missing);
  const isEverything =
    !given.words.length &&
    !given.tags.length &&
    !given.origins.length &&
    !given.from &&
    !given.to &&
    !given.classification.length &&
    !given.cites.length &&
    !given.citedBy.length;
  if (isEverything && group === undefined) {
    const result: QueryResult = { total: table.rows.length, hits: table.rows.slice(0, limit).map((row) => hitOf(row, source)) };
    if (groupBy) result.groups = sortGroups(groupBy, table.groups[groupBy]);
    return result;
  }
  // A group of the view opened is a facet more, narrowing the candidates (its rows, its dates).
  const query = group === undefined || group.startsWith('no ') ? given : withGroup(given, groupBy, group);
  const counts = new Map<string, { count: number }>();
  const from = query.from ? dayOf(query.from, '0') : -Infinity;
  const to = query.to ? dayOf(query.to, '9') : Infinity;
  const citedByIds = citedByFilter(source, query);
  const hits: Row[] = [];
  let total = 0;
  const visit = (row: Row) => {
    if (citedByIds && !citedByIds.has(row.id)) return;
    if (query.missing && !missingHasWords(query.words, row)) return;
    if (!matchesFacets(query, row, from, to)) return;
    if (groupBy && group !== undefined && !inGroup(groupBy, row, group)) return;
    total++;
    if (groupBy) countGroups(counts, groupBy, row);
    if (hits.length < limit) hits.push(row);
  };
  const candidates = candidatesOf(source, table, query, citedByIds, from, to);
  const { rows } = table;
  if (Array.isArray(candidates)) for (const row of candidates) visit(row);
  else for (let i = candidates.start; i < candidates.end; i++) visit(rows[i]!);
  const result: QueryResult = { total, hits: hits.map((row) => hitOf(row, source)) };
  if (groupBy) result.groups = sortGroups(groupBy, counts);
  return result;
}

function hitOf(row: Row, source: CitationSource): QueryHit {
  return row.cable ? presentHit(row.cable, source) : missingHit(row.missing!);
}

/** The query with the facet a group of `groupBy` stands for (`2006` is year:2006). */
function withGroup(query: CableQuery, groupBy: GroupBy | undefined, group: string): CableQuery {
  switch (groupBy) {
    case 'year':
      // The narrower of each end: the later start, the earlier end.
      return /^\d{4}$/.test(group)
        ? {
            ...query,
            from: query.from && dayOf(query.from, '0') > dayOf(group, '0') ? query.from : group,
            to: query.to && dayOf(query.to, '9') < dayOf(group, '9') ? query.to : group,
          }
        : query;
    case 'origin':
      return { ...query, origins: [...query.origins, [group]] };
    case 'tag':
      return { ...query, tags: [[group], ...query.tags] };
    default:
      return query;
  }
}

/** The IDs cited by every `citedby:` cable, or undefined without that facet. */
function citedByFilter(source: QuerySource, query: CableQuery): Set<string> | undefined {
  let ids: Set<string> | undefined;
  for (const citer of query.citedBy) {
    const cited = new Set(source.lookup(citer).flatMap((cable) => cable.cites.map((c) => c.id)));
    ids = ids ? new Set([...ids].filter((id) => cited.has(id))) : cited;
  }
  return ids;
}

function sortGroups(groupBy: GroupBy, counts: Map<string, { count: number }>): QueryGroup[] {
  const groups = [...counts].map(([key, { count }]) => ({ key, count }));
  if (groupBy === 'year') return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return groups.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Parses and runs a query: the result, or the parse errors. */
export function runCableQuery(source: QuerySource, text: string, options: QueryOptions = {}): QueryResult | { errors: QueryError[] } {
  const parsed = parseCableQuery(text);
  return parsed.errors ? { errors: parsed.errors } : evaluateCableQuery(source, parsed.query, options);
}
