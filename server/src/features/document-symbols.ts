// The outline: routing header (FM, TO, INFO, their addressees as detail), subject, REF list, then the paragraphs, nested
// under their section headings, with sub-paragraphs under their paragraph. Every child range lies
// inside its parent's and every selection range inside its range, as clients require.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type {
  Addressee,
  CableModel,
  Paragraph,
  Range,
  ReferenceBlock,
  RoutingHeader,
  SectionHeading,
  SubParagraph,
} from '../model/cable-model.ts';
import { clampRange, comparePositions, rangeWithin, spanOf } from './ranges.ts';

/** Paragraph names stop near here, at a word boundary: `1. (C) Summary: Meeting with the REO Director…`. */
const NAME_LENGTH = 45;
const SUBJECT_LENGTH = 80;

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  const cut = space > max / 2 ? space : max;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Enough text for a name: a name is cut near NAME_LENGTH, so collapsing more white space is wasted. */
const NAME_SOURCE_LENGTH = NAME_LENGTH * 4;

/** The text from `start` to the end of the range (at most three lines and a few words of it), on one line. */
function textFrom(document: TextDocument, start: Range['start'], range: Range): string {
  const threeLines = { line: start.line + 3, character: 0 };
  let end = comparePositions(range.end, threeLines) < 0 ? range.end : threeLines;
  if (comparePositions(end, start) <= 0) end = { line: start.line, character: Number.MAX_SAFE_INTEGER };
  return document.getText({ start, end }).slice(0, NAME_SOURCE_LENGTH).replace(/\s+/g, ' ').trim();
}

/** A range whose end comes before its start (a model slip) as the empty range at its start. */
function ordered(range: Range): Range {
  return comparePositions(range.end, range.start) < 0 ? { start: range.start, end: range.start } : range;
}

function symbol(
  name: string,
  kind: SymbolKind,
  anyRange: Range,
  selectionRange: Range,
  children?: DocumentSymbol[],
  detail?: string,
): DocumentSymbol {
  const range = ordered(anyRange);
  const result: DocumentSymbol = { name: name.trim() || '(untitled)', kind, range, selectionRange: clampRange(selectionRange, range) };
  if (detail) result.detail = detail;
  if (children?.length) result.children = children.map((child) => fitInside(child, range));
  return result;
}

/** A child cut to its parent's range (the model's ranges nest; this guards the client against a slip). */
function fitInside(child: DocumentSymbol, parent: Range): DocumentSymbol {
  if (rangeWithin(child.range, parent)) return child;
  const range = clampRange(child.range, parent);
  return { ...child, range, selectionRange: clampRange(child.selectionRange, range) };
}

function addresseeName(addressee: Addressee): string {
  return addressee.station?.text ?? addressee.routingIndicator?.text ?? addressee.role;
}

function addressGroup(role: 'FM' | 'TO' | 'INFO', addressees: Addressee[]): DocumentSymbol | undefined {
  const first = addressees[0];
  const last = addressees[addressees.length - 1];
  if (!first || !last) return undefined;
  const range = spanOf(first.range, last.range);
  // The addressees are the group's detail, not symbols of their own: a cable with 50 INFO
  // addressees would otherwise push its first paragraph pages down Go to Symbol's flat list.
  const stations = addressees.map(addresseeName);
  const count = addressees.length > 1 ? ` (${addressees.length})` : '';
  return symbol(
    role,
    SymbolKind.Field,
    range,
    first.keyword?.range ?? first.range,
    undefined,
    `${truncate(stations.join(', '), SUBJECT_LENGTH)}${count}`,
  );
}

/** Addressees in runs that each start at their keyword: a stray `INFO` line above the header is a run of its own, so groups never overlap. */
function runsOf(addressees: Addressee[]): Addressee[][] {
  const runs: Addressee[][] = [];
  for (const addressee of addressees) {
    if (addressee.keyword || runs.length === 0) runs.push([addressee]);
    else runs[runs.length - 1]!.push(addressee);
  }
  return runs;
}

function headerSymbol(header: RoutingHeader): DocumentSymbol {
  const roles = [
    ['FM', header.from ? [header.from] : []],
    ['TO', header.to],
    ['INFO', header.info],
  ] as const;
  const groups = roles
    .flatMap(([role, addressees]) => runsOf(addressees).map((run) => addressGroup(role, run)))
    .filter((g): g is DocumentSymbol => g !== undefined)
    .sort((a, b) => comparePositions(a.range.start, b.range.start));
  const dtg = header.dateTimeGroup;
  const detail = dtg ? [...dtg.precedence.map((p) => p.text), dtg.dtg.text].join(' ') : undefined;
  const selection = header.transmission?.range ?? dtg?.range ?? header.range;
  return symbol('Routing header', SymbolKind.Module, header.range, selection, groups, detail);
}

