// `cable`: the command line over the cable model.
//   cable parse [--year YYYY] [--id CABLEID] [FILE...|-]   one JSON object per input (JSON Lines)
//   cable outline FILE...                                    the paragraph tree, readably
//   cable check [--ignore CODE,...] [PATH...]                diagnostics, file:line:col: severity code: message
//   cable index DIR                                          the cited/cites graph as JSON
//   cable import SOURCE... --out DIR [--dry-run]             the cables of pages, cables.csv, exports as DIR/<ID>.txt
//   cable search [--json] QUERY [DIR]                        the cables a query finds
//   cable graph ID [DIR] [--hops N] [--format dot|json|svg]  a cable's citation neighbourhood
import { once } from 'node:events';
import { statSync } from 'node:fs';
import { createCancellationSource, NEVER_CANCELLED, splitLines, type ParseContext } from '../service/language-service.ts';
import { CHECK_USAGE, parseCheckArguments, runCheck } from './check.ts';
import { createCliService, documentOfFile } from './cli-service.ts';
import { buildCitationGraph, INDEX_USAGE } from './citation-graph.ts';
import { IMPORT_USAGE, parseImportArguments, runImport } from './import.ts';
import { formatOutline } from './outline.ts';
import { runParse } from './parse.ts';
import { readCableFile } from './read-input.ts';
import { runGraph, runSearch } from './search.ts';

const USAGE = `usage: cable parse [--year YYYY] [--id CABLEID] [FILE...|-]
       cable outline FILE...
       cable check [--ignore CODE[,CODE...]] [PATH...]
       cable index DIR
       cable import SOURCE... --out DIR [--dry-run]
       cable search [--json] QUERY [DIR]
       cable graph ID [DIR] [--hops N] [--format dot|json|svg] [--time-axis]

parse    prints one JSON object per input (JSON Lines); see README.md for the schema.
         --year and --id give the context a fragment lacks (a REF line without its cable).
outline  prints the routing header, REF list and paragraph tree of each cable.
check    prints the diagnostics of files and folders (cable check --help).
index    prints the citation graph of the cables under DIR as JSON (cable index --help).
import   writes the cables of WikiLeaks pages, cables.csv and exports as DIR/<ID>.txt (cable import --help).
search   prints the cables a query finds: tag:PTER origin:MADRID year:2006 … (cable search --help).
graph    prints a cable's citation neighbourhood as DOT, JSON or SVG (cable graph --help).
A file that cannot be read is reported on stderr; the others are still processed,
and the exit status is 1.`;

interface Options {
  command: string;
  files: string[];
  context: ParseContext;
}

function parseArguments(args: string[]): Options | string {
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h') return USAGE;
  if (
    command !== 'parse' &&
    command !== 'outline' &&
    command !== 'check' &&
    command !== 'index' &&
    command !== 'import' &&
    command !== 'search' &&
    command !== 'graph'
  )
    return `cable: unknown command '${command}'\n${USAGE}`;
  const options: Options = { command, files: [], context: {} };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--year') {
      const year = Number(rest[++i]);
      if (!Number.isInteger(year) || year < 1900 || year > 2100) return `cable: --year takes a four-digit year`;
      options.context.year = year;
    } else if (arg === '--id') {
      const id = rest[++i];
      if (!id || !/^\d{2}[A-Za-z]+\d+$/.test(id)) return `cable: --id takes a cable ID such as 09BASRAH2`;
      options.context.id = id.toUpperCase();
    } else if (arg.startsWith('--')) {
      return `cable: unknown option '${arg}'\n${USAGE}`;
    } else {
      options.files.push(arg);
    }
  }
  if (options.files.length === 0) {
    if (command === 'outline') return `cable: outline needs a FILE\n${USAGE}`;
    options.files.push('-');
  }
  return options;
}

