// Completion where a cable has a closed vocabulary: TAGS codes (with their meanings) in the TAGS
// line; after a paragraph number, the portion markings the banner allows; in the REF list, the
// cables of the workspace, written as a REF entry cites them (`08 BAGHDAD 3475`).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { allTags, lookupMarking, type TagInfo } from '../data/reference.ts';
import {
  CLASSIFICATION_LEVELS,
  MARKING_ABBREVIATIONS,
  parseCableId,
  REF_KEYWORD,
  TAGS_KEYWORD,
  type CableModel,
} from '../model/cable-model.ts';
import { rangeContains } from './ranges.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';

/** Enough to choose from; the client asks again as the user types more. */
const MAX_CABLE_ITEMS = 100;

/** What stands before the citation on a REF line after the keyword: an entry label (`A.`, `(B)`, `C)`, `¶D.`). */
const LABEL_BEFORE_CITATION = /^\s*(?:¶?[A-Z][.)]|\([A-Z]\))?\s*/i;

const LEVELS = CLASSIFICATION_LEVELS.map((level) => ({ level, abbreviations: MARKING_ABBREVIATIONS[level] }));

export interface CompletionIndex {
  search(query: string, limit: number): IndexedCable[];
}

function lineUpTo(document: TextDocument, position: Position): string {
  return document.getText({ start: { line: position.line, character: 0 }, end: position });
}

function rangeBack(position: Position, length: number): Range {
  return { start: { line: position.line, character: position.character - length }, end: position };
}

// ---------------------------------------------------------------- TAGS

function tagDocumentation(info: TagInfo): string {
  const meaning = info.meaning ?? 'meaning not in our sources';
  return `${info.kind} tag${info.category ? ` (${info.category})` : ''}: ${meaning}${info.verified === false ? ' (unverified)' : ''}`;
}

function tagCompletions(model: CableModel, document: TextDocument, position: Position): CompletionItem[] {
  // From the start of a run only (the lookbehind), so a long line is scanned once, not once per character.
  const typed = /(?<![\p{L}\d-])[\p{L}\d-]*$/u.exec(lineUpTo(document, position))![0];
  // The markdown export writes each code as a link, `[PGOV](#)`: new codes follow the cable's form.
  const linked = /\]\(#\)/.test(document.getText(model.tags?.range ?? rangeBack(position, position.character)));
  const typedLink =
    linked &&
    lineUpTo(document, position)
      .slice(0, position.character - typed.length)
      .endsWith('[');
  const range = rangeBack(position, typed.length + (typedLink ? 1 : 0));
  return allTags().map((info) => ({
    label: info.code,
    kind: CompletionItemKind.EnumMember,
    detail: info.meaning ?? info.kind,
    documentation: tagDocumentation(info),
    filterText: typedLink ? `[${info.code}` : info.code,
    textEdit: { range, newText: linked ? `[${info.code}](#)` : info.code },
  }));
}

// ---------------------------------------------------------------- portion markings

