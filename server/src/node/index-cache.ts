// The workspace index's cache on the local disk (an IndexStore): one file per workspace folder in
// a cache directory outside the workspace (VS Code's extension storage, `--cache-dir`, or the
// platform's cache directory), named by a hash of the folder. Each file carries the Cable version
// and a hash of the index worker's bundle (the model and the summary it keeps), so a new model or
// a new Cable rebuilds it. Written whole to a temporary file then renamed, so a reader never sees
// half a cache and deleting the directory at any time is safe.
//
// The layout is JSON with each file as a flat array (`Row`), not objects: over the 20,000-cable
// bench workspace (bench/make-workspace.ts) JSON.parse of it takes 57 ms against 342 ms for
// v8.deserialize of the objects (and 263 ms for JSON of the objects), and it is half the size
// (6.2 MB against 11.8 MB); node 20 on 2 shared cores, load average 8.6. A header line, a line of
// the IDs of each part's cables, a line for each part of up to 1,024 rows (parsed when the
// index asks for it), an end line: the rows of 250,000 cables parsed at once and the summaries made of them were
// a peak of 893 MB, more than the 690 MB of indexing the folder from nothing, and a lookup needs
// only the IDs and the part of the cable it finds. After the end line, in binary, the folder's
// search segment (workspace/search-segment.ts): the search terms of its files by row, so a
// reopened folder's search files nothing; a damaged segment loads as none (its cables are filed).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from '../workspace/errors.ts';
import { uriKey } from '../workspace/uri-keys.ts';
import { yieldToEventLoop } from '../workspace/index-read.ts';
import type { IndexStore, StoredFile, StoredFiles, StoredFolder } from '../workspace/index-store.ts';
import { segmentBytes, segmentOf, type SearchSegment } from '../workspace/search-segment.ts';
import { idsOf, type Citation, type IndexedCable } from '../workspace/indexed-cable.ts';
import type { Range } from '../model/cable-model.ts';
import type { Logger } from '../service/host.ts';
import { INDEX_WORKER_SCRIPT } from './index-workers.ts';

/** Changes when the layout of a cache file changes. */
const FORMAT = 'cable-index-cache 9';
/** Rows of a part, which is read in one step: at 250,000 cables a part of 4,096 held the thread 20-55 ms, of 1,024 under 20 ms. */
const ROWS_A_LINE = 1024;
/** Written at once: small enough to be a young-generation string, large enough to be few writes. */
const CHUNK_BYTES = 32 * 1024;
/** Files whose IDs are gathered for the IDs line between yields to requests: about a millisecond. */
const FILES_BETWEEN_YIELDS = 1024;
/** The last line of a cache file: without it, the file was cut short. */
const END = '"end"';
/** The end line as it ends the text before the segment. */
const END_LINE = Buffer.from(`\n${END}\n`);

/** The second line: for each part, the IDs of its cables and the IDs they cite. */
interface PartIds {
  ids: string[][];
  cited: string[][];
}

/** The first line of a cache file. */
interface CacheHeader {
  format: string;
  version: string;
  folder: string;
  settings: string;
  excludes: string[];
}

/**
 * A file: path, size, mtime; for a cable then its URI (after the folder's URI and `/` when it is
 * under it, else whole after a space, which a URI never holds), ID, ID source, subject, date, classification, origin (0 for none), TAGS joined by
 * spaces, cites as [id, line, character, line, character, …], the anchor's four numbers, and the document number.
 */
type Row =
  | [string, number, number]
  | [string, number, number, string, Text, Text, Text, Text, Text, Text, string, (string | number)[], number[], Text];
type Text = string | 0;

const rangeOf = (n: number[], at: number): Range => ({
  start: { line: n[at]!, character: n[at + 1]! },
  end: { line: n[at + 2]!, character: n[at + 3]! },
});
const numbersOf = (range: Range) => [range.start.line, range.start.character, range.end.line, range.end.character];
const citesRow = (cites: Citation[]) => cites.flatMap((c) => [c.id, ...numbersOf(c.range)]);

