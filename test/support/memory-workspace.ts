// An in-memory Workspace for the language service tests: files by URI, writable and deletable,
// with a read counter and the highest number of reads in flight at once.
import type { ListFilesOptions, Workspace } from '../../server/src/service/language-service.ts';

export interface MemoryWorkspace extends Workspace {
  write(uri: string, text: string): void;
  remove(uri: string): void;
  readonly reads: number;
  readonly maxReadsInFlight: number;
}

/** `readDelayMs` keeps each read in flight for a while, so concurrency can be observed. */
export function createMemoryWorkspace(files: Record<string, string> = {}, readDelayMs = 0): MemoryWorkspace {
  const contents = new Map<string, { text: string; mtime: number }>();
  let clock = 1;
  let reads = 0;
  let inFlight = 0;
  let maxReadsInFlight = 0;
  const write = (uri: string, text: string) => contents.set(uri, { text, mtime: clock++ });
  for (const [uri, text] of Object.entries(files)) write(uri, text);

  const isListed = (folderUri: string, uri: string, { isExcluded }: ListFilesOptions) => {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    if (!uri.startsWith(prefix)) return false;
    const segments = decodeURIComponent(uri.slice(prefix.length)).split('/');
    for (let n = 1; n < segments.length; n++) if (isExcluded(segments.slice(0, n).join('/'), true)) return false;
    return !isExcluded(segments.join('/'), false);
  };

  return {
    write,
    remove: (uri) => contents.delete(uri),
    get reads() {
      return reads;
    },
    get maxReadsInFlight() {
      return maxReadsInFlight;
    },
    async listFiles(folderUri, options) {
      return [...contents.keys()].filter((uri) => isListed(folderUri, uri, options)).sort();
    },
    async readFile(uri) {
      reads++;
      inFlight++;
      maxReadsInFlight = Math.max(maxReadsInFlight, inFlight);
      try {
        if (readDelayMs) await new Promise((resolve) => setTimeout(resolve, readDelayMs));
        const file = contents.get(uri);
        if (!file) throw new Error(`ENOENT: ${uri}`);
        return file.text;
      } finally {
        inFlight--;
      }
    },
    async stat(uri) {
      const file = contents.get(uri);
      return file && { size: file.text.length, mtime: file.mtime };
    },
  };
}
