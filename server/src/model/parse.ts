// parseCable: reads any text into a CableModel. It never throws; what it cannot read becomes a
// diagnostic. The front matter (header, banner, preamble) is found within the lines before the
// first paragraph; the body is read once, line by line. `parseFrontMatter` reads the front matter
// alone, for the workspace index.
import { parseBanner, readClassification } from './banner.ts';
import { parseBody, type Body } from './body.ts';
import { cableId, isKnownPost, parseCableId, parseDocumentNumber, postIdPart } from './cable-id.ts';
import { DATE_LINE_PATTERN, decodeDateLine, expandYear } from './dates.ts';
import { parseRoutingHeader } from './header.ts';
import { detectNumberingStyle, readLineLabel, type NumberingStyle } from './labels.ts';
import { CLASSIFICATION_STAMP, readPageHead } from './page-breaks.ts';
import { E_O_LINE, parsePreamble, readCaptionsAfter } from './preamble.ts';
import { frusPost, readFrus, type FrusReading } from './frus.ts';
import { codeAt, indentOf, isBlank, lineRange, splitLines } from './text.ts';
import type {
  Banner,
  CableModel,
  Caption,
  ClassificationLevel,
  DateLine,
  ModelDiagnostic,
  PageBreak,
  ParseContext,
  RoutingHeader,
} from './model-types.ts';

/** What `parseFrontMatter` reads: the model's elements above the first paragraph, and what is derived from them. */
export type FrontMatter = Pick<
  CableModel,
  | 'lineCount'
  | 'lostPilcrow'
  | 'header'
  | 'dateLine'
  | 'banner'
  | 'captions'
  | 'executiveOrder'
  | 'tags'
  | 'subject'
  | 'references'
  | 'classifiedBy'
  | 'frus'
  | 'id'
  | 'idSource'
  | 'documentNumber'
  | 'year'
  | 'date'
  | 'classification'
  | 'precedence'
>;

/** How far to look for the banner when no paragraph comes first. */
const FRONT_MATTER_LIMIT = 400;

const PRECEDENCE_NAMES: Record<string, string> = {
  Z: 'FLASH',
  O: 'IMMEDIATE',
  P: 'PRIORITY',
  R: 'ROUTINE',
  Y: 'EMERGENCY',
  NIACT: 'IMMEDIATE',
};

export function parseCable(text: string, context: ParseContext = {}): CableModel {
  const lines = splitLines(text);
  const frus = readFrus(lines);
  if (frus) return parseFrusCable(text, lines, frus, context);
  const style = detectNumberingStyle(lines);
  const pageHead = findPageHead(text, lines);
  const { frontMatter, pageBreaks, bodyStart } = readFrontMatter(lines, style, context, pageHead);
  const body = parseBody(lines, bodyStart, style, text, pageHead !== undefined);
  const model = withBody(frontMatter, body, [...pageBreaks, ...body.pageBreaks]);
  if (body.signature) model.signature = body.signature;
  if (body.endOfMessage) model.endOfMessage = body.endOfMessage;
  model.diagnostics = diagnose(model, lines);
  return model;
}

/**
 * The model: the front matter object, made whole with the body's elements in place. (A copy,
 * `{ ...frontMatter, … }`, cost more: front matters come in many shapes.)
 */
function withBody(frontMatter: FrontMatter, body: Body, pageBreaks: PageBreak[]): CableModel {
  const model = frontMatter as CableModel;
  model.headings = body.headings;
  model.paragraphs = body.paragraphs;
  model.pageBreaks = pageBreaks;
  model.markers = body.markers;
  model.crossReferences = body.crossReferences;
  model.redactions = body.redactions;
  model.diagnostics = [];
  return model;
}

/**
 * The front matter of a cable, as `parseCable` reads it (the same elements, ranges, ID, date and
 * classification), without reading the body: what the workspace index needs of each file. The
 * numbering style still comes from the whole text: it decides which line is the first paragraph.
 */
export function parseFrontMatter(text: string, context: ParseContext = {}): FrontMatter {
  const lines = splitLines(text);
  const frus = readFrus(lines);
  if (frus) return readFrusFrontMatter(lines, frus, context).frontMatter;
  return readFrontMatter(lines, detectNumberingStyle(lines), context, findPageHead(text, lines)).frontMatter;
}