function referencesSymbol(references: ReferenceBlock): DocumentSymbol {
  const entries = references.entries.map((entry) => {
    const label = entry.label ? `${entry.label}. ` : '';
    return symbol(
      truncate(`${label}${entry.text}`, SUBJECT_LENGTH),
      entry.kind === 'cable' ? SymbolKind.File : SymbolKind.Key,
      entry.range,
      entry.labelRange ?? entry.citationRange ?? entry.range,
      undefined,
      entry.id,
    );
  });
  const count = references.entries.length;
  return symbol(
    'REF',
    SymbolKind.Array,
    references.range,
    references.keyword.range,
    entries,
    `${count} ${count === 1 ? 'entry' : 'entries'}`,
  );
}

function subParagraphSymbol(sub: SubParagraph, document: TextDocument): DocumentSymbol {
  return symbol(
    truncate(textFrom(document, sub.labelRange.start, sub.range), NAME_LENGTH),
    SymbolKind.EnumMember,
    sub.range,
    sub.labelRange,
  );
}

/**
 * Symbols by paragraph. A paragraph's symbol reads only the paragraph and the text in its range,
 * and a model re-parsed after an edit keeps the paragraphs whose lines the edit left alone
 * (model/reparse.ts): typing in a paragraph makes the symbol of that paragraph alone again.
 */
const paragraphSymbols = new WeakMap<Paragraph, DocumentSymbol>();

function paragraphSymbol(paragraph: Paragraph, document: TextDocument): DocumentSymbol {
  let found = paragraphSymbols.get(paragraph);
  if (!found) {
    const rest = textFrom(document, paragraph.label.range.end, paragraph.range);
    const children = paragraph.subParagraphs.map((sub) => subParagraphSymbol(sub, document));
    found = symbol(
      truncate(`${paragraph.number}. ${rest}`, NAME_LENGTH),
      SymbolKind.Number,
      paragraph.range,
      paragraph.label.range,
      children,
    );
    paragraphSymbols.set(paragraph, found);
  }
  return found;
}

/** The paragraphs under each heading, by the heading's index (the outline's sections, and the folding's). */
export function paragraphsByHeading(model: CableModel): Paragraph[][] {
  const byHeading = model.headings.map(() => [] as Paragraph[]);
  for (const paragraph of model.paragraphs) if (paragraph.heading !== undefined) byHeading[paragraph.heading]?.push(paragraph);
  return byHeading;
}

function bodySymbols(model: CableModel, document: TextDocument): DocumentSymbol[] {
  const underHeading = paragraphsByHeading(model);
  const topLevel = model.paragraphs
    .filter((paragraph) => paragraph.heading === undefined || !underHeading[paragraph.heading])
    .map((paragraph) => paragraphSymbol(paragraph, document));
  model.headings.forEach((heading, i) => topLevel.push(headingSymbol(heading, underHeading[i]!, document)));
  return topLevel;
}

/** Symbols by heading, with the paragraphs they hold: kept while the re-parse keeps the heading and the same paragraphs stand under it. */
const headingSymbols = new WeakMap<SectionHeading, { paragraphs: Paragraph[]; symbol: DocumentSymbol }>();

function headingSymbol(heading: SectionHeading, paragraphs: Paragraph[], document: TextDocument): DocumentSymbol {
  const kept = headingSymbols.get(heading);
  if (kept && kept.paragraphs.length === paragraphs.length && kept.paragraphs.every((p, i) => p === paragraphs[i])) return kept.symbol;
  const last = paragraphs[paragraphs.length - 1];
  const range = last && comparePositions(last.range.end, heading.range.end) > 0 ? spanOf(heading.range, last.range) : heading.range;
  const made = symbol(
    heading.text,
    SymbolKind.Namespace,
    range,
    heading.range,
    paragraphs.map((p) => paragraphSymbol(p, document)),
  );
  headingSymbols.set(heading, { paragraphs, symbol: made });
  return made;
}

/** Outlines by model: a model stands for one document version, so its outline never changes. */
const outlines = new WeakMap<CableModel, DocumentSymbol[]>();

/** The outline of the document whose model this is (computed once per model; callers must not mutate it). */
export function documentSymbols(model: CableModel, document: TextDocument): DocumentSymbol[] {
  let outline = outlines.get(model);
  if (!outline) {
    outline = buildOutline(model, document);
    outlines.set(model, outline);
  }
  return outline;
}

function buildOutline(model: CableModel, document: TextDocument): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  if (model.header) symbols.push(headerSymbol(model.header));
  if (model.subject)
    symbols.push(
      symbol(
        `Subject: ${truncate(model.subject.text, SUBJECT_LENGTH)}`,
        SymbolKind.String,
        model.subject.range,
        model.subject.keyword.range,
      ),
    );
  if (model.references) symbols.push(referencesSymbol(model.references));
  symbols.push(...bodySymbols(model, document));
  return symbols.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
