// Document links: a REF entry whose cable is in the workspace links to that file; `REF A` and
// `reftel` to the entry in the REF list; `para 4` to paragraph 4. A cited cable outside the
// workspace links nowhere: no guessing at web addresses.
import { identifiedCitations, type CableModel, type Range } from '../model/cable-model.ts';
import { mentionsEntry, paragraphNumbered } from './mentions.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

/** A link from `range` to `targetRange` in the file `targetUri` (the LSP layer writes the target). */
export interface CableLink {
  range: Range;
  targetUri: string;
  targetRange: Range;
  tooltip: string;
}

export function documentLinks(model: CableModel, uri: string, index: { lookup(id: string): IndexedCable[] }): CableLink[] {
  const links: CableLink[] = [];
  const entries = model.references?.entries ?? [];
  for (const citation of entries.flatMap(identifiedCitations)) {
    const cable = index.lookup(citation.id)[0];
    if (!cable) continue;
    const subject = cable.subject ? `: ${cable.subject}` : '';
    links.push({ range: citation.range, targetUri: cable.uri, targetRange: cable.anchor, tooltip: `Open ${citation.id}${subject}` });
  }

  for (const mention of model.crossReferences) {
    if (mention.kind === 'reference') {
      const mentioned = entries.filter((e) => mentionsEntry(mention, e));
      const first = mentioned[0];
      if (!first) continue;
      // One entry: that entry; several (`REFTELS`): the REF list.
      const target = mentioned.length === 1 ? first.range : (model.references?.range ?? first.range);
      links.push({
        range: mention.range,
        targetUri: uri,
        targetRange: target,
        tooltip: mentioned.length === 1 ? `Go to REF ${first.label ?? ''}`.trimEnd() : 'Go to the REF list',
      });
    } else {
      const paragraph = mention.targets.map((t) => paragraphNumbered(model, t)).find((p) => p !== undefined);
      if (paragraph)
        links.push({
          range: mention.range,
          targetUri: uri,
          targetRange: paragraph.label.range,
          tooltip: `Go to paragraph ${paragraph.number}`,
        });
    }
  }
  return links;
}
