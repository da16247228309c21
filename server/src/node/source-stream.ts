// A file of any form Cable reads, as a stream of cables: cables.csv row by row (memory stays flat
// whatever the file's size), the other forms read whole. Encodings as file-text.ts reads them:
// UTF-8, UTF-16 with a BOM, otherwise Windows-1252; binary files are refused with a reason.
import { closeSync, createReadStream, fstatSync, openSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { CablesCsvReader } from '../sources/cables-csv.ts';
import { JsonLinesReader } from '../sources/json-export.ts';
import { detectSourceForm, DETECTION_CHARS, readWholeSource, type DetectedForm } from '../sources/source-forms.ts';
import type { SourceCable, SourceProblem } from '../sources/source-types.ts';
import { decodeWindows1252, describeFileError, readToEnd } from './file-text.ts';

/** Plain cable text: the file is the cable. */
export interface PlainText {
  form: 'text';
  text: string;
}

/** How the file was read, for a line in a log: not UTF-8, or the form found. */
export interface SourceNote {
  note: string;
}

export type SourceItem = SourceCable | SourceProblem | PlainText | SourceNote;

function streamedReader(form: DetectedForm): CablesCsvReader | JsonLinesReader | undefined {
  if (form === 'cables-csv') return new CablesCsvReader();
  if (form === 'json-export') return new JsonLinesReader();
  return undefined;
}

/** A page or export read whole larger than this is no page: a form that is not streamed must stay small. */
const LARGEST_WHOLE_FILE = 256 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Decodes chunks; falls back to Windows-1252 from the first chunk that is not UTF-8. */
class ChunkDecoder {
  private decoder: TextDecoder;
  windows1252 = false;
  constructor(encoding: Encoding) {
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
  }
  decode(bytes: Uint8Array, last: boolean): string {
    if (this.windows1252) return decodeWindows1252(bytes);
    try {
      return this.decoder.decode(bytes, { stream: !last });
    } catch {
      this.windows1252 = true;
      return decodeWindows1252(bytes);
    }
  }
}

/** What a compressed download is, for the message: `cables.csv.gz` must be unpacked first. */
function compressedFormOf(first: Uint8Array): string {
  if (first[0] === 0x1f && first[1] === 0x8b) return ' (gzip-compressed: unpack it first)';
  if (first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04) return ' (a zip archive: unpack it first)';
  if (first[0] === 0x42 && first[1] === 0x5a && first[2] === 0x68) return ' (bzip2-compressed: unpack it first)';
  if (first[0] === 0xfd && first[1] === 0x37 && first[2] === 0x7a && first[3] === 0x58) return ' (xz-compressed: unpack it first)';
  return '';
}

function encodingOf(first: Uint8Array): Encoding {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * The cables of the file at `path`, in order; problems (no cable, a truncated CSV …) come as
 * items and end nothing already read. `onBytes` hears how many bytes have been read so far.
 */
export async function* readSourceFile(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<SourceItem> {
  const read = readSmallSourceFile(path, onBytes);
  yield* 'items' in read ? read.items : streamSource(read.stream, onBytes);
}

/**
 * What reading a file whole in one call gives: its items, when it is a regular file of one chunk
 * or less (every cable: a stream of it would give that one chunk); otherwise what to stream it
 * from. A stream per file costs a 1 MB buffer and several round trips to the thread pool: over the
 * corpus, half of `cable parse`'s time went to them and to their garbage.
 */
export type WholeRead = { items: AsyncGenerator<SourceItem> } | { stream: StreamSource };

/**
 * A larger regular file is streamed by its path; a pipe or a device (a named pipe, `<(…)`,
 * /dev/zero), which may never end, by the descriptor already open: opened again, a named pipe
 * would wait for a writer that is gone, what it wrote lost with the first descriptor.
 */
export type StreamSource = { path: string } | { fd: number };

export function readSmallSourceFile(path: string, onBytes?: (bytes: number) => void): WholeRead {
  let bytes: Buffer;
  try {
    // One open, fstat, read and close: a stat by path and then readFileSync cost a second lookup and fstat.
    const fd = openSync(path, 'r');
    let streamed = false;
    try {
      const info = fstatSync(fd);
      if (info.isDirectory()) return { items: problem('is a directory') };
      if (!info.isFile()) {
        streamed = true;
        return { stream: { fd } };
      }
      if (info.size > CHUNK_BYTES) return { stream: { path } };
      bytes = readToEnd(fd, Buffer.allocUnsafe(info.size + 1));
    } finally {
      if (!streamed) closeSync(fd);
    }
  } catch (error) {
    return { items: problem(describeFileError(error)) };
  }
  return { items: readSourceStream(bytes.length > 0 ? [bytes] : [], onBytes) };
}

/** The cables of a file too large to read whole, or of a pipe or a device, as readSourceFile gives them. */
export function streamSource(source: StreamSource, onBytes?: (bytes: number) => void): AsyncGenerator<SourceItem> {
  const options = { highWaterMark: CHUNK_BYTES };
  return readSourceStream(
    'fd' in source ? createReadStream('', { ...options, fd: source.fd }) : createReadStream(source.path, options),
    onBytes,
  );
}

async function* problem(message: string): AsyncGenerator<SourceItem> {
  yield { message };
}

/** The cables of a stream of bytes (a file, standard input), as readSourceFile gives them. */
export async function* readSourceStream(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<SourceItem> {
  let decoder: ChunkDecoder | undefined;
  let form: DetectedForm | undefined;
  /** The reader of a streamed form, rows out of chunks. */
  let rows: CablesCsvReader | JsonLinesReader | undefined;
  let whole = '';
  let bytes = 0;
  let pending = '';
  try {
    for await (const chunk of chunks) {
      if (!decoder) {
        const encoding = encodingOf(chunk);
        const compressed = compressedFormOf(chunk);
        if (compressed || (encoding === 'utf-8' && chunk.subarray(0, 8192).includes(0))) {
          yield { message: `is a binary file, not cable text${compressed}` };
          return;
        }
        decoder = new ChunkDecoder(encoding);
        if (encoding !== 'utf-8') yield { note: `read as ${encoding}` };
      }
      bytes += chunk.length;
      const wasWindows1252 = decoder.windows1252;
      const text = decoder.decode(chunk, false);
      if (decoder.windows1252 && !wasWindows1252) yield { note: `not UTF-8 from byte ${bytes - chunk.length}: read as Windows-1252` };
      if (!form) {
        pending += text;
        if (pending.length < DETECTION_CHARS) continue;
        form = detectSourceForm(pending);
        rows = streamedReader(form);
      }
      const next = pending || text;
      pending = '';
      if (rows) yield* rows.push(next);
      else if ((whole += next).length > LARGEST_WHOLE_FILE) {
        yield { message: `is over ${LARGEST_WHOLE_FILE / 1024 / 1024} MB and neither a cables.csv nor a JSON-lines file: not read` };
        return;
      }
      onBytes?.(bytes);
    }
  } catch (error) {
    yield { message: describeFileError(error) };
    return;
  }
  const tail = (decoder?.decode(new Uint8Array(), true) ?? '') + pending;
  form ??= detectSourceForm(tail);
  rows ??= streamedReader(form);
  if (rows) {
    yield* rows.push(tail);
    yield* rows.end();
  } else if (form !== 'cables-csv' && form !== 'json-export') {
    whole += tail;
    if (form === 'text') yield { form: 'text', text: whole };
    else yield* readWholeSource(form, whole);
  }
  onBytes?.(bytes);
}