/**
 * The first PlusD page head (`PAGE 01 STATE 123456`): it marks the 1970s teletype form and gives
 * the post as the document number abbreviates it. One search of the text spares the others a scan.
 */
export function findPageHead(text: string, lines: string[]): PageHead | undefined {
  if (!text.includes('PAGE ')) return undefined;
  for (let i = 0; i < lines.length; i++) {
    const pageBreak = readPageHead(lines, i);
    if (!pageBreak) continue;
    const above = i > 0 ? readClassification(lines[i - 1]!, i - 1) : undefined;
    return above && CLASSIFICATION_STAMP.test(lines[i - 1]!) ? { ...pageBreak, stamp: above.level } : pageBreak;
  }
  return undefined;
}

/** The first PlusD page head, and the classification stamped above it. */
type PageHead = PageBreak & { stamp?: ClassificationLevel };

/** The front matter, the preamble's page breaks, and the line where the body starts. */
function readFrontMatter(
  lines: string[],
  style: NumberingStyle,
  context: ParseContext,
  pageHead: PageHead | undefined,
): { frontMatter: FrontMatter; pageBreaks: PageBreak[]; bodyStart: number } {
  const frontEnd = findFrontMatterEnd(lines, style);
  const bannerLine = chooseBannerLine(lines, frontEnd);
  const banner = bannerLine === undefined ? undefined : parseBanner(lines[bannerLine]!, bannerLine);

  const { header, pageBreaks: headerPageBreaks } = parseRoutingHeader(lines, 0, bannerLine ?? frontEnd);
  const dateLine = findDateLine(lines, bannerLine ?? frontEnd);
  const year =
    header?.dateTimeGroup?.year ??
    dateLine?.year ??
    context.year ??
    yearFromId(context.id) ??
    yearFromFileName(context.fileName, banner, pageHead);
  const preambleStart = bannerLine !== undefined ? bannerLine + 1 : afterHeader(lines, header, frontEnd);
  const preamble = parsePreamble(lines, preambleStart, style, year, pageHead !== undefined);

  const frontMatter: FrontMatter = {
    lineCount: lines.length,
    lostPilcrow: style === 'lost-pilcrow',
    captions: banner
      ? [...readCaptionsAfter(lines[bannerLine!]!, bannerLine!, banner.range.end.character), ...preamble.captions]
      : preamble.captions,
  };
  if (header) frontMatter.header = header;
  if (dateLine) frontMatter.dateLine = dateLine;
  if (banner) frontMatter.banner = banner;
  if (preamble.executiveOrder) frontMatter.executiveOrder = preamble.executiveOrder;
  if (preamble.tags) frontMatter.tags = preamble.tags;
  if (preamble.subject) frontMatter.subject = preamble.subject;
  if (preamble.references) frontMatter.references = preamble.references;
  if (preamble.classifiedBy) frontMatter.classifiedBy = preamble.classifiedBy;
  if (year !== undefined) frontMatter.year = year;
  const date = header?.dateTimeGroup?.date ?? dateLine?.date;
  if (date) frontMatter.date = date;
  const precedence = header?.dateTimeGroup?.precedence[0]?.text;
  if (precedence) frontMatter.precedence = PRECEDENCE_NAMES[precedence] ?? precedence;
  assignIdentity(frontMatter, header, context, pageHead);
  return { frontMatter, pageBreaks: [...headerPageBreaks, ...preamble.pageBreaks], bodyStart: preamble.bodyStart };
}

/**
 * A FRUS telegram: heading, date line and source note give what a banner and header would; the
 * text runs from the telegram number to the signature, and its opening `Subj:`/`Ref:` are read
 * as a preamble once the telegram number is set aside.
 */
function parseFrusCable(text: string, lines: string[], frus: FrusReading, context: ParseContext): CableModel {
  const { frontMatter, textLines, bodyStart, style } = readFrusFrontMatter(lines, frus, context);
  const body = parseBody(textLines, bodyStart, style, text);
  const model = withBody(frontMatter, body, body.pageBreaks);
  const signature = frus.signature ?? body.signature;
  if (signature) model.signature = signature;
  model.diagnostics = diagnose(model, lines);
  return model;
}

