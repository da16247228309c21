// Where the workspace index keeps what it read between runs, so a folder opened again is answered
// at once from what was read last time, and only files whose size or mtime changed are read again.
// The index stays host-agnostic: the host gives a store (node/index-cache.ts on the local disk), or
// none. A store never throws: a missing, unreadable, corrupt or old cache loads as nothing.
import type { IndexedCable } from './indexed-cable.ts';
import type { FileStat } from './file-access.ts';
import type { SearchSegment } from './search-segment.ts';

/** One file of a folder as the index last read it; `cable` is absent for a `.txt` file that is not a cable. */
export interface StoredFile {
  /** The file's key relative to its folder's key (`sub/08BAGHDAD3475.cable`). */
  path: string;
  stat: FileStat;
  cable?: IndexedCable;
  /** Its row in the folder's search segment (the files' order when saved), when read from a store. */
  row?: number;
}

/** A folder and what its files are read under. */
export interface StoredFolder {
  uri: string;
  /** `cable.maxFileSize`, as a string compared whole: a store read under another size cap is not used. */
  settings: string;
  /** The `files.exclude` patterns its files are listed under. */
  excludes: readonly string[];
}

/**
 * What is stored for a folder: the IDs of its cables at once, its files in parts read when needed,
 * so a lookup is answered after reading the IDs and one part (at 250,000 cables, reading every
 * file's summary first was 2.2-2.4 s of CPU).
 */
export interface StoredFiles {
  /**
   * The `files.exclude` patterns the files were listed under. A store listed under others is still
   * used: its files the folder's patterns exclude now are left out, and the pass's listing finds
   * those they no longer exclude (`cable index` cannot know an editor's patterns, nor VS Code's
   * defaults, which change between its versions).
   */
  readonly excludes: readonly string[];
  /** For each part, the IDs its cables are found by (`idsOf`). */
  readonly idsOfParts: readonly (readonly string[])[];
  /** For each part, the IDs its cables cite. */
  readonly citedOfParts: readonly (readonly string[])[];
  /** The files of a part; those that cannot be read are left out (the index reads them as new files). */
  read(part: number): StoredFile[];
  /** The search terms of the files, by row; absent when not stored or damaged (the index files them itself). */
  readonly segment?: SearchSegment;
  /** The part that holds a row. */
  partOf(row: number): number;
}

export interface IndexStore {
  /** What is stored for the folder under these settings, or undefined (none, another version, corrupt). */
  load(folder: StoredFolder): Promise<StoredFiles | undefined>;
  /** Replaces what is stored for the folder, the files' search terms by row (`files`' order) with it; failures are logged, not thrown. */
  save(folder: StoredFolder, files: StoredFile[], segment: SearchSegment): Promise<void>;
}
