// Checks shared by the service and protocol tests over the corpus.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { parseCableId } from '../../server/src/model/cable-model.ts';

/** Pages whose text is another cable than their file name says (see STATS.md): the text decides. */
export const BODY_IS_ANOTHER_CABLE = new Set(['09CHISINAU694', '09HAVANA132', '09MOSCOW1108', '10MEXICO614', '88BAGHDAD28']);

/** Post names as REF entries write them, for the IDs whose post part differs. */
const CITED_POST_NAMES: Record<string, string[]> = {
  STATE: ['STATE', 'SECSTATE'],
  USUNNEWYORK: ['USUN', 'USUNNEWYORK'],
  UNVIEVIENNA: ['UNVIE'],
  USEUBRUSSELS: ['USEU'],
  RPODUBAI: ['DUBAIRPO', 'RPODUBAI'],
  RIODEJANEIRO: ['RIODEJANEIRO', 'RIO'],
};

/** The citation names the cable's post and serial: a check on the ID that does not go through the model. */
export function citationNamesCable(citation: string, id: string): boolean {
  const parts = parseCableId(id);
  if (!parts) return false;
  const compact = citation.toUpperCase().replace(/\s+/g, '');
  const posts = CITED_POST_NAMES[parts.post] ?? [parts.post];
  const numbers = (citation.match(/\d+/g) ?? []).map(Number);
  return posts.some((post) => compact.includes(post)) && numbers.includes(Number(parts.serial));
}

export function paragraphSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => (s.kind === SymbolKind.Number ? [s] : paragraphSymbols(s.children ?? [])));
}

/** Where each cable ID truly is: the metadata's ID, or the text's for pages that hold another cable. */
export function filesByTrueId(cables: { metadataId: string; textId: string | undefined; uri: string }[]): Map<string, string[]> {
  const files = new Map<string, string[]>();
  for (const { metadataId, textId, uri } of cables) {
    const id = BODY_IS_ANOTHER_CABLE.has(metadataId) ? textId : metadataId;
    if (id) files.set(id, [...(files.get(id) ?? []), uri]);
  }
  return files;
}

/** `¶N.` labels of the plain rendering (years wrapped to a line start, `¶2010.`, are not paragraphs). */
export function pilcrowNumbers(text: string): number[] {
  return [...text.matchAll(/^[ \t]*¶ ?(\d{1,3})\.(?!\d)/gm)].map((m) => Number(m[1]));
}

/** Whether `needle` appears in `haystack` in order, gaps allowed. */
export function isSubsequence(needle: number[], haystack: number[]): boolean {
  let i = 0;
  for (const n of haystack) if (i < needle.length && needle[i] === n) i++;
  return i === needle.length;
}

/** The paragraph numbers an outline shows, in order: its paragraph symbols are named `N.` or `N. (C) …`. */
export function outlineNumbers(symbols: DocumentSymbol[]): number[] {
  return paragraphSymbols(symbols).map((s) => Number(/^(\d+)\./.exec(s.name)?.[1]));
}