function readFrusFrontMatter(
  lines: string[],
  frus: FrusReading,
  context: ParseContext,
): { frontMatter: FrontMatter; textLines: string[]; bodyStart: number; style: NumberingStyle } {
  // The text without the apparatus, its telegram number blanked (same columns) so that `Subj:` opens the line.
  const textLines = lines.slice(0, frus.textEnd);
  const number = frus.frus.telegramNumber;
  if (number) {
    const line = textLines[number.range.start.line]!;
    const after = line.indexOf('.', number.range.end.character) + 1;
    textLines[number.range.start.line] = ' '.repeat(after) + line.slice(after);
  }
  const style = detectNumberingStyle(textLines.slice(frus.textStart));
  const year = frus.dateLine?.year ?? context.year ?? yearFromId(context.id);
  const opensPreamble = frus.textStart < textLines.length && FRUS_PREAMBLE_KEYWORD.test(textLines[frus.textStart]!);
  const preamble = opensPreamble ? parsePreamble(textLines, frus.textStart, style, year) : undefined;
  const frontMatter: FrontMatter = { lineCount: lines.length, lostPilcrow: style === 'lost-pilcrow', captions: [], frus: frus.frus };
  if (frus.dateLine) {
    frontMatter.dateLine = frus.dateLine;
    frontMatter.date = frus.dateLine.date;
  }
  if (year !== undefined) frontMatter.year = year;
  if (preamble?.subject) frontMatter.subject = preamble.subject;
  if (preamble?.references) frontMatter.references = preamble.references;
  if (frus.classification) frontMatter.classification = frus.classification;
  if (frus.precedence) frontMatter.precedence = frus.precedence;
  const post = frusPost(frus.frus, isKnownPost);
  if (post && number && year !== undefined) {
    frontMatter.id = cableId(year, post, number.text);
    frontMatter.idSource = frus.dateLine ? 'text' : 'context';
  } else if (context.id) {
    frontMatter.id = context.id.toUpperCase();
    frontMatter.idSource = 'context';
  }
  return { frontMatter, textLines, bodyStart: preamble?.bodyStart ?? frus.textStart, style };
}

/** `Subj:` or `Ref:` after the telegram number: the telegram's own preamble. */
const FRUS_PREAMBLE_KEYWORD = /^\s*(?:SUBJ(?:ECT)?|REFS?)\b\s*[:;]/i;

/** The first paragraph line, or a bound: the banner and preamble stand before it. */
function findFrontMatterEnd(lines: string[], style: NumberingStyle): number {
  const limit = Math.min(lines.length, FRONT_MATTER_LIMIT);
  for (let i = 0; i < limit; i++) {
    if (readLineLabel(lines[i]!, style)?.kind === 'paragraph') return i;
  }
  return limit;
}

/**
 * The banner is the banner line nearest above the first E.O. line below it: exports put e-mail
 * printouts and summaries with banner-like lines above the real one (03ABUDHABI2641, 09DOHA214).
 */
function chooseBannerLine(lines: string[], frontEnd: number): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  let candidate: number | undefined;
  for (let i = 0; i < frontEnd; i++) {
    const line = lines[i]!;
    if (E_O_LINE.test(line)) {
      if (candidate !== undefined && i - candidate < bestDistance) {
        best = candidate;
        bestDistance = i - candidate;
      }
      candidate = undefined;
      continue;
    }
    if (mayBeBanner(line) && parseBanner(line, i)?.serial) {
      candidate = i;
      best ??= i;
    }
  }
  return best ?? candidate;
}

/** Cheap first test: a banner starts with a letter of a classification word (or a doubled one). */
function mayBeBanner(line: string): boolean {
  const c = codeAt(line, indentOf(line)) | 0x20; // lower-case ASCII letters
  return (
    c === 0x63 /* c */ ||
    c === 0x73 /* s */ ||
    c === 0x75 /* u */ ||
    c === 0x74 /* t */ ||
    c === 0x65 /* e */ ||
    c === 0x6f /* o */ ||
    c === 0x6c
  ); /* l */
}

function findDateLine(lines: string[], to: number): DateLine | undefined {
  for (let i = 0; i < to; i++) {
    const m = DATE_LINE_PATTERN.exec(lines[i]!);
    const decoded = m && decodeDateLine(m);
    if (decoded) return { range: lineRange(i, lines[i]!.indexOf(lines[i]!.trim()), lines[i]!.trimEnd().length), ...decoded };
  }
  return undefined;
}

