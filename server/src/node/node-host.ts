// The Node host of the language service, for the server and the CLI: the local file system
// (node-workspace.ts) and the index workers (index-workers.ts).
import type { CableServiceHost, Logger } from '../service/host.ts';
import { createIndexWorkers } from './index-workers.ts';
import { createNodeWorkspace } from './node-workspace.ts';

export interface NodeHostOptions {
  /** The bundled worker script; default: beside the server's bundle. */
  workerScript?: string;
}

export function createNodeHost(logger: Logger, options: NodeHostOptions = {}): CableServiceHost {
  const workers = createIndexWorkers(logger, options.workerScript ? { script: options.workerScript } : {});
  return { workspace: createNodeWorkspace(logger), logger, ...(workers ? { workers } : {}) };
}
