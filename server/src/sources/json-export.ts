// JSON-lines exports of Cablegate (Mongo-style dumps), one cable a line:
// `{ "_id" : …, "origin" : …, "date_time" : …, "classification" : …, "body" : … }`. Two forms:
// the 2010 release's, where `_id` is the WikiLeaks ID and dates are `2004-01-20 12:12`, and one
// copied from cables.csv rows (dates `11/24/1985 11:15`), where `_id` holds the references column.
// Some exports write apostrophes `\'`, which JSON does not allow.
import { parseSourceDate } from './source-dates.ts';
import type { SourceCable, SourceMetadata, SourceProblem } from './source-types.ts';

export function isJsonExport(head: string): boolean {
  return /^\uFEFF?\s*\{\s*"(?:_id|origin|date_time|classification|body)"\s*:/.test(head);
}

function parseLine(line: string): Record<string, unknown> | undefined {
  for (const candidate of [line, line.replace(/\\'/g, "'")]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // tried again without the `\'` escapes, then reported
    }
  }
  return undefined;
}

/**
 * The bodies lost their line breaks: a partial extract's dateline runs into the banner
 * (`Thursday, 23 October 2008, 09:20S E C R E T …`). It is put back on a line of its own, so the
 * banner starts a line as the model reads it.
 */
function unglueDateline(body: string): string {
  return body.replace(/^(\s*[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2})(?=\S)/, '$1\n');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** One line of the export (`row` 1-based, `line` 0-based in the file). */
export function readJsonExportLine(line: string, lineIndex: number): SourceCable | SourceProblem {
  const record = parseLine(line);
  if (!record) return { message: `line ${lineIndex + 1}: not a JSON object`, line: lineIndex };
  const body = typeof record['body'] === 'string' ? record['body'] : undefined;
  if (!body || !body.trim()) return { message: `line ${lineIndex + 1}: the record has no "body"`, line: lineIndex };
  const metadata: SourceMetadata = {};
  const dateTime = text(record['date_time']);
  const date = dateTime ? parseSourceDate(dateTime) : undefined;
  if (date) metadata.date = date;
  const id = text(record['_id']);
  // Only the 2010 release's `_id` is the cable's ID; the cables.csv copy (M/D/YYYY dates) keeps references there.
  if (id && /^\d{2}[A-Z]+\d+$/.test(id) && dateTime && /^\d{4}-/.test(dateTime)) metadata.id = id;
  const origin = text(record['origin']);
  if (origin) metadata.origin = origin;
  const classification = text(record['classification']);
  if (classification) metadata.classification = classification;
  return { form: 'json-export', text: unglueDateline(body), metadata, line: lineIndex, row: lineIndex + 1 };
}

/** Lines out of text pushed in chunks, as CablesCsvReader gives rows: an export of every cable is streamed too. */
export class JsonLinesReader {
  private buffer = '';
  private line = 0;

  push(chunk: string): (SourceCable | SourceProblem)[] {
    this.buffer += chunk;
    const out: (SourceCable | SourceProblem)[] = [];
    let start = 0;
    for (let end = this.buffer.indexOf('\n'); end !== -1; end = this.buffer.indexOf('\n', start)) {
      this.take(this.buffer.slice(start, end), out);
      start = end + 1;
    }
    this.buffer = this.buffer.slice(start);
    return out;
  }

  end(): (SourceCable | SourceProblem)[] {
    const out: (SourceCable | SourceProblem)[] = [];
    if (this.buffer) this.take(this.buffer, out);
    this.buffer = '';
    return out;
  }

  private take(line: string, out: (SourceCable | SourceProblem)[]): void {
    if (line.trim()) out.push(readJsonExportLine(line.replace(/\r$/, ''), this.line));
    this.line++;
  }
}
