// The code lens above the banner: "cited by N cables · cites M". Its command lists them: the REF
// entries of the cables that cite this one, then each cited cable (its file when it is in the
// workspace, else the REF entry that cites it).
import { identifiedCitations, type CableModel, type Range } from '../model/cable-model.ts';
import { citationLocations, type CableLocation } from './find-references.ts';
import { plural } from './wording.ts';
import { baseName, uriKey } from '../workspace/uri-keys.ts';
import { distinctCables } from '../workspace/indexed-cable.ts';
import type { Citation, IndexedCable } from '../workspace/workspace-index.ts';

/**
 * The code lens's command. VS Code's client shows its locations in the references peek view;
 * other clients send it back through `workspace/executeCommand`, and the server shows the list.
 */
export const SHOW_REFERENCES_COMMAND = 'cable.showReferences';

export interface CitationLens {
  range: Range;
  title: string;
  /** Where the lens stands, for the peek view. */
  position: Range['start'];
  locations: CableLocation[];
  /** The same as lines of text (`cited by 06MADRID3104 (06MADRID3104.txt:24)`), for a client that can only show a message. */
  listing: string[];
}

export interface CitationIndex {
  citing(id: string): { cable: IndexedCable; citations: Citation[] }[];
  lookup(id: string): IndexedCable[];
}

export function citationLens(model: CableModel, uri: string, index: CitationIndex): CitationLens | undefined {
  const range = model.banner?.range ?? model.header?.range;
  if (!range) return undefined;
  const self = uriKey(uri);
  const citing = model.id ? index.citing(model.id).filter(({ cable }) => uriKey(cable.uri) !== self) : [];

  const at = (location: CableLocation) => `${baseName(location.uri)}:${location.range.start.line + 1}`;
  const listing = citing.flatMap(({ cable, citations }) =>
    citations.map((c) => `cited by ${cable.id ?? baseName(cable.uri)} (${at({ uri: cable.uri, range: c.range })})`),
  );
  const citedIds: string[] = [];
  const cited: CableLocation[] = [];
  for (const citation of (model.references?.entries ?? []).flatMap(identifiedCitations)) {
    if (citedIds.includes(citation.id)) continue;
    citedIds.push(citation.id);
    const found = index.lookup(citation.id).filter((cable) => uriKey(cable.uri) !== self);
    const locations = found.map((cable) => ({ uri: cable.uri, range: cable.anchor }));
    if (locations.length > 0) cited.push(...locations);
    else cited.push({ uri, range: citation.range });
    listing.push(`cites ${citation.id} (${locations.length > 0 ? locations.map(at).join(', ') : 'not in the workspace'})`);
  }

  return {
    range,
    position: range.start,
    title: `cited by ${plural(distinctCables(citing).length, 'cable', 'cables')} · cites ${citedIds.length}`,
    locations: [...citationLocations(citing), ...cited],
    listing,
  };
}
