// The cap on full analysis (`cable.maxFileSize`): a cable is kilobytes, so a file of megabytes is
// a log, a dump or many cables run together. Such a file still opens: its head (the routing
// header, banner, preamble and first paragraphs) is analysed, and a diagnostic says where
// analysis stopped, so outline, hover and diagnostics stay fast whatever the file.
import { parseCable, type CableModel, type ParseContext } from '../model/cable-model.ts';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
/** What is analysed of a file over the cap: far more than any front matter. */
export const LIGHT_HEAD_LENGTH = 64 * 1024;

/** A `cable.maxFileSize` value as bytes: a positive number, else the default. */
export function readMaxFileSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : DEFAULT_MAX_FILE_SIZE;
}

/** `5242880` → `5 MB`, `53000000` → `50.5 MB`, `900` → `900 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number(value.toFixed(1))} ${unit}`;
}

/** The UTF-8 size of a text, counted only when its length leaves a doubt about the cap. */
function isOver(text: string, maxBytes: number): { over: boolean; bytes: number } {
  if (text.length > maxBytes) return { over: true, bytes: Buffer.byteLength(text, 'utf8') };
  if (text.length * 3 <= maxBytes) return { over: false, bytes: text.length };
  const bytes = Buffer.byteLength(text, 'utf8');
  return { over: bytes > maxBytes, bytes };
}

/** Lines as the model counts them: LF, CRLF or a lone CR end a line. */
function countLines(text: string): number {
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lines++;
    else if (c === 13) {
      lines++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return lines;
}

/** The head to analyse: the whole lines within the first LIGHT_HEAD_LENGTH characters (or all of them, on one long line). */
function lightHead(text: string): string {
  const window = text.slice(0, LIGHT_HEAD_LENGTH);
  const lineEnd = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('\r'));
  return lineEnd > 0 ? window.slice(0, lineEnd) : window;
}

/**
 * The model of a text: whole when it is within `maxBytes`, else of its head, with a `too-large`
 * diagnostic on the first line. The head's ranges hold in the whole text.
 */
export function parseWithinLimit(text: string, context: ParseContext, maxBytes: number): CableModel {
  const { over, bytes } = isOver(text, maxBytes);
  if (!over) return parseCable(text, context);
  const head = lightHead(text);
  const model = parseCable(head, context);
  const analysed = model.lineCount;
  model.lineCount = countLines(text);
  model.diagnostics.push({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    code: 'too-large',
    message: `This file is ${formatBytes(bytes)}, more than cable.maxFileSize (${formatBytes(maxBytes)}): only its first ${analysed === 1 ? `${formatBytes(head.length)} (one line)` : `${analysed} lines`} are analysed (outline, hover and diagnostics stop there).`,
  });
  return model;
}
