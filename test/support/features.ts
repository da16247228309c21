// Helpers for the tests of the features beyond outline, hover and definition: a service over a
// folder of real cables, and edits of the seed that plant one fault each.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { SEMANTIC_TOKENS_LEGEND } from '../../server/src/lsp/lsp-encodings.ts';
import { SAMPLE_CORPUS_DIR } from './corpus.ts';
import { serviceOver, type TestService } from './service.ts';
import { NEVER_CANCELLED } from '../../server/src/service/language-service.ts';

/** The cables of a folder as in-memory files under `file:///ws/<folderName>/`. */
export function filesOf(dir: string, folderName: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (/\.(txt|cable)$/.test(name)) files[`file:///ws/${folderName}/${name}`] = readFileSync(join(dir, name), 'utf8');
  }
  return files;
}

export const SAMPLE_PLAIN = filesOf(join(SAMPLE_CORPUS_DIR, 'plain'), 'plain');
export const sampleUri = (id: string) => `file:///ws/plain/${id}.txt`;

/** A service over the vendored corpus sample (plain rendering), indexed. */
export async function sampleWorkspace(extra: Record<string, string> = {}): Promise<TestService> {
  const test = serviceOver({ ...SAMPLE_PLAIN, ...extra });
  await test.service.ensureIndexed(NEVER_CANCELLED);
  return test;
}

/** The text with `from` replaced by `to` (the first occurrence), failing when `from` is absent. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${JSON.stringify(from)} is not in the text`);
  return text.replace(from, to);
}

/** Applies LSP text edits (non-overlapping) to a document's text. */
export function applyEdits(document: TextDocument, edits: TextEdit[]): string {
  const text = document.getText();
  const sorted = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
  return sorted.reduce(
    (out, e) => out.slice(0, document.offsetAt(e.range.start)) + e.newText + out.slice(document.offsetAt(e.range.end)),
    text,
  );
}

/** Semantic tokens as `text: type.modifier` (the LSP's relative encoding undone). */
export function decodeTokens(document: TextDocument, data: number[]): string[] {
  const decoded: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i] === 0 ? character + data[i + 1]! : data[i + 1]!;
    const type = SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]!];
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4]! & (1 << bit));
    decoded.push(
      `${document.getText({ start: { line, character }, end: { line, character: character + data[i + 2]! } })}: ${[type, ...modifiers].join('.')}`,
    );
  }
  return decoded;
}
