// The Workspace on the local file system. Symbolic links are not followed (a link back up the
// tree would never end); unreadable folders are skipped. Files are decoded by file-text.ts:
// UTF-16 and Latin-1 are read (and logged), binary files refused with a reason.
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { decodeCableBytes, describeFileError } from './file-text.ts';
import { isCableFileName } from '../workspace/cable-detection.ts';
import { yieldToEventLoop } from '../workspace/index-read.ts';
import type { FileStat, Logger, Workspace } from '../service/host.ts';

/** The stat the index keeps of a file; undefined for anything but a file. */
export function fileStatOf(info: Stats): FileStat | undefined {
  return info.isFile() ? { size: info.size, mtime: info.mtimeMs } : undefined;
}

/** A file's text (throws the reason it cannot be read as text); `logger` hears of a file that is not UTF-8. */
export function textOfBytes(path: string, bytes: Uint8Array, logger?: Logger): string {
  const decoded = decodeCableBytes(bytes);
  if ('error' in decoded) throw new Error(decoded.error);
  if (decoded.encoding !== 'utf-8') logger?.info(`${path} is not UTF-8: read as ${decoded.encoding}`);
  return decoded.text;
}

const ENTRIES_BETWEEN_YIELDS = 1024;

export function createNodeWorkspace(logger?: Logger): Workspace {
  return {
    async listFiles(folderUri, { isExcluded, token }) {
      const files: string[] = [];
      const walk = async (dir: string, relative: string): Promise<void> => {
        if (token?.isCancellationRequested) return;
        let entries;
        try {
          entries = await readdir(dir, { withFileTypes: true });
        } catch (error) {
          logger?.warn(`Cannot read folder ${dir}: ${describeFileError(error)}`);
          return;
        }
        for (const [i, entry] of entries.entries()) {
          // A folder of thousands of cables: requests are answered between steps of its listing.
          if (i % ENTRIES_BETWEEN_YIELDS === ENTRIES_BETWEEN_YIELDS - 1) await yieldToEventLoop();
          const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!isExcluded(childRelative, true)) await walk(join(dir, entry.name), childRelative);
          } else if (entry.isFile() && !isExcluded(childRelative, false)) {
            files.push(pathToFileURL(join(dir, entry.name)).href);
          } else if (entry.isSymbolicLink() && isCableFileName(entry.name) && !isExcluded(childRelative, false)) {
            logger?.info(`Not indexed: ${join(dir, entry.name)} is a symbolic link (links are not followed)`);
          }
        }
      };
      await walk(fileURLToPath(folderUri), '');
      return files;
    },

    async readFile(uri) {
      const path = fileURLToPath(uri);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(path);
      } catch (error) {
        throw new Error(describeFileError(error), { cause: error });
      }
      return textOfBytes(path, bytes, logger);
    },

    async stat(uri) {
      try {
        return fileStatOf(await stat(fileURLToPath(uri)));
      } catch {
        return undefined;
      }
    },
  };
}
