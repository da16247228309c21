// `cable check [--ignore CODE[,CODE]] [PATH...]`: the editor's diagnostics for files and whole
// folders, one line per problem as compilers write them, `file:line:col: severity code: message`
// (1-based; VS Code's `$cable` problem matcher and CI annotations read it). Exit status: 1 when
// any error was found or a path could not be read, else 0.
import { parseCable } from '../model/cable-model.ts';
import { splitLines } from '../model/text.ts';
import { cableDiagnostics, DIAGNOSTIC_CODES, type CableDiagnostic } from '../features/diagnostics.ts';
import { collectCableFiles } from './cable-files.ts';

export const CHECK_USAGE = `usage: cable check [--ignore CODE[,CODE...]] [PATH...]

Checks cables (files, or folders walked for .cable files and .txt files that are cables; the
current folder when no PATH is given) and prints each problem as
  file:line:col: severity code: message
--ignore skips the given codes (the settings cable.diagnostics.<code> in the editor).
Codes: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}.
Exit status: 1 when an error was found or a path could not be read, 2 on bad usage, else 0.`;

/** Problem matchers know error, warning and info. */
const SEVERITY_WORD: Record<CableDiagnostic['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

export interface CheckOptions {
  paths: string[];
  ignore: Set<string>;
}

export function parseCheckArguments(args: string[]): CheckOptions | string {
  const options: CheckOptions = { paths: [], ignore: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return CHECK_USAGE;
    if (arg === '--ignore' || arg.startsWith('--ignore=')) {
      const value = arg === '--ignore' ? args[++i] : arg.slice('--ignore='.length);
      const codes = (value ?? '').split(',').filter(Boolean);
      const unknown = codes.filter((code) => !DIAGNOSTIC_CODES[code]);
      if (codes.length === 0 || unknown.length) return `cable check: --ignore takes diagnostic codes; unknown: ${unknown.join(', ') || '(none given)'}\n${CHECK_USAGE}`;
      for (const code of codes) options.ignore.add(code);
    } else if (arg.startsWith('--')) {
      return `cable check: unknown option '${arg}'\n${CHECK_USAGE}`;
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('.');
  return options;
}

export function formatDiagnostic(file: string, d: CableDiagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${SEVERITY_WORD[d.severity]} ${d.code}: ${d.message}`;
}

export async function runCheck(options: CheckOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const { files, errors } = await collectCableFiles(options.paths);
  for (const { path, error } of errors) err(`cable check: ${path}: ${error}`);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const file of files) {
    const model = parseCable(file.text, { fileName: file.path });
    const found = cableDiagnostics(model, splitLines(file.text)).filter((d) => !options.ignore.has(d.code));
    // In the order of the file, as a reader goes through it.
    found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const d of found) {
      counts[SEVERITY_WORD[d.severity] as keyof typeof counts]++;
      out(formatDiagnostic(file.path, d));
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  err(`cable check: ${plural(files.length, 'cable')} checked: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`);
  return counts.error > 0 || errors.length > 0 ? 1 : 0;
}
