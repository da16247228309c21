// `cable parse`'s worker threads (parse-worker.ts, bundled beside the CLI as dist/cli/parse-worker.js):
// each reads and parses the files of a batch and answers with their records, in order. The model
// is one core's work a cable, so a folder of cables is parsed on every core. Without the bundled
// script (running from source) or with one core there are none: the CLI parses in its own thread.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseContext } from '../service/language-service.ts';
import type { ParseOutput } from './parse.ts';
import type { StreamSource } from '../node/source-stream.ts';

const PARSE_WORKER_SCRIPT = join(__dirname, 'parse-worker.js');

/** Files a batch: a few milliseconds of parsing, against a message each way. */
export const PARSE_BATCH_FILES = 32;

/** Batches sent to a worker before its answers: the next is there when it finishes one. */
const BATCHES_IN_FLIGHT = 2;

/**
 * What the files of a batch gave, in order, the records of consecutive files in one string (a
 * message copies one string faster than many); `streamed` names a file that is not read whole
 * (over one chunk, standard input, a pipe), for this thread to stream in its turn from `source`.
 */
export type BatchOutput = (ParseOutput | { streamed: string; source?: StreamSource })[];

export interface ParseWorkers {
  readonly count: number;
  /** Rejected when a worker stopped. */
  parse(files: string[]): Promise<BatchOutput>;
  dispose(): void;
}

interface Request {
  files: string[];
  resolve(outputs: BatchOutput): void;
  reject(error: Error): void;
}

export function createParseWorkers(context: ParseContext): ParseWorkers | undefined {
  const count = Math.min(4, availableParallelism());
  if (count < 2 || !existsSync(PARSE_WORKER_SCRIPT)) return undefined;
  const queue: Request[] = [];
  let stopped: Error | undefined;
  const workers = Array.from({ length: count }, () => ({
    worker: new Worker(PARSE_WORKER_SCRIPT, { workerData: context }),
    sent: [] as Request[],
  }));

  const pump = () => {
    for (const entry of workers) {
      while (entry.sent.length < BATCHES_IN_FLIGHT && queue.length > 0) {
        const request = queue.shift()!;
        entry.sent.push(request);
        entry.worker.postMessage(request.files);
      }
    }
  };
  const stop = (error: Error) => {
    if (stopped) return;
    stopped = error;
    for (const request of [...workers.flatMap((entry) => entry.sent.splice(0)), ...queue.splice(0)]) request.reject(error);
    for (const { worker } of workers) void worker.terminate();
  };
  for (const entry of workers) {
    entry.worker.on('message', (outputs: BatchOutput) => {
      entry.sent.shift()?.resolve(outputs);
      pump();
    });
    entry.worker.on('error', (error) => stop(new Error(`a parse worker stopped: ${error.message}`)));
    entry.worker.on('exit', (code) => stop(new Error(`a parse worker stopped (exit code ${code})`)));
  }

  return {
    count,
    parse(files) {
      if (stopped) return Promise.reject(stopped);
      return new Promise((resolve, reject) => {
        queue.push({ files, resolve, reject });
        pump();
      });
    },
    dispose() {
      stop(new Error('the parse workers were disposed'));
    },
  };
}
