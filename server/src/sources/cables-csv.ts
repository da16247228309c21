// The Cablegate `cables.csv`: no header line, eight quoted columns (row number, date
// `12/28/1966 18:48`, ID, origin, classification, referenced IDs joined by `|`, routing header,
// body), fields spanning lines, quotes escaped `\"` (as WikiLeaks dumped it) or `""` (RFC 4180).
// Read as a stream: text is pushed in chunks and whole rows come out, so memory holds one row.
import { parseSourceDate } from './source-dates.ts';
import type { SourceCable, SourceMetadata, SourceProblem } from './source-types.ts';

export const CSV_COLUMNS = 8;
/** A row of more columns than this is no cables.csv row: reading stops there (a row is held whole until it ends). */
const MOST_COLUMNS = 64;
/** A quoted field longer than this is an unbalanced quote, not a cable: reading stops there. */
const LONGEST_FIELD = 16 * 1024 * 1024;

/** A cables.csv file starts with a quoted row number and a quoted field after it. */
export function isCablesCsv(head: string): boolean {
  return /^"\d+","[^"\n]*","/.test(head.replace(/^\uFEFF/, ''));
}

type RowResult = { fields: string[]; end: number; newlines: number } | 'more' | { problem: string };

/** Counts line breaks in `text` between `from` and `to`. */
function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

const ESCAPED: Record<string, string> = { '"': '"', "'": "'", '\\': '\\' };

/**
 * Reads one row at `start`; 'more' when the text ends inside it (unless `atEnd`). Scans with
 * indexOf from quote to quote: a character loop in JavaScript would be several times slower.
 */
function readRow(text: string, start: number, atEnd: boolean): RowResult {
  const fields: string[] = [];
  let pos = start;
  for (;;) {
    if (text.charCodeAt(pos) === 0x22) {
      const parts: string[] = [];
      let from = pos + 1;
      let backslash = text.indexOf('\\', from);
      for (;;) {
        const quote = text.indexOf('"', from);
        if (backslash !== -1 && backslash < from) backslash = text.indexOf('\\', from);
        if (quote === -1) {
          if (!atEnd && text.length - pos < LONGEST_FIELD) return 'more';
          return {
            problem: atEnd
              ? 'the file ends inside a quoted field (truncated, or an unbalanced quote)'
              : `a quoted field runs over ${LONGEST_FIELD / 1024 / 1024} MB: an unbalanced quote`,
          };
        }
        if (backslash !== -1 && backslash < quote) {
          if (backslash + 1 >= text.length && !atEnd) return 'more';
          const escaped = ESCAPED[text[backslash + 1]!];
          parts.push(text.slice(from, backslash), escaped ?? text.slice(backslash, backslash + 2));
          from = backslash + 2;
          continue;
        }
        if (quote + 1 >= text.length && !atEnd) return 'more';
        if (text.charCodeAt(quote + 1) === 0x22) {
          parts.push(text.slice(from, quote + 1));
          from = quote + 2;
          continue;
        }
        parts.push(text.slice(from, quote));
        pos = quote + 1;
        break;
      }
      fields.push(parts.length === 1 ? parts[0]! : parts.join(''));
    } else {
      const comma = text.indexOf(',', pos);
      const newline = text.indexOf('\n', pos);
      let end = comma !== -1 && (newline === -1 || comma < newline) ? comma : newline;
      if (end === -1) {
        if (!atEnd && text.length - pos < LONGEST_FIELD) return 'more';
        if (!atEnd) return { problem: `an unquoted field runs over ${LONGEST_FIELD / 1024 / 1024} MB: not a cables.csv row` };
        end = text.length;
      }
      fields.push(text.slice(pos, end).replace(/\r$/, ''));
      pos = end;
    }
    const next = text.charCodeAt(pos);
    if (next === 0x2c) {
      if (fields.length > MOST_COLUMNS) return { problem: `a row of over ${MOST_COLUMNS} columns: not a cables.csv row` };
      pos++;
      continue;
    }
    if (next === 0x0d && text.charCodeAt(pos + 1) === 0x0a) pos++;
    if (next === 0x0a || next === 0x0d || pos >= text.length) {
      if (pos >= text.length && !atEnd) return 'more';
      const end = Math.min(pos + 1, text.length);
      return { fields, end, newlines: countNewlines(text, start, end) };
    }
    return { problem: `a quoted field is followed by "${text[pos]}" instead of a comma or a line break (an unbalanced quote)` };
  }
}

function rowMetadata(fields: string[]): SourceMetadata {
  const [, date, id, origin, classification, references] = fields;
  const metadata: SourceMetadata = {};
  if (id && /^\d{2}[A-Z]+\d+$/.test(id)) metadata.id = id;
  const iso = date ? parseSourceDate(date) : undefined;
  if (iso) metadata.date = iso;
  if (origin) metadata.origin = origin;
  if (classification) metadata.classification = classification;
  if (references) metadata.references = references.split('|').filter(Boolean);
  return metadata;
}

/** A row's cable text: its routing header, then its body (the header ends with its blank line). */
export function rowCableText(header: string, body: string): string {
  return header === '' || header.endsWith('\n') ? header + body : `${header}\n${body}`;
}

/** Rows out of text pushed in chunks; a problem ends the reading (the rows before it stand). */
export class CablesCsvReader {
  private buffer = '';
  private line = 0;
  private row = 0;
  private failed = false;

  /** Rows completed by this chunk. */
  push(chunk: string): (SourceCable | SourceProblem)[] {
    this.buffer += chunk;
    return this.drain(false);
  }

  /** The rows left at the end of the input, and a problem when it ends inside a row. */
  end(): (SourceCable | SourceProblem)[] {
    return this.drain(true);
  }

  private drain(atEnd: boolean): (SourceCable | SourceProblem)[] {
    const out: (SourceCable | SourceProblem)[] = [];
    if (this.failed) return out;
    let pos = 0;
    const text = this.buffer;
    while (pos < text.length) {
      if (text.charCodeAt(pos) === 0x0a || (text.charCodeAt(pos) === 0x0d && text.charCodeAt(pos + 1) === 0x0a)) {
        // A blank line between rows.
        if (text.charCodeAt(pos) === 0x0d) pos++;
        pos++;
        this.line++;
        continue;
      }
      const result = readRow(text, pos, atEnd);
      if (result === 'more') break;
      const rowNumber = this.row + 1;
      if ('problem' in result) {
        out.push({ message: `row ${rowNumber} (line ${this.line + 1}): ${result.problem}; the rows before it were read`, line: this.line });
        this.failed = true;
        pos = text.length;
        break;
      }
      this.row = rowNumber;
      if (result.fields.length !== CSV_COLUMNS) {
        const truncated = atEnd && result.end >= text.length && result.fields.length < CSV_COLUMNS;
        out.push({
          message: truncated
            ? `row ${rowNumber} (line ${this.line + 1}) ends after ${result.fields.length} of ${CSV_COLUMNS} columns: the file is truncated`
            : `row ${rowNumber} (line ${this.line + 1}) has ${result.fields.length} columns, not ${CSV_COLUMNS}: skipped`,
          line: this.line,
        });
      } else {
        out.push({
          form: 'cables-csv',
          text: rowCableText(result.fields[6]!, result.fields[7]!),
          metadata: rowMetadata(result.fields),
          line: this.line,
          row: rowNumber,
        });
      }
      this.line += result.newlines;
      pos = result.end;
    }
    this.buffer = text.slice(pos);
    return out;
  }
}
