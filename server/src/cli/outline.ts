// `cable outline`: the cable's structure as an indented text tree.
import { identifiedCitations, type CableModel, type Paragraph } from '../service/language-service.ts';

const TITLE_WIDTH = 72;

function shorten(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= width ? flat : `${flat.slice(0, width - 1).trimEnd()}…`;
}

function paragraphLine(p: Paragraph, lines: string[]): string {
  const line = lines[p.range.start.line]!;
  const textStart = p.marking ? p.marking.range.end.character : p.label.range.end.character;
  const marking = p.marking ? ` ${p.marking.text}` : '';
  return `${p.number}.${marking} ${shorten(line.slice(textStart), TITLE_WIDTH)}`.trimEnd();
}

export function formatOutline(file: string, model: CableModel, lines: string[]): string {
  const out: string[] = [];
  const facts = [model.id ?? '(no ID)', model.classification, model.date?.replace('T', ' ')].filter(Boolean).join(' · ');
  out.push(`${file}: ${facts}`);
  if (model.subject) out.push(`  SUBJECT: ${shorten(model.subject.text, TITLE_WIDTH)}`);
  const header = model.header;
  if (header?.from) out.push(`  FM ${header.from.station?.text ?? ''}`);
  if (header?.to.length) out.push(`  TO ${header.to.map((a) => a.station?.text).join('; ')}`);
  if (header?.info.length) out.push(`  INFO ${header.info.map((a) => a.station?.text).join('; ')}`);
  if (model.tags) out.push(`  TAGS: ${model.tags.codes.map((c) => c.code).join(' ')}`);
  for (const entry of model.references?.entries ?? []) {
    const label = entry.label ? `${entry.label}. ` : '';
    const ids = identifiedCitations(entry).map((c) => c.id);
    out.push(`  REF ${label}${shorten(entry.text, 50)}${ids.length ? ` → ${ids.join(', ')}` : ''}`);
  }
  let heading: number | undefined;
  for (const p of model.paragraphs) {
    if (p.heading !== undefined && p.heading !== heading) {
      heading = p.heading;
      out.push(`  ${model.headings[heading]!.text}`);
    }
    const indent = heading === undefined ? '  ' : '    ';
    out.push(`${indent}${paragraphLine(p, lines)}`);
    for (const sub of p.subParagraphs) {
      if (sub.kind === 'bullet') continue;
      out.push(
        `${indent}  ${sub.label}${sub.kind === 'lettered' ? '.' : ')'} ${shorten(lines[sub.labelRange.start.line]!.slice(sub.labelRange.end.character), TITLE_WIDTH - 4)}`,
      );
    }
  }
  if (model.signature) out.push(`  ${model.signature.text}`);
  return out.join('\n');
}
