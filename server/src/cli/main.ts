// `cable`: the command line over the cable model.
//   cable parse [--year YYYY] [--id CABLEID] [FILE...|-]   one JSON object per input (JSON Lines)
//   cable outline FILE...                                    the paragraph tree, readably
import { parseCable, type ParseContext } from '../model/index.ts';
import { splitLines } from '../model/text.ts';
import { toRecord } from './json-record.ts';
import { formatOutline } from './outline.ts';
import { readCableFile } from './read-input.ts';

const USAGE = `usage: cable parse [--year YYYY] [--id CABLEID] [FILE...|-]
       cable outline FILE...

parse    prints one JSON object per input (JSON Lines); see README.md for the schema.
         --year and --id give the context a fragment lacks (a REF line without its cable).
outline  prints the routing header, REF list and paragraph tree of each cable.
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
  if (command !== 'parse' && command !== 'outline') return `cable: unknown command '${command}'\n${USAGE}`;
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

function main(args: string[]): number {
  const options = parseArguments(args);
  if (typeof options === 'string') {
    const isHelp = options === USAGE;
    (isHelp ? process.stdout : process.stderr).write(options + '\n');
    return isHelp ? 0 : 2;
  }
  let failed = false;
  for (const file of options.files) {
    const input = readCableFile(file);
    if ('error' in input) {
      process.stderr.write(`cable: ${file}: ${input.error}\n`);
      failed = true;
      continue;
    }
    const model = parseCable(input.text, { ...options.context, fileName: file });
    if (options.command === 'parse') process.stdout.write(JSON.stringify(toRecord(file, model)) + '\n');
    else process.stdout.write(formatOutline(file, model, splitLines(input.text)) + '\n\n');
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
