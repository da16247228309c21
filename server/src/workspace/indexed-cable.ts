// What the workspace index keeps of each cable: its ID, the cables it cites, and what search and
// hover show. Made from the front matter alone (parseFrontMatter), in the index's thread or in an
// index worker (index-worker.ts), so both keep the same summary of a file.
import {
  identifiedCitations,
  idOfDocumentNumber,
  parseCableId,
  parseFrontMatter,
  type FrontMatter,
  type Range,
} from '../model/cable-model.ts';
import { isCableFile } from './cable-detection.ts';
import { baseName, uriKey } from './uri-keys.ts';

export interface IndexedCable {
  uri: string;
  id?: string;
  /** `text`: computed from the text (the file name may have given the year); `file-name`: from the name alone. */
  idSource?: 'text' | 'file-name';
  /** PlusD's document number (`1975ADDIS09462`), when the text gives it: the cable is found by its ID in either convention. */
  documentNumber?: string;
  subject?: string;
  /** ISO 8601 UTC date-time of the DTG or date line. */
  date?: string;
  classification?: string;
  /** The originating post as the banner writes it: `LA PAZ`. */
  origin?: string;
  /** TAGS codes, upper case. */
  tags: string[];
  /** The cables this one cites in its REF list, each with the place of its citation. */
  cites: Citation[];
  /** Where a definition lands: the banner line, else the start of the file. */
  anchor: Range;
}

/** A REF entry that names a cable: the cited ID, and where the entry cites it. */
export interface Citation {
  id: string;
  range: Range;
}

export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The ID a file name gives: `08BAGHDAD3475.cable` → `08BAGHDAD3475`; PlusD's `1975BONN01234.txt` → `75BONN1234`. */
function idFromFileName(uri: string): string | undefined {
  const stem = baseName(uri)
    .replace(/\.[^.]*$/, '')
    .toUpperCase();
  return parseCableId(stem) ? stem : idOfDocumentNumber(stem);
}

/** The IDs a REF entry may cite the cable by: its own, and its document number's when the post is abbreviated differently (`75ADDIS9462` beside `75ADDISABABA9462`). */
export function idsOf(cable: IndexedCable): string[] {
  const fromNumber = cable.documentNumber ? idOfDocumentNumber(cable.documentNumber) : undefined;
  const ids = cable.id ? [cable.id] : [];
  return fromNumber && fromNumber !== cable.id ? [...ids, fromNumber] : ids;
}

export function summarize(uri: string, model: FrontMatter): IndexedCable {
  const cites = (model.references?.entries ?? []).flatMap(identifiedCitations).map(({ id, range }) => ({ id, range }));
  const tags = (model.tags?.codes ?? []).map((tag) => tag.code);
  const cable: IndexedCable = { uri, tags, cites, anchor: model.banner?.range ?? model.header?.range ?? START_OF_FILE };
  const nameId = model.id ? undefined : idFromFileName(uri);
  if (model.id) {
    cable.id = model.id;
    cable.idSource = 'text';
  } else if (nameId) {
    cable.id = nameId;
    cable.idSource = 'file-name';
  }
  if (model.documentNumber) cable.documentNumber = model.documentNumber;
  if (model.subject) cable.subject = model.subject.text;
  if (model.date) cable.date = model.date;
  if (model.classification) cable.classification = model.classification;
  if (model.banner?.origin) cable.origin = model.banner.origin.text;
  return cable;
}

/** The summary of a file's text: `.cable` files always, other files when the detector recognises a cable. */
export function summarizeFile(uri: string, text: string): IndexedCable | undefined {
  return isCableFile(uri, text) ? summarize(uri, parseFrontMatter(text, { fileName: baseName(uri) })) : undefined;
}

/**
 * The citing cables, each once: the same cable in two files (a Cablegate `.txt` and its `.cable`
 * rendering) is one cable citing this one, though both its REF entries are listed.
 */
export function distinctCables<T extends { cable: IndexedCable }>(citing: T[]): T[] {
  const seen = new Set<string>();
  return citing.filter(({ cable }) => {
    const key = cable.id ?? uriKey(cable.uri);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
