// Reading a cable file for the CLI: one clear reason when it cannot be read as text.
import { readFileSync, statSync } from 'node:fs';
import { decodeCableBytes, describeFileError } from '../node/file-text.ts';

export type InputResult = { text: string } | { error: string };

export function readCableFile(path: string): InputResult {
  try {
    if (path !== '-' && statSync(path).isDirectory()) return { error: 'is a directory' };
    const decoded = decodeCableBytes(path === '-' ? readFileSync(0) : readFileSync(path));
    return 'error' in decoded ? decoded : { text: decoded.text };
  } catch (error) {
    return { error: describeFileError(error) };
  }
}
