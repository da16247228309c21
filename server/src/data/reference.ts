// Typed lookups over reference.json (TAGS, routing indicators, markings, precedence, classification
// reasons, routing-header elements). reference.json is built by scripts/build-reference-data.mjs
// from the reference tables plus unverified.tsv and bundled by esbuild: nothing here reads files.
//
// Every meaning carries its source. `verified: false` marks a meaning from unverified.tsv (the
// maintainers' own knowledge, no source read); a row with no meaning at all returns `meaning`
// undefined, so callers can say "meaning not in our sources". Lookups are case-insensitive and
// O(1): the maps are built once, on first use.
//
// One code in several TAGS tables (AL: Albania and an organization; EU: Europa Island in FIPS 10-4
// and the European Union as some drafters use it): the tables decide, in this order: subject (the
// 5 FAH-3 list), program (K tags), geographic (FIPS 10-4 country codes), organization (cablemap's
// list). The first is the answer; the others come in `alsoListedAs`.
import referenceData from './reference.json';

export type TagKind = 'subject' | 'geographic' | 'program' | 'organization';

export interface SourcedMeaning {
  meaning: string;
  source: string;
  verified: boolean;
}

export interface TagInfo extends Partial<SourcedMeaning> {
  code: string;
  kind: TagKind;
  /** Subject category (`Political Affairs`) or geographic kind (`country`, `region`). */
  category?: string;
  /** OVIP, OREP ...: followed by a person's name in parentheses. */
  takesPersonName?: boolean;
  /** Where the code itself is listed, when its meaning is unverified. */
  listedIn?: string;
  /** The same code in the other TAGS tables. */
  alsoListedAs?: TagInfo[];
}

export interface RoutingIndicatorInfo {
  indicator: string;
  /** All stations ACP 117 lists for the RI, joined with " / " (a few RIs name several). */
  station: string;
  stations: string[];
  source: string;
  verified: boolean;
}

export interface MarkingInfo extends Partial<SourcedMeaning> {
  marking: string;
  source: string;
  verified: boolean;
  listedIn?: string;
}

export interface PrecedenceInfo extends SourcedMeaning {
  /** Z, O, P, R, Y; NIACT IMMEDIATE has none. */
  prosign?: string;
  precedence: string;
}

export interface ClassificationReasonInfo extends Partial<SourcedMeaning> {
  code: string;
  authority: string;
  kind: string;
  source: string;
  verified: boolean;
  listedIn?: string;
  /** The same code under the other executive orders (1.4(b): E.O. 13526 and E.O. 12958 as amended). */
  otherAuthorities?: ClassificationReasonInfo[];
}

export interface HeaderElementInfo {
  /** The normalized name looked up: `DE`, `CCCCC`, `TAGS LINE`. */
  key: string;
  element: string;
  example: string;
  description: string;
  source: string;
  verified: true;
  /** What this particular key means, when unverified.tsv says more than the element's row. */
  keyMeaning?: SourcedMeaning;
}

// ---------------------------------------------------------------- raw JSON shape

interface RawTag {
  code: string;
  meaning?: string;
  category?: string;
  source: number;
  verified?: boolean;
  listedIn?: number;
  takesPersonName?: boolean;
}

interface RawNote {
  meaning: string;
  source: number;
  verified?: boolean;
}

interface RawReference {
  sources: string[];
  tags: Record<TagKind, RawTag[]>;
  routingIndicators: { indicator: string; stations: string[]; source: number }[];
  markings: { marking: string; meaning?: string; source: number; verified?: boolean; listedIn?: number }[];
  precedence: { prosign?: string; precedence: string; meaning: string; source: number }[];
  classificationReasons: {
    code: string;
    authority: string;
    kind: string;
    meaning?: string;
    source: number;
    verified?: boolean;
    listedIn?: number;
  }[];
  headerElements: {
    element: string;
    example: string;
    description: string;
    source: number;
    keys: string[];
    notes?: Record<string, RawNote | undefined>;
  }[];
}

const raw: RawReference = referenceData;

