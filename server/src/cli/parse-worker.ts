// A worker thread of `cable parse` (parse-workers.ts): reads each file of a batch whole, parses it
// through the language service as the CLI's own thread does (parse.ts), and answers with what
// the files gave, in order. Files that must be streamed are left to the CLI's thread (a pipe's
// descriptor left open for it: worker threads share the process's descriptors).
import { parentPort, workerData } from 'node:worker_threads';
import type { ParseContext } from '../service/language-service.ts';
import { createCliService } from './cli-service.ts';
import { parseOutputs, readWholeInput } from './parse.ts';
import type { BatchOutput } from './parse-workers.ts';

const service = createCliService((message) => process.stderr.write(`cable: ${message}\n`));
const context = workerData as ParseContext;

async function parseBatch(files: string[]): Promise<BatchOutput> {
  const outputs: BatchOutput = [];
  for (const file of files) {
    const read = readWholeInput(file);
    if (!read || 'stream' in read) {
      outputs.push(read ? { streamed: file, source: read.stream } : { streamed: file });
      continue;
    }
    for await (const output of parseOutputs(service, file, read.items, context)) {
      const last = outputs[outputs.length - 1];
      if ('records' in output && last && 'records' in last) last.records += output.records;
      else outputs.push(output);
    }
  }
  return outputs;
}

/** Batches are answered one after another, in the order they came. */
let previous = Promise.resolve();
parentPort?.on('message', (files: string[]) => {
  previous = previous.then(async () => parentPort!.postMessage(await parseBatch(files)));
});