/** A cable's citations as a row holds them: [id, line, character, line, character, …]; a loaded cable's are not made objects for it. */
function citesRowOf(cable: IndexedCable): (string | number)[] {
  return cable instanceof StoredCable ? cable.citesAsRow() : citesRow(cable.cites);
}

function rowOf(file: StoredFile, uriPrefix: string): Row {
  const { path, stat, cable } = file;
  if (!cable) return [path, stat.size, stat.mtime];
  const uri = cable.uri.startsWith(uriPrefix) ? cable.uri.slice(uriPrefix.length) : ` ${cable.uri}`;
  const { id = 0, idSource = 0, subject = 0, date = 0, classification = 0, origin = 0, documentNumber = 0 } = cable;
  return [
    path,
    stat.size,
    stat.mtime,
    uri,
    id,
    idSource,
    subject,
    date,
    classification,
    origin,
    cable.tags.join(' '),
    citesRowOf(cable),
    cable instanceof StoredCable ? cable.anchorAsRow() : numbersOf(cable.anchor),
    documentNumber,
  ];
}

/**
 * A cable as the cache holds it, its citations and anchor made into objects when first asked for:
 * at 250,000 cables those objects (8 a cable) were a sixth of the CPU before a reopened folder
 * answers, most of it the garbage collector's, and a definition needs only the target's anchor.
 */
class StoredCable implements IndexedCable {
  declare id?: string;
  declare idSource?: IndexedCable['idSource'];
  declare documentNumber?: string;
  declare subject?: string;
  declare date?: string;
  declare classification?: string;
  declare origin?: string;
  private citations: Citation[] | undefined;
  private range: Range | undefined;

  constructor(
    public uri: string,
    public tags: string[],
    private storedCites: (string | number)[] | undefined,
    private storedAnchor: number[] | undefined,
  ) {}

  get cites(): Citation[] {
    if (!this.citations) {
      const row = this.storedCites!;
      this.citations = [];
      for (let i = 0; i < row.length; i += 5) this.citations.push({ id: row[i] as string, range: rangeOf(row as number[], i + 1) });
      this.storedCites = undefined;
    }
    return this.citations;
  }

  set cites(citations: Citation[]) {
    this.citations = citations;
    this.storedCites = undefined;
  }

  get anchor(): Range {
    if (!this.range) {
      this.range = rangeOf(this.storedAnchor!, 0);
      this.storedAnchor = undefined;
    }
    return this.range;
  }

  set anchor(range: Range) {
    this.range = range;
    this.storedAnchor = undefined;
  }

  /** The citations as a row holds them, made into objects or not. */
  citesAsRow(): (string | number)[] {
    return this.storedCites ?? citesRow(this.citations!);
  }

  /** Adds the IDs it cites to `ids`, its citations not made objects for it. */
  citedIds(ids: Set<string>): void {
    if (this.citations) for (const citation of this.citations) ids.add(citation.id);
    else for (let i = 0; i < this.storedCites!.length; i += 5) ids.add(this.storedCites![i] as string);
  }

  /** The anchor's four numbers. */
  anchorAsRow(): number[] {
    return this.storedAnchor ?? numbersOf(this.range!);
  }

  /** As a plain summary: the lazy fields are not own properties. */
  toJSON(): IndexedCable {
    const { storedCites: _cites, storedAnchor: _anchor, citations: _citations, range: _range, ...fields } = this;
    return { ...fields, cites: this.cites, anchor: this.anchor };
  }
}

/**
 * The parts of a cache file after its header: the IDs line, one line a part, the end line, and its
 * search segment. Undefined when the IDs cannot be read or the file is cut short; a part whose line
 * still cannot be parsed reads as no files, and so does a row that cannot: the index's pass reads
 * them as new files. A segment that cannot be read is left out: the index files the terms itself.
 */
