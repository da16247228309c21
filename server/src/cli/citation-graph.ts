// `cable index DIR`: the cited/cites graph of the cables under DIR as JSON, read with the
// language service's own workspace index (same detection, exclusions and IDs).
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CableLanguageService, Cancellation, IndexedCable } from '../service/language-service.ts';
import { createCliService } from './cli-service.ts';

export const INDEX_USAGE = `usage: cable index [--cache-dir CACHE] DIR

Prints the citation graph of the cables under DIR as JSON: each cable with its ID, file, subject,
date and classification, the cables it cites (with the line of the REF entry, and whether the
cited cable is under DIR) and the cables under DIR that cite it.

--cache-dir CACHE  keep the index in CACHE (the language server's --cache-dir): a later run reads
                   only the files changed since (checked by size and modification time).`;

export interface GraphCable {
  id: string | null;
  file: string;
  subject: string | null;
  date: string | null;
  classification: string | null;
  cites: { id: string; line: number; inFolder: boolean }[];
  citedBy: { id: string | null; file: string; line: number }[];
}

export interface CitationGraph {
  root: string;
  cables: GraphCable[];
  totals: { cables: number; citations: number; citationsInFolder: number; citedCables: number };
}

/**
 * The language service over DIR, its index complete (every file checked, not only what a cache
 * says); undefined when `token` (Ctrl+C) stopped the indexing.
 */
export async function indexFolder(
  dir: string,
  warn: (message: string) => void,
  token: Cancellation,
  cacheDir?: string,
): Promise<CableLanguageService | undefined> {
  const service = createCliService(warn, cacheDir ? { cacheDir } : {});
  await service.setWorkspaceFolders([{ uri: pathToFileURL(dir).href }]);
  if (!(await service.ensureEveryFileChecked(token))) {
    service.dispose();
    return undefined;
  }
  await service.indexStored();
  return service;
}

/** Undefined when `token` (Ctrl+C) stopped the indexing. */
export async function buildCitationGraph(
  dir: string,
  warn: (message: string) => void,
  token: Cancellation,
  cacheDir?: string,
): Promise<CitationGraph | undefined> {
  const index = await indexFolder(dir, warn, token, cacheDir);
  if (!index) return undefined;
  const fileOf = (cable: IndexedCable) => relative(dir, fileURLToPath(cable.uri));

  const cables = index.cables().map((cable): GraphCable => {
    const citing = cable.id ? index.citing(cable.id).filter((c) => c.cable.uri !== cable.uri) : [];
    return {
      id: cable.id ?? null,
      file: fileOf(cable),
      subject: cable.subject ?? null,
      date: cable.date ?? null,
      classification: cable.classification ?? null,
      cites: cable.cites.map((c) => ({ id: c.id, line: c.range.start.line + 1, inFolder: index.lookup(c.id).length > 0 })),
      citedBy: citing.flatMap(({ cable: by, citations }) =>
        citations.map((c) => ({ id: by.id ?? null, file: fileOf(by), line: c.range.start.line + 1 })),
      ),
    };
  });
  index.dispose();
  const citations = cables.flatMap((c) => c.cites);
  return {
    root: dir,
    cables,
    totals: {
      cables: cables.length,
      citations: citations.length,
      citationsInFolder: citations.filter((c) => c.inFolder).length,
      citedCables: cables.filter((c) => c.citedBy.length > 0).length,
    },
  };
}