async function main(args: string[]): Promise<number> {
  const options = parseArguments(args);
  if (typeof options === 'string') {
    const isHelp = options === USAGE;
    (isHelp ? process.stdout : process.stderr).write(options + '\n');
    return isHelp ? 0 : 2;
  }
  const service = createCliService((message) => process.stderr.write(`cable: ${message}\n`));
  if (options.command === 'parse')
    return runParse(service, options.files, options.context, writeWaiting(process.stdout), write(process.stderr));
  let failed = false;
  for (const file of options.files) {
    const input = readCableFile(file);
    if ('error' in input) {
      process.stderr.write(`cable: ${file}: ${input.error}\n`);
      failed = true;
      continue;
    }
    const model = service.model(documentOfFile(file, input.text), NEVER_CANCELLED, { ...options.context, fileName: file });
    process.stdout.write(formatOutline(file, model, splitLines(input.text)) + '\n\n');
  }
  return failed ? 1 : 0;
}

/** `check`, `index`, `search` and `graph` read folders, asynchronously; they parse their own arguments. */
async function runAsync(command: string, args: string[]): Promise<number> {
  if (command === 'import') {
    const options = parseImportArguments(args);
    if (typeof options === 'string') {
      const isHelp = options === IMPORT_USAGE;
      write(isHelp ? process.stdout : process.stderr)(options);
      return isHelp ? 0 : 2;
    }
    // The progress line rewrites itself on a terminal; elsewhere (a log) each update is a line.
    const progressLine = process.stderr.isTTY
      ? (text: string) => process.stderr.write(`\r\x1b[K${text}`)
      : (text: string) => text && write(process.stderr)(text);
    return runImport(options, write(process.stderr), progressLine);
  }
  // The first Ctrl+C stops the work between files and says how far it got; a second one kills.
  // (An import is left to the default: each file it writes is whole, and a run again completes it.)
  const interrupt = createCancellationSource();
  process.once('SIGINT', () => interrupt.cancel());
  if (command === 'check') {
    const options = parseCheckArguments(args);
    if (typeof options === 'string') {
      const isHelp = options === CHECK_USAGE;
      write(isHelp ? process.stdout : process.stderr)(options);
      return isHelp ? 0 : 2;
    }
    return runCheck(options, write(process.stdout), write(process.stderr), interrupt.token);
  }
  if (command === 'search') return runSearch(args, write(process.stdout), write(process.stderr), interrupt.token);
  if (command === 'graph') return runGraph(args, write(process.stdout), write(process.stderr), interrupt.token);
  if (args[0] === '--help' || args[0] === '-h') {
    write(process.stdout)(INDEX_USAGE);
    return 0;
  }
  const cacheDir = args[0] === '--cache-dir' ? args[1] : undefined;
  if (args[0] === '--cache-dir') {
    if (!cacheDir) {
      write(process.stderr)(`cable index: --cache-dir needs a folder\n${INDEX_USAGE}`);
      return 2;
    }
    args = args.slice(2);
  }
  const dir = args[0];
  let isDirectory = false;
  try {
    isDirectory = args.length === 1 && statSync(dir!).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) {
    write(process.stderr)(`cable index: ${args.length === 1 ? `${dir} is not a folder` : 'takes one folder'}\n${INDEX_USAGE}`);
    return 2;
  }
  const graph = await buildCitationGraph(dir!, write(process.stderr), interrupt.token, cacheDir);
  if (!graph) {
    write(process.stderr)('cable index: interrupted');
    return 130;
  }
  write(process.stdout)(JSON.stringify(graph, null, 2));
  return 0;
}

const write = (stream: NodeJS.WriteStream) => (line: string) => stream.write(`${line}\n`);
/** Writes whole lines, waiting while the reader is behind (a pipe to a slow consumer). */
const writeWaiting = (stream: NodeJS.WriteStream) => async (lines: string) => {
  if (!stream.write(lines)) await once(stream, 'drain');
};

// `cable check | head`: a reader that stops early is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const [command, ...rest] = process.argv.slice(2);
if (command === 'check' || command === 'index' || command === 'import' || command === 'search' || command === 'graph') {
  runAsync(command, rest).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`cable ${command}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
} else {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`cable: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
