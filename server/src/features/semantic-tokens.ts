// Semantic highlighting where the grammar cannot know: whether a REF entry's cable is in the
// workspace (`cableReference`, or `cableReference.unresolved`), and a TAGS code no table lists
// (`tagCode.unknown`). package.json maps these to TextMate scopes, so every theme colours them.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lookupTag } from '../data/reference.ts';
import { identifiedCitations, type CableModel, type Range } from '../model/cable-model.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

export const SEMANTIC_TOKEN_TYPES = ['cableReference', 'tagCode'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['unresolved', 'unknown'] as const;

type TokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
type TokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

/** A token on one line (tokens may not cross lines); the LSP layer encodes them. */
export interface SemanticSpan {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** A range as one span per line: tokens may not cross lines. */
function spansOf(document: TextDocument, range: Range, type: TokenType, modifiers: TokenModifier[]): SemanticSpan[] {
  const spans: SemanticSpan[] = [];
  for (let line = range.start.line; line <= range.end.line; line++) {
    const start = line === range.start.line ? range.start.character : 0;
    const end =
      line === range.end.line
        ? range.end.character
        : document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
    if (end > start) spans.push({ line, character: start, length: end - start, type, modifiers });
  }
  return spans;
}

export function semanticTokens(model: CableModel, document: TextDocument, index: { lookup(id: string): IndexedCable[] }): SemanticSpan[] {
  const spans: SemanticSpan[] = [];
  for (const citation of (model.references?.entries ?? []).flatMap(identifiedCitations)) {
    const resolved = index.lookup(citation.id).length > 0;
    spans.push(...spansOf(document, citation.range, 'cableReference', resolved ? [] : ['unresolved']));
  }
  for (const tag of model.tags?.codes ?? []) {
    if (!lookupTag(tag.code)) spans.push(...spansOf(document, tag.range, 'tagCode', ['unknown']));
  }
  return spans.sort((a, b) => a.line - b.line || a.character - b.character);
}
