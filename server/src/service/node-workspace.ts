// The Workspace on the local file system. Symbolic links are not followed (a link back up the
// tree would never end); unreadable folders are skipped.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Logger, Workspace } from './types.ts';

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
          logger?.warn(`Cannot read folder ${dir}: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        for (const entry of entries) {
          const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
          if (entry.isDirectory()) {
            if (!isExcluded(childRelative, true)) await walk(join(dir, entry.name), childRelative);
          } else if (entry.isFile() && !isExcluded(childRelative, false)) {
            files.push(pathToFileURL(join(dir, entry.name)).href);
          }
        }
      };
      await walk(fileURLToPath(folderUri), '');
      return files;
    },

    readFile: (uri) => readFile(fileURLToPath(uri), 'utf8'),

    async stat(uri) {
      try {
        const info = await stat(fileURLToPath(uri));
        return info.isFile() ? { size: info.size, mtime: info.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
