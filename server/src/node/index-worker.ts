// An index worker (a worker thread, bundled as dist/server/index-worker.js): reads the files the
// index sends, in batches, from the local disk with synchronous calls (several times cheaper
// than a promise each for stat, open, read and close), summarizes each from its front matter, and
// answers each batch with its results in order. Started by index-workers.ts.
import { closeSync, fstatSync, openSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { summarizeFile } from '../workspace/indexed-cable.ts';
import { describeError } from '../workspace/errors.ts';
import { resultOfStat, type ReadRequest, type ReadResult } from '../workspace/index-read.ts';
import { describeFileError, readToEnd } from './file-text.ts';
import { fileStatOf, textOfBytes } from './node-workspace.ts';

/** Reused for every file: one allocation, grown for a larger file. */
let buffer = Buffer.allocUnsafe(64 * 1024);

/** The file's bytes from `fd`, to its end (it may have grown since its stat). */
function readAll(fd: number, size: number): Uint8Array {
  if (buffer.length <= size) buffer = Buffer.allocUnsafe(size + 1);
  return readToEnd(fd, buffer);
}

/**
 * One open, fstat, read and close: the fstat is the stat the index keeps. A file read before (a
 * reopened folder checks every file of its index cache) is first only stat'ed: unchanged, it is
 * not opened.
 */
function readFromDisk(request: ReadRequest): ReadResult {
  try {
    const path = fileURLToPath(request.uri);
    if (request.known) {
      const info = statSync(path, { throwIfNoEntry: false });
      const stat = info && fileStatOf(info);
      const skipped = stat && resultOfStat(request, stat);
      if (skipped) return skipped;
    }
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      // As the workspace's stat then read: missing unless a file stands there that cannot be read.
      const info = statSync(path, { throwIfNoEntry: false });
      return info?.isFile() ? { kind: 'failed', reason: describeFileError(error) } : { kind: 'missing' };
    }
    try {
      const stat = fileStatOf(fstatSync(fd));
      if (!stat) return { kind: 'missing' };
      const skipped = resultOfStat(request, stat);
      if (skipped) return skipped;
      let bytes: Uint8Array;
      try {
        bytes = readAll(fd, stat.size);
      } catch (error) {
        return { kind: 'failed', reason: describeFileError(error) };
      }
      const notes: string[] = [];
      const text = textOfBytes(path, bytes, { info: (message) => notes.push(message), warn: () => {}, error: () => {} });
      const cable = summarizeFile(request.uri, text);
      const result: ReadResult = cable ? { kind: 'read', stat, cable } : { kind: 'read', stat };
      if (notes.length) result.notes = notes;
      return result;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { kind: 'failed', reason: describeError(error) };
  }
}

parentPort?.on('message', (requests: ReadRequest[]) => {
  parentPort!.postMessage(requests.map(readFromDisk));
});
