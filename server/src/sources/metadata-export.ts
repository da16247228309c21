// Collection exports that put metadata lines before the cable: five bare lines (alx/cablegate: ID,
// subject, date, classification, origin) or labelled ones (`Reference ID: 08BEIRUT523`,
// `Subject: …`, `Created: …`), often with the banner glued to the last address line
// (`SECSTATE WASHDC IMMEDIATE 2535UNCLAS MANAMA 04053`, `AMEMBASSY TOKYO C O N F I D E N T I A L …`).
import { parseBanner } from '../model/banner.ts';
import { parseSourceDate } from './source-dates.ts';
import type { SourceCable, SourceMetadata } from './source-types.ts';

const METADATA_LINES = 5;
const CLASSIFICATION_LINE = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\b/;

function firstLines(source: string, count: number): string[] {
  return source.split(/\r?\n/, count);
}

const CABLE_ID = /^\d{2}[A-Z]+\d+$/;
/** A labelled metadata line and the field it gives. */
const LABELS: Record<string, Exclude<keyof SourceMetadata, 'references'>> = {
  'reference id': 'id',
  'canonical id': 'id',
  id: 'id',
  subject: 'subject',
  date: 'date',
  created: 'date',
  classification: 'classification',
  origin: 'origin',
  tags: 'tags',
};
const LABELLED_LINE = /^\s*(reference id|canonical id|id|subject|date|created|released|classification|origin|tags) ?:(.*)$/i;

/** The labelled lines at the start, up to the first other line; each is one line of the file. */
function labelledLines(lines: string[]): [string, string][] {
  const labelled: [string, string][] = [];
  for (const line of lines) {
    const m = LABELLED_LINE.exec(line);
    if (!m) break;
    labelled.push([m[1]!.toLowerCase(), m[2]!.trim()]);
  }
  return labelled;
}

function isBareExport(lines: string[]): boolean {
  const [id, , date, classification] = lines;
  return (
    !!id &&
    CABLE_ID.test(id.trim()) &&
    !!date &&
    parseSourceDate(date) !== undefined &&
    !!classification &&
    CLASSIFICATION_LINE.test(classification.trim())
  );
}

/** Labelled lines name the cable (an ID label with an ID): a mail header's `Date:`/`Subject:` does not. */
function isLabelledExport(lines: string[]): boolean {
  const labelled = labelledLines(lines);
  return labelled.length >= 3 && labelled.some(([label, value]) => LABELS[label] === 'id' && CABLE_ID.test(value));
}

export function isMetadataExport(head: string): boolean {
  const lines = firstLines(head.replace(/^\uFEFF/, ''), 12).map((line) => line.replace(/\r$/, ''));
  return isBareExport(lines) || isLabelledExport(lines);
}

/**
 * Puts the banner glued to the end of a routing-header line back on a line of its own. Only the
 * header is looked at (up to the first blank line), and only a full banner (classification, post
 * and serial) is split off, so an address such as `SECSTATE WASHDC` is never cut.
 */
export function unglueBanner(text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && lines[i]!.trim() !== ''; i++) {
    const line = lines[i]!;
    for (const m of line.matchAll(/(?<=[0-9 ])(?=[A-Za-z])/g)) {
      const at = m.index!;
      if (at === 0 || !/\S/.test(line.slice(0, at))) continue;
      const banner = parseBanner(line.slice(at), i);
      if (!banner?.origin || !banner.serial) continue;
      lines.splice(i, 1, line.slice(0, at).trimEnd(), line.slice(at));
      return lines.join('\n');
    }
  }
  return text;
}

export function readMetadataExport(source: string): SourceCable {
  const text = source.replace(/^\uFEFF/, '');
  const head = firstLines(text, 12).map((line) => line.replace(/\r$/, ''));
  const metadata: SourceMetadata = {};
  let count: number;
  if (isBareExport(head)) {
    const [id, subject, date, classification, origin] = head.map((line) => line.trim());
    Object.assign(metadata, { id, subject, date, classification, origin });
    count = METADATA_LINES;
  } else {
    const labelled = labelledLines(head);
    for (const [label, value] of labelled) {
      const field = LABELS[label];
      if (field === 'tags') metadata.tags = value.split(/[,\s]+/).filter(Boolean);
      else if (field && value && !metadata[field]) metadata[field as Exclude<keyof SourceMetadata, 'tags' | 'references'>] = value;
    }
    count = labelled.length;
  }
  const date = metadata.date ? parseSourceDate(metadata.date) : undefined;
  if (date) metadata.date = date;
  else delete metadata.date;
  if (!metadata.id || !CABLE_ID.test(metadata.id)) delete metadata.id;
  for (const field of ['subject', 'classification', 'origin'] as const) if (!metadata[field]) delete metadata[field];
  let offset = 0;
  for (let n = 0; n < count && offset <= text.length; n++) offset = text.indexOf('\n', offset) + 1 || text.length + 1;
  return { form: 'metadata-export', text: unglueBanner(text.slice(Math.min(offset, text.length))), metadata, line: count };
}
