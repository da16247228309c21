// Reading one file for the workspace index: its stat, then nothing more when it is too large or
// unchanged since the last read, else its text summarized. The index does it in its own thread
// through the Workspace (`readThroughWorkspace`); index workers do the same on the local disk
// (index-worker.ts) and send back the same results.
import { summarizeFile, type IndexedCable } from './indexed-cable.ts';
import { describeError } from './errors.ts';
import type { FileStat, Workspace } from './file-access.ts';

export interface ReadRequest {
  uri: string;
  /** Larger files are not read. */
  maxBytes: number;
  /** The stat of the last read: the file is not read again when size and mtime are the same. */
  known?: FileStat;
}

export type ReadResult =
  | { kind: 'missing' }
  | { kind: 'too-large'; stat: FileStat }
  | { kind: 'unchanged'; stat: FileStat }
  /** `cable` is absent for a `.txt` file that is not a cable; `notes` are for the log (an encoding). */
  | { kind: 'read'; stat: FileStat; cable?: IndexedCable; notes?: string[] }
  | { kind: 'failed'; reason: string };

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The turns of a long task on the server's thread, by the clock: `due` once `ms` have passed since
 * the last yield, then `next()` yields to requests. Slices of so many items each held the thread
 * as long as their items took: the search segment's build, 20–80 ms a slice at 20,000 cables, made
 * a file change wait that long for workspace/symbol.
 */
export class TimeSlices {
  private until: number;

  constructor(private readonly ms: number) {
    this.until = performance.now() + ms;
  }

  get due(): boolean {
    return performance.now() >= this.until;
  }

  async next(): Promise<void> {
    await yieldToEventLoop();
    this.until = performance.now() + this.ms;
  }
}

/** The result a stat alone gives: too large, or unchanged; undefined when the file must be read. */
export function resultOfStat(request: ReadRequest, stat: FileStat): ReadResult | undefined {
  if (stat.size > request.maxBytes) return { kind: 'too-large', stat };
  const known = request.known;
  if (known && known.mtime === stat.mtime && known.size === stat.size) return { kind: 'unchanged', stat };
  return undefined;
}

/** Reads and summarizes one file through the workspace, yielding to the event loop before parsing. */
export async function readThroughWorkspace(workspace: Workspace, request: ReadRequest): Promise<ReadResult> {
  try {
    const stat = await workspace.stat(request.uri);
    if (!stat) return { kind: 'missing' };
    const skipped = resultOfStat(request, stat);
    if (skipped) return skipped;
    const text = await workspace.readFile(request.uri);
    await yieldToEventLoop();
    const cable = summarizeFile(request.uri, text);
    return cable ? { kind: 'read', stat, cable } : { kind: 'read', stat };
  } catch (error) {
    return { kind: 'failed', reason: describeError(error) };
  }
}
