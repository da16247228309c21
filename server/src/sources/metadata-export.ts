// Collection exports that put five metadata lines before the cable (alx/cablegate: ID, subject,
// date, classification, origin), often with the banner glued to the last address line
// (`SECSTATE WASHDC IMMEDIATE 2535UNCLAS MANAMA 04053`, `AMEMBASSY TOKYO C O N F I D E N T I A L …`).
import { parseBanner } from '../model/banner.ts';
import { parseSourceDate } from './source-dates.ts';
import type { SourceCable, SourceMetadata } from './source-types.ts';

const METADATA_LINES = 5;
const CLASSIFICATION_LINE = /^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE)\b/;

function firstLines(source: string, count: number): string[] {
  return source.split(/\r?\n/, count);
}

export function isMetadataExport(head: string): boolean {
  const [id, , date, classification] = firstLines(head.replace(/^\uFEFF/, ''), METADATA_LINES);
  return !!id && /^\d{2}[A-Z]+\d+$/.test(id.trim()) && !!date && parseSourceDate(date) !== undefined && !!classification && CLASSIFICATION_LINE.test(classification.trim());
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
  const lines = firstLines(text, METADATA_LINES).map((line) => line.replace(/\r$/, '').trim());
  const [id, subject, date, classification, origin] = lines;
  const metadata: SourceMetadata = {};
  if (id) metadata.id = id;
  if (subject) metadata.subject = subject;
  const iso = date ? parseSourceDate(date) : undefined;
  if (iso) metadata.date = iso;
  if (classification) metadata.classification = classification;
  if (origin) metadata.origin = origin;
  let offset = 0;
  for (let n = 0; n < METADATA_LINES && offset <= text.length; n++) offset = (text.indexOf('\n', offset) + 1 || text.length + 1);
  return { form: 'metadata-export', text: unglueBanner(text.slice(Math.min(offset, text.length))), metadata, line: METADATA_LINES };
}
