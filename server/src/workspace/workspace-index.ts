// The workspace index: every cable in the workspace folders by its ID, so a REF entry can be
// followed to the cited cable. `.cable` files are cables; `.txt` files only when the detector
// recognises them. An ID comes from the text; a file whose text yields none is indexed by its
// file name when that name is a cable ID. Open documents win over their text on disk.
//
// Indexing is lazy (it starts on the first `ensureIndexed`), reads with bounded concurrency,
// yields to the event loop between files so requests on the open file are answered meanwhile,
// and starts over when the folders or the exclusions change.
//
// With a store (index-store.ts), the first pass starts from what the last run read: lookups are
// answered from it at once while the pass checks each file's size and mtime and reads only the
// changed ones; a cable not yet checked is checked (and re-read if changed) before it is served.
import { expandYear, parseCableId } from '../model/cable-model.ts';
import { createCancellationSource, unlessCancelled, type CancellationSource } from './cancellation.ts';
import { DEFAULT_MAX_FILE_SIZE, formatBytes } from './file-size.ts';
import { describeError } from './errors.ts';
import type { IndexStore, StoredFile, StoredFiles, StoredFolder } from './index-store.ts';
import { readThroughWorkspace, TimeSlices, yieldToEventLoop, type ReadRequest, type ReadResult } from './index-read.ts';
import { idsOf, START_OF_FILE, type Citation, type IndexedCable } from './indexed-cable.ts';
import { addSearchWords, distinctTerms, SearchIndex, type SearchOptions, type SegmentRows } from './search-index.ts';
import { SearchSegmentBuilder } from './search-segment.ts';
import { createExcludeMatcher, DEFAULT_EXCLUDES, isExcludedPathOrParent, samePatterns } from './exclude-globs.ts';
import { isCableFileName } from './cable-detection.ts';
import { relativeKey, uriKey } from './uri-keys.ts';
import type { Cancellation, FileStat, IndexWorkers, Logger, ProgressSink, Workspace } from './file-access.ts';

export { summarize, type Citation, type IndexedCable } from './indexed-cable.ts';

export interface WorkspaceIndexOptions {
  /** Files read at the same time in the index's own thread. */
  concurrency?: number;
  /** Larger files are skipped (a cable is kilobytes; a multi-megabyte `.txt` is a log). */
  maxFileBytes?: number;
  /** Called as each indexing pass starts, for a sink that shows its progress. */
  progress?: () => ProgressSink | undefined;
  /**
   * Worker threads that read a pass's files from the local disk, for a workspace on the local
   * file system (createNodeWorkspace); without them the index reads through the workspace.
   */
  workers?: IndexWorkers;
  /** What the last run read, loaded by the first pass and saved after a pass that changed it. */
  store?: IndexStore;
}

type FileChange = 'created' | 'changed' | 'deleted';

interface Folder {
  uri: string;
  key: string;
  excludes: readonly string[];
  isExcluded: (relativePath: string) => boolean;
}

interface Job {
  promise: Promise<void>;
  source: CancellationSource;
  done: boolean;
  /** The pass started from the store: lookups are answered before it is done. */
  fromStore: boolean;
  /** Resolves when lookups can be answered: the store is loaded, or the pass is done. */
  answerable: Promise<void>;
}

/** A part of a folder's store not read yet: its cables' IDs are filed, its files read when one is looked up or before the pass. */
interface UnreadPart {
  files: StoredFiles;
  index: number;
  /** The folder's key and `/`: a stored path's key is this and the path. */
  prefix: string;
  /** When the store was listed under other `files.exclude` patterns: the folder's, which its files must pass. */
  isExcluded?: (relativePath: string) => boolean;
  /** The folder's search segment from the store, when it has one. */
  segment?: FolderSegment;
}

/**
 * A folder's search segment from the store, searched beside the live index: a row is found while
 * the cable the store holds for it is linked, under its key (`keys`); else (its file changed,
 * deleted, excluded now, open, or its part dropped) it is dead, and the file's current cable, if
 * any, is filed in the live index.
 */
interface FolderSegment extends SegmentRows<string> {
  keys: (string | undefined)[];
  /** Its parts by index, until they are all read or dropped (they hold the store's bytes). */
  parts: UnreadPart[];
}

interface DiskEntry {
  stat: FileStat;
  /** Undefined for a `.txt` file that is not a cable: remembered so it is not read again. */
  cable?: IndexedCable;
  /** For a cable as the store has it: its folder's segment and its row there, which holds its search terms. */
  segment?: FolderSegment;
  row?: number;
}

const DEFAULT_CONCURRENCY = 8;
/**
 * Progress is reported at most this often, and when the pass ends: each report is a message the
 * editor handles (one every 25 files was 10,000 messages at 250,000 cables, and 2 s of the server's
 * thread writing them).
 */
const PROGRESS_INTERVAL_MS = 100;
/** Files listed or gathered for the store between yields to requests: a step of a millisecond or a few. */
const KEYS_BETWEEN_YIELDS = 4096;
/**
 * Work done on the server's thread at once after a pass (filing search terms), between requests:
 * a request waits at most this long for it.
 */
