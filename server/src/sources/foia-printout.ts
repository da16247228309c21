// State Department FOIA reading-room releases of 1990s telegrams, as text by page: each page is
// wrapped in release stamps (`U.S. Department of State Case No. F-2017-13804 Doc No. C06698368`),
// and the POEMS printout puts the body first and its routing header after the signature. The text
// is kept as released; what the printout's own header states (`PAGE 01 STATE 258843`, the
// transmission DTG `P R 200226Z DEC 96`, `TAGS:`) gives the fields the model does not find there.
import { cableId } from '../model/cable-id.ts';
import { parseDateTimeGroupLine } from '../model/header.ts';
import type { DateTimeGroup } from '../model/model-types.ts';
import type { SourceCable, SourceMetadata } from './source-types.ts';

const RELEASE_STAMP = /U\.S\. Department of State Case No\. [A-Z]-\d{4}-\d+ Doc No\. C\d+/;
/** The printout's page header: `PAGE 01 STATE 258843 200226Z DEC 96` (OCR may put noise before the post). */
const PAGE_HEADER = /\bPAGE 0?1 +[^A-Z\s]?([A-Z]+(?: [A-Z]+){0,3}) +(\d{3,7})\b/;

export function isFoiaRelease(head: string): boolean {
  // The search for the literal is many times faster than the pattern's over a cable that has none.
  return head.includes('U.S. Department of State Case No. ') && RELEASE_STAMP.test(head);
}

export function readFoiaRelease(text: string): SourceCable {
  const lines = text.split(/\r?\n|\r/);
  const metadata: SourceMetadata = {};
  // The transmission DTG: a line of precedence prosigns and a DTG with its month and year.
  let dtg: DateTimeGroup | undefined;
  for (const [index, line] of lines.entries()) {
    const group = parseDateTimeGroupLine(line, index);
    if (group?.date && group.precedence.length > 0) {
      dtg = group;
      break;
    }
  }
  if (dtg?.date) metadata.date = dtg.date;
  const page = lines.map((line) => PAGE_HEADER.exec(line)).find((match) => match !== null);
  if (page && dtg?.year) metadata.id = cableId(dtg.year, page[1]!, page[2]!);
  const tags = lines.find((line) => /^\s*TAGS:?\s/.test(line));
  if (tags) {
    const codes = tags
      .replace(/^\s*TAGS:?/, '')
      .split(/[,\s]+/)
      .filter((code) => /^[A-Z][A-Z0-9-]{1,9}$/.test(code));
    if (codes.length) metadata.tags = codes;
  }
  return { form: 'foia-release', text, metadata, line: 0 };
}
