// Which form a file is in, told by its content (not its extension), and the cables of a form read
// whole (pages and single-cable exports; cables.csv and JSON lines are streamed: node/source-stream.ts).
import { isCablesCsv } from './cables-csv.ts';
import { isCablegatePage, isPlusdPage, readCablegatePage, readPlusdPage } from './html-page.ts';
import { isFoiaRelease, readFoiaRelease } from './foia-printout.ts';
import { isJsonExport } from './json-export.ts';
import { isMetadataExport, readMetadataExport } from './metadata-export.ts';
import type { ParseContext } from '../model/cable-model.ts';
import type { SourceCable, SourceProblem } from './source-types.ts';

/** What the start of a file says it is: `text` is plain cable text (or anything else the model reads). */
export type DetectedForm = 'html' | 'cables-csv' | 'json-export' | 'metadata-export' | 'foia-release' | 'text';

/** Characters of a file's start that tell its form. */
export const DETECTION_CHARS = 4096;

export function detectSourceForm(head: string): DetectedForm {
  if (/^\uFEFF?\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE html|<html)/i.test(head)) return 'html';
  if (isCablesCsv(head)) return 'cables-csv';
  if (isJsonExport(head)) return 'json-export';
  if (isMetadataExport(head)) return 'metadata-export';
  if (isFoiaRelease(head)) return 'foia-release';
  return 'text';
}

/** The cables of a whole file in a form other than plain text, cables.csv and JSON lines. */
export function readWholeSource(
  form: Exclude<DetectedForm, 'text' | 'cables-csv' | 'json-export'>,
  text: string,
): (SourceCable | SourceProblem)[] {
  switch (form) {
    case 'html':
      if (isCablegatePage(text)) return [readCablegatePage(text)];
      if (isPlusdPage(text)) return [readPlusdPage(text)];
      return [{ message: 'an HTML page that holds no cable (neither a WikiLeaks cable page nor a PlusD page)' }];
    case 'metadata-export':
      return [readMetadataExport(text)];
    case 'foia-release':
      return [readFoiaRelease(text)];
  }
}

/** The ID a cable from a source is known by: the source's own, else its text's (`toSourceRecord`). */
export function sourceCableId(cable: SourceCable, textId: () => string | undefined): string | undefined {
  return cable.metadata.id ?? textId();
}

/** The context a source's metadata gives the parse: the year of its date. */
export function sourceParseContext(cable: SourceCable): ParseContext {
  const year = cable.metadata.date ? Number(cable.metadata.date.slice(0, 4)) : undefined;
  return year ? { year } : {};
}