/** Table order decides collisions (see the top of this file). */
const TAG_KIND_ORDER: readonly TagKind[] = ['subject', 'program', 'geographic', 'organization'];

interface Index {
  tags: Map<string, TagInfo>;
  routingIndicators: Map<string, RoutingIndicatorInfo>;
  markings: Map<string, MarkingInfo>;
  precedence: Map<string, PrecedenceInfo>;
  classificationReasons: Map<string, ClassificationReasonInfo[]>;
  headerElements: Map<string, HeaderElementInfo>;
}

let index: Index | undefined;

function source(i: number): string {
  const text = raw.sources[i];
  if (text === undefined) throw new Error(`reference.json: no source #${i}; rebuild it with npm run data`);
  return text;
}

/** Upper case, trimmed, inner runs of white space as one space. */
function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toUpperCase();
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

function buildTagIndex(): Map<string, TagInfo> {
  const byCode = new Map<string, TagInfo[]>();
  for (const kind of TAG_KIND_ORDER) {
    for (const row of raw.tags[kind]) {
      const info: TagInfo = {
        code: row.code,
        kind,
        ...optional('meaning', row.meaning),
        source: source(row.source),
        verified: row.verified ?? true,
        ...optional('category', row.category),
        ...optional('takesPersonName', row.takesPersonName),
        ...optional('listedIn', row.listedIn === undefined ? undefined : source(row.listedIn)),
      };
      const key = normalize(row.code);
      byCode.set(key, [...(byCode.get(key) ?? []), info]);
    }
  }
  const tags = new Map<string, TagInfo>();
  for (const [key, [first, ...others]] of byCode) {
    if (first) tags.set(key, others.length > 0 ? { ...first, alsoListedAs: others } : first);
  }
  return tags;
}

