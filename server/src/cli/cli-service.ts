// The language service as the CLI uses it: on the Node host, with the server's index workers
// beside the CLI's bundle (dist/cli/ and dist/server/; none when running from source), and
// documents made from files read on the command line.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createNodeHost } from '../node/node-host.ts';
import { createCableLanguageService, type CableLanguageService, type Logger } from '../service/language-service.ts';

export function createCliService(
  warn: (message: string) => void,
  options: { section?: unknown; cacheDir?: string } = {},
): CableLanguageService {
  const logger: Logger = { info() {}, warn, error: warn };
  const { section, cacheDir } = options;
  const service = createCableLanguageService(
    createNodeHost(logger, { workerScript: join(__dirname, '..', 'server', 'index-worker.js'), ...(cacheDir ? { cacheDir } : {}) }),
  );
  if (section) service.setSettings(section);
  return service;
}

/** A document of a file given on the command line (`-`: standard input). */
export function documentOfFile(path: string, text: string): TextDocument {
  return TextDocument.create(path === '-' ? 'untitled:stdin' : pathToFileURL(path).href, 'cable', 1, text);
}
