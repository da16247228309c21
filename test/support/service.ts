// Helpers for the language service tests: a service over an in-memory workspace, documents and
// positions found by the text they point at.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Position } from 'vscode-languageserver-types';
import {
  createCableLanguageService,
  type CableLanguageService,
  type Logger,
  type ProgressSink,
} from '../../server/src/service/language-service.ts';
import { SEED_FILE } from './corpus.ts';
import { createMemoryWorkspace, type MemoryWorkspace } from './memory-workspace.ts';
import { WorkspaceIndex } from '../../server/src/workspace/workspace-index.ts';

export const WORKSPACE_FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'workspace');
export const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
export const BAGHDAD_TEXT = readFileSync(join(WORKSPACE_FIXTURE_DIR, '08BAGHDAD3475.cable'), 'utf8');
export const SEED_URI = 'file:///ws/seed/09BASRAH2.cable';
export const BAGHDAD_URI = 'file:///ws/fixtures/08BAGHDAD3475.cable';

export interface LoggedMessages extends Logger {
  messages: string[];
}

export function collectingLogger(): LoggedMessages {
  const messages: string[] = [];
  return {
    messages,
    info: (m) => messages.push(`info: ${m}`),
    warn: (m) => messages.push(`warn: ${m}`),
    error: (m) => messages.push(`error: ${m}`),
  };
}

export interface TestService {
  service: CableLanguageService;
  workspace: MemoryWorkspace;
  logger: LoggedMessages;
}

/** A service over the given files, indexing the folders `file:///ws/…` they stand in. */
export function serviceOver(
  files: Record<string, string>,
  options: { folders?: string[]; excludes?: string[]; readDelayMs?: number; concurrency?: number; progress?: () => ProgressSink } = {},
): TestService {
  const workspace = createMemoryWorkspace(files, options.readDelayMs);
  const logger = collectingLogger();
  const service = createCableLanguageService({
    workspace,
    logger,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  service.setWorkspaceFolders(
    (options.folders ?? ['file:///ws']).map((uri) => ({ uri, ...(options.excludes ? { excludes: options.excludes } : {}) })),
  );
  return { service, workspace, logger };
}

/** The workspace index alone over in-memory files, complete: for tests of the workspace layer (queries, graphs). */
export async function indexOver(files: Record<string, string>, folders = ['file:///ws']): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(createMemoryWorkspace(files), collectingLogger(), {});
  index.setFolders(folders.map((uri) => ({ uri })));
  assert.ok(await index.ensureIndexed());
  return index;
}

export function seedWorkspace(): TestService {
  return serviceOver({ [SEED_URI]: SEED_TEXT, [BAGHDAD_URI]: BAGHDAD_TEXT });
}

export function documentOf(uri: string, text: string, version = 1): TextDocument {
  return TextDocument.create(uri, 'cable', version, text);
}

/** The position of the `nth` occurrence of `needle`, moved `offset` characters in. */
export function positionOf(document: TextDocument, needle: string, offset = 0, nth = 0): Position {
  const text = document.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${JSON.stringify(needle)} (#${nth}) is not in ${document.uri}`);
  }
  return document.positionAt(at + offset);
}

export function allSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children ?? [])]);
}

export function hoverText(hover: { contents: unknown } | null): string {
  if (!hover) return '';
  const contents = hover.contents as { value?: string };
  return contents.value ?? '';
}
