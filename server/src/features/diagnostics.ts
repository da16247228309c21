// Diagnostics a careful drafter or analyst wants, each with a stable code that a setting
// (`cable.diagnostics.<code>`) switches off: the model's own findings (no banner, damaged banner,
// bad DTG or DECL date, unknown ID, REF without year), a file over the size cap (file-size.ts),
// and the checks below, which compare parts of the cable with each other.
import { lookupTag } from '../data/reference.ts';
import {
  levelRank,
  type CableModel,
  type DiagnosticSeverity,
  type ModelDiagnostic,
  type Paragraph,
  type PortionMarking,
  type Range,
} from '../model/cable-model.ts';
import { formatDate } from './markdown.ts';

/** The model's own findings and the checks below are one type of diagnostic. */
export type CableDiagnostic = ModelDiagnostic;

/** Every code, with what it finds: the settings, the docs and `cable check` list these. */
export const DIAGNOSTIC_CODES: Readonly<Record<string, string>> = {
  'no-banner': 'No classification banner was found.',
  'damaged-banner': 'The banner’s classification word is damaged (doubled or lost letters).',
  'bad-dtg': 'The date-time group is missing before FM, or is not a real date and time.',
  'bad-decl-date': 'The DECL date of the E.O. line is not a real date.',
  'no-id': 'The cable’s ID cannot be known (no year, or no post and serial).',
  'ref-without-year': 'A REF entry cites a cable whose year is unknown.',
  'marking-above-banner': 'A portion marking is above the banner’s classification (a (S) paragraph in a CONFIDENTIAL cable).',
  'unmarked-paragraph': 'A paragraph of a classified cable has no portion marking.',
  'paragraph-numbering': 'Paragraph numbers skip or repeat.',
  'unknown-tag': 'A TAGS code that no TAGS table lists.',
  'decl-before-dtg': 'The DECL date comes before the cable’s own date.',
  'unknown-ref': '`REF C` or `reftel` in the body, but the REF list has no such entry.',
  'duplicate-ref-letter': 'Two REF entries carry the same letter.',
  'section-mismatch': 'The page breaks disagree with the banner’s SECTION nn OF nn.',
  'too-large': 'The file is larger than `cable.maxFileSize`: only its first 64 KB are analysed.',
};

function diagnostic(range: Range, severity: DiagnosticSeverity, code: string, message: string): CableDiagnostic {
  return { range, severity, code, message };
}

function markingChecks(model: CableModel): CableDiagnostic[] {
  const banner = model.banner;
  if (!banner || banner.classification.damaged) return [];
  const level = banner.classification.level;
  const found: CableDiagnostic[] = [];
  const checkMarking = (marking: PortionMarking | undefined) => {
    if (marking && levelRank(marking.level) > levelRank(level)) {
      found.push(
        diagnostic(marking.range, 'error', 'marking-above-banner', `${marking.text} marks ${marking.level}, above the banner’s ${level}.`),
      );
    }
  };
  for (const paragraph of model.paragraphs) {
    checkMarking(paragraph.marking);
    for (const sub of paragraph.subParagraphs) checkMarking(sub.marking);
    if (!paragraph.marking && level !== 'UNCLASSIFIED') {
      found.push(
        diagnostic(
          paragraph.label.range,
          'warning',
          'unmarked-paragraph',
          `Paragraph ${paragraph.number} has no portion marking in a ${level} cable.`,
        ),
      );
    }
  }
  return found;
}

/**
 * The cable's runs of paragraph numbers: a paragraph numbered 1 after others starts a new run
 * (a quoted cable, a duplicated body), so each run is checked on its own.
 */
export function numberingRuns(model: CableModel): Paragraph[][] {
  const runs: Paragraph[][] = [];
  for (const paragraph of model.paragraphs) {
    const run = runs[runs.length - 1];
    if (!run || paragraph.number === 1) runs.push([paragraph]);
    else run.push(paragraph);
  }
  return runs;
}

function numberingChecks(model: CableModel): CableDiagnostic[] {
  const found: CableDiagnostic[] = [];
  for (const run of numberingRuns(model)) {
    run.forEach((paragraph, i) => {
      const previous = run[i - 1];
      const expected = previous ? previous.number + 1 : 1;
      if (paragraph.number === expected) return;
      const message = !previous
        ? `The first paragraph is numbered ${paragraph.number}, not 1.`
        : paragraph.number === previous.number
          ? `Paragraph number ${paragraph.number} repeats.`
          : paragraph.number > expected
            ? `Paragraph numbers skip from ${previous.number} to ${paragraph.number}.`
            : `Paragraph numbers go back from ${previous.number} to ${paragraph.number}.`;
      found.push(diagnostic(paragraph.label.range, 'warning', 'paragraph-numbering', message));
    });
  }
  return found;
}

function tagChecks(model: CableModel): CableDiagnostic[] {
  return (model.tags?.codes ?? [])
    .filter((tag) => !lookupTag(tag.code))
    .map((tag) => diagnostic(tag.range, 'warning', 'unknown-tag', `Unknown TAGS code ${tag.code}: no TAGS table lists it.`));
}

