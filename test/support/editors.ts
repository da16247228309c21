// What the real-editor tests (Neovim, Emacs) share: a workspace copied from samples/, a
// `cable-language-server` on the PATH as the README installs it, and the `.txt` files on which
// an editor's cable detection is checked against the server's (isCableText).
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCableText } from '../../server/src/workspace/cable-detection.ts';
import { corpora } from './corpus.ts';
import { SERVER_SCRIPT } from './lsp-client.ts';

const root = join(__dirname, '..', '..');
export const EDITORS_DIR = join(root, 'editors');

export interface EditorScratch {
  dir: string;
  /** samples/ with a `.git` folder, so the README's configurations take it as the root. */
  workspace: string;
  /** The environment an editor runs in: `cable-language-server` on its PATH, running the built server. */
  env: NodeJS.ProcessEnv;
}

export function editorScratch(prefix: string): EditorScratch {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const workspace = join(dir, 'workspace');
  cpSync(join(root, 'samples'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.git'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'cable-language-server'), `#!/bin/sh\nexec '${process.execPath}' '${SERVER_SCRIPT}' "$@"\n`);
  chmodSync(join(bin, 'cable-language-server'), 0o755);
  return { dir, workspace, env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: dir } };
}

/** Texts that make each rule of the detector decide, as `.txt` files. */
const CASES: Record<string, string> = {
  'vzczc.txt': 'VZCZCXYZ0001\nOO RUEHC\nDE RUEHLP #0096 0201522\n',
  'spaced-banner.txt': '\n\nC O N F I D E N T I A L SECTION 01 OF 02 LA PAZ 000096\n\nSIPDIS\n',
  'unclas-eo.txt': 'UNCLAS STATE 012345\n\nE.O. 12958: N/A\nTAGS: PREL\n',
  'partial-extract.txt':
    'This record is a partial extract of the original cable.\n\n291359Z Nov 00\n\nFM AMEMBASSY HARARE\nTO SECSTATE WASHDC\n',
  'dtg-fm-unspaced-banner.txt': '201258Z OCT 06\nFM AMEMBASSY MADRID\n\nCONFIDENTIAL MADRID 002657\n\nSUBJECT: SPAIN\n',
  'secret-santa.txt': 'Secret Santa 2024\n\nBring a present.\n',
  'dear-colleague.txt': 'CONFIDENTIAL\n\nDear colleague, the meeting is at 10.\n',
  'empty.txt': '',
};

function textFiles(dir: string, depth: number): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return depth > 0 ? textFiles(path, depth - 1) : [];
    return entry.isFile() && entry.name.endsWith('.txt') ? [path] : [];
  });
}

/** The `.txt` files the detector's tests read (cables of every corpus and form, notes, the packages' texts), each with the server's answer. */
export function detectionCases(scratch: string): { file: string; cable: boolean }[] {
  const cases = join(scratch, 'detection');
  mkdirSync(cases);
  for (const [name, text] of Object.entries(CASES)) writeFileSync(join(cases, name), text);
  const files = [
    ...textFiles(cases, 0),
    ...textFiles(join(root, 'samples'), 2),
    ...textFiles(join(root, 'test', 'fixtures'), 3),
    ...corpora().flatMap((corpus) => textFiles(join(corpus.dir, 'plain'), 0)),
    ...textFiles(join(root, '..', 'shared', 'corpus', 'other-forms'), 2),
    ...textFiles(join(root, 'node_modules'), 3),
  ];
  return [...new Set(files)].map((file) => ({ file, cable: isCableText(readFileSync(file, 'utf8')) }));
}
