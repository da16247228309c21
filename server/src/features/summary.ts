// A cable's card, in markdown: ID, date, origin, classification, TAGS with their meanings, the
// REF list with the subjects of the cited cables found in the workspace, and the cables citing
// this one. The "Cable: Show Summary" command shows it beside the cable.
import { lookupTag } from '../data/reference.ts';
import { identifiedCitations, type CableModel } from '../model/cable-model.ts';
import type { CitationIndex } from './code-lens.ts';
import { distinctCables } from '../workspace/indexed-cable.ts';
import { code, escapeMarkdown, formatDate, link } from './markdown.ts';
import { baseName, uriKey } from '../workspace/uri-keys.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

function cableLink(cable: IndexedCable): string {
  return link(cable.id ?? baseName(cable.uri), cable.uri);
}

function describe(cable: IndexedCable): string {
  const facts = [cable.date && formatDate(cable.date.slice(0, 10)), cable.classification].filter(Boolean).join(', ');
  return [cableLink(cable), cable.subject && `— ${escapeMarkdown(cable.subject)}`, facts && `(${escapeMarkdown(facts)})`]
    .filter(Boolean)
    .join(' ');
}

export function cableSummary(model: CableModel, uri: string, index: CitationIndex): string {
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(model.id ?? baseName(uri))}`);
  // A FRUS telegram without `Subj:` is known by its title.
  const heading = model.subject?.text ?? model.frus?.title.text;
  if (heading) out.push(`**${escapeMarkdown(heading)}**`);

  const rows: [string, string | undefined][] = [
    ['Date', model.date && formatDate(model.date)],
    ['Origin', model.banner?.origin?.text ?? model.header?.from?.station?.text ?? model.frus?.from?.text],
    ['Classification', model.classification ?? model.banner?.classification.level],
    ['Precedence', model.precedence],
    ['Document number', model.documentNumber],
    ['File', baseName(uri)],
  ];
  const facts = rows.filter((row): row is [string, string] => row[1] !== undefined);
  if (facts.length) out.push(['| | |', '|---|---|', ...facts.map(([name, value]) => `| ${name} | ${escapeMarkdown(value)} |`)].join('\n'));

  const tags = model.tags?.codes ?? [];
  out.push('## TAGS');
  out.push(
    tags.length
      ? tags
          .map((tag) => {
            const info = lookupTag(tag.code);
            const meaning = info ? `${info.kind}${info.meaning ? `: ${escapeMarkdown(info.meaning)}` : ''}` : 'unknown code';
            return `- ${code(tag.code)} — ${meaning}`;
          })
          .join('\n')
      : 'None.',
  );

  const entries = model.references?.entries ?? [];
  out.push('## References');
  out.push(
    entries.length
      ? entries
          .map((entry) => {
            const label = entry.label ? `${entry.label}. ` : '';
            const where = identifiedCitations(entry)
              .map(({ id }) => {
                const cited = index.lookup(id)[0];
                return cited ? ` → ${describe(cited)}` : ` → ${code(id)}, not in the workspace`;
              })
              .join('');
            return `- ${label}${escapeMarkdown(entry.text.replace(/\s+/g, ' '))}${where}`;
          })
          .join('\n')
      : 'None.',
  );

  const self = uriKey(uri);
  const citing = model.id ? distinctCables(index.citing(model.id).filter(({ cable }) => uriKey(cable.uri) !== self)) : [];
  out.push(`## Cited by ${citing.length} ${citing.length === 1 ? 'cable' : 'cables'} in the workspace`);
  out.push(
    citing.length
      ? citing.map(({ cable }) => `- ${describe(cable)}`).join('\n')
      : model.id
        ? 'None.'
        : 'The cable’s ID is unknown, so no citation of it can be found.',
  );
  return out.join('\n\n') + '\n';
}
