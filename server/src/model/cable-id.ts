// Cable IDs as WikiLeaks writes them: two-digit year, post without spaces, serial without
// leading zeros (`09BASRAH2`, `06LAPAZ3449`, `08STATE50524`).
import postNames from '../data/posts.json';

/** Posts whose ID form differs from the name written in banners and REF entries. */
const POST_ALIASES: Record<string, string> = {
  SECSTATE: 'STATE',
  USUN: 'USUNNEWYORK',
  UNVIE: 'UNVIEVIENNA',
  USEU: 'USEUBRUSSELS',
  'DUBAI RPO': 'RPODUBAI',
};

const KNOWN_POSTS: ReadonlySet<string> = new Set(postNames);

export function isKnownPost(name: string): boolean {
  return KNOWN_POSTS.has(name);
}

/** `LA PAZ` → `LAPAZ`, `SECSTATE` → `STATE`. */
export function postIdPart(post: string): string {
  const upper = post.toUpperCase().replace(/\s+/g, ' ').trim();
  return (POST_ALIASES[upper] ?? upper).replace(/ /g, '');
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