function storedFiles(
  { text: bytes, segment: segmentBytes }: CacheBytes,
  from: number,
  header: CacheHeader,
  uriPrefix: string,
  onDamaged: (what: string) => void,
): StoredFiles | undefined {
  const { excludes } = header;
  if (!Array.isArray(excludes) || !excludes.every((pattern) => typeof pattern === 'string')) return undefined;
  const lineEnd = (start: number) => {
    const newline = bytes.indexOf(10, start);
    return newline < 0 ? bytes.length : newline;
  };
  let idsOfParts: string[][];
  let citedOfParts: string[][];
  let start = lineEnd(from);
  try {
    ({ ids: idsOfParts, cited: citedOfParts } = JSON.parse(bytes.toString('utf8', from, start)) as PartIds);
    const isListOfLists = (lists: unknown) => Array.isArray(lists) && lists.every(Array.isArray);
    if (!isListOfLists(idsOfParts) || !isListOfLists(citedOfParts) || citedOfParts.length !== idsOfParts.length) return undefined;
  } catch {
    return undefined;
  }
  const lines: [number, number][] = [];
  for (start++; start < bytes.length && lines.length < idsOfParts.length; start = lineEnd(start) + 1) lines.push([start, lineEnd(start)]);
  // A file cut short (or lines lost) is not used: its lookups would miss the cables of lost parts.
  const endLine = lineEnd(start);
  if (start >= bytes.length || bytes.toString('utf8', start, endLine) !== END || lines.length !== idsOfParts.length) return undefined;
  const segment = segmentBytes && segmentOf(segmentBytes);
  // Rows past the parts' could never be found: a segment of another shape is damaged.
  const fits = segment && segment.rows <= lines.length * ROWS_A_LINE && segment.rows > (lines.length - 1) * ROWS_A_LINE;
  if (!fits) onDamaged('its search terms cannot be read: they are filed again');
  return {
    excludes,
    idsOfParts,
    citedOfParts,
    ...(fits ? { segment } : {}),
    partOf: (row) => Math.floor(row / ROWS_A_LINE),
    read(part) {
      const files: StoredFile[] = [];
      try {
        const rows = JSON.parse(bytes.toString('utf8', ...lines[part]!)) as Row[];
        if (!Array.isArray(rows)) throw new Error('not a list of rows');
        for (const [i, row] of rows.entries()) files.push(fileOfRow(row, uriPrefix, part * ROWS_A_LINE + i));
      } catch {
        onDamaged('part of it cannot be read: its files are indexed again');
      }
      return files;
    },
  };
}

function fileOfRow(row: Row, uriPrefix: string, number: number): StoredFile {
  const stat = { size: row[1], mtime: row[2] };
  if (row.length === 3) return { path: row[0], stat, row: number };
  const [path, , , uri, id, idSource, subject, date, classification, origin, tags, cites, anchor, documentNumber] = row;
  if (!Array.isArray(cites) || cites.length % 5 !== 0 || !Array.isArray(anchor) || anchor.length !== 4) throw new Error('not a cable row');
  const cable = new StoredCable(uri.startsWith(' ') ? uri.slice(1) : uriPrefix + uri, tags ? tags.split(' ') : [], cites, anchor);
  if (id) cable.id = id;
  if (idSource) cable.idSource = idSource as IndexedCable['idSource'];
  if (subject) cable.subject = subject;
  if (date) cable.date = date;
  if (classification) cable.classification = classification;
  if (origin) cable.origin = origin;
  if (documentNumber) cable.documentNumber = documentNumber;
  return { path, stat, cable, row: number };
}

/**
 * Writes a cache file a piece at a time, the server's thread free between pieces: each write is
 * about CHUNK_BYTES. At 250,000 cables, whole lines at once (a part's 4,096 rows as one string,
 * the IDs of every part in one step) held the thread for 220-300 ms at a time, and cables loaded
 * from a cache had their citations made objects for it: the peak RSS rose by 305 MB.
 */