/** Without a banner the preamble starts after the header's last line. */
function afterHeader(lines: string[], header: RoutingHeader | undefined, frontEnd: number): number {
  return firstTextLine(lines, header ? header.range.end.line + 1 : 0, frontEnd);
}

function firstTextLine(lines: string[], from: number, to: number): number {
  let i = from;
  while (i < to && isBlank(lines[i]!)) i++;
  return i;
}

function yearFromId(id: string | undefined): number | undefined {
  const parts = id ? parseCableId(id.toUpperCase()) : undefined;
  return parts ? expandYear(Number(parts.year)) : undefined;
}

/**
 * A file named by a cable ID (`09BASRAH2`, or PlusD's `1973STATE170651`) gives the year, when its
 * post and serial agree with the banner or the PlusD page head.
 */
function yearFromFileName(fileName: string | undefined, banner: Banner | undefined, pageHead: PageHead | undefined): number | undefined {
  if (!fileName) return undefined;
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .toUpperCase();
  const parts = parseCableId(base) ?? parseDocumentNumber(base);
  if (!parts) return undefined;
  const agrees = (post: string | undefined, serial: string | undefined) =>
    post !== undefined && serial !== undefined && parts.post === postIdPart(post) && Number(parts.serial) === Number(serial);
  const sameCable = agrees(banner?.origin?.text, banner?.serial?.text) || agrees(pageHead?.post, pageHead?.serial);
  return sameCable ? expandYear(Number(parts.year)) : undefined;
}

/** Station names in FM lines that stand for the post in a cable ID. */
const STATION_PREFIX = /^(?:AMEMBASSY|AMCONSUL|USMISSION|US MISSION|USOFFICE|USINT|REO|AIT)\s+/;
const SECURITY_LEVELS: Record<string, ClassificationLevel> = {
  CCCCC: 'CONFIDENTIAL',
  SSSSS: 'SECRET',
  UUUUU: 'UNCLASSIFIED',
  TTTTT: 'TOP SECRET',
};

/** The post a header's FM line names: `AMEMBASSY LA PAZ` → `LA PAZ`, `SECSTATE WASHDC` → `STATE`. */
function postFromHeader(header: RoutingHeader | undefined): string | undefined {
  const station = header?.from?.station?.text.trim().toUpperCase();
  if (!station) return undefined;
  if (/^SECSTATE\b/.test(station)) return 'STATE';
  const post = station.replace(STATION_PREFIX, '');
  return post === station && !isKnownPost(post) ? undefined : post;
}

/**
 * The ID from the banner's post and serial; without a usable banner (none, or a redacted post),
 * from the FM line's post and the DE line's station serial, which repeats the message serial.
 */
function assignIdentity(
  model: FrontMatter,
  header: RoutingHeader | undefined,
  context: ParseContext,
  pageHead: PageHead | undefined,
): void {
  // A PlusD excerpt without its banner still has the classification stamped on each page.
  const level = model.banner?.classification.level ?? SECURITY_LEVELS[header?.security?.classification?.text ?? ''] ?? pageHead?.stamp;
  if (level) model.classification = classificationOf(level, model.captions);
  const textYear = header?.dateTimeGroup?.year ?? model.dateLine?.year;
  const banner = model.banner;
  let post = banner?.origin?.text;
  let serial = banner?.serial?.text;
  if (post && pageHead && isDamagedPost(post, postFromHeader(header), pageHead.post)) post = postFromHeader(header);
  if (!post || !serial || /^X+$/i.test(post)) {
    post = postFromHeader(header);
    serial = header?.originator?.serial?.text.slice(1);
  }
  if ((!post || !serial) && pageHead) {
    post = pageHead.post;
    serial = pageHead.serial;
  }
  if (pageHead && serial && model.year !== undefined && Number(pageHead.serial) === Number(serial))
    model.documentNumber = `${model.year}${postIdPart(pageHead.post)}${pageHead.serial}`;
  if (post && serial && model.year !== undefined) {
    model.id = cableId(model.year, post, serial);
    model.idSource = textYear !== undefined ? 'text' : context.year !== undefined || context.id ? 'context' : 'file-name';
  } else if (context.id) {
    model.id = context.id.toUpperCase();
    model.idSource = 'context';
  }
}

