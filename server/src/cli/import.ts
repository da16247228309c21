// `cable import SOURCE... --out DIR [--dry-run]`: node/import-cables.ts with a progress line on
// stderr (cables, MB/s, time left) and a closing summary.
import { describeProgress, describeSummary, importCables } from '../node/import-cables.ts';

export const IMPORT_USAGE = `usage: cable import SOURCE... --out DIR [--dry-run]

Writes each cable found in the SOURCEs (WikiLeaks pages, cables.csv, exports, cable text) as
DIR/<ID>.txt (.cable when its text does not start like a telegram), its text as the source has
it. A file already in DIR is never overwritten: the same
text is skipped, a different one is reported as a conflict. Run again after an interruption, it
finishes the job. --dry-run reports what would be written and writes nothing.`;

export interface ImportArguments {
  sources: string[];
  out: string;
  dryRun: boolean;
}

export function parseImportArguments(args: string[]): ImportArguments | string {
  if (args.includes('--help') || args.includes('-h')) return IMPORT_USAGE;
  const parsed: ImportArguments = { sources: [], out: '', dryRun: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') parsed.out = args[++i] ?? '';
    else if (arg === '--dry-run') parsed.dryRun = true;
    else if (arg.startsWith('--')) return `cable import: unknown option '${arg}'\n${IMPORT_USAGE}`;
    else parsed.sources.push(arg);
  }
  if (!parsed.out) return `cable import: --out DIR is required\n${IMPORT_USAGE}`;
  if (parsed.sources.length === 0) return `cable import: give at least one SOURCE\n${IMPORT_USAGE}`;
  return parsed;
}

/** Runs the import; exit status 1 when a conflict or a problem was reported. */
export async function runImport(args: ImportArguments, err: (line: string) => void, progressLine: (text: string) => void): Promise<number> {
  let last = 0;
  const summary = await importCables(args.sources, {
    out: args.out,
    dryRun: args.dryRun,
    onProgress: (progress) => {
      if (Date.now() - last < 500) return;
      last = Date.now();
      progressLine(`cable import: ${describeProgress(progress)}`);
    },
  });
  progressLine('');
  for (const note of summary.notes) err(`cable import: ${note.source}: ${note.message}`);
  for (const problem of summary.problems) err(`cable import: ${problem.source}: ${problem.message}`);
  for (const conflict of summary.conflicts) err(`cable import: ${conflict.source}: ${conflict.file} exists with a different text: skipped`);
  err(`cable import: ${describeSummary(summary, args.dryRun)}`);
  return summary.problems.length > 0 || summary.conflicts.length > 0 ? 1 : 0;
}
