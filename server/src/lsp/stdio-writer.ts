// The server's message writer over stdio: messages as vscode-jsonrpc writes them (a Content-Length
// header, then JSON in UTF-8), in one write each instead of two (the header, then the body once the
// header's write called back: two pipe writes and a wait between them), and each outline symbol
// encoded once, its bytes kept with it. A symbol object
// stands for one version of its part of the document (features/document-symbols.ts keeps a
// paragraph's symbol while the re-parse keeps the paragraph), so after typing in a 1 MB cable only
// the touched paragraph's and the headings' symbols are encoded again, not 370 KB of JSON.
import { AbstractMessageWriter, type DocumentSymbol, type Message, type MessageWriter } from 'vscode-languageserver/node';

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
      own = Buffer.from(children ? `${json.slice(0, -1)},"children":[` : json);
      ownBytes.set(symbol, own);
    }
    chunks.push(own);
    if (symbol.children) {
      appendSymbols(symbol.children, chunks);
      chunks.push(CLOSE);
    }
  });
}

/** The message's JSON as UTF-8 chunks: an outline's symbols as their kept bytes, anything else as vscode-jsonrpc encodes it. */
function encode(message: Message): Buffer[] {
  const result = (message as { result?: unknown }).result;
  if (!Array.isArray(result) || !isDocumentSymbol(result[0])) return [Buffer.from(JSON.stringify(message), 'utf8')];
  const { result: _, ...rest } = message as Message & { result: DocumentSymbol[] };
  const head = JSON.stringify(rest).slice(0, -1);
  const chunks = [Buffer.from(`${head}${head.length > 1 ? ',' : ''}"result":[`)];
  appendSymbols(result, chunks);
  chunks.push(CLOSE);
  return chunks;
}

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: Error) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = encode(message);
    const length = body.reduce((sum, chunk) => sum + chunk.length, 0);
    const header = Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii');
    return new Promise((resolve, reject) => {
      this.output.write(Buffer.concat([header, ...body], header.length + length), (error) => {
        if (!error) {
          this.errorCount = 0;
          resolve();
          return;
        }
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.output.end();
  }
}
