// Reading a cable file for the CLI: one clear reason when it cannot be read as text.
import { readFileSync, statSync } from 'node:fs';

export type InputResult = { text: string } | { error: string };

/** Bytes looked at to tell binary files from text. */
const SNIFF_BYTES = 8192;

export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
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
      return (error as Error).message ?? String(error);
  }
}

/** A NUL byte in the first bytes marks a binary file (UTF-16 text also has them: say so). */
export function binaryReason(bytes: Uint8Array): string | undefined {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'is UTF-16 text; convert it to UTF-8 first';
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return 'is a binary file, not cable text';
  return undefined;
}

export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function readCableFile(path: string): InputResult {
  try {
    if (path !== '-' && statSync(path).isDirectory()) return { error: 'is a directory' };
    const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
    const binary = binaryReason(bytes);
    return binary ? { error: binary } : { text: decodeText(bytes) };
  } catch (error) {
    return { error: describeReadError(error) };
  }
}
