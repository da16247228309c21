// Bytes on disk to cable text, for the workspace index and the CLI: UTF-8 (with or without a
// BOM), UTF-16 with a BOM, and Latin-1 text exported by old tools are read; binary files are
// refused with a reason. File-system errors become one short reason each.
import { readSync } from 'node:fs';

export type DecodedText = { text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' } | { error: string };

/**
 * Windows-1252's characters for bytes 0x80-0x9F, where it differs from Latin-1 (Node's decoder
 * reads `windows-1252` as Latin-1, turning quotes into control characters); 0 where undefined.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let from = 0; from < bytes.length; from += 0x8000) {
    const chunk = Array.from(bytes.subarray(from, from + 0x8000), (b) =>
      b >= 0x80 && b <= 0x9f && WINDOWS_1252_HIGH[b - 0x80] ? WINDOWS_1252_HIGH[b - 0x80]! : b,
    );
    text += String.fromCharCode(...chunk);
  }
  return text;
}

/** Bytes looked at to tell binary files from text. */
const SNIFF_BYTES = 8192;

/** A native search (a loop in JavaScript was 6-8 µs a cable, a twentieth of indexing one). */
function hasNulByte(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

/**
 * The text of a file's bytes. Text that is not valid UTF-8 is read as Windows-1252 (Latin-1 with
 * the typographic quotes old exports used), so a byte `é` stays `é` instead of `�`.
 */
export function decodeCableBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (hasNulByte(bytes)) return { error: 'is a binary file, not cable text' };
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/** A reason a person understands for a failed read or stat. */
export function describeFileError(error: unknown): string {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The bytes of `fd` to its end, read into `buffer` (not empty), and into larger buffers when it
 * fills: a file may have grown since its stat. A view of the buffer that holds them.
 */
export function readToEnd(fd: number, buffer: Buffer): Buffer {
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}