async function writeCache(
  handle: FileHandle,
  header: CacheHeader,
  files: StoredFile[],
  uriPrefix: string,
  segment: SearchSegment,
): Promise<void> {
  const parts: { start: number; end: number; ids: string[]; cited: string[] }[] = [];
  for (let start = 0; start < files.length; start += ROWS_A_LINE) {
    const end = Math.min(files.length, start + ROWS_A_LINE);
    const ids: string[] = [];
    const cited = new Set<string>();
    for (let i = start; i < end; i++) {
      if (i % FILES_BETWEEN_YIELDS === FILES_BETWEEN_YIELDS - 1) await yieldToEventLoop();
      const cable = files[i]!.cable;
      if (!cable) continue;
      ids.push(...idsOf(cable));
      if (cable instanceof StoredCable) cable.citedIds(cited);
      else for (const citation of cable.cites) cited.add(citation.id);
    }
    parts.push({ start, end, ids, cited: [...cited] });
  }
  let chunk = '';
  /** Bytes written: where the segment starts, which the trailer says. */
  let segmentStart = 0;
  const flush = async () => {
    segmentStart += (await handle.write(chunk)).bytesWritten;
    chunk = '';
  };
  // The bytes of JSON.stringify of the whole PartIds line and of each part's rows, a piece at a time.
  chunk = `${JSON.stringify(header)}\n{"ids":[`;
  for (const [i, part] of parts.entries()) {
    chunk += `${i ? ',' : ''}${JSON.stringify(part.ids)}`;
    if (chunk.length >= CHUNK_BYTES) await flush();
  }
  chunk += '],"cited":[';
  for (const [i, part] of parts.entries()) {
    chunk += `${i ? ',' : ''}${JSON.stringify(part.cited)}`;
    if (chunk.length >= CHUNK_BYTES) await flush();
  }
  chunk += ']}';
  for (const { start, end } of parts) {
    for (let i = start; i < end; i++) {
      chunk += `${i === start ? '\n[' : ','}${JSON.stringify(rowOf(files[i]!, uriPrefix))}`;
      if (chunk.length >= CHUNK_BYTES) await flush();
    }
    chunk += ']';
  }
  chunk += `\n${END}\n`;
  await flush();
  for (const piece of segmentBytes(segment)) await handle.write(piece);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(segmentStart);
  await handle.write(trailer);
}

/** A cache file's text (header to end line) and its search segment's bytes, each in a buffer of its own. */
interface CacheBytes {
  text: Buffer;
  segment?: Uint8Array;
}

/**
 * Reads a cache file: the text, then the segment (found by the trailer, its offset) into its own
 * buffer, of which its typed arrays are views: the text's buffer is released once its parts are
 * read, and the segment is not held twice. A trailer that does not point after an end line (cut,
 * damaged) reads the file whole as text, with no segment.
 */
async function readCache(path: string): Promise<CacheBytes> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const segmentStart = size >= 4 ? (await readAt(handle, 4, size - 4)).readUInt32LE(0) : 0;
    if (segmentStart >= END_LINE.length && segmentStart <= size - 4) {
      const text = await readAt(handle, segmentStart, 0);
      if (text.subarray(segmentStart - END_LINE.length).equals(END_LINE)) {
        return { text, segment: await readAt(handle, size - 4 - segmentStart, segmentStart) };
      }
    }
    return { text: await readAt(handle, size, 0) };
  } finally {
    await handle.close();
  }
}

/** `length` bytes from `position`, in a buffer of their own (not pooled: at offset 0 of its memory, so aligned). */
async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(length);
  for (let done = 0; done < length;) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('the file was cut short while read');
    done += bytesRead;
  }
  return buffer;
}

