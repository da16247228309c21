// The server's message encoder over stdio: messages as vscode-jsonrpc writes them (JSON in UTF-8),
// but each outline symbol is encoded once and its bytes kept with it. A symbol object
// stands for one version of its part of the document (features/document-symbols.ts keeps a
// paragraph's symbol while the re-parse keeps the paragraph), so after typing in a 1 MB cable only
// the touched paragraph's and the headings' symbols are encoded again, not 370 KB of JSON.
import type { ContentTypeEncoder, DocumentSymbol, Message } from 'vscode-languageserver/node';

/** Each symbol's own JSON (all but its children), open for the children: `{"name":…,"children":[`, or closed when it has none. */
const ownBytes = new WeakMap<DocumentSymbol, Buffer>();
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

function isDocumentSymbol(value: unknown): value is DocumentSymbol {
  return typeof value === 'object' && value !== null && 'selectionRange' in value && 'name' in value && 'kind' in value;
}

/** Appends the symbols' JSON, comma-separated, to `chunks`; each symbol's own JSON encoded once per symbol object (callers never change a symbol). */
function appendSymbols(symbols: DocumentSymbol[], chunks: Buffer[]): void {
  symbols.forEach((symbol, i) => {
    if (i > 0) chunks.push(COMMA);
    let own = ownBytes.get(symbol);
    if (!own) {
      const { children, ...rest } = symbol;
      const json = JSON.stringify(rest);
      own = Buffer.from(children?.length ? `${json.slice(0, -1)},"children":[` : json);
      ownBytes.set(symbol, own);
    }
    chunks.push(own);
    if (symbol.children?.length) {
      appendSymbols(symbol.children, chunks);
      chunks.push(CLOSE);
    }
  });
}

function encode(message: Message): Uint8Array {
  const result = (message as { result?: unknown }).result;
  if (!Array.isArray(result) || !isDocumentSymbol(result[0])) return Buffer.from(JSON.stringify(message), 'utf8');
  const { result: _, ...rest } = message as Message & { result: DocumentSymbol[] };
  const head = JSON.stringify(rest).slice(0, -1);
  const chunks = [Buffer.from(`${head}${head.length > 1 ? ',' : ''}"result":[`)];
  appendSymbols(result, chunks);
  chunks.push(CLOSE);
  return Buffer.concat(chunks);
}

/** `application/json` in UTF-8, as vscode-jsonrpc's own encoder writes it, with outlines' symbols encoded once. */
export const symbolEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => {
    try {
      return Promise.resolve(encode(message));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  },
};
