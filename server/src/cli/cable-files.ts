// The cables a command-line path names: a file is taken as it is; a folder is walked for the
// files the workspace takes as cables (cable-detection.ts), skipping what VS Code skips by default
// (.git, node_modules …). The same reading as the language server's (encodings, binary files).
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createNodeWorkspace } from '../node/node-workspace.ts';
import { createExcludeMatcher, DEFAULT_EXCLUDES, describeError, isCableFile, isCableFileName } from '../service/language-service.ts';

export interface CableFile {
  /** As the user wrote it, or relative to the current folder for files found in a folder. */
  path: string;
  text: string;
}

export interface CableFiles {
  files: CableFile[];
  /** Paths that could not be read, with the reason. */
  errors: { path: string; error: string }[];
}

const workspace = createNodeWorkspace();
const isExcluded = createExcludeMatcher(DEFAULT_EXCLUDES);

async function read(path: string): Promise<CableFile | { path: string; error: string }> {
  try {
    return { path, text: await workspace.readFile(pathToFileURL(path).href) };
  } catch (error) {
    return { path, error: describeError(error) };
  }
}

export async function collectCableFiles(paths: string[]): Promise<CableFiles> {
  const result: CableFiles = { files: [], errors: [] };
  const add = (read: CableFile | { path: string; error: string }) => ('error' in read ? result.errors.push(read) : result.files.push(read));
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // Not there, or not readable: reading it says why.
    }
    if (!isDirectory) {
      add(await read(path));
      continue;
    }
    const uris = await workspace.listFiles(pathToFileURL(path).href, { isExcluded });
    for (const uri of uris.sort()) {
      const file = relative(process.cwd(), fileURLToPath(uri)) || fileURLToPath(uri);
      if (!isCableFileName(file)) continue;
      const found = await read(file);
      // A `.txt` in a folder is only checked when it reads as a cable: notes and logs are left alone.
      if ('error' in found || isCableFile(file, found.text)) add(found);
    }
  }
  return result;
}
