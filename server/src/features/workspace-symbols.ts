// Workspace symbols: find a cable by its ID (`09BAS` finds 09BASRAH2), by words of its subject,
// by a TAGS code. Answered from the search index, never by scanning the workspace. The name holds
// the ID, the subject and the TAGS, since VS Code keeps only results whose name matches the query.
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import { baseName } from '../workspace/uri-keys.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

/** More would only slow the client's list: a query this broad needs another word. */
export const MAX_WORKSPACE_SYMBOLS = 500;

export function cableSymbolName(cable: IndexedCable): string {
  const tags = cable.tags.length ? ` [${cable.tags.join(' ')}]` : '';
  const subject = cable.subject ? ` — ${cable.subject}` : '';
  return `${cable.id ?? baseName(cable.uri)}${subject}${tags}`;
}

function cableSymbol(cable: IndexedCable): SymbolInformation {
  const container = [cable.date?.slice(0, 10), cable.classification, cable.origin].filter(Boolean).join(' · ');
  const symbol: SymbolInformation = { name: cableSymbolName(cable), kind: SymbolKind.File, location: { uri: cable.uri, range: cable.anchor } };
  if (container) symbol.containerName = container;
  return symbol;
}

export function workspaceSymbols(index: { search(query: string, limit: number): IndexedCable[] }, query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  const wanted = query.trim().toUpperCase();
  const found = index.search(query, limit);
  // The cable whose ID is the query first, then by ID.
  const rank = (cable: IndexedCable) => (cable.id === wanted ? 0 : 1);
  const sortKey = (cable: IndexedCable) => cable.id ?? baseName(cable.uri);
  found.sort((a, b) => rank(a) - rank(b) || (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  return found.map(cableSymbol);
}
