// The JSON record `cable parse` prints for each input: a stable, documented schema (README).
import { lookupTag } from '../data/reference.ts';
import type { CableModel } from '../model/cable-model.ts';

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
    tags: (model.tags?.codes ?? []).map((tag) => {
      const info = lookupTag(tag.code);
      return { code: tag.code, kind: info?.kind ?? null, meaning: info?.meaning ?? null };
    }),
    references: (model.references?.entries ?? []).map((entry) => ({
      label: entry.label ?? null,
      text: entry.text,
      kind: entry.kind,
      id: entry.id ?? null,
      line: entry.range.start.line + 1,
    })),
    paragraphs: model.paragraphs.map((p) => ({ number: p.number, marking: p.marking?.text ?? null, line: p.range.start.line + 1 })),
    diagnostics: model.diagnostics.map((d) => ({ line: d.range.start.line + 1, severity: d.severity, code: d.code, message: d.message })),
  };
}
