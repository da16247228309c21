// Where the workspace index keeps what it read between runs, so a folder opened again is answered
// at once from what was read last time, and only files whose size or mtime changed are read again.
// The index stays host-agnostic: the host gives a store (node/index-cache.ts on the local disk), or
// none. A store never throws: a missing, unreadable, corrupt or old cache loads as nothing.
import type { IndexedCable } from './indexed-cable.ts';
import type { FileStat } from './file-access.ts';

/** One file of a folder as the index last read it; `cable` is absent for a `.txt` file that is not a cable. */
export interface StoredFile {
  /** The file's key relative to its folder's key (`sub/08BAGHDAD3475.cable`). */
  path: string;
  stat: FileStat;
  cable?: IndexedCable;
}

/** What a folder's files were read under: a cache read under other exclusions or another size cap is not used. */
export interface StoredFolder {
  uri: string;
  /** `files.exclude` patterns and `cable.maxFileSize`, as one string compared whole. */
  settings: string;
}

export interface IndexStore {
  /** The files stored for the folder under these settings (iterated once), or undefined (none, another version, corrupt). */
  load(folder: StoredFolder): Promise<Iterable<StoredFile> | undefined>;
  /** Replaces what is stored for the folder; failures are logged, not thrown. */
  save(folder: StoredFolder, files: StoredFile[]): Promise<void>;
}
