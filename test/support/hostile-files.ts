// A folder of hostile files for the tests and bench/hostile.ts: the small ones vendored in
// test/fixtures/hostile/ (empty, routing header only, binary bytes, Latin-1, UTF-16 LE and BE),
// and the ones made here because they are large or cannot live in git: a 50 MB cable (cables run
// together), a single 5 MB line, a folder named x.cable, symbolic-link loops, an unreadable file.
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_FILE } from './corpus.ts';

export const HOSTILE_FIXTURE_DIR = join(__dirname, '..', 'fixtures', 'hostile');
export const BIG_FILE_BYTES = 50 * 1024 * 1024;
export const LONG_LINE_CHARS = 5_000_000;

export interface HostileFolder {
  dir: string;
  /** Files a client can open, by name. */
  files: string[];
  /** False when running as root, which reads a file whatever its permissions. */
  unreadableIsUnreadable: boolean;
  remove(): void;
}

/** The seed's text repeated up to `bytes`: many real cables run together. */
export function bigCable(bytes: number): string {
  const seed = readFileSync(SEED_FILE, 'utf8');
  return seed.repeat(Math.ceil(bytes / Buffer.byteLength(seed))).slice(0, bytes);
}

/** One line of `chars` characters: the seed's words with its line ends turned into spaces. */
export function longLine(chars: number): string {
  const words = readFileSync(SEED_FILE, 'utf8').replace(/\s+/g, ' ');
  return words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
}

export function createHostileFolder(options: { big?: boolean } = {}): HostileFolder {
  const dir = mkdtempSync(join(tmpdir(), 'cable-hostile-'));
  for (const name of readdirSync(HOSTILE_FIXTURE_DIR))
    if (name.endsWith('.cable')) copyFileSync(join(HOSTILE_FIXTURE_DIR, name), join(dir, name));
  copyFileSync(SEED_FILE, join(dir, '09BASRAH2.cable'));
  if (options.big !== false) writeFileSync(join(dir, 'big.cable'), bigCable(BIG_FILE_BYTES));
  writeFileSync(join(dir, 'long-line.cable'), longLine(LONG_LINE_CHARS));
  mkdirSync(join(dir, 'x.cable'));
  writeFileSync(join(dir, 'x.cable', 'inside.cable'), readFileSync(join(HOSTILE_FIXTURE_DIR, 'header-only.cable')));
  symlinkSync('loop.cable', join(dir, 'loop.cable'));
  symlinkSync('.', join(dir, 'loop-folder'));
  writeFileSync(join(dir, 'unreadable.cable'), readFileSync(SEED_FILE));
  chmodSync(join(dir, 'unreadable.cable'), 0o000);
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort();
  return {
    dir,
    files,
    unreadableIsUnreadable: process.getuid?.() !== 0,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
