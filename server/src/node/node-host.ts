// The Node host of the language service, for the server and the CLI: the local file system
// (node-workspace.ts), the index workers (index-workers.ts) and the index cache (index-cache.ts).
import type { CableServiceHost, Logger } from '../service/host.ts';
import packageJson from '../../../package.json';
import { cacheVersion, createIndexCache } from './index-cache.ts';
import { createIndexWorkers } from './index-workers.ts';
import { createNodeWorkspace } from './node-workspace.ts';

export interface NodeHostOptions {
  /** The bundled worker script; default: beside the server's bundle. */
  workerScript?: string;
  /** Where the index is kept between runs (index-cache.ts); none: the index is built anew each run. */
  cacheDir?: string;
}

export function createNodeHost(logger: Logger, options: NodeHostOptions = {}): CableServiceHost {
  const workers = createIndexWorkers(logger, options.workerScript ? { script: options.workerScript } : {});
  const store = options.cacheDir
    ? createIndexCache(options.cacheDir, cacheVersion(packageJson.version, options.workerScript), logger)
    : undefined;
  return { workspace: createNodeWorkspace(logger), logger, ...(workers ? { workers } : {}), ...(store ? { store } : {}) };
}
