// Find all references. On the banner: every REF entry in the workspace that cites this cable.
// On a REF entry, or on `REF A` / `reftel` in the body: the body's mentions of that entry. On a
// paragraph number, or on `para 4`: the body's mentions of that paragraph.
import type { CableModel, Paragraph, Position, Range, ReferenceEntry } from '../model/cable-model.ts';
import { mentionsEntry, paragraphNumbered } from './mentions.ts';
import { rangeContains } from './ranges.ts';
import type { Citation, IndexedCable } from '../workspace/workspace-index.ts';

export interface CableLocation {
  uri: string;
  range: Range;
}

/** What the position asks for: the cables citing this one (from the index), or places in this document. */
export type ReferencesQuery = { kind: 'cited'; id: string; declaration: CableLocation } | { kind: 'local'; locations: CableLocation[] };

function entryReferences(model: CableModel, uri: string, entry: ReferenceEntry, includeDeclaration: boolean): CableLocation[] {
  const mentions = model.crossReferences.filter((m) => mentionsEntry(m, entry)).map((m) => ({ uri, range: m.range }));
  return includeDeclaration ? [{ uri, range: entry.labelRange ?? entry.citationRange ?? entry.range }, ...mentions] : mentions;
}

function paragraphReferences(model: CableModel, uri: string, paragraph: Paragraph, includeDeclaration: boolean): CableLocation[] {
  const number = String(paragraph.number);
  const mentions = model.crossReferences
    .filter((m) => m.kind === 'paragraph' && m.targets.includes(number))
    .map((m) => ({ uri, range: m.range }));
  return includeDeclaration ? [{ uri, range: paragraph.label.range }, ...mentions] : mentions;
}

export function referencesQuery(
  model: CableModel,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): ReferencesQuery | undefined {
  const banner = model.banner;
  if (banner && rangeContains(banner.range, position))
    return model.id ? { kind: 'cited', id: model.id, declaration: { uri, range: banner.range } } : undefined;

  const entries = model.references?.entries ?? [];
  const entry = entries.find((e) => rangeContains(e.range, position));
  if (entry) return { kind: 'local', locations: entryReferences(model, uri, entry, includeDeclaration) };

  const mention = model.crossReferences.find((m) => rangeContains(m.range, position));
  if (mention?.kind === 'reference') {
    const mentioned = entries.filter((e) => mentionsEntry(mention, e));
    return { kind: 'local', locations: dedupe(mentioned.flatMap((e) => entryReferences(model, uri, e, includeDeclaration))) };
  }
  if (mention?.kind === 'paragraph') {
    const paragraphs = mention.targets.map((t) => paragraphNumbered(model, t)).filter((p): p is Paragraph => p !== undefined);
    return { kind: 'local', locations: dedupe(paragraphs.flatMap((p) => paragraphReferences(model, uri, p, includeDeclaration))) };
  }

  const paragraph = model.paragraphs.find((p) => rangeContains(p.label.range, position));
  if (paragraph && paragraphNumbered(model, String(paragraph.number)) === paragraph) {
    return { kind: 'local', locations: paragraphReferences(model, uri, paragraph, includeDeclaration) };
  }
  return undefined;
}

/** The REF entries of other cables that cite this one, in file order. */
export function citationLocations(citing: { cable: IndexedCable; citations: Citation[] }[]): CableLocation[] {
  return citing.flatMap(({ cable, citations }) => citations.map((c) => ({ uri: cable.uri, range: c.range })));
}

function dedupe(locations: CableLocation[]): CableLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
