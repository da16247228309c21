// `cable parse`: one JSON record per cable. A file is read by its content: plain cable text is one
// cable; a WikiLeaks page, a cables.csv file (streamed, one record per row) or an export gives the
// cables it holds, each record completed by the source's metadata (json-record.ts).
import { readSourceFile, readSourceStream, type SourceItem } from '../node/source-stream.ts';
import { NEVER_CANCELLED, type CableLanguageService, type CableModel, type ParseContext } from '../service/language-service.ts';
import { sourceParseContext } from '../sources/source-forms.ts';
import { documentOfFile } from './cli-service.ts';
import { toRecord, toSourceRecord } from './json-record.ts';

/** The source items of a path, `-` being standard input (streamed too). */
function sourceItems(path: string): AsyncGenerator<SourceItem> {
  return path === '-' ? readSourceStream(process.stdin) : readSourceFile(path);
}

/**
 * Prints the records of each file (`out` may wait for a slow reader: a whole cables.csv is never
 * held in memory); returns the exit status, 1 when a file or a row could not be read.
 */
export async function runParse(
  service: CableLanguageService,
  files: string[],
  context: ParseContext,
  out: (line: string) => Promise<void> | void,
  err: (line: string) => void,
): Promise<number> {
  // Through the service, as the editor parses; a context is given, so nothing is cached.
  const parse = (file: string, text: string, itemContext: ParseContext): CableModel =>
    service.model(documentOfFile(file, text), NEVER_CANCELLED, itemContext);
  let failed = false;
  for (const file of files) {
    for await (const item of sourceItems(file)) {
      if ('note' in item) {
        err(`cable: ${file}: ${item.note}`);
      } else if ('message' in item) {
        err(`cable: ${file}: ${item.message}`);
        failed = true;
      } else if (item.form === 'text') {
        await out(JSON.stringify(toRecord(file, parse(file, item.text, { ...context, fileName: file }))));
      } else {
        await out(JSON.stringify(toSourceRecord(file, item, parse(file, item.text, { ...sourceParseContext(item), ...context }))));
      }
    }
  }
  return failed ? 1 : 0;
}
