// What the language service needs from its host: file access, a logger, and optionally threads
// that read files and a sink that shows indexing progress. The Node host (node/node-host.ts)
// fulfils it for the server and the CLI; tests pass in-memory objects.
import type { IndexWorkers, Logger, ProgressSink, Workspace } from '../workspace/file-access.ts';

export type * from '../workspace/file-access.ts';

export interface CableServiceHost {
  workspace: Workspace;
  logger: Logger;
  /** Worker threads reading a pass's files from the local disk; without them the index reads through `workspace`. */
  workers?: IndexWorkers;
  /** Called as each indexing pass starts, for a sink that shows its progress. */
  progress?: () => ProgressSink | undefined;
  /** Files read at the same time in the index's own thread. */
  concurrency?: number;
}
