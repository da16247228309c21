// The JSON record `cable parse` prints for each input: a stable, documented schema (README).
import { identifiedCitations, lookupTag, type CableModel } from '../service/language-service.ts';
import { sourceCableId } from '../sources/source-forms.ts';
import { METADATA_ORIGIN, type MetadataOrigin, type SourceCable, type SourceForm } from '../sources/source-types.ts';

export interface CableRecord {
  file: string;
  id: string | null;
  /** PlusD's document number (`1975STATE123456`), when a page head gives it; added in 0.2, after `id`. */
  documentNumber: string | null;
  classification: string | null;
  date: string | null;
  origin: string | null;
  precedence: string | null;
  subject: string | null;
  tags: { code: string; kind: string | null; meaning: string | null }[];
  references: { label: string | null; text: string; kind: string; id: string | null; line: number }[];
  paragraphs: { number: number; marking: string | null; line: number }[];
  diagnostics: { line: number; severity: string; code: string; message: string }[];
}

function tagRecord(code: string): CableRecord['tags'][number] {
  const info = lookupTag(code);
  return { code, kind: info?.kind ?? null, meaning: info?.meaning ?? null };
}

/** Lines are 1-based in the record, as editors and `grep -n` count them. */
export function toRecord(file: string, model: CableModel): CableRecord {
  return {
    file,
    id: model.id ?? null,
    documentNumber: model.documentNumber ?? null,
    classification: model.classification ?? null,
    date: model.date ?? null,
    // A FRUS telegram has no banner: its date line names the place it was sent from.
    origin: model.banner?.origin?.text ?? model.frus?.place?.text ?? null,
    precedence: model.precedence ?? null,
    subject: model.subject?.text ?? null,
    tags: (model.tags?.codes ?? []).map((tag) => tagRecord(tag.code)),
    references: (model.references?.entries ?? []).map((entry) => ({
      label: entry.label ?? null,
      text: entry.text,
      kind: entry.kind,
      id: entry.id ?? null,
      ids: identifiedCitations(entry).map((c) => c.id),
      line: entry.range.start.line + 1,
    })),
    paragraphs: model.paragraphs.map((p) => ({ number: p.number, marking: p.marking?.text ?? null, line: p.range.start.line + 1 })),
    diagnostics: model.diagnostics.map((d) => ({ line: d.range.start.line + 1, severity: d.severity, code: d.code, message: d.message })),
  };
}

/** Where a cable read from a page, a CSV row or an export was found (lines 1-based, in the source file). */
export interface SourceRecordFields {
  source?: { form: SourceForm; line: number; row?: number };
  /** The fields the text lacked and the source's metadata gave, each with where it came from. */
  sources?: Partial<Record<'id' | 'date' | 'classification' | 'origin' | 'subject' | 'tags', MetadataOrigin>>;
}

/**
 * The record of a cable read from a source: the text's own fields first; the fields it lacks
 * taken from the source's metadata and marked so in `sources` (`line`s count the cable text's
 * lines, as `cable import` writes it; `source.line` is where that text starts in the file).
 */
export function toSourceRecord(file: string, cable: SourceCable, model: CableModel): CableRecord & SourceRecordFields {
  const record: CableRecord & SourceRecordFields = toRecord(file, model);
  record.source = { form: cable.form, line: cable.line + 1, ...(cable.row !== undefined ? { row: cable.row } : {}) };
  const origin = METADATA_ORIGIN[cable.form];
  const sources: NonNullable<SourceRecordFields['sources']> = {};
  const { metadata } = cable;
  // The source's ID names the cable even when the text reads as another (a repeat, a page that
  // holds a quoted cable): it is the ID the source is catalogued and cited by.
  const id = sourceCableId(cable, () => record.id ?? undefined);
  if (id !== record.id) {
    record.id = id ?? null;
    sources.id = origin;
  }
  for (const field of ['date', 'classification', 'origin', 'subject'] as const) {
    const value = metadata[field];
    if (record[field] === null && value) {
      record[field] = value;
      sources[field] = origin;
    }
  }
  if (record.tags.length === 0 && metadata.tags?.length) {
    record.tags = metadata.tags.map(tagRecord);
    sources.tags = origin;
  }
  if (Object.keys(sources).length > 0) record.sources = sources;
  return record;
}