const SLICE_MS = 4;
/**
 * The cache's save, the same, shorter: a request needs several turns of the event loop (a file's
 * stat, its read, the answer), and waited a save's slice at each: at 250,000 cables, with 4 ms
 * slices, a file change reached workspace/symbol in 45 ms (p50) while the cache was saved.
 */
const SAVE_SLICE_MS = 1;
/** Filing a cable for search takes ~15 µs: the clock is read every this many. */
const CABLES_BETWEEN_CLOCK_READS = 64;
/** Files sent to an index worker at once: few messages, and a batch's results filed in about a millisecond. */
const WORKER_BATCH = 64;

/** What a search finds a cable by: its ID and the ID's parts, the year, TAGS, subject and origin words. */
function termsOf(cable: IndexedCable): string[] {
  // Repeats are dropped by the search index.
  const terms = cable.tags.map((tag) => tag.toUpperCase());
  if (cable.subject) addSearchWords(cable.subject, terms);
  if (cable.origin) addSearchWords(cable.origin, terms);
  const parts = cable.id ? parseCableId(cable.id) : undefined;
  if (cable.id && parts) {
    const year = cable.date?.slice(0, 4) ?? String(expandYear(Number(parts.year)));
    terms.push(cable.id.toUpperCase(), parts.post.toUpperCase(), parts.serial.toUpperCase(), year.toUpperCase());
  }
  return terms;
}

/** A cable that entered (`linked`) or left the index, making `version`. */
export interface IndexChange {
  version: number;
  cable: IndexedCable;
  linked: boolean;
}

/** Changes the journal keeps at least: more since a reader's version, and it reads the whole index again. */
const JOURNAL_SIZE = 4_096;

export class WorkspaceIndex {
  private folders: Folder[] = [];
  private readonly disk = new Map<string, DiskEntry>();
  /** Open documents: their summary is computed on demand from the live text. */
  private readonly open = new Map<string, { uri: string; summarize: () => IndexedCable; cable?: IndexedCable }>();
  private readonly byId: KeysByName = new Map();
  /** Cited ID → the files whose REF list cites it. */
  private readonly citers: KeysByName = new Map();
  private readonly searchIndex = new SearchIndex<string>();
  /** The search segments of the folders loaded from the store: their cables are not filed in `searchIndex`. */
  private segments: FolderSegment[] = [];
  /**
   * Cables loaded from a store without a search segment (or with a damaged one) and linked by ID
   * and citation, but not yet filed for search: filing them was two thirds of a load's CPU (20,000
   * cables: 615 ms, 300 ms without), so such a folder answers definitions first and files them
   * after its pass, or at the first search.
   */
  private readonly unsearchable = new Set<string>();
  private searchLater = false;
  /** While the cables loaded from the store are filed for search in slices (`searchable`). */
  private filingForSearch: Promise<void> | undefined;
  /**
   * The store's parts not read yet, the parts that hold each ID (a lookup reads only those), and,
   * made at the first question about citers, the parts whose cables cite each ID.
   */
  private readonly unreadParts = new Set<UnreadPart>();
  private readonly partsById: PartsByName = new Map();
  private partsByCited: PartsByName | undefined;
  private readonly changeListeners = new Set<() => void>();
  /** The latest read of each file, so an older read finishing late never overwrites a newer one. */
  private readonly readTickets = new Map<string, number>();
  /** Strings many cables hold (classifications, posts, TAGS codes), one copy each. */
  private readonly strings = new Map<string, string>();
  private nextTicket = 0;
  private changes = 0;
  /** The last cables to enter or leave, each with the version it made: the query table follows them (`changesSince`). */
  private journal: IndexChange[] = [];
  private job: Job | undefined;
  /** Files loaded from the store whose size and mtime are not checked yet. */
  private readonly unchecked = new Set<string>();
  /** While `checked` computes an answer: the unchecked files it served. */
  private served: Set<string> | undefined;
  /** The disk entries changed since they were loaded from or saved to the store. */
  private changedSinceStored = false;
  private saving: Promise<void> = Promise.resolve();
  /** File events being applied: a lookup through `ensureIndexed` waits for them. */
  private readonly updates = new Set<Promise<void>>();
  /** Resolved by the first `setFolders`: indexing before the host knows its folders would find nothing. */
  private readonly configured: Promise<void>;
  private markConfigured!: () => void;
  private readonly concurrency: number;
  private maxFileBytes: number;
  private readonly progress: (() => ProgressSink | undefined) | undefined;
  private readonly workers: IndexWorkers | undefined;
  private readonly store: IndexStore | undefined;

