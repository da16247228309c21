// What the language service needs from its host: file access, a logger, and optionally threads
// that read files and a sink that shows indexing progress. The Node host (node/node-host.ts)
// fulfils it for the server and the CLI; tests pass in-memory objects.
import type { IndexWorkers, Logger, ProgressSink, Workspace } from '../workspace/file-access.ts';
import type { IndexStore } from '../workspace/index-store.ts';

export type * from '../workspace/file-access.ts';
export type { IndexStore, StoredFile, StoredFolder } from '../workspace/index-store.ts';

export interface CableServiceHost {
  workspace: Workspace;
  logger: Logger;
  /** Worker threads reading a pass's files from the local disk; without them the index reads through `workspace`. */
  workers?: IndexWorkers;
  /** Called as each indexing pass starts, for a sink that shows its progress. */
  progress?: () => ProgressSink | undefined;
  /** Where the index is kept between runs (node/index-cache.ts), so a folder opened again is answered at once. */
  store?: IndexStore;
  /** Files read at the same time in the index's own thread. */
  concurrency?: number;
}
