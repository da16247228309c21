// `cable import` and the editor's "Cable: Import Cables…": every cable a source holds written as
// `OUT/<ID>.txt`, its text as the source has it. A file already there is never overwritten: the
// same text is skipped silently, a different one is reported as a conflict. Each file is written
// under a temporary name and linked into place, so an interrupted import leaves no half file and
// run again finishes the job without duplicates.
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontMatter } from '../model/cable-model.ts';
import { sourceCableId, sourceParseContext } from '../sources/source-forms.ts';
import { readSourceFile } from './source-stream.ts';
import { describeFileError } from './file-text.ts';

export interface ImportProgress {
  cables: number;
  bytes: number;
  totalBytes: number;
  seconds: number;
}

export interface ImportSummary {
  /** Cables found in the sources. */
  cables: number;
  written: number;
  /** Already in OUT with the same text. */
  identical: number;
  conflicts: { id: string; file: string; source: string }[];
  /** Sources or rows that gave no cable, and cables without an ID, with the reason. */
  problems: { source: string; message: string }[];
  notes: { source: string; message: string }[];
  bytes: number;
  seconds: number;
  cancelled: boolean;
}

export interface ImportOptions {
  out: string;
  dryRun?: boolean;
  isCancelled?: () => boolean;
  onProgress?: (progress: ImportProgress) => void;
}

/** An ID that can name a file: letters and digits only. */
const FILE_ID = /^[0-9A-Za-z]+$/;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

type Outcome = 'written' | 'identical' | 'conflict';

/** Writes `text` at `target` unless a file is there; a file that appears meanwhile is not overwritten either. */
function writeNew(target: string, text: string, dryRun: boolean, written: Set<string>): Outcome {
  const existing = readIfPresent(target);
  if (existing !== undefined) return existing === text ? 'identical' : 'conflict';
  if (dryRun) {
    if (written.has(target)) return 'conflict';
    written.add(target);
    return 'written';
  }
  const partial = `${target}.part`;
  writeFileSync(partial, text);
  try {
    linkSync(partial, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readIfPresent(target) === text ? 'identical' : 'conflict';
  } finally {
    unlinkSync(partial);
  }
  return 'written';
}

export async function importCables(sources: string[], options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = { cables: 0, written: 0, identical: 0, conflicts: [], problems: [], notes: [], bytes: 0, seconds: 0, cancelled: false };
  const totalBytes = sources.reduce((sum, source) => sum + fileSize(source), 0);
  const dryRunTargets = new Set<string>();
  if (!options.dryRun) {
    try {
      mkdirSync(options.out, { recursive: true });
    } catch (error) {
      summary.problems.push({ source: options.out, message: `cannot create the output folder: ${describeFileError(error)}` });
      return summary;
    }
  }
  let bytesBefore = 0;
  const report = (bytes: number) => {
    summary.bytes = bytesBefore + bytes;
    options.onProgress?.({ cables: summary.cables, bytes: summary.bytes, totalBytes, seconds: (Date.now() - started) / 1000 });
  };
  for (const source of sources) {
    let sourceBytes = 0;
    for await (const item of readSourceFile(source, (bytes) => report((sourceBytes = bytes)))) {
      if ('note' in item) {
        summary.notes.push({ source, message: item.note });
        continue;
      }
      if ('message' in item) {
        summary.problems.push({ source, message: item.message });
        continue;
      }
      summary.cables++;
      const where = 'row' in item && item.row !== undefined ? `${source}, row ${item.row}` : source;
      const textId = parseFrontMatter(item.text, item.form === 'text' ? { fileName: source } : sourceParseContext(item)).id;
      const id = item.form === 'text' ? textId : sourceCableId(item, textId);
      if (!id || !FILE_ID.test(id)) {
        summary.problems.push({ source: where, message: id ? `the cable's ID ${JSON.stringify(id)} cannot name a file: not imported` : 'neither the text nor the source gives the cable an ID: not imported' });
        continue;
      }
      const file = join(options.out, `${id}.txt`);
      let outcome: Outcome;
      try {
        outcome = writeNew(file, item.text, options.dryRun ?? false, dryRunTargets);
      } catch (error) {
        summary.problems.push({ source: where, message: `cannot write ${file}: ${describeFileError(error)}` });
        continue;
      }
      if (outcome === 'written') summary.written++;
      else if (outcome === 'identical') summary.identical++;
      else summary.conflicts.push({ id, file, source: where });
      if (options.isCancelled?.()) break;
    }
    bytesBefore += sourceBytes;
    if (options.isCancelled?.()) {
      summary.cancelled = true;
      break;
    }
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