function markingCompletions(model: CableModel, document: TextDocument, position: Position): CompletionItem[] | undefined {
  const label = [
    ...model.paragraphs.map((p) => p.label),
    ...model.paragraphs.flatMap((p) => p.subParagraphs.map((s) => ({ range: s.labelRange }))),
  ].find((l) => l.range.end.line === position.line && l.range.end.character <= position.character);
  if (!label) return undefined;
  const between = document.getText({ start: label.range.end, end: position });
  const typed = /^\s*(\([A-Za-z/ ]*)?$/.exec(between);
  if (!typed) return undefined;

  const bannerLevel = model.banner?.classification.level ?? 'TOP SECRET';
  const highest = LEVELS.findIndex((l) => l.level === bannerLevel);
  const noforn = /NOFORN/.test(model.classification ?? '') || model.captions.some((c) => /NOFORN/i.test(c.text));
  // The cable's own caveat separator: `(S/NF)` or `(S//NF)`.
  const separator =
    model.paragraphs.some((p) => p.marking?.text.includes('//')) || !model.paragraphs.some((p) => p.marking?.text.includes('/'))
      ? '//'
      : '/';
  const range = rangeBack(position, typed[1]?.length ?? 0);
  const needsSpace = between.length === 0;

  const items: CompletionItem[] = [];
  // (LOU) belongs to the LIMITED OFFICIAL USE cables of the 1970s: offered only in one of them.
  LEVELS.slice(0, highest + 1).forEach(({ level, abbreviations }, rank) => {
    if (level === 'LIMITED OFFICIAL USE' && bannerLevel !== level) return;
    for (const abbreviation of abbreviations) {
      const variants = [abbreviation, ...(noforn && level !== 'UNCLASSIFIED' ? [`${abbreviation}${separator}NF`] : [])];
      for (const variant of variants) {
        const marking = `(${variant})`;
        const info = lookupMarking(`(${abbreviation})`);
        items.push({
          label: marking,
          kind: CompletionItemKind.Keyword,
          detail: variant.endsWith('NF') ? `${level}, NOFORN` : level,
          ...(info?.meaning ? { documentation: info.meaning } : {}),
          // The banner's level first: most paragraphs carry it.
          sortText: `${String(highest - rank).padStart(2, '0')}${variant}`,
          filterText: marking,
          textEdit: { range, newText: `${needsSpace ? ' ' : ''}${marking} ` },
        });
      }
    }
  });
  return items;
}

// ---------------------------------------------------------------- REF entries

function isInReferences(model: CableModel, document: TextDocument, position: Position): boolean {
  if (model.references && rangeContains(model.references.range, position)) return true;
  // A REF line being typed, which the model may not read as a REF list yet.
  return REF_KEYWORD.test(lineUpTo(document, position).trimStart());
}

/** `08BAGHDAD3475` as a REF entry cites it: `08 BAGHDAD 3475` (the post as the banner writes it). */
export function citationOf(cable: IndexedCable): string | undefined {
  const parts = cable.id ? parseCableId(cable.id) : undefined;
  if (!parts) return undefined;
  return `${parts.year} ${cable.origin ?? parts.post} ${parts.serial}`;
}

function referenceCompletions(document: TextDocument, position: Position, index: CompletionIndex): CompletionList {
  // The entry being typed: after the last separator of the line, without keyword and label.
  const segment = lineUpTo(document, position).replace(/^.*[,;]/, '');
  const keyword = REF_KEYWORD.exec(segment.trimStart());
  const afterKeyword = keyword ? segment.trimStart().slice(keyword[0].length) : segment;
  const typed = afterKeyword.slice(LABEL_BEFORE_CITATION.exec(afterKeyword)![0].length);
  const range = rangeBack(position, typed.length);
  // One item per cable: its `.txt` and `.cable` renderings cite alike.
  const offered = new Set<string>();
  const items = index.search(typed, MAX_CABLE_ITEMS).flatMap((cable): CompletionItem[] => {
    const citation = citationOf(cable);
    if (!citation || offered.has(citation)) return [];
    offered.add(citation);
    const facts = [cable.date?.slice(0, 10), cable.classification].filter(Boolean).join(' · ');
    return [
      {
        label: citation,
        kind: CompletionItemKind.Reference,
        detail: cable.subject ?? cable.id,
        documentation: { kind: MarkupKind.PlainText, value: [cable.id, facts, cable.subject].filter(Boolean).join('\n') },
        // Typed as an ID (`08BAG`) or as a citation (`08 BAG`): both match.
        filterText: `${typed.includes(' ') ? citation : cable.id} ${cable.id}`,
        textEdit: { range, newText: citation },
      },
    ];
  });
  return { isIncomplete: true, items };
}

// ---------------------------------------------------------------- entry point

export function completion(model: CableModel, document: TextDocument, asked: Position, index: CompletionIndex): CompletionList | undefined {
  // Edits are built back from the position: one past the end of its line (a client's slip) would
  // give edits outside the text, so it is moved to the nearest place in the text.
  const position = document.positionAt(document.offsetAt(asked));
  const tagsKeyword = TAGS_KEYWORD.exec(
    document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }),
  );
  if (tagsKeyword || (model.tags && rangeContains(model.tags.range, position))) {
    // On the keyword itself there is nothing to complete.
    if (tagsKeyword && tagsKeyword[0].length >= position.character) return undefined;
    return { isIncomplete: false, items: tagCompletions(model, document, position) };
  }
  if (isInReferences(model, document, position)) return referenceCompletions(document, position, index);
  const markings = markingCompletions(model, document, position);
  return markings ? { isIncomplete: false, items: markings } : undefined;
}
