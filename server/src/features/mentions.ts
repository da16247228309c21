// What a mention in the body means: `REF A` / `reftel` the REF entries it names, `para 4` the
// paragraph of that number. Definition, references, links and hover all read mentions so.
import type { CableModel, CrossReference, Paragraph, ReferenceEntry } from '../model/cable-model.ts';

/** A bare `reftel` (no letters) mentions every entry, as go-to-definition reads it. */
export function mentionsEntry(mention: CrossReference, entry: ReferenceEntry): boolean {
  return (
    mention.kind === 'reference' && (mention.targets.length === 0 || (entry.label !== undefined && mention.targets.includes(entry.label)))
  );
}

/** The paragraph a number means: numbering can restart (quoted cables), the first one is meant. */
export function paragraphNumbered(model: CableModel, target: string): Paragraph | undefined {
  return model.paragraphs.find((p) => String(p.number) === target);
}
