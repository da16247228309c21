// Index workers: worker threads that read and summarize the files of an indexing pass
// (index-worker.ts), so the second core does the reading and parsing while the server's own
// thread only files the results and keeps answering requests. Started at the first batch, kept
// for later passes, and left out of the process's life while idle (a CLI run still ends).
// Without the bundled worker script (running from source) there are none: the index reads in
// its own thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeError } from '../workspace/errors.ts';
import type { ReadResult } from '../workspace/index-read.ts';
import type { IndexWorkers, Logger } from '../service/host.ts';

/** The bundle's worker script, beside the server's bundle (dist/server/). */
export const INDEX_WORKER_SCRIPT = join(__dirname, 'index-worker.js');

interface Pending {
  resolve(results: ReadResult[]): void;
  reject(error: Error): void;
}

interface Running {
  worker: Worker;
  /** The batches sent, answered in the order they were sent. */
  pending: Pending[];
}

export interface IndexWorkersOptions {
  /** Default: the bundle's script; none when it does not exist. */
  script?: string;
  /** Default: one core for the server's own thread, the others (up to 3) for workers. */
  count?: number;
}

export function createIndexWorkers(logger: Logger, options: IndexWorkersOptions = {}): IndexWorkers | undefined {
  const script = options.script ?? INDEX_WORKER_SCRIPT;
  if (!existsSync(script)) return undefined;
  const count = options.count ?? Math.max(1, Math.min(3, availableParallelism() - 1));
  let running: Running[] | undefined;
  let disposed = false;

  const startWorker = (): Running => {
    const entry: Running = { worker: new Worker(script), pending: [] };
    let stopped = false;
    const fail = (reason: string) => {
      if (stopped) return;
      stopped = true;
      running = running?.filter((r) => r !== entry);
      for (const pending of entry.pending.splice(0)) pending.reject(new Error(reason));
      if (!disposed) logger.warn(`An index worker stopped (${reason}); files are read in the server's thread`);
    };
    entry.worker.on('message', (results: ReadResult[]) => {
      entry.pending.shift()?.resolve(results);
      if (entry.pending.length === 0) entry.worker.unref();
    });
    entry.worker.on('error', (error) => fail(describeError(error)));
    entry.worker.on('exit', (code) => fail(`exit code ${code}`));
    entry.worker.unref();
    return entry;
  };

  return {
    capacity: 4 * count,

    start() {
      if (!disposed) running ??= Array.from({ length: count }, startWorker);
    },

    read(requests) {
      if (disposed) return Promise.reject(new Error('the index workers were disposed'));
      running ??= Array.from({ length: count }, startWorker);
      const idlest = running.reduce<Running | undefined>(
        (best, r) => (!best || r.pending.length < best.pending.length ? r : best),
        undefined,
      );
      if (!idlest) return Promise.reject(new Error('no index worker is running'));
      return new Promise((resolve, reject) => {
        idlest.pending.push({ resolve, reject });
        idlest.worker.ref();
        idlest.worker.postMessage(requests);
      });
    },

    dispose() {
      disposed = true;
      for (const { worker } of running ?? []) void worker.terminate();
      running = [];
    },
  };
}
