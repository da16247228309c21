// What the workspace index needs from its host: file access, a logger, cancellation, a progress
// sink and, on the local disk, threads that read files. The Node host (node/) fulfils these;
// tests pass in-memory ones. Nothing here depends on an LSP connection or on `vscode`.
import type { ReadRequest, ReadResult } from './index-read.ts';

/** Structurally the same as the LSP CancellationToken, so the server passes its tokens as they are. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  /** Lets a waiter stop at once instead of polling. */
  readonly onCancellationRequested?: (listener: () => void) => { dispose(): void };
}

export interface FileStat {
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

export interface ListFilesOptions {
  /** Path relative to the folder, `/`-separated; an excluded directory is not entered. */
  isExcluded(relativePath: string, isDirectory: boolean): boolean;
  token?: Cancellation;
}

/** File access, by URI (`file:///…`). */
export interface Workspace {
  /** Every file under the folder, as URIs, skipping what `isExcluded` names. */
  listFiles(folderUri: string, options: ListFilesOptions): Promise<string[]>;
  readFile(uri: string): Promise<string>;
  /** Undefined when the file does not exist. */
  stat(uri: string): Promise<FileStat | undefined>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Where the workspace index reports how far it has got. */
export interface ProgressSink {
  begin(title: string, message?: string): void;
  report(done: number, total: number): void;
  end(): void;
}

/** Threads that read and summarize a pass's files (node/index-workers.ts). */
export interface IndexWorkers {
  /** Batches worth having in flight: four a worker, so none waits while the index's thread files results (or is held up). */
  readonly capacity: number;
  /** Starts the workers before the first read (a worker takes 50–100 ms to start and load its script). */
  start(): void;
  /** The results of the requests, in order; rejects when no worker could do it (the caller reads them itself). */
  read(requests: ReadRequest[]): Promise<ReadResult[]>;
  dispose(): void;
}
