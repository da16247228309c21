// Folding: the routing header, the preamble (banner to CLASSIFIED BY), the REF list and each
// multi-line entry, each section heading with its paragraphs, each paragraph and sub-paragraph.
// `collapsedText` says what a folded range holds: a paragraph's first words, a section's name.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { CableModel, Paragraph, Range } from '../model/cable-model.ts';
import { paragraphsByHeading, truncate } from './document-symbols.ts';
import { plural } from './wording.ts';

const COLLAPSED_LENGTH = 60;

/** The last line a range covers: a range ending at the start of a line does not cover that line. */
function lastLine(range: Range): number {
  return range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
}

/** Enough of a line for its first words: a paragraph's line may be kilobytes long. */
const FIRST_WORDS_SOURCE = COLLAPSED_LENGTH * 4;

/** The first words from `from` to the end of its line, cut near COLLAPSED_LENGTH. */
function firstWords(document: TextDocument, from: Range['start']): string {
  const lineEnd = document.getLineRange(from.line).end.character;
  const words = (end: number) =>
    document
      .getText({ start: from, end: { line: from.line, character: end } })
      .replace(/\s+/g, ' ')
      .trim();
  const head = words(Math.min(lineEnd, from.character + FIRST_WORDS_SOURCE));
  // More than COLLAPSED_LENGTH + 1 characters of words decide the cut as the whole line would; fewer may be white space's doing.
  const whole = head.length > COLLAPSED_LENGTH + 1 || lineEnd <= from.character + FIRST_WORDS_SOURCE;
  return truncate(whole ? head : words(lineEnd), COLLAPSED_LENGTH);
}

/**
 * The first words of a paragraph and of each of its sub-paragraphs, by paragraph: a model
 * re-parsed after an edit keeps the paragraphs whose lines the edit left alone (model/reparse.ts),
 * so typing reads again the words of the touched paragraph alone.
 */
const paragraphWords = new WeakMap<Paragraph, string[]>();

function wordsOf(paragraph: Paragraph, document: TextDocument): string[] {
  let words = paragraphWords.get(paragraph);
  if (!words) {
    words = [paragraph, ...paragraph.subParagraphs].map((part) => firstWords(document, part.range.start));
    paragraphWords.set(paragraph, words);
  }
  return words;
}

export function foldingRanges(model: CableModel, document: TextDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (startLine: number, endLine: number, collapsedText: string, kind?: string) => {
    if (endLine <= startLine) return;
    const range: FoldingRange = { startLine, endLine, collapsedText };
    if (kind) range.kind = kind;
    ranges.push(range);
  };

  const header = model.header;
  if (header) {
    const station = header.from?.station?.text;
    const dtg = header.dateTimeGroup?.dtg.text;
    add(
      header.range.start.line,
      lastLine(header.range),
      ['Routing header', dtg, station && `FM ${station}`].filter(Boolean).join(' · '),
      FoldingRangeKind.Imports,
    );
  }

  const banner = model.banner;
  if (banner) {
    const preambleParts = [
      model.executiveOrder?.range,
      model.tags?.range,
      model.subject?.range,
      model.references?.range,
      model.classifiedBy?.range,
      ...model.captions.map((c) => c.range),
    ];
    const preambleEnd = Math.max(...preambleParts.map((r) => (r ? lastLine(r) : -1)));
    const subject = model.subject ? `SUBJECT: ${model.subject.text}` : banner.classification.level;
    add(banner.range.start.line, preambleEnd, truncate(subject, COLLAPSED_LENGTH));
  }

  const references = model.references;
  if (references) {
    add(references.range.start.line, lastLine(references.range), `REF: ${plural(references.entries.length, 'entry', 'entries')}`);
    for (const entry of references.entries) {
      add(
        entry.range.start.line,
        lastLine(entry.range),
        truncate(`${entry.label ? `${entry.label}. ` : ''}${entry.text}`.replace(/\s+/g, ' '), COLLAPSED_LENGTH),
      );
    }
  }

  const underHeading = paragraphsByHeading(model);
  model.headings.forEach((heading, index) => {
    const under = underHeading[index]!;
    const last = under[under.length - 1];
    // A heading token may hold its dash rules (`----`): only its words are shown.
    const name = truncate(heading.text.replace(/-{3,}/g, ' ').replace(/\s+/g, ' ').trim(), COLLAPSED_LENGTH - 15);
    if (last)
      add(
        heading.range.start.line,
        lastLine(last.range),
        `${name} (${plural(under.length, 'paragraph', 'paragraphs')})`,
        FoldingRangeKind.Region,
      );
  });

  for (const paragraph of model.paragraphs) {
    const words = wordsOf(paragraph, document);
    add(paragraph.range.start.line, lastLine(paragraph.range), words[0]!);
    paragraph.subParagraphs.forEach((sub, i) => add(sub.range.start.line, lastLine(sub.range), words[i + 1]!));
  }
  // Editors keep one range per start line: the outer one (`REF: A. …` starts the list and its first entry).
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return nested(ranges.filter((range, i) => i === 0 || ranges[i - 1]!.startLine !== range.startLine));
}

/**
 * Folds that nest, as editors keep only those (VS Code drops a fold that starts inside another
 * and ends beyond it). Elements can share a line — a REF entry ends where the next begins — so a
 * fold ending on the line a later one starts on ends the line before; any other crossing fold is
 * left out. `sorted`: by start line, one range per start line.
 */
function nested(sorted: FoldingRange[]): FoldingRange[] {
  const open: FoldingRange[] = [];
  const kept: FoldingRange[] = [];
  for (const range of sorted) {
    while (open.length && open[open.length - 1]!.endLine < range.startLine) open.pop();
    let crosses = false;
    while (open.length && open[open.length - 1]!.endLine < range.endLine) {
      const outer = open[open.length - 1]!;
      if (outer.endLine !== range.startLine) {
        crosses = true;
        break;
      }
      outer.endLine = range.startLine - 1;
      open.pop();
    }
    if (crosses) continue;
    kept.push(range);
    open.push(range);
  }
  return kept.filter((range) => range.endLine > range.startLine);
}
