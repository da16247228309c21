// Cable IDs as WikiLeaks writes them: two-digit year, origin, serial without leading zeros
// (`09BASRAH2`, `06LAPAZ3449`, `08STATE50524`), and the origins a post's name stands for.
import posts from '../data/posts.json';

/** The letters of a post's name, upper case: `N'DJAMENA` → `NDJAMENA`, `La Paz` → `LAPAZ`. */
export function postKey(name: string): string {
  return name.toUpperCase().replace(/[^A-Z]/g, '');
}

/** Letters of every name an origin is written with → the origin's ID form (`MEXICOCITY` → `MEXICO`). */
const ORIGIN_BY_KEY = new Map<string, string>();
for (const [id, origin] of Object.entries(posts.origins)) {
  ORIGIN_BY_KEY.set(id, id);
  for (const name of Object.keys(origin.names)) ORIGIN_BY_KEY.set(postKey(name), id);
}
/** Stations a banner may name that are no origin of WikiLeaks' IDs (`OECD PARIS`, `ASEAN JAKARTA`). */
const STATION_KEYS: ReadonlySet<string> = new Set(posts.stations.map(postKey));

/** The origin a post's name stands for in IDs: `MEXICO CITY` → `MEXICO`, `SECSTATE` → `STATE`. */
export function originOf(name: string): string | undefined {
  // Most names asked about are one upper-case word (`IIR`, `STATE`): no need to take their letters.
  return ORIGIN_BY_KEY.get(name) ?? (ONE_WORD.test(name) ? undefined : ORIGIN_BY_KEY.get(postKey(name)));
}
const ONE_WORD = /^[A-Z]+$/;

export function isKnownPost(name: string): boolean {
  const key = postKey(name);
  return ORIGIN_BY_KEY.has(key) || STATION_KEYS.has(key);
}

/** Names of five letters or more, the shortest a misspelling is matched against. */
const MIN_TYPO_LENGTH = 5;
/** The most edits a misspelling is matched within. */
const MAX_TYPO_EDITS = 2;

/** How many of each letter a name has: names whose counts differ by more than twice the edits allowed are not compared. */
function letterCounts(key: string): Uint8Array {
  const counts = new Uint8Array(26);
  for (let i = 0; i < key.length; i++) counts[key.charCodeAt(i) - 65]!++;
  return counts;
}

const TYPO_CANDIDATES = [...ORIGIN_BY_KEY.keys()]
  .filter((key) => key.length >= MIN_TYPO_LENGTH)
  .map((key) => ({ key, counts: letterCounts(key) }));

/** Edit distance is at least half the letters the two counts differ by. */
function countsWithin(a: Uint8Array, b: Uint8Array, edits: number): boolean {
  let differ = 0;
  for (let i = 0; i < 26; i++) {
    differ += Math.abs(a[i]! - b[i]!);
    if (differ > 2 * edits) return false;
  }
  return true;
}

/**
 * The one origin whose name a misspelt post is within reach of (`BRASLIA`, `SAO PAULLO`, `SECTATE`):
 * one edit for names of five to seven letters, two from eight; undefined when none or several are.
 */
export function originOfMisspelt(name: string): string | undefined {
  const key = postKey(name);
  if (key.length < MIN_TYPO_LENGTH) return undefined;
  const reach = key.length >= 8 ? MAX_TYPO_EDITS : 1;
  const counts = letterCounts(key);
  let found: string | undefined;
  for (const { key: candidate, counts: candidateCounts } of TYPO_CANDIDATES) {
    if (
      Math.abs(candidate.length - key.length) > reach ||
      !countsWithin(counts, candidateCounts, reach) ||
      editDistanceWithin(key, candidate, reach) > reach
    )
      continue;
    // `STATES` is the English plural, not a misspelt STATE.
    if (key === `${candidate}S`) continue;
    const origin = ORIGIN_BY_KEY.get(candidate)!;
    if (found && found !== origin) return undefined;
    found = origin;
  }
  return found;
}

/** Levenshtein distance of `a` and `b`, or `limit + 1` as soon as it must exceed `limit`. */
function editDistanceWithin(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** `LA PAZ` → `LAPAZ`, `SECSTATE` → `STATE`, `MEXICO CITY` → `MEXICO`. */
export function postIdPart(post: string): string {
  return originOf(post) ?? postKey(post);
}

export function cableId(year: number, post: string, serial: string): string {
  const serialNumber = serial.replace(/^0+(?=\d)/, '');
  return `${String(year % 100).padStart(2, '0')}${postIdPart(post)}${serialNumber}`;
}

/** `09BASRAH2` → its parts; undefined when the text is not shaped like an ID. */
export const CABLE_ID_PATTERN = /^(\d{2})([A-Z][A-Z]*?)(\d+)$/;

export function parseCableId(text: string): { year: string; post: string; serial: string } | undefined {
  const match = CABLE_ID_PATTERN.exec(text);
  return match ? { year: match[1]!, post: match[2]!, serial: match[3]! } : undefined;
}

/** PlusD's document number: four-digit year, post as the page head abbreviates it, serial with its zeros (`1975STATE123456`). */
const DOCUMENT_NUMBER_PATTERN = /^(19\d\d|20\d\d)([A-Z][A-Z]*?)(\d+)(?:_[A-Z])?$/;

/** `1974ATHENS02959` (or WikiLeaks' page name `1974ATHENS02959_b`) → its parts, the year as written. */
export function parseDocumentNumber(text: string): { year: string; post: string; serial: string } | undefined {
  const match = DOCUMENT_NUMBER_PATTERN.exec(text);
  return match ? { year: match[1]!, post: match[2]!, serial: match[3]! } : undefined;
}

/** The Cablegate-style ID of a PlusD document number: `1975BONN01234` → `75BONN1234`. */
export function idOfDocumentNumber(documentNumber: string): string | undefined {
  const parts = parseDocumentNumber(documentNumber.toUpperCase());
  return parts ? cableId(Number(parts.year), parts.post, parts.serial) : undefined;
}
