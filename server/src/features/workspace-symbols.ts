// Workspace symbols: find a cable by its ID (`09BAS` finds 09BASRAH2), by words of its subject,
// by a TAGS code; an empty query lists the newest cables. Answered from the search index, never by scanning the workspace. The name holds
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
  const symbol: SymbolInformation = {
    name: cableSymbolName(cable),
    kind: SymbolKind.File,
    location: { uri: cable.uri, range: cable.anchor },
  };
  if (container) symbol.containerName = container;
  return symbol;
}

const byId = (a: IndexedCable, b: IndexedCable): number => {
  const [x, y] = [a.id ?? baseName(a.uri), b.id ?? baseName(b.uri)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * An empty query (the protocol's "all symbols"; VS Code sends it as Ctrl+T opens): the newest
 * cables first, by their date, then by ID; cables without a date last.
 */
function newestCables(cables: IndexedCable[], limit: number): IndexedCable[] {
  const date = (cable: IndexedCable) => cable.date ?? '';
  return cables.sort((a, b) => (date(a) > date(b) ? -1 : date(a) < date(b) ? 1 : byId(a, b))).slice(0, limit);
}

export function workspaceSymbols(
  index: { search(query: string, limit: number): IndexedCable[]; cables(): IndexedCable[] },
  query: string,
  limit = MAX_WORKSPACE_SYMBOLS,
): SymbolInformation[] {
  const wanted = query.trim().toUpperCase();
  if (!wanted) return newestCables(index.cables(), limit).map(cableSymbol);
  const found = index.search(query, limit);
  // The cable whose ID is the query first, then by ID.
  const rank = (cable: IndexedCable) => (cable.id === wanted ? 0 : 1);
  found.sort((a, b) => rank(a) - rank(b) || byId(a, b));
  return found.map(cableSymbol);
}
