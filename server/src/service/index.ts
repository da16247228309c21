// The Cable language service: outline, hover and definition over the cached cable model, and
// the workspace index. Editor-agnostic: no `vscode` import, no LSP connection; the server wires
// requests to it, tests call it directly with an in-memory workspace.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkupKind, type DocumentSymbol, type Hover, type Position } from 'vscode-languageserver-types';
import type { CableModel } from '../model/index.ts';
import { cableDefinitions, definitionQuery, type CableDefinition } from './definition.ts';
import { documentSymbols } from './document-symbols.ts';
import { hover } from './hover.ts';
import { markdownToPlainText } from './markdown.ts';
import { ModelCache } from './model-cache.ts';
import { summarize, WorkspaceIndex, type WorkspaceIndexOptions } from './workspace-index.ts';
import type { Cancellation, Logger, Workspace } from './types.ts';

export { isCableText } from './detector.ts';
export { flattenSymbols } from './document-symbols.ts';
export { enabledPatterns, DEFAULT_EXCLUDES } from './glob.ts';
export { createNodeWorkspace } from './node-workspace.ts';
export type { CableDefinition } from './definition.ts';
export type { IndexedCable } from './workspace-index.ts';
export type * from './types.ts';

export interface CableLanguageServiceOptions extends WorkspaceIndexOptions {
  workspace: Workspace;
  logger: Logger;
}

export interface HoverOptions {
  /** False for clients that only show plain text. */
  markdown?: boolean;
}

export interface CableLanguageService {
  readonly index: WorkspaceIndex;
  /** An editor opened or changed a document: its text wins over the file on disk. */
  documentChanged(document: TextDocument): void;
  documentClosed(uri: string): Promise<void>;
  /** The model of this version of the document (parsed once per version). */
  model(document: TextDocument): CableModel;
  documentSymbols(document: TextDocument, token?: Cancellation): DocumentSymbol[];
  hover(document: TextDocument, position: Position, options?: HoverOptions, token?: Cancellation): Hover | null;
  /** Waits for the workspace index when the position is on a REF entry; [] when cancelled. */
  definition(document: TextDocument, position: Position, token?: Cancellation): Promise<CableDefinition[]>;
  dispose(): void;
}

export function createCableLanguageService(options: CableLanguageServiceOptions): CableLanguageService {
  const cache = new ModelCache();
  const index = new WorkspaceIndex(options.workspace, options.logger, options);

  return {
    index,

    documentChanged(document) {
      index.setOpenDocument(document.uri, () => summarize(document.uri, cache.get(document)));
    },

    async documentClosed(uri) {
      cache.delete(uri);
      await index.closeOpenDocument(uri);
    },

    model: (document) => cache.get(document),

    documentSymbols(document, token) {
      if (token?.isCancellationRequested) return [];
      return documentSymbols(cache.get(document), document);
    },

    hover(document, position, hoverOptions = {}, token) {
      if (token?.isCancellationRequested) return null;
      const found = hover({ document, model: cache.get(document), index }, position);
      if (!found) return null;
      const markdown = hoverOptions.markdown ?? true;
      return {
        contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: markdown ? found.contents : markdownToPlainText(found.contents) },
        range: found.range,
      };
    },

    async definition(document, position, token) {
      const query = definitionQuery(cache.get(document), document.uri, position);
      if (!query) return [];
      if (query.kind === 'local') return query.definitions;
      if (!(await index.ensureIndexed(token))) return [];
      return cableDefinitions(query.origin, index.lookup(query.id));
    },

    dispose() {
      index.cancel();
    },
  };
}