  constructor(
    private readonly workspace: Workspace,
    private readonly logger: Logger,
    options: WorkspaceIndexOptions = {},
  ) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_SIZE;
    this.progress = options.progress;
    this.workers = options.workers;
    this.store = options.store;
    this.configured = new Promise((resolve) => (this.markConfigured = resolve));
  }

  /** The folders to index, each with its `files.exclude` patterns (VS Code's defaults when absent). */
  setFolders(folders: { uri: string; excludes?: readonly string[] }[]): void {
    this.folders = folders.map(({ uri, excludes = DEFAULT_EXCLUDES }) => ({
      uri,
      key: uriKey(uri),
      excludes,
      isExcluded: createExcludeMatcher(excludes),
    }));
    this.markConfigured();
    this.restart();
  }

  get folderUris(): string[] {
    return this.folders.map((f) => f.uri);
  }

  /** True once the last indexing pass over the current folders has finished. */
  get ready(): boolean {
    return this.job?.done ?? false;
  }

  /** Number of cables known: files that are cables, and open documents. */
  get size(): number {
    this.readAllParts();
    let count = this.open.size;
    for (const [key, entry] of this.disk) if (entry.cable && !this.open.has(key)) count++;
    return count;
  }

  /**
   * Starts indexing if it has not started (once the folders are set), and resolves when it is
   * done (or answers from the store: see `checked`) and the file events received meanwhile are
   * applied: true, or false when `token` (the caller's request) was cancelled first. The indexing
   * itself goes on; a pass restarted by new folders or exclusions is waited for in turn.
   * `checkedAll`: waits for the pass even when it answers from the store (every file checked).
   */
  async ensureIndexed(token?: Cancellation, checkedAll = false): Promise<boolean> {
    const waitFor = async (work: Promise<unknown>) =>
      (await unlessCancelled(
        work.then(() => true),
        token,
      )) === true;
    if (!(await waitFor(this.configured))) return false;
    if (!this.job) this.start();
    for (;;) {
      const job = this.job;
      if (!job) return false;
      if (!(await waitFor(checkedAll ? job.promise : job.answerable))) return false;
      if (job.done || (job.fromStore && !checkedAll && this.job === job)) break;
    }
    while (this.updates.size) if (!(await waitFor(Promise.all(this.updates)))) return false;
    return true;
  }

  /**
   * `answer`, computed over the index, once every cable it served from the store unchecked has been
   * checked (its size and mtime; read again when changed): computed again until it served none.
   */
  async checked<T>(answer: () => T): Promise<T> {
    for (;;) {
      const served = new Set<string>();
      this.served = served;
      let result: T;
      try {
        result = answer();
      } finally {
        this.served = undefined;
      }
      if (served.size === 0) return result;
      await Promise.all([...served].map((key) => this.check(key)));
    }
  }

  private async check(key: string): Promise<void> {
    const uri = this.disk.get(key)?.cable?.uri;
    if (uri) await this.trackUpdate(this.indexFile(uri, false));
    // Whatever the read found (a later read may be the one that files it), the file is checked.
    this.unchecked.delete(key);
  }

  /** Resolves when the index's last save to the store is written (before the process exits). */
  stored(): Promise<void> {
    return this.saving;
  }

  /** Stops indexing (the user cancelled it, or shutdown); the next `ensureIndexed` starts over. */
  cancel(): void {
    this.job?.source.cancel();
    this.job = undefined;
  }

  /** The cables whose ID is `id`, open documents' live text first in mind. */
  lookup(id: string): IndexedCable[] {
    this.refreshOpenDocuments();
    const upper = id.toUpperCase();
    this.readPartsOf(upper);
    return keysOf(this.byId, upper)
      .sort()
      .map((key) => this.cableOf(key))
      .filter((c): c is IndexedCable => c !== undefined);
  }

  /** Every indexed cable (open documents' live text instead of disk). */
  cables(): IndexedCable[] {
    this.refreshOpenDocuments();
    this.readAllParts();
    const keys = new Set([...this.disk.keys(), ...this.open.keys()]);
    return [...keys]
      .sort()
      .map((key) => this.cableOf(key))
      .filter((c): c is IndexedCable => c !== undefined);
  }

  /** Every indexed cable in no order: a scan of 250,000 that does not pay for sorting their keys. */
  forEachCable(visit: (cable: IndexedCable) => void): void {
    this.refreshOpenDocuments();
    this.readAllParts();
    for (const entry of this.open.values()) if (entry.cable) visit(entry.cable);
    for (const [key, entry] of this.disk) if (entry.cable && !this.open.has(key)) visit(entry.cable);
  }

  /** Every ID that some REF list cites. */
  citedIds(): Iterable<string> {
    this.refreshOpenDocuments();
    this.readAllParts();
    return this.citers.keys();
  }

  /** Changes whenever a cable enters or leaves the index (or an open document's text changes). */
  get version(): number {
    this.refreshOpenDocuments();
    return this.changes;
  }

  /** The cables that entered or left since `version`, in order; undefined when the journal no longer reaches back to it. */
  changesSince(version: number): readonly IndexChange[] | undefined {
    this.refreshOpenDocuments();
    const first = this.journal[0];
    if (version >= this.changes) return [];
    if (!first || first.version > version + 1) return undefined;
    return this.journal.slice(version + 1 - first.version);
  }

  /** The cables whose REF list cites `id`, each with the citations of `id` in it. */
  citing(id: string): { cable: IndexedCable; citations: Citation[] }[] {
    this.refreshOpenDocuments();
    const upper = id.toUpperCase();
    this.readPartsCiting(upper);
    return keysOf(this.citers, upper)
      .sort()
      .map((key) => this.cableOf(key))
      .filter((c): c is IndexedCable => c !== undefined)
      .map((cable) => ({ cable, citations: cable.cites.filter((c) => c.id === upper) }));
  }

  /**
   * Cables by the words of a query: ID prefix (`09BAS`), TAGS code, subject words; at most `limit`.
   * Cables loaded from a store without a search segment and not yet filed for search are filed
   * first, all at once: an asynchronous caller awaits `searchable` before, so there are none. A hit
   * in a segment's part not read yet reads that part.
   */
  search(query: string, limit: number, options?: SearchOptions): IndexedCable[] {
    this.refreshOpenDocuments();
    this.fileForSearch();
    return this.searchIndex
      .search(query, limit, options, this.segments)
      .map((key) => this.cableOf(key))
      .filter((c): c is IndexedCable => c !== undefined);
  }

  /**
   * Called after an indexing pass ends and after a watched-file event changed what is known,
   * so the host can refresh views that count citations. Not called for open documents' edits.
   */
  onDidChange(listener: () => void): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => this.changeListeners.delete(listener) };
  }

  /** An open document overrides the file: `summarize` is called when its summary is needed. */
  setOpenDocument(uri: string, summarizeDocument: () => IndexedCable): void {
    const key = uriKey(uri);
    const previous = this.open.get(key);
    if (previous?.cable) this.unlink(key, previous.cable);
    this.open.set(key, { uri, summarize: summarizeDocument });
  }

  /** The document was closed: its file on disk (if any) counts again. */
  async closeOpenDocument(uri: string): Promise<void> {
    const key = uriKey(uri);
    const entry = this.open.get(key);
    if (!entry) return;
    this.open.delete(key);
    if (entry.cable) this.unlink(key, entry.cable);
    const onDisk = this.disk.get(key);
    if (onDisk?.cable) this.link(key, onDisk.cable, onDisk);
    // Re-read only when the file changed on disk meanwhile (saved, or edited elsewhere).
    if (this.job && this.folderOf(key)) await this.trackUpdate(this.indexFile(uri, false));
  }

  /** A watched-file event: created, changed or deleted (a rename is a delete and a create). */
  fileChanged(uri: string, change: FileChange): Promise<void> {
    return this.trackUpdate(this.applyFileChange(uri, change)).then(() => this.notifyChange());
  }

  private notifyChange(): void {
    for (const listener of this.changeListeners) listener();
  }

  private trackUpdate(work: Promise<unknown>): Promise<void> {
    const update: Promise<void> = work.then(() => undefined).finally(() => this.updates.delete(update));
    this.updates.add(update);
    return update;
  }

  private async applyFileChange(uri: string, change: FileChange): Promise<void> {
    const key = uriKey(uri);
    if (change === 'deleted') {
      this.readTickets.set(key, ++this.nextTicket);
      this.removeDiskEntry(key);
      // A deleted folder: drop what was under it.
      this.readAllParts();
      for (const under of [...this.disk.keys()].filter((k) => k.startsWith(`${key}/`))) this.removeDiskEntry(under);
      return;
    }
    if (!this.job || !isCableFileName(uri)) return;
    const folder = this.folderOf(key);
    if (!folder || isExcludedPathOrParent(folder.isExcluded, relativeKey(folder.key, key)!)) return;
    await this.indexFile(uri, true);
  }

  // ---------------------------------------------------------------- indexing

  /** `cable.maxFileSize` changed: files skipped or read before are weighed again by a new pass. */
  setMaxFileBytes(bytes: number): void {
    if (bytes === this.maxFileBytes) return;
    this.maxFileBytes = bytes;
    this.restart();
  }

  private restart(): void {
    if (!this.job) return;
    this.job.source.cancel();
    this.start();
  }

  private start(): void {
    const source = createCancellationSource();
    let markAnswerable!: () => void;
    const job: Job = {
      promise: Promise.resolve(),
      source,
      done: false,
      fromStore: false,
      answerable: new Promise((resolve) => (markAnswerable = resolve)),
    };
    const fromStore = () => {
      job.fromStore = true;
      markAnswerable();
    };
    job.promise = this.run(source.token, this.progress?.(), fromStore).then(
      () => {
        if (source.token.isCancellationRequested) return;
        job.done = true;
        this.notifyChange();
        this.save();
        void this.searchable();
      },
      (error: unknown) => {
        this.logger.error(`Indexing failed: ${describeError(error)}`);
        job.done = true;
      },
    );
    void job.promise.then(markAnswerable);
    this.job = job;
  }

  private async run(token: Cancellation, progress: ProgressSink | undefined, fromStore: () => void): Promise<void> {
    const started = Date.now();
    progress?.begin('Indexing cables', 'listing files');
    try {
      // They start while the store is loaded and the folders listed: a reopened 20,000-cable folder's
      // pass waited for them 50–100 ms of its 0.7–0.9 s.
      this.workers?.start();
      // Parts a cancelled pass left unread: their files are read by this pass as new ones.
      this.dropUnreadParts();
      const loaded = this.store !== undefined && this.disk.size === 0 && (await this.load(token));
      if (loaded) {
        fromStore();
        this.logger.info(`Read the IDs of the index cache in ${Date.now() - started} ms; reading its parts`);
        // Requests waiting for the store first: they read only the parts they need.
        for (const part of [...this.unreadParts]) {
          await yieldToEventLoop();
          if (token.isCancellationRequested) return;
          this.readPart(part);
        }
        this.logger.info(`Loaded ${this.size} cables from the index cache in ${Date.now() - started} ms; checking their files`);
      }
      if (token.isCancellationRequested) return;
      const files: string[] = [];
      const keys: string[] = [];
      for (const folder of this.folders) {
        const listed = await this.workspace
          .listFiles(folder.uri, { isExcluded: (path) => folder.isExcluded(path), token })
          .catch((error: unknown) => {
            this.logger.warn(`Cannot list ${folder.uri}: ${describeError(error)}`);
            return [] as string[];
          });
        await candidatesOf(listed, files, keys, token);
      }
      if (token.isCancellationRequested) return;
      if (this.disk.size > 0) await this.removeUnlisted(keys, token);

      let done = 0;
      let read = 0;
      let lastReport = -Infinity;
      const reported = (count: number) => {
        done += count;
        const now = performance.now();
        if (now - lastReport < PROGRESS_INTERVAL_MS && done < files.length) return;
        lastReport = now;
        progress?.report(done, files.length);
      };
      if (this.workers) {
        const starts = Array.from({ length: Math.ceil(files.length / WORKER_BATCH) }, (_, i) => i * WORKER_BATCH);
        await forEachLimited(starts, this.workers.capacity, token, async (start) => {
          const end = Math.min(files.length, start + WORKER_BATCH);
          const count = await this.indexBatch(files.slice(start, end), keys.slice(start, end), token);
          read += count;
          reported(end - start);
        });
      } else {
        await forEachLimited(files, this.concurrency, token, async (uri, i) => {
          const count = await this.indexFile(uri, false, token, keys[i]);
          read += count;
          reported(1);
        });
      }
      if (token.isCancellationRequested) return;
      this.logger.info(
        `Indexed ${this.size} cables from ${files.length} files in ${Date.now() - started} ms${loaded ? ` (${read} read, the others unchanged since the index cache)` : ''}`,
      );
    } finally {
      progress?.end();
    }
  }

  /**
   * Drops the known files the listing did not find (deleted, or excluded now), KEYS_BETWEEN_YIELDS
   * at a time between requests: at 250,000 files, at once, it held the thread ~250 ms.
   */
  private async removeUnlisted(listed: string[], token: Cancellation): Promise<void> {
    const listedKeys = new Set<string>();
    for (const [i, key] of listed.entries()) {
      if (i % KEYS_BETWEEN_YIELDS === KEYS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
      listedKeys.add(key);
    }
    for (const [i, key] of [...this.disk.keys()].entries()) {
      if (i % KEYS_BETWEEN_YIELDS === KEYS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
      if (token.isCancellationRequested) return;
      if (!listedKeys.has(key)) this.removeDiskEntry(key);
    }
  }

  /** A new ticket for the file: a read started before it finishes unwritten. */
  private ticketFor(key: string): number {
    const ticket = ++this.nextTicket;
    this.readTickets.set(key, ticket);
    return ticket;
  }

  /** What a read of the file must say: its size and mtime, unless it is read whatever (`force`). */
  private requestFor(uri: string, key: string, force: boolean): ReadRequest {
    const known = force ? undefined : this.disk.get(key)?.stat;
    return known ? { uri, maxBytes: this.maxFileBytes, known } : { uri, maxBytes: this.maxFileBytes };
  }

  /**
   * Reads and summarizes one file in this thread, unless it is unchanged since the last read (or
   * `force`). A pass cancelled meanwhile (new folders or exclusions) leaves what it read unwritten.
   * Resolves with the number of files read (1 or 0).
   */
  private async indexFile(uri: string, force: boolean, token?: Cancellation, key = uriKey(uri)): Promise<number> {
    const ticket = this.ticketFor(key);
    const result = await readThroughWorkspace(this.workspace, this.requestFor(uri, key, force));
    this.apply(uri, key, ticket, result, token);
    return result.kind === 'read' ? 1 : 0;
  }

  /** A batch of a pass's files, read by an index worker (in this thread if no worker can); resolves with the number read. */
  private async indexBatch(uris: string[], keys: string[], token: Cancellation): Promise<number> {
    const tickets = keys.map((key) => this.ticketFor(key));
    const requests = uris.map((uri, i) => this.requestFor(uri, keys[i]!, false));
    let results: ReadResult[];
    try {
      results = await this.workers!.read(requests);
    } catch {
      results = [];
      for (const request of requests) if (!token.isCancellationRequested) results.push(await readThroughWorkspace(this.workspace, request));
    }
    results.forEach((result, i) => this.apply(uris[i]!, keys[i]!, tickets[i]!, result, token));
    return results.filter((result) => result.kind === 'read').length;
  }

  /** Files what a read found; a read overtaken by a later one (its ticket is old) writes nothing. */
  private apply(uri: string, key: string, ticket: number, result: ReadResult, token?: Cancellation): void {
    const isLatest = this.readTickets.get(key) === ticket;
    // The last read of the file is done: no ticket to keep (250,000 of them were kept before).
    if (isLatest) this.readTickets.delete(key);
    const wasUnchecked = this.unchecked.delete(key);
    switch (result.kind) {
      case 'missing':
        this.removeDiskEntry(key);
        return;
      case 'too-large':
        // Before the unchanged test: a lower cap drops a file read under a higher one.
        this.logger.warn(
          `Skipped ${uri}: ${formatBytes(result.stat.size)} is more than cable.maxFileSize (${formatBytes(this.maxFileBytes)})`,
        );
        this.removeDiskEntry(key);
        return;
      case 'unchanged':
        return;
      case 'failed':
        this.logger.warn(`Cannot index ${uri}: ${result.reason}`);
        // What the store says of a file that cannot be read now is not served.
        if (wasUnchecked) this.removeDiskEntry(key);
        return;
      case 'read':
        for (const note of result.notes ?? []) this.logger.info(note);
        if (!isLatest || token?.isCancellationRequested || !this.folderOf(key)) return;
        this.setDiskEntry(key, result.cable ? { stat: result.stat, cable: this.shared(result.cable) } : { stat: result.stat });
    }
  }

  /** The cable with one copy of each classification, origin and TAGS code in the index (each read, or copy from a worker, brings its own). */
  private shared(cable: IndexedCable): IndexedCable {
    const share = (text: string) => {
      const known = this.strings.get(text);
      if (known !== undefined) return known;
      this.strings.set(text, text);
      return text;
    };
    cable.tags = cable.tags.map(share);
    if (cable.classification) cable.classification = share(cable.classification);
    if (cable.origin) cable.origin = share(cable.origin);
    if (cable.idSource) cable.idSource = share(cable.idSource) as IndexedCable['idSource'];
    return cable;
  }

  // ---------------------------------------------------------------- the store

  /** What the store must have been written under for a folder (the size cap), and the exclusions its files are listed under. */
  private storedFolder(folder: Folder): StoredFolder {
    return { uri: folder.uri, settings: JSON.stringify({ maxFileBytes: this.maxFileBytes }), excludes: folder.excludes };
  }

  /**
   * Files the IDs of the store's cables, folder by folder, their parts left to read, about
   * KEYS_BETWEEN_YIELDS IDs at a time between requests: true when it held any part.
   */
  private async load(token: Cancellation): Promise<boolean> {
    let loaded = false;
    let filed = 0;
    // Nothing is linked: no row of an earlier segment is alive.
    this.segments = [];
    for (const folder of this.folders) {
      const files = await this.store!.load(this.storedFolder(folder));
      if (!files || token.isCancellationRequested) continue;
      const prefix = folder.key.endsWith('/') ? folder.key : `${folder.key}/`;
      const filter = samePatterns(files.excludes, folder.excludes) ? {} : { isExcluded: folder.isExcluded };
      const segment = files.segment && this.segmentOf(files, files.segment);
      for (const [index, ids] of files.idsOfParts.entries()) {
        const part: UnreadPart = { files, index, prefix, ...filter, ...(segment ? { segment } : {}) };
        segment?.parts.push(part);
        this.unreadParts.add(part);
        loaded = true;
        for (const id of ids) addPart(this.partsById, id, part);
        filed += ids.length;
        if (filed < KEYS_BETWEEN_YIELDS) continue;
        filed = 0;
        await yieldToEventLoop();
        if (token.isCancellationRequested) return false;
      }
    }
    return loaded && !token.isCancellationRequested;
  }

  /** A folder's segment from the store; a row in a part not read yet is found by reading that part. */
  private segmentOf(files: StoredFiles, segment: NonNullable<StoredFiles['segment']>): FolderSegment {
    const folderSegment: FolderSegment = {
      segment,
      keys: new Array<string | undefined>(segment.rows).fill(undefined),
      parts: [],
      found: (row) => {
        const part = folderSegment.keys[row] === undefined ? folderSegment.parts[files.partOf(row)] : undefined;
        if (part) this.readPart(part);
        const key = folderSegment.keys[row];
        return key === undefined ? undefined : { key, value: key };
      },
    };
    this.segments.push(folderSegment);
    return folderSegment;
  }

  /** Reads the parts of the store that hold a cable of this ID (upper case). */
  private readPartsOf(id: string): void {
    for (const part of partsOf(this.partsById, id)) this.readPart(part);
  }

  /** Reads the parts of the store whose cables cite this ID (upper case). */
  private readPartsCiting(id: string): void {
    if (this.unreadParts.size === 0) return;
    if (!this.partsByCited) {
      this.partsByCited = new Map();
      for (const part of this.unreadParts)
        for (const cited of part.files.citedOfParts[part.index]!) addPart(this.partsByCited, cited, part);
    }
    for (const part of partsOf(this.partsByCited, id)) this.readPart(part);
  }

  private readAllParts(): void {
    for (const part of this.unreadParts) this.readPart(part);
  }

  /**
   * Files a part's files as the store has them, unchecked, filed for search later; not a file read
   * or deleted since (a newer read), nor one the folder's `files.exclude` patterns exclude now.
   */
  private readPart(part: UnreadPart): void {
    if (!this.unreadParts.delete(part)) return;
    const changed = this.changedSinceStored;
    // Files left out make the folder differ from the store: the save after the pass writes it as listed now.
    let leftOut = false;
    this.searchLater = true;
    try {
      for (const { path, stat, cable, row } of part.files.read(part.index)) {
        const key = part.prefix + path;
        if (this.disk.has(key) || this.readTickets.has(key)) continue;
        if (part.isExcluded && isExcludedPathOrParent(part.isExcluded, path)) {
          leftOut = true;
          continue;
        }
        const inSegment = part.segment && row !== undefined && row < part.segment.keys.length ? { segment: part.segment, row } : {};
        this.setDiskEntry(key, cable ? { stat, cable: this.shared(cable), ...inSegment } : { stat });
        this.unchecked.add(key);
      }
    } finally {
      this.searchLater = false;
      this.changedSinceStored = changed || leftOut;
    }
    if (this.unreadParts.size === 0) this.dropUnreadParts();
  }

  private dropUnreadParts(): void {
    for (const segment of this.segments) segment.parts = [];
    this.unreadParts.clear();
    this.partsById.clear();
    this.partsByCited = undefined;
  }

  /**
   * Saves each folder's files to the store after a pass that changed them (one save at a time),
   * gathering them and their search terms a slice at a time between requests: the keys are taken
   * at once, each file as it is when its turn comes (a file gone meanwhile is left out).
   */
  private save(): void {
    const store = this.store;
    if (!store || !this.changedSinceStored) return;
    this.changedSinceStored = false;
    const keys = [...this.disk.keys()];
    const folders = this.folders;
    this.saving = this.saving.then(async () => {
      const byFolder = new Map(folders.map((folder) => [folder, { files: [] as StoredFile[], terms: new SearchSegmentBuilder() }]));
      const slices = new TimeSlices(SAVE_SLICE_MS);
      for (const key of keys) {
        if (slices.due) await slices.next();
        const entry = this.disk.get(key);
        const folder = this.folderOf(key, folders);
        if (!entry || !folder) continue;
        const path = relativeKey(folder.key, key)!;
        const { files, terms } = byFolder.get(folder)!;
        files.push(entry.cable ? { path, stat: entry.stat, cable: entry.cable } : { path, stat: entry.stat });
        if (entry.cable && entry.segment?.keys[entry.row!] === key) terms.addRowOf(entry.segment.segment, entry.row!);
        // An open document's terms are filed under its key, not its file's.
        else if (entry.cable) terms.add((!this.open.has(key) && this.searchIndex.termsOf(key)) || distinctTerms(termsOf(entry.cable)));
        else terms.add();
      }
      for (const [folder, { files, terms }] of byFolder) await store.save(this.storedFolder(folder), files, await terms.finish(slices));
    });
  }

  // ---------------------------------------------------------------- bookkeeping

  private folderOf(key: string, folders = this.folders): Folder | undefined {
    return folders.find((folder) => relativeKey(folder.key, key) !== undefined);
  }

  private cableOf(key: string): IndexedCable | undefined {
    const open = this.open.get(key);
    if (open) return open.cable;
    if (this.served && this.unchecked.has(key)) this.served.add(key);
    return this.disk.get(key)?.cable;
  }

  private refreshOpenDocuments(): void {
    for (const [key, entry] of this.open) {
      if (entry.cable) continue;
      try {
        entry.cable = entry.summarize();
      } catch (error) {
        this.logger.warn(`Cannot index ${entry.uri}: ${describeError(error)}`);
        entry.cable = { uri: entry.uri, tags: [], cites: [], anchor: START_OF_FILE };
      }
      const onDisk = this.disk.get(key);
      if (onDisk?.cable) this.unlink(key, onDisk.cable, onDisk);
      this.link(key, entry.cable);
    }
  }

  private setDiskEntry(key: string, entry: DiskEntry): void {
    this.removeDiskEntry(key);
    this.changedSinceStored = true;
    this.disk.set(key, entry);
    if (!this.open.has(key) && entry.cable) this.link(key, entry.cable, entry);
  }

  private removeDiskEntry(key: string): void {
    const entry = this.disk.get(key);
    if (!entry) return;
    this.changedSinceStored = true;
    this.unchecked.delete(key);
    this.disk.delete(key);
    if (!this.open.has(key) && entry.cable) this.unlink(key, entry.cable, entry);
  }

  /** A new version: the cable entered (`linked`) or left. The journal keeps the last JOURNAL_SIZE to 2 × JOURNAL_SIZE changes. */
  private record(cable: IndexedCable, linked: boolean): void {
    this.journal.push({ version: ++this.changes, cable, linked });
    if (this.journal.length > 2 * JOURNAL_SIZE) this.journal = this.journal.slice(-JOURNAL_SIZE);
  }

  /**
   * Makes a cable findable: by its ID, by the IDs it cites, by search (its row in a segment, when it
   * is a disk entry as the store has it; later while loading a store without one).
   */
  private link(key: string, cable: IndexedCable, entry?: DiskEntry): void {
    this.record(cable, true);
    for (const id of idsOf(cable)) addTo(this.byId, id, key);
    for (const citation of cable.cites) addTo(this.citers, citation.id, key);
    if (entry?.segment) {
      entry.segment.keys[entry.row!] = key;
      return;
    }
    if (this.searchLater) {
      this.unsearchable.add(key);
      return;
    }
    this.unsearchable.delete(key);
    this.searchIndex.set(key, key, termsOf(cable));
  }

  private unlink(key: string, cable: IndexedCable, entry?: DiskEntry): void {
    this.record(cable, false);
    for (const id of idsOf(cable)) removeFrom(this.byId, id, key);
    for (const citation of cable.cites) removeFrom(this.citers, citation.id, key);
    if (entry?.segment) entry.segment.keys[entry.row!] = undefined;
    this.unsearchable.delete(key);
    this.searchIndex.delete(key);
  }

  /**
   * Files the cables linked while loading from the store for search (an open document's, if one
   * was linked meanwhile): all of them, or those it can before `until` (a `performance.now()` time).
   */
  private fileForSearch(until = Infinity): void {
    if (until === Infinity) for (const part of this.unreadParts) if (!part.segment) this.readPart(part);
    let filed = 0;
    for (const key of this.unsearchable) {
      if (++filed % CABLES_BETWEEN_CLOCK_READS === 0 && performance.now() >= until) return;
      this.unsearchable.delete(key);
      const cable = this.open.get(key)?.cable ?? this.disk.get(key)?.cable;
      if (cable) this.searchIndex.set(key, key, termsOf(cable));
    }
  }

  /**
   * Resolves once every cable loaded from a store without a segment is filed for search (false when `token` was
   * cancelled first), filing them a slice at a time between requests: at 250,000 cables, filing
   * them all at once held the server's thread for seconds.
   */
  async searchable(token?: Cancellation): Promise<boolean> {
    this.filingForSearch ??= this.fileForSearchInSlices().finally(() => (this.filingForSearch = undefined));
    return (
      (await unlessCancelled(
        this.filingForSearch.then(() => true),
        token,
      )) === true
    );
  }

  private async fileForSearchInSlices(): Promise<void> {
    for (;;) {
      const unread = [...this.unreadParts].find((part) => !part.segment);
      if (unread) this.readPart(unread);
      else if (this.unsearchable.size > 0) this.fileForSearch(performance.now() + SLICE_MS);
      else return;
      await yieldToEventLoop();
    }
  }
}

/** The store's parts by a name (an ID): one part as itself, more as a list. */
type PartsByName = Map<string, UnreadPart | UnreadPart[]>;

function partsOf(map: PartsByName, name: string): UnreadPart[] {
  const parts = map.get(name);
  return parts === undefined ? [] : Array.isArray(parts) ? [...parts] : [parts];
}

function addPart(map: PartsByName, name: string, part: UnreadPart): void {
  const known = map.get(name);
  if (known === undefined) map.set(name, part);
  else if (!Array.isArray(known)) {
    if (known !== part) map.set(name, [known, part]);
  } else if (!known.includes(part)) known.push(part);
}

/** Files by a name (an ID): one file as its key alone, more as a set (a set for each of 250,000 IDs was a tenth of the index). */
type KeysByName = Map<string, string | Set<string>>;

function keysOf(map: KeysByName, name: string): string[] {
  const keys = map.get(name);
  return keys === undefined ? [] : typeof keys === 'string' ? [keys] : [...keys];
}

function addTo(map: KeysByName, name: string, key: string): void {
  const keys = map.get(name);
  if (keys === undefined) map.set(name, key);
  else if (typeof keys !== 'string') keys.add(key);
  else if (keys !== key) map.set(name, new Set([keys, key]));
}

function removeFrom(map: KeysByName, name: string, key: string): void {
  const keys = map.get(name);
  if (keys === key) map.delete(name);
  else if (typeof keys !== 'string' && keys?.delete(key) && keys.size === 0) map.delete(name);
}

/**
 * Adds the listed files that may be cables to `files`, and their keys to `keys`, a few thousand
 * at a time between requests (a quarter of a million keys take a second). Not `push(...listed)`:
 * a folder of 250,000 files is more arguments than a call takes.
 */
async function candidatesOf(listed: string[], files: string[], keys: string[], token: Cancellation): Promise<void> {
  for (let i = 0; i < listed.length && !token.isCancellationRequested; i++) {
    const uri = listed[i]!;
    const key = uriKey(uri);
    if (isCableFileName(key)) {
      files.push(uri);
      keys.push(key);
    }
    if (i % KEYS_BETWEEN_YIELDS === KEYS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
  }
}

async function forEachLimited<T>(
  items: T[],
  limit: number,
  token: Cancellation,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !token.isCancellationRequested) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