/** The platform's cache directory for Cable: `$XDG_CACHE_HOME/cable` (`~/.cache/cable`) on Linux. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'cable', 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'cable');
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'cable');
}

/**
 * What a cache must have been written by: this Cable version and this build of the code that
 * summarizes a file (the index worker's bundle, else the running script), hashed. The server and
 * the CLI name the same worker bundle, so they read each other's caches.
 */
export function cacheVersion(cableVersion: string, workerScript = INDEX_WORKER_SCRIPT): string {
  const code = existsSync(workerScript) ? workerScript : __filename;
  let hash = 'unknown';
  try {
    hash = createHash('sha256').update(readFileSync(code)).digest('hex').slice(0, 16);
  } catch {
    // Without the code to hash, the cache is tied to the Cable version alone.
  }
  return `${cableVersion} ${hash}`;
}

/**
 * A folder as its cache is found: its path, however the URI spells it (`cable index big/` names
 * `file:///…/big/`, an editor `file:///…/big`; VS Code writes `file:///c%3A/…`, Node `file:///C:/…`).
 */
function folderKey(uri: string): string {
  let key = uriKey(uri);
  while (key.length > 1 && key.endsWith('/')) key = key.slice(0, -1);
  return key;
}

/** True when `path` is `folder` or inside it. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export function createIndexCache(dir: string, version: string, logger: Logger): IndexStore {
  const cacheDir = resolve(dir);
  const fileOf = (folder: StoredFolder) =>
    join(cacheDir, `index-${createHash('sha256').update(folderKey(folder.uri)).digest('hex').slice(0, 24)}.jsonl`);

  return {
    async load(folder) {
      const file = fileOf(folder);
      let cacheBytes: CacheBytes;
      try {
        cacheBytes = await readCache(file);
      } catch {
        return undefined;
      }
      const bytes = cacheBytes.text;
      const headerEnd = bytes.indexOf(10);
      let cache: CacheHeader;
      try {
        cache = JSON.parse(bytes.toString('utf8', 0, headerEnd < 0 ? bytes.length : headerEnd)) as CacheHeader;
      } catch (error) {
        logger.warn(`The index cache ${file} cannot be read (${describeError(error)}): the folder is indexed again`);
        return undefined;
      }
      if (cache?.format !== FORMAT || cache.version !== version) {
        logger.info(`The index cache ${file} is of another Cable version: the folder is indexed again`);
        return undefined;
      }
      if (typeof cache.folder !== 'string' || folderKey(cache.folder) !== folderKey(folder.uri) || cache.settings !== folder.settings) {
        logger.info(`The index cache of ${folder.uri} was made under other settings: the folder is indexed again`);
        return undefined;
      }
      const files =
        headerEnd < 0
          ? undefined
          : storedFiles(cacheBytes, headerEnd + 1, cache, `${folder.uri}/`, (what) => logger.warn(`The index cache ${file}: ${what}`));
      if (!files) logger.warn(`The index cache ${file} cannot be read: the folder is indexed again`);
      return files;
    },

    async save(folder, files, segment) {
      let folderPath: string | undefined;
      try {
        folderPath = fileURLToPath(folder.uri);
      } catch {
        // Not a file URI: the cache cannot be inside it.
      }
      if (folderPath && isInside(cacheDir, folderPath)) {
        logger.warn(`The index cache directory ${cacheDir} is inside the workspace folder ${folderPath}: no cache is written there`);
        return;
      }
      const file = fileOf(folder);
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await mkdir(cacheDir, { recursive: true, mode: 0o700 });
        const header: CacheHeader = {
          format: FORMAT,
          version,
          folder: folder.uri,
          settings: folder.settings,
          excludes: [...folder.excludes],
        };
        const handle = await open(temporary, 'w', 0o600);
        try {
          await writeCache(handle, header, files, `${folder.uri}/`, segment);
        } finally {
          await handle.close();
        }
        await rename(temporary, file);
      } catch (error) {
        logger.warn(`Cannot write the index cache ${file}: ${describeError(error)}`);
        await rm(temporary, { force: true }).catch(() => {});
      }
    },
  };
}
