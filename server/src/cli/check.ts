// `cable check [--ignore CODE[,CODE]] [--max-file-size BYTES] [PATH...]`: the editor's
// diagnostics (the language service's, `too-large` included) for files and whole folders, one line per problem as compilers write them, `file:line:col: severity code: message`
// (1-based; VS Code's `$cable` problem matcher and CI annotations read it). Exit status: 1 when
// any error was found or a path could not be read, else 0.
import { DIAGNOSTIC_CODES, plural, type CableDiagnostic, type Cancellation } from '../service/language-service.ts';
import { collectCableFiles } from './cable-files.ts';
import { createCliService, documentOfFile } from './cli-service.ts';

export const CHECK_USAGE = `usage: cable check [--ignore CODE[,CODE...]] [--max-file-size BYTES] [PATH...]

Checks cables (files, or folders walked for .cable files and .txt files that are cables; the
current folder when no PATH is given) and prints each problem as
  file:line:col: severity code: message
--ignore skips the given codes (the settings cable.diagnostics.<code> in the editor).
--max-file-size analyses larger files on their head only (cable.maxFileSize; default 5 MB).
Codes: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}.
Exit status: 1 when an error was found or a path could not be read, 2 on bad usage, else 0.`;

/** Problem matchers know error, warning and info. */
const SEVERITY_WORD: Record<CableDiagnostic['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'info',
};

export interface CheckOptions {
  paths: string[];
  ignore: Set<string>;
  maxFileSize?: number;
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
      if (codes.length === 0 || unknown.length)
        return `cable check: --ignore takes diagnostic codes; unknown: ${unknown.join(', ') || '(none given)'}\n${CHECK_USAGE}`;
      for (const code of codes) options.ignore.add(code);
    } else if (arg === '--max-file-size' || arg.startsWith('--max-file-size=')) {
      const value = Number(arg === '--max-file-size' ? args[++i] : arg.slice('--max-file-size='.length));
      if (!Number.isInteger(value) || value < 1) return `cable check: --max-file-size takes a number of bytes\n${CHECK_USAGE}`;
      options.maxFileSize = value;
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

/** Checks the files one after another; a cancelled `token` (Ctrl+C) stops between files, counting what was checked. */
export async function runCheck(
  options: CheckOptions,
  out: (line: string) => void,
  err: (line: string) => void,
  token: Cancellation,
): Promise<number> {
  const { files, errors } = await collectCableFiles(options.paths);
  for (const { path, error } of errors) err(`cable check: ${path}: ${error}`);
  // `--ignore` switches codes off as the settings do in the editor.
  const diagnostics = Object.fromEntries([...options.ignore].map((code) => [code, false]));
  const service = createCliService(err, { section: { ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}), diagnostics } });
  const counts = { error: 0, warning: 0, info: 0 };
  let checked = 0;
  for (const file of files) {
    if (token.isCancellationRequested) break;
    checked++;
    const document = documentOfFile(file.path, file.text);
    const found = [...service.diagnostics(document, token)];
    // Each file read is forgotten: a folder of cables is not kept in memory.
    await service.documentClosed(document.uri);
    // In the order of the file, as a reader goes through it.
    found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    for (const d of found) {
      counts[SEVERITY_WORD[d.severity] as keyof typeof counts]++;
      out(formatDiagnostic(file.path, d));
    }
  }
  service.dispose();
  const interrupted = checked < files.length ? ` (interrupted: ${checked} of ${files.length})` : '';
  err(
    `cable check: ${plural(checked, 'cable')} checked${interrupted}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info`,
  );
  return checked < files.length ? 130 : counts.error > 0 || errors.length > 0 ? 1 : 0;
}
