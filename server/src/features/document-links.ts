// Document links: a REF entry whose cable is in the workspace links to that file; `REF A` and
// `reftel` to the entry in the REF list; `para 4` to paragraph 4. A cited cable outside the
// workspace links nowhere: no guessing at web addresses.
import type { DocumentLink } from 'vscode-languageserver-types';
import { identifiedCitations, type CableModel, type Range } from '../model/cable-model.ts';
import { mentionsEntry, paragraphNumbered } from './find-references.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

/** A target inside a file: VS Code opens `#L12,5` at line 12, column 5 (both 1-based). */
export function linkTarget(uri: string, range: Range): string {
  return `${uri.replace(/#[\s\S]*$/, '')}#L${range.start.line + 1},${range.start.character + 1}`;
}

export function documentLinks(model: CableModel, uri: string, index: { lookup(id: string): IndexedCable[] }): DocumentLink[] {
  const links: DocumentLink[] = [];
  const entries = model.references?.entries ?? [];
  for (const citation of entries.flatMap(identifiedCitations)) {
    const cable = index.lookup(citation.id)[0];
    if (!cable) continue;
    const subject = cable.subject ? `: ${cable.subject}` : '';
    links.push({ range: citation.range, target: linkTarget(cable.uri, cable.anchor), tooltip: `Open ${citation.id}${subject}` });
  }

  for (const mention of model.crossReferences) {
    if (mention.kind === 'reference') {
      const mentioned = entries.filter((e) => mentionsEntry(mention, e));
      const first = mentioned[0];
      if (!first) continue;
      // One entry: that entry; several (`REFTELS`): the REF list.
      const target = mentioned.length === 1 ? first.range : (model.references?.range ?? first.range);
      links.push({ range: mention.range, target: linkTarget(uri, target), tooltip: mentioned.length === 1 ? `Go to REF ${first.label ?? ''}`.trimEnd() : 'Go to the REF list' });
    } else {
      const paragraph = mention.targets.map((t) => paragraphNumbered(model, t)).find((p) => p !== undefined);
      if (paragraph) links.push({ range: mention.range, target: linkTarget(uri, paragraph.label.range), tooltip: `Go to paragraph ${paragraph.number}` });
    }
  }
  return links;
}
