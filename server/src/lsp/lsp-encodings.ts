// The service's answers as the LSP writes them: diagnostic severities as numbers, semantic tokens
// as relative integers, link targets with VS Code's `#L` fragment, flat symbol lists and plain
// text hovers for clients that lack the richer forms.
import type {
  CodeAction,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  Hover,
  SemanticTokens,
  SemanticTokensLegend,
  SymbolInformation,
} from 'vscode-languageserver/node';
import {
  markdownToPlainText,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type CableDiagnostic,
  type CableLink,
  type CableQuickFix,
  type SemanticSpan,
} from '../service/language-service.ts';

const LSP_SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export function toLspDiagnostic(d: CableDiagnostic): Diagnostic {
  return { range: d.range, severity: LSP_SEVERITY[d.severity], code: d.code, source: 'cable', message: d.message };
}

export function toLspCodeAction(fix: CableQuickFix): CodeAction {
  return { ...fix, diagnostics: fix.diagnostics.map(toLspDiagnostic) };
}

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

/** Relative encoding of the LSP: line delta, start delta, length, type index, modifier bits (spans in document order). */
export function encodeSemanticTokens(spans: readonly SemanticSpan[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const span of spans) {
    const deltaLine = span.line - line;
    const modifiers = span.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(
      deltaLine,
      deltaLine === 0 ? span.character - character : span.character,
      span.length,
      SEMANTIC_TOKEN_TYPES.indexOf(span.type),
      modifiers,
    );
    line = span.line;
    character = span.character;
  }
  return { data };
}

/** A target inside a file: VS Code opens `#L12,5` at line 12, column 5 (both 1-based). */
export function linkTarget(uri: string, range: CableLink['targetRange']): string {
  return `${uri.replace(/#[\s\S]*$/, '')}#L${range.start.line + 1},${range.start.character + 1}`;
}

export function toLspDocumentLink(link: CableLink): DocumentLink {
  return { range: link.range, target: linkTarget(link.targetUri, link.targetRange), tooltip: link.tooltip };
}

/** For clients without hierarchical symbols: one flat list, each symbol naming its parent. */
export function flattenSymbols(uri: string, symbols: DocumentSymbol[], containerName?: string): SymbolInformation[] {
  return symbols.flatMap((s) => {
    const info: SymbolInformation = { name: s.name, kind: s.kind, location: { uri, range: s.range } };
    if (containerName) info.containerName = containerName;
    return [info, ...flattenSymbols(uri, s.children ?? [], s.name)];
  });
}

/** The service's markdown hover as plain text, for clients that only show plain text. */
export function plainTextHover(hover: Hover): Hover {
  const contents = hover.contents as { value: string };
  return { ...hover, contents: { kind: 'plaintext', value: markdownToPlainText(contents.value) } };
}
