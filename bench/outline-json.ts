// What each part of an outline symbol costs to send: the 1 MB cable's outline encoded as the
// server's writer does (JSON.stringify, then UTF-8 bytes) and decoded as a client's reader does
// (UTF-8 to a string, JSON.parse), whole and with one part changed at a time. Prints figures.
//   node --expose-gc --import tsx bench/outline-json.ts [CORPUS_PLAIN_DIR]
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols } from '../server/src/features/document-symbols.ts';
import { parseCable } from '../server/src/model/cable-model.ts';
import { megabyteCable } from '../test/support/megabyte-cable.ts';

const root = join(__dirname, '..');
const shared = join(root, '..', 'shared', 'corpus', 'cablegate', 'plain');
const corpusDir = process.argv[2] ?? (existsSync(shared) ? shared : join(root, 'test', 'fixtures', 'corpus-sample', 'plain'));
const ROUNDS = 60;

const files = readdirSync(corpusDir)
  .filter((name) => /\.(txt|cable)$/.test(name))
  .sort()
  .map((name) => join(corpusDir, name));
const text = megabyteCable(files);
const document = TextDocument.create('file:///bench/09BASRAH2.cable', 'cable', 1, text);
const outline = documentSymbols(parseCable(text), document);

const mapSymbols = (symbols: DocumentSymbol[], f: (s: DocumentSymbol) => DocumentSymbol): DocumentSymbol[] =>
  symbols.map((s) => f(s.children ? { ...s, children: mapSymbols(s.children, f) } : s));
const ascii = (name: string) =>
  name
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/…/g, '...')
    .replace(/[\u0080-\uffff]/g, '?');

const variants: [string, DocumentSymbol[]][] = [
  ['as sent', outline],
  ['names ASCII (… → ..., curly quotes straight)', mapSymbols(outline, (s) => ({ ...s, name: ascii(s.name) }))],
  ['names cut to 30 characters', mapSymbols(outline, (s) => ({ ...s, name: s.name.slice(0, 30) }))],
  ['no names (empty)', mapSymbols(outline, (s) => ({ ...s, name: '' }))],
  ['no detail', mapSymbols(outline, ({ detail: _, ...s }) => s)],
  ['selectionRange = range', mapSymbols(outline, (s) => ({ ...s, selectionRange: s.range }))],
  ['no children (top level only)', outline.map(({ children: _, ...s }) => s)],
];

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[times.length >> 1]!;
}

const gc = (globalThis as { gc?: () => void }).gc;
console.log(
  `1 MB cable's outline; median of ${ROUNDS} rounds each; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`,
);
console.log(`${'variant'.padEnd(46)} ${'bytes'.padStart(8)}  stringify  to UTF-8  from UTF-8  JSON.parse  total (ms)`);
for (const [name, symbols] of variants) {
  const times = { stringify: [] as number[], encode: [] as number[], decode: [] as number[], parse: [] as number[] };
  let bytes = 0;
  for (let i = 0; i < ROUNDS; i++) {
    gc?.();
    const t0 = performance.now();
    const json = JSON.stringify({ jsonrpc: '2.0', id: i, result: symbols });
    const t1 = performance.now();
    const buffer = Buffer.from(json, 'utf8');
    const t2 = performance.now();
    const decoded = buffer.toString('utf8');
    const t3 = performance.now();
    JSON.parse(decoded);
    const t4 = performance.now();
    times.stringify.push(t1 - t0);
    times.encode.push(t2 - t1);
    times.decode.push(t3 - t2);
    times.parse.push(t4 - t3);
    bytes = buffer.length;
  }
  const [s, e, d, p] = [times.stringify, times.encode, times.decode, times.parse].map(median) as [number, number, number, number];
  console.log(
    `${name.padEnd(46)} ${String(bytes).padStart(8)}  ${s.toFixed(2).padStart(9)}  ${e.toFixed(2).padStart(7)}  ${d.toFixed(2).padStart(10)}  ${p.toFixed(2).padStart(10)}  ${(s + e + d + p).toFixed(2).padStart(10)}`,
  );
}