function buildIndex(): Index {
  const routingIndicators = new Map<string, RoutingIndicatorInfo>();
  for (const row of raw.routingIndicators) {
    routingIndicators.set(normalize(row.indicator), {
      indicator: row.indicator,
      station: row.stations.join(' / '),
      stations: row.stations,
      source: source(row.source),
      verified: true,
    });
  }

  const markings = new Map<string, MarkingInfo>();
  for (const row of raw.markings) {
    markings.set(normalize(row.marking), {
      marking: row.marking,
      ...optional('meaning', row.meaning),
      source: source(row.source),
      verified: row.verified ?? true,
      ...optional('listedIn', row.listedIn === undefined ? undefined : source(row.listedIn)),
    });
  }

  const precedence = new Map<string, PrecedenceInfo>();
  for (const row of raw.precedence) {
    const info: PrecedenceInfo = {
      ...optional('prosign', row.prosign),
      precedence: row.precedence,
      meaning: row.meaning,
      source: source(row.source),
      verified: true,
    };
    precedence.set(normalize(row.precedence), info);
    if (row.prosign) {
      // Format line 2 writes the prosign as a digraph: PP, OO.
      precedence.set(normalize(row.prosign), info);
      precedence.set(normalize(row.prosign + row.prosign), info);
    }
  }

  const classificationReasons = new Map<string, ClassificationReasonInfo[]>();
  for (const row of raw.classificationReasons) {
    const key = classificationReasonKey(row.code);
    const info: ClassificationReasonInfo = {
      code: row.code,
      authority: row.authority,
      kind: row.kind,
      ...optional('meaning', row.meaning),
      source: source(row.source),
      verified: row.verified ?? true,
      ...optional('listedIn', row.listedIn === undefined ? undefined : source(row.listedIn)),
    };
    classificationReasons.set(key, [...(classificationReasons.get(key) ?? []), info]);
  }

  const headerElements = new Map<string, HeaderElementInfo>();
  for (const row of raw.headerElements) {
    const base = {
      element: row.element,
      example: row.example,
      description: row.description,
      source: source(row.source),
      verified: true as const,
    };
    for (const name of [row.element, ...row.keys]) {
      const key = normalize(name);
      const note = row.notes?.[name];
      headerElements.set(key, {
        key,
        ...base,
        ...optional('keyMeaning', note && { meaning: note.meaning, source: source(note.source), verified: note.verified ?? true }),
      });
    }
  }

  return { tags: buildTagIndex(), routingIndicators, markings, precedence, classificationReasons, headerElements };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/** `1.4 (b)`, `1.4b`, `1.4(B)` → `1.4(b)`; `DECL: <date>` → `DECL`; others upper case without spaces. */
function classificationReasonKey(code: string): string {
  const compact = code.replace(/\s+/g, '').toUpperCase();
  const section = /^1\.([45])\(?([A-H])\)?$/.exec(compact);
  if (section) return `1.${section[1]}(${section[2]!.toLowerCase()})`;
  return compact.split(':')[0] ?? compact;
}

// ---------------------------------------------------------------- lookups

/** A TAGS code (`PGOV`, `iz`, `AU-1`); undefined when no table lists it. */
export function lookupTag(code: string): TagInfo | undefined {
  if (typeof code !== 'string') return undefined;
  return getIndex().tags.get(normalize(code));
}

/** Every TAGS code the tables list, each once (as `lookupTag` answers it), in code order. */
export function allTags(): TagInfo[] {
  return [...getIndex().tags.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** A routing indicator (`RUEHBC`) and the station(s) ACP 117 gives for it. */
export function lookupRoutingIndicator(ri: string): RoutingIndicatorInfo | undefined {
  if (typeof ri !== 'string') return undefined;
  return getIndex().routingIndicators.get(normalize(ri));
}

/**
 * A classification or handling marking: `CONFIDENTIAL` (also letter-spaced, `C O N F I D E N T I A L`),
 * `NOFORN`, `SIPDIS`, `(S)`, `REL TO USA, FVEY` (any `REL TO`/`REL` list answers the REL TO row).
 */
export function lookupMarking(word: string): MarkingInfo | undefined {
  if (typeof word !== 'string') return undefined;
  let key = normalize(word);
  if (/^(?:[A-Z] )+[A-Z]$/.test(key)) key = key.replace(/ /g, '');
  if (/^REL\b/.test(key)) key = 'REL TO';
  return getIndex().markings.get(key);
}

/** A precedence prosign (`Z O P R Y`, or the digraph `PP`) or word (`FLASH`, `NIACT IMMEDIATE`). */
export function lookupPrecedence(prosign: string): PrecedenceInfo | undefined {
  if (typeof prosign !== 'string') return undefined;
  return getIndex().precedence.get(normalize(prosign));
}

/**
 * A classification reason or declassification code: `1.4(b)`, `1.4 (b)`, `1.4b`, `1.5(d)`, `25X1`,
 * `X5`, `DECL`. Where several executive orders use the code, `order` (`12958`, `E.O. 13526`, as
 * read from the cable's E.O. line) picks the one the cable cites; otherwise the table's first row
 * answers. The others come in `otherAuthorities`.
 */
export function lookupClassificationReason(code: string, order?: string): ClassificationReasonInfo | undefined {
  if (typeof code !== 'string') return undefined;
  const rows = getIndex().classificationReasons.get(classificationReasonKey(code));
  if (!rows || rows.length === 0) return undefined;
  const orderNumber = order?.match(/\d{5}/)?.[0];
  const chosen = (orderNumber && rows.find((row) => row.authority.includes(orderNumber))) || rows[0]!;
  const others = rows.filter((row) => row !== chosen);
  return others.length > 0 ? { ...chosen, otherAuthorities: others } : chosen;
}

/**
 * A routing-header or preamble element of header-elements.md, by a keyword (`DE`, `ZNY`, `CCCCC`,
 * `BT`, `NNNN`, `VZCZC`, `FM`, `TAGS`, `SECTION`) or by the element's name (`TAGS line`).
 */
export function lookupHeaderElement(name: string): HeaderElementInfo | undefined {
  if (typeof name !== 'string') return undefined;
  return getIndex().headerElements.get(normalize(name));
}
