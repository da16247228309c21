// `cable parse`: one JSON record per cable. A file is read by its content: plain cable text is one
// cable; a WikiLeaks page, a cables.csv file (streamed, one record per row) or an export gives the
// cables it holds, each record completed by the source's metadata (json-record.ts).
//
// Many files are parsed by worker threads (parse-workers.ts), in batches, each worker reading its
// files itself; their records are written in the order of the arguments, as one thread writes them.
// Standard input and files over one chunk (a cables.csv of gigabytes) are streamed by this thread
// when their turn comes, so memory stays flat whatever their size.
import {
  readSmallSourceFile,
  readSourceFile,
  readSourceStream,
  streamSource,
  type SourceItem,
  type StreamSource,
  type WholeRead,
} from '../node/source-stream.ts';
import { NEVER_CANCELLED, type CableLanguageService, type CableModel, type ParseContext } from '../service/language-service.ts';
import { sourceParseContext } from '../sources/source-forms.ts';
import { documentOfFile } from './cli-service.ts';
import { toRecord, toSourceRecord } from './json-record.ts';
import { createParseWorkers, PARSE_BATCH_FILES, type ParseWorkers } from './parse-workers.ts';

/** What an input gives, in order: records (each a line of JSON, ending in a newline), or a line for stderr (`failed`: the exit status is 1). */
export type ParseOutput = { records: string } | { message: string; failed: boolean };

/** The source items of a path, `-` being standard input (streamed too), or of what a worker left open to stream. */
function sourceItems(path: string, source?: StreamSource): AsyncGenerator<SourceItem> {
  if (source) return streamSource(source);
  return path === '-' ? readSourceStream(process.stdin) : readSourceFile(path);
}

/** A path read whole in one call (readSmallSourceFile); undefined for standard input, which is streamed. */
export function readWholeInput(path: string): WholeRead | undefined {
  return path === '-' ? undefined : readSmallSourceFile(path);
}

/** The records and messages of one input's items. */
export async function* parseOutputs(
  service: CableLanguageService,
  file: string,
  items: AsyncGenerator<SourceItem>,
  context: ParseContext,
): AsyncGenerator<ParseOutput> {
  // Through the service, as the editor parses; a context is given, so nothing is cached.
  const parse = (text: string, itemContext: ParseContext): CableModel =>
    service.model(documentOfFile(file, text), NEVER_CANCELLED, itemContext);
  for await (const item of items) {
    if ('note' in item) yield { message: `cable: ${file}: ${item.note}`, failed: false };
    else if ('message' in item) yield { message: `cable: ${file}: ${item.message}`, failed: true };
    else if (item.form === 'text')
      yield { records: `${JSON.stringify(toRecord(file, parse(item.text, { ...context, fileName: file })))}\n` };
    else
      yield { records: `${JSON.stringify(toSourceRecord(file, item, parse(item.text, { ...sourceParseContext(item), ...context })))}\n` };
  }
}

/** Records are written in chunks of about this many characters: a write per record cost more than its JSON. */
const WRITE_CHUNK_CHARS = 256 * 1024;

/**
 * Prints the records of each file (`out` may wait for a slow reader: a whole cables.csv is never
 * held in memory); returns the exit status, 1 when a file or a row could not be read.
 */
export async function runParse(
  service: CableLanguageService,
  files: string[],
  context: ParseContext,
  out: (lines: string) => Promise<void> | void,
  err: (line: string) => void,
): Promise<number> {
  let failed = false;
  let pending = '';
  const flush = async () => {
    if (!pending) return;
    const lines = pending;
    pending = '';
    await out(lines);
  };
  const emit = async (output: ParseOutput) => {
    if ('records' in output) {
      pending += output.records;
      if (pending.length >= WRITE_CHUNK_CHARS) await flush();
    } else {
      // A message comes after the records before it, as a reader of both streams expects.
      await flush();
      err(output.message);
      failed ||= output.failed;
    }
  };
  const streamed = async (file: string, source?: StreamSource) => {
    for await (const output of parseOutputs(service, file, sourceItems(file, source), context)) await emit(output);
  };
  // A few files are parsed here: starting workers would take longer than parsing them.
  const workers = files.length > 2 * PARSE_BATCH_FILES ? createParseWorkers(context) : undefined;
  try {
    if (workers) await parseInWorkers(workers, files, emit, streamed);
    else for (const file of files) await streamed(file);
  } finally {
    workers?.dispose();
    await flush();
  }
  return failed ? 1 : 0;
}

/** Batches in flight for each worker, read ahead of the writing: enough to keep every worker busy, few enough to keep memory flat. */
const BATCHES_AHEAD_PER_WORKER = 4;

async function parseInWorkers(
  workers: ParseWorkers,
  files: string[],
  emit: (output: ParseOutput) => Promise<void>,
  streamed: (file: string, source?: StreamSource) => Promise<void>,
): Promise<void> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += PARSE_BATCH_FILES) batches.push(files.slice(i, i + PARSE_BATCH_FILES));
  const answers: ReturnType<ParseWorkers['parse']>[] = [];
  const ahead = BATCHES_AHEAD_PER_WORKER * workers.count;
  for (let next = 0; next < batches.length; next++) {
    for (let sent = answers.length; sent < Math.min(batches.length, next + ahead); sent++) {
      const answer = workers.parse(batches[sent]!);
      answer.catch(() => {}); // a worker's failure is thrown below, in its batch's turn
      answers.push(answer);
    }
    const outputs = await answers[next]!;
    delete answers[next];
    for (const output of outputs) {
      if ('streamed' in output) await streamed(output.streamed, output.source);
      else await emit(output);
    }
  }
}