function dateChecks(model: CableModel): CableDiagnostic[] {
  const found: CableDiagnostic[] = [];
  const header = model.header;
  // A routing header with an FM line but no readable DTG: the DTG line is missing or malformed.
  if (header?.from && !header.dateTimeGroup) {
    found.push(diagnostic(header.from.range, 'warning', 'bad-dtg', 'No date-time group (such as `P 251427Z JAN 09`) before the FM line.'));
  }
  const declassifyOn = model.executiveOrder?.declassifyOn;
  const day = model.date?.slice(0, 10);
  if (declassifyOn?.date && day && declassifyOn.date < day) {
    found.push(
      diagnostic(
        declassifyOn.range,
        'warning',
        'decl-before-dtg',
        `The declassification date ${formatDate(declassifyOn.date)} comes before the cable’s date, ${formatDate(day)}.`,
      ),
    );
  }
  return found;
}

/**
 * A label at the start of a line of the REF list (after `REF:` on its first line). The model takes
 * labels only in sequence (A, B, C…), so a letter used again stays inside the entry before it;
 * this finds it where drafters put labels, at the start of a line.
 */
const LINE_LABEL = /^(\s*(?:¶\s?|1(?=[A-Z]\.))?)(?:\(([A-Z])\)|([A-Z])[.)])(?=\s)/i;

function repeatedLetters(model: CableModel, lines: readonly string[]): CableDiagnostic[] {
  const block = model.references;
  if (!block) return [];
  const found: CableDiagnostic[] = [];
  const seen = new Set<string>();
  for (let line = block.range.start.line; line <= block.range.end.line; line++) {
    const from = line === block.keyword.range.start.line ? block.keyword.range.end.character : 0;
    const m = LINE_LABEL.exec(lines[line]?.slice(from) ?? '');
    if (!m) continue;
    const letter = (m[2] ?? m[3])!.toUpperCase();
    const start = from + m[1]!.length;
    const isEntryLabel = block.entries.some(
      (e) => e.labelRange?.start.line === line && e.labelRange.start.character <= start && start < e.labelRange.end.character,
    );
    if (!isEntryLabel && seen.has(letter)) {
      found.push(
        diagnostic(
          { start: { line, character: start }, end: { line, character: from + m[0].length } },
          'warning',
          'duplicate-ref-letter',
          `REF ${letter} is used twice.`,
        ),
      );
    }
    seen.add(letter);
  }
  return found;
}

function referenceChecks(model: CableModel, lines: readonly string[]): CableDiagnostic[] {
  const found = repeatedLetters(model, lines);
  const entries = model.references?.entries ?? [];
  const letters = new Set(entries.flatMap((e) => (e.label ? [e.label] : [])));
  for (const mention of model.crossReferences) {
    if (mention.kind !== 'reference') continue;
    if (mention.targets.length === 0) {
      if (entries.length === 0)
        found.push(diagnostic(mention.range, 'warning', 'unknown-ref', `${mention.text}, but this cable has no REF list.`));
      continue;
    }
    const missing = mention.targets.filter((letter) => !letters.has(letter));
    // An unlettered REF list of one entry: `REF A` can only mean it.
    if (missing.length === 0 || (letters.size === 0 && entries.length === 1 && mention.targets.length === 1 && mention.targets[0] === 'A'))
      continue;
    const what = missing.length === 1 ? `entry ${missing[0]}` : `entries ${missing.join(', ')}`;
    const message =
      entries.length === 0
        ? `${mention.text}, but this cable has no REF list.`
        : letters.size === 0
          ? `${mention.text}, but the REF entries carry no letters.`
          : `The REF list has no ${what}.`;
    found.push(diagnostic(mention.range, 'warning', 'unknown-ref', message));
  }
  return found;
}

/** `002` → 2; `001.2` (page 2 of section 1) → 1. */
function sectionOfPage(page: string): number {
  return Number(page.split('.')[0]);
}

function sectionChecks(model: CableModel): CableDiagnostic[] {
  const banner = model.banner;
  if (!banner) return [];
  const found: CableDiagnostic[] = [];
  const sections = banner.section?.of ?? 1;
  const serial = banner.serial ? Number(banner.serial.text) : undefined;
  let previous = banner.section?.part ?? 1;
  for (const pageBreak of model.pageBreaks) {
    const section = pageBreak.section ?? sectionOfPage(pageBreak.page);
    const page = pageBreak.range;
    if (serial !== undefined && Number(pageBreak.serial) !== serial) {
      found.push(
        diagnostic(
          page,
          'warning',
          'section-mismatch',
          `This page break is for serial ${Number(pageBreak.serial)}, the banner’s serial is ${serial}.`,
        ),
      );
    } else if (pageBreak.of !== sections) {
      const bannerSays = banner.section ? `the banner says SECTION ${banner.section.part} OF ${sections}` : 'the banner has no SECTION';
      found.push(diagnostic(page, 'warning', 'section-mismatch', `This page break counts ${pageBreak.of} sections; ${bannerSays}.`));
    } else if (section > sections) {
      found.push(
        diagnostic(page, 'warning', 'section-mismatch', `Section ${section} is beyond the ${sections} sections the banner announces.`),
      );
    } else if (section < previous) {
      found.push(diagnostic(page, 'warning', 'section-mismatch', `Section ${section} comes after section ${previous}.`));
    }
    previous = Math.max(previous, section);
  }
  return found;
}

/** Every diagnostic of the cable (`lines`: its text's lines), the model's own first, in the order of the checks. */
export function cableDiagnostics(model: CableModel, lines: readonly string[]): CableDiagnostic[] {
  return [
    ...model.diagnostics,
    ...dateChecks(model),
    ...markingChecks(model),
    ...numberingChecks(model),
    ...tagChecks(model),
    ...referenceChecks(model, lines),
    ...sectionChecks(model),
  ];
}
