// Every request on every hostile file, over stdio against the built server: the worst round trip
// per request kind per file (ms), from positions at the start, a third, two thirds and the end
// of the text. The folder is test/support/hostile-files.ts's: empty, routing header only, binary,
// Latin-1, UTF-16 LE and BE, a 50 MB cable, a single 5,000,000-character line, a folder named
// x.cable, link loops, an unreadable file. Each file is opened with the text an editor holds.
// Prints figures and marks those over the bound; never passes or fails.
//   npm run bench:hostile            (builds first)
//   node --import tsx bench/hostile.ts [--bound-ms MS]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PublishDiagnosticsNotification, type Position } from 'vscode-languageserver-protocol/node';
import { decodeCableBytes } from '../server/src/node/file-text.ts';
import { createHostileFolder } from '../test/support/hostile-files.ts';
import { FULL_CAPABILITIES, startServer } from '../test/support/lsp-client.ts';
import { cpuMsOf, REQUEST_METHODS } from '../test/support/fuzz.ts';

const boundArgument = process.argv.indexOf('--bound-ms');
const BOUND_MS = boundArgument > 0 ? Number(process.argv[boundArgument + 1]) : 2000;
/** How the table names a request. */
const SHORT: Record<string, string> = {
  'textDocument/hover': 'hover',
  'textDocument/definition': 'defin.',
  'textDocument/references': 'refs',
  'textDocument/documentSymbol': 'symbols',
  'textDocument/foldingRange': 'folds',
  'textDocument/documentLink': 'links',
  'textDocument/codeLens': 'lens',
  'textDocument/completion': 'complet.',
  'textDocument/semanticTokens/full': 'tokens',
  'textDocument/codeAction': 'actions',
  'workspace/symbol': 'wsymbol',
  'cable/summary': 'summary',
};

/** The text an editor holds: decoded as the index decodes, binary bytes as Latin-1 (a forced open). */
function editorText(path: string): string {
  const bytes = readFileSync(path);
  const decoded = decodeCableBytes(bytes);
  return 'text' in decoded ? decoded.text : bytes.toString('latin1');
}

function paramsFor(method: string, uri: string, position: Position, end: Position): unknown {
  const textDocument = { uri };
  switch (method) {
    case 'textDocument/hover':
    case 'textDocument/definition':
    case 'textDocument/completion':
      return { textDocument, position };
    case 'textDocument/references':
      return { textDocument, position, context: { includeDeclaration: true } };
    case 'textDocument/codeAction':
      return { textDocument, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics: [] } };
    case 'workspace/symbol':
      return { query: 'BASRAH' };
    default:
      return { textDocument };
  }
}

async function main(): Promise<void> {
  console.log('making the hostile folder (a 50 MB file among them)…');
  const folder = createHostileFolder();
  const client = await startServer({
    folders: [pathToFileURL(folder.dir).href],
    capabilities: FULL_CAPABILITIES,
    configuration: () => null,
  });
  const diagnosed = new Map<string, () => void>();
  client.connection.onNotification(PublishDiagnosticsNotification.type, (params) => diagnosed.get(params.uri)?.());
  try {
    const indexStart = performance.now();
    const indexed = client.progressEnd();
    const names = folder.files.filter((name) => name !== 'unreadable.cable' || !folder.unreadableIsUnreadable);
    const rows: { name: string; chars: number; open: number; openCpu: number; diagnostics: number; worst: Map<string, number> }[] = [];
    let indexMs: number | undefined;
    void indexed.then(() => (indexMs = performance.now() - indexStart));
    for (const name of names) {
      const uri = pathToFileURL(join(folder.dir, name)).href;
      const text = editorText(join(folder.dir, name));
      const lines = text.split(/\r\n|\r|\n/);
      const positionAt = (fraction: number): Position => {
        const line = Math.min(lines.length - 1, Math.floor(fraction * lines.length));
        return { line, character: Math.floor(fraction * lines[line]!.length) };
      };
      const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
      const start = performance.now();
      const cpuAtStart = cpuMsOf(client.process.pid);
      const diagnostics = new Promise<void>((resolve) => diagnosed.set(uri, resolve));
      client.open(uri, text);
      // The first answer after opening: the text is sent and parsed.
      await client.symbols(uri);
      const open = performance.now() - start;
      const openCpu = cpuMsOf(client.process.pid) - cpuAtStart;
      await diagnostics;
      const diagnosticsMs = performance.now() - start;
      const worst = new Map<string, number>();
      for (const method of REQUEST_METHODS) {
        for (const fraction of [0, 1 / 3, 2 / 3, 1]) {
          const began = performance.now();
          await client.connection.sendRequest(method, paramsFor(method, uri, positionAt(fraction), end));
          worst.set(method, Math.max(worst.get(method) ?? 0, performance.now() - began));
        }
      }
      client.close(uri);
      rows.push({ name, chars: text.length, open, openCpu, diagnostics: diagnosticsMs, worst });
    }
    await indexed;

    const cell = (ms: number) => `${ms > BOUND_MS ? '!' : ''}${ms.toFixed(ms < 10 ? 1 : 0)}`.padStart(8);
    console.log(
      `\nworst round trip per request (ms), 4 positions each; ! over ${BOUND_MS} ms; "open": didOpen to the first outline (sending the text included), "cpu": the server's CPU time for it; "diagn.": to the first diagnostics (150 ms debounce included)`,
    );
    console.log(
      `${'file'.padEnd(22)}${'chars'.padStart(10)}${'open'.padStart(8)}${'cpu'.padStart(8)}${'diagn.'.padStart(8)}${REQUEST_METHODS.map((m) => SHORT[m]!.padStart(8)).join('')}`,
    );
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(22)}${String(row.chars).padStart(10)}${cell(row.open)}${cell(row.openCpu)}${cell(row.diagnostics)}${REQUEST_METHODS.map((m) => cell(row.worst.get(m) ?? NaN)).join('')}`,
      );
    }
    const all = rows.flatMap((row) => [row.open, ...row.worst.values()]);
    console.log(
      `\nworst of all: ${Math.max(...all).toFixed(0)} ms; over ${BOUND_MS} ms: ${all.filter((ms) => ms > BOUND_MS).length} of ${all.length}`,
    );
    console.log(`indexing the folder: ${indexMs?.toFixed(0)} ms (from the first open)`);
    const errors = client.logs.filter((line) => /failed|Uncaught|Unhandled/.test(line));
    console.log(`server log: ${client.logs.length} lines, ${errors.length} errors${errors.length ? `\n${errors.join('\n')}` : ''}`);
    console.log(`server exit code after shutdown: ${await client.stop()}`);
  } finally {
    if (client.process.exitCode === null) client.process.kill();
    folder.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