/**
 * A banner post that is no known post and disagrees with both the FM line and the PlusD page
 * head, which agree with each other (`WARSW` under `FM AMEMBASSY WARSAW`, `PAGE 02 WARSAW …`), is
 * a damaged banner, not a new post. The page head may abbreviate (`ADDIS` for ADDIS ABABA).
 */
function isDamagedPost(bannerPost: string, headerPost: string | undefined, pageHeadPost: string): boolean {
  if (!headerPost || isKnownPost(bannerPost.toUpperCase())) return false;
  const banner = postIdPart(bannerPost);
  const fm = postIdPart(headerPost);
  const head = postIdPart(pageHeadPost);
  return fm.startsWith(head) && banner !== fm && banner !== head;
}

/** The classification as WikiLeaks writes it: `//NOFORN` for a NOFORN caption, FOUO for SENSITIVE ones. */
function classificationOf(level: ClassificationLevel, captions: Caption[]): string {
  const texts = captions.map((c) => c.text.toUpperCase());
  if (level !== 'UNCLASSIFIED' && texts.some((c) => /^NOFORN\b|\/\/NOFORN$/.test(c))) return `${level}//NOFORN`;
  if (level === 'UNCLASSIFIED' && texts.some((c) => /\bSENSITIVE\b/.test(c))) return 'UNCLASSIFIED//FOR OFFICIAL USE ONLY';
  return level;
}

function diagnose(model: CableModel, lines: string[]): ModelDiagnostic[] {
  const diagnostics: ModelDiagnostic[] = [];
  const top = lineRange(0, 0, lines[0]?.length ?? 0);
  if (!model.banner) {
    if (!model.frus)
      diagnostics.push({
        range: top,
        severity: 'warning',
        code: 'no-banner',
        message: 'No classification banner (such as `C O N F I D E N T I A L BASRAH 000002`) was found.',
      });
  } else if (model.banner.classification.damaged)
    diagnostics.push({
      range: model.banner.classification.token.range,
      severity: 'information',
      code: 'damaged-banner',
      message: `The classification word is damaged; read as ${model.banner.classification.level}.`,
    });
  const bannerPost = model.banner?.origin;
  // Only a PlusD page head can overrule the banner's post (isDamagedPost); a redacted post (`XXXXXXXX`) is no damage.
  const overruled =
    bannerPost &&
    model.id &&
    !/^X+$/i.test(bannerPost.text) &&
    model.pageBreaks.some((p) => p.form === 'plusd') &&
    !model.id.slice(2).startsWith(postIdPart(bannerPost.text));
  if (overruled)
    diagnostics.push({
      range: bannerPost!.range,
      severity: 'information',
      code: 'damaged-banner',
      message: `The banner's post ${bannerPost!.text} agrees with neither the FM line nor the page head; the ID takes theirs: ${model.id}.`,
    });
  const dtg = model.header?.dateTimeGroup;
  if (dtg && !dtg.date)
    diagnostics.push({
      range: dtg.dtg.range,
      severity: 'warning',
      code: 'bad-dtg',
      message: `The date-time group ${dtg.dtg.text} is not a real date and time.`,
    });
  const declassify = model.executiveOrder?.declassifyOn;
  if (declassify && !declassify.date)
    diagnostics.push({
      range: declassify.range,
      severity: 'warning',
      code: 'bad-decl-date',
      message: `The declassification date ${declassify.text} is not a real date.`,
    });
  if (model.frus && !model.id)
    diagnostics.push({
      range: model.frus.title.range,
      severity: 'information',
      code: 'no-id',
      message: 'The title names no post Cable knows, or the text no telegram number or date, so the ID is unknown.',
    });
  if (model.banner && !model.id)
    diagnostics.push({
      range: model.banner.range,
      severity: 'information',
      code: 'no-id',
      message:
        model.year === undefined
          ? 'The cable has no date-time group, so its year and ID are unknown.'
          : 'The banner names no post and serial, so the ID is unknown.',
    });
  for (const entry of model.references?.entries ?? []) {
    if (entry.kind === 'cable' && !entry.id)
      diagnostics.push({
        range: entry.range,
        severity: 'information',
        code: 'ref-without-year',
        message: 'This REF entry cites a cable but its year is unknown.',
      });
  }
  return diagnostics;
}
