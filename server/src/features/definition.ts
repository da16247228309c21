// Go to definition: a REF entry leads to the cited cable's file (through the workspace index);
// `REF A` / `reftel` in the body to that entry of the REF list; `para 4` to paragraph 4.
import type { CableModel, CrossReference, Paragraph, Position, Range, ReferenceEntry } from '../model/cable-model.ts';
import { paragraphNumbered } from './mentions.ts';
import { rangeContains } from './ranges.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

/** An LSP LocationLink, before the server decides whether the client takes links. */
export interface CableDefinition {
  /** The whole REF entry or mention, so Ctrl+click underlines all of it. */
  originSelectionRange: Range;
  targetUri: string;
  targetRange: Range;
  targetSelectionRange: Range;
}

/** What the position asks for: a cable to find in the workspace, or places in this document. */
export type DefinitionQuery = { kind: 'cable'; id: string; origin: Range } | { kind: 'local'; definitions: CableDefinition[] };

function entryDefinition(uri: string, origin: Range, entry: ReferenceEntry): CableDefinition {
  return {
    originSelectionRange: origin,
    targetUri: uri,
    targetRange: entry.range,
    targetSelectionRange: entry.labelRange ?? entry.citationRange ?? entry.range,
  };
}

function paragraphDefinition(uri: string, origin: Range, paragraph: Paragraph): CableDefinition {
  return { originSelectionRange: origin, targetUri: uri, targetRange: paragraph.range, targetSelectionRange: paragraph.label.range };
}

/** A bare `reftel` / `REFTELS` means the whole REF list; letters pick their entries. */
function mentionDefinitions(model: CableModel, uri: string, mention: CrossReference): CableDefinition[] {
  if (mention.kind === 'reference') {
    const entries = model.references?.entries ?? [];
    const chosen =
      mention.targets.length === 0 ? entries : entries.filter((e) => e.label !== undefined && mention.targets.includes(e.label));
    return chosen.map((entry) => entryDefinition(uri, mention.range, entry));
  }
  return mention.targets
    .map((target) => paragraphNumbered(model, target))
    .filter((p): p is Paragraph => p !== undefined)
    .map((paragraph) => paragraphDefinition(uri, mention.range, paragraph));
}

export function definitionQuery(model: CableModel, uri: string, position: Position): DefinitionQuery | undefined {
  const entry = model.references?.entries.find((e) => rangeContains(e.range, position));
  if (entry) {
    // An entry citing several cables (`STATE 12345 AND 12377`) leads from each serial to its cable.
    const citations = entry.citations ?? [];
    const several = citations.length > 1;
    const pointed = several ? citations.find((c) => rangeContains(c.range, position)) : undefined;
    const citation = pointed ?? citations[0];
    return citation?.id ? { kind: 'cable', id: citation.id, origin: pointed ? pointed.range : entry.range } : undefined;
  }
  const mention = model.crossReferences.find((m) => rangeContains(m.range, position));
  if (!mention) return undefined;
  const definitions = mentionDefinitions(model, uri, mention);
  return definitions.length ? { kind: 'local', definitions } : undefined;
}

export function cableDefinitions(origin: Range, cables: IndexedCable[]): CableDefinition[] {
  return cables.map((cable) => ({
    originSelectionRange: origin,
    targetUri: cable.uri,
    targetRange: cable.anchor,
    targetSelectionRange: cable.anchor,
  }));
}
