// `cable import` and the editor's "Cable: Import Cables…": every cable a source holds written as
// `OUT/<ID>.txt` (`.cable` when its text does not start like a telegram), its text as the source
// has it. A file already there is never overwritten: the same text is skipped silently, a
// different one is reported as a conflict. Run again after an interruption, it skips what was
// written, completes a file cut short, and writes the rest. Files are written synchronously: writing
// up to 32 at once through libuv's threads cost 1.7 times the CPU over 1 GB (bench/import.mjs).
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontMatter } from '../model/cable-model.ts';
import { sourceCableId, sourceParseContext } from '../sources/source-forms.ts';
import type { SourceCable } from '../sources/source-types.ts';
import { isCableText } from '../workspace/cable-detection.ts';
import { readSourceFile, type PlainText } from './source-stream.ts';
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

/** Forms whose cables always start with their routing header or banner: checking each of a whole cables.csv would cost more than the import. */
const STARTS_LIKE_A_TELEGRAM = new Set<string>(['cables-csv', 'cablegate-page']);

/**
 * `txt`, or `cable` for a text the index's detector would not take for a telegram (a JSON
 * export's body without its routing header, a FOIA printout): `.cable` files are always cables,
 * so every feature works on what was imported.
 */
function importedExtension(item: SourceCable | PlainText): 'txt' | 'cable' {
  return STARTS_LIKE_A_TELEGRAM.has(item.form) || isCableText(item.text) ? 'txt' : 'cable';
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

/**
 * Writes `text` at `target` unless a file is there (`wx`: created only if absent, so a file that
 * appears meanwhile is not overwritten either). A file that is a beginning of `text` is a write
 * an interruption cut short: it is completed, which loses nothing. One file operation per cable,
 * where a temporary file linked into place took three (no faster or slower at 50 MB here).
 */
function writeNew(target: string, text: string, dryRun: boolean, planned: Set<string>): Outcome {
  if (dryRun) {
    const existing = readIfPresent(target);
    if (existing !== undefined) return existing === text ? 'identical' : 'conflict';
    if (planned.has(target)) return 'conflict';
    planned.add(target);
    return 'written';
  }
  try {
    writeFileSync(target, text, { flag: 'wx' });
    return 'written';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const existing = readIfPresent(target) ?? '';
  if (existing === text) return 'identical';
  if (existing.length >= text.length || !text.startsWith(existing)) return 'conflict';
  appendFileSync(target, text.slice(existing.length));
  return 'written';
}

export async function importCables(sources: string[], options: ImportOptions): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    cables: 0,
    written: 0,
    identical: 0,
    conflicts: [],
    problems: [],
    notes: [],
    bytes: 0,
    seconds: 0,
    cancelled: false,
  };
  const totalBytes = sources.reduce((sum, source) => sum + fileSize(source), 0);
  const planned = new Set<string>();
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
      // The source's own ID names the file; the text is parsed only when the source gives none.
      const textId = () => parseFrontMatter(item.text, item.form === 'text' ? { fileName: source } : sourceParseContext(item)).id;
      const id = item.form === 'text' ? textId() : sourceCableId(item, textId);
      if (!id || !FILE_ID.test(id)) {
        summary.problems.push({
          source: where,
          message: id
            ? `the cable's ID ${JSON.stringify(id)} cannot name a file: not imported`
            : 'neither the text nor the source gives the cable an ID: not imported',
        });
        continue;
      }
      const file = join(options.out, `${id}.${importedExtension(item)}`);
      let outcome: Outcome;
      try {
        outcome = writeNew(file, item.text, options.dryRun ?? false, planned);
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

const MB = 1024 * 1024;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** `12,345 cables · 61.2 MB/s · 0:14 left`, as the progress line and the notification say it. */
export function describeProgress(progress: ImportProgress): string {
  const rate = progress.seconds > 0 ? progress.bytes / MB / progress.seconds : 0;
  const left = rate > 0 ? (progress.totalBytes - progress.bytes) / MB / rate : 0;
  return `${progress.cables.toLocaleString('en-US')} cables · ${rate.toFixed(1)} MB/s · ${clock(left)} left`;
}

export function describeSummary(summary: ImportSummary, dryRun: boolean): string {
  const parts = [
    `${summary.cables.toLocaleString('en-US')} cables found`,
    `${summary.written.toLocaleString('en-US')} ${dryRun ? 'would be written' : 'written'}`,
    `${summary.identical.toLocaleString('en-US')} already there`,
    `${summary.conflicts.length} conflicts`,
    `${summary.problems.length} problems`,
  ];
  const rate = summary.seconds > 0 ? ` (${(summary.bytes / MB / summary.seconds).toFixed(1)} MB/s)` : '';
  return `${parts.join(', ')} in ${summary.seconds.toFixed(1)} s${rate}${summary.cancelled ? ', cancelled' : ''}`;
}
