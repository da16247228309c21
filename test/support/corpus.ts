// Access to real cables for tests: the vendored sample always, the shared corpus when present.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusCable {
  id: string;
  classification: string;
  created: string;
  plainFile: string;
  markdownFile: string;
}

export interface Corpus {
  name: string;
  dir: string;
  cables: CorpusCable[];
}

const root = join(__dirname, '..', '..');
export const SHARED_CORPUS_DIR = join(root, '..', 'shared', 'corpus', 'cablegate');
export const SAMPLE_CORPUS_DIR = join(root, 'test', 'fixtures', 'corpus-sample');
export const SEED_FILE = join(root, 'test', 'fixtures', 'seed', '09BASRAH2.cable');

export function loadCorpus(name: string, dir: string): Corpus | undefined {
  const metadataFile = join(dir, 'metadata.jsonl');
  if (!existsSync(metadataFile)) return undefined;
  const cables = readFileSync(metadataFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; classification: string; created: string })
    .map(({ id, classification, created }) => ({
      id,
      classification,
      created,
      plainFile: join(dir, 'plain', `${id}.txt`),
      markdownFile: join(dir, 'markdown-style', `${id}.cable`),
    }));
  return { name, dir, cables };
}

/** The vendored sample, and the whole shared corpus when it is beside the checkout. */
export function corpora(): Corpus[] {
  const found = [loadCorpus('corpus sample', SAMPLE_CORPUS_DIR)!];
  const shared = loadCorpus('shared corpus', SHARED_CORPUS_DIR);
  if (shared) found.push(shared);
  else console.log(`# ${SHARED_CORPUS_DIR} is absent: whole-corpus checks run on the vendored sample only`);
  return found;
}
