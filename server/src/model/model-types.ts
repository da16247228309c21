// The cable model: what `parseCable` returns. Every element carries the exact range it was
// read from, in LSP coordinates (zero-based line, UTF-16 character offset), so editor features
// can use them as they are. No `vscode` or LSP import: the model is editor-agnostic.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of the source text and where it stands. */
export interface Token {
  text: string;
  range: Range;
}

import type { ClassificationLevel } from './classification-levels.ts';

export type { ClassificationLevel };

// ---------------------------------------------------------------- routing header

/** `VZCZCXRO4547`: start of message and channel serial. */
export interface TransmissionLine {
  range: Range;
  /** `XRO4547` (channel designator + serial), when present. */
  channel?: Token;
}

/** `PP RUEHDE RUEHIHL`: transmission precedence and the addressees' routing indicators. */
export interface PrecedenceLine {
  range: Range;
  precedence: Token;
  routingIndicators: Token[];
}

/** `DE RUEHBC #0002/01 0251427`: originating station, station serial, filing day and time. */
export interface OriginatorLine {
  range: Range;
  keyword: Token;
  station?: Token;
  /** `#0002`. */
  serial?: Token;
  /** `/01`: the part of a telegram sent in several sections. */
  part?: Token;
  /** `0251427`: Julian day (3 digits) and time (4 digits). */
  filingTime?: Token;
}

/** `ZNY CCCCC ZZH`: security warning and operating signals. */
export interface SecurityLine {
  range: Range;
  /** `ZNY` or `ZNR`. */
  prosign: Token;
  /** `CCCCC`, `SSSSS`, `UUUUU`, `EEEEE`. */
  classification?: Token;
  /** `ZZH` and anything after it. */
  signals: Token[];
}

/** `P 251427Z JAN 09`: precedence and date-time group. */
export interface DateTimeGroup {
  range: Range;
  /** One or two precedence prosigns (`O`, `O R`). */
  precedence: Token[];
  /** The DTG itself, `251427Z JAN 09`. */
  dtg: Token;
  /** ISO 8601 UTC date-time, e.g. `2009-01-25T14:27Z`; absent when the DTG is not a real date. */
  date?: string;
  /** Four-digit year read from the DTG. */
  year?: number;
  /** `ZDK`, `ZFD`, `(CCY …)` after the DTG. */
  trailer?: Token;
}

export type AddresseeRole = 'FM' | 'TO' | 'INFO' | 'XMT';

/** One addressee: `TO RUEHC/SECSTATE WASHDC PRIORITY 0820`. */
export interface Addressee {
  role: AddresseeRole;
  range: Range;
  /** The `FM`/`TO`/`INFO` keyword when it stands on this line. */
  keyword?: Token;
  routingIndicator?: Token;
  /** Plain language address: `SECSTATE WASHDC`, `REO BASRAH`, `IRAQ COLLECTIVE`. */
  station?: Token;
  precedence?: Token;
  serial?: Token;
}

export type OfficeLineKind = 'origin' | 'action' | 'info' | 'drafted' | 'approved' | 'cleared' | 'separator';

/**
 * A line of the teletype printout's distribution and drafting block (PlusD, partial extracts):
 * `ORIGIN EUR-12`, `INFO OCT-01 ISO-00 /033 R`, `DRAFTED BY EUR/RPM:JDOE:LW`, `------ 041117`.
 * Its continuation lines extend its range.
 */
export interface OfficeLine {
  kind: OfficeLineKind;
  range: Range;
  keyword?: Token;
  /** Office symbols with their copy counts (`EUR-12`), or the separator's numbers (`041117`). */
  items: Token[];
  /** `/033 R`: the total of copies and its letter. */
  total?: Token;
}

export interface RoutingHeader {
  range: Range;
  /** The printout's office and drafting lines, in order. */
  offices?: OfficeLine[];
  transmission?: TransmissionLine;
  precedenceLine?: PrecedenceLine;
  originator?: OriginatorLine;
  security?: SecurityLine;
  dateTimeGroup?: DateTimeGroup;
  from?: Addressee;
  to: Addressee[];
  info: Addressee[];
}

// ---------------------------------------------------------------- preamble

export interface Classification {
  level: ClassificationLevel;
  /** As written: `C O N F I D E N T I A L`, `UNCLAS`, `SS E C R E T`. */
  token: Token;
  /** The letters were doubled, lost or mixed with another word. */
  damaged: boolean;
}

/** `C O N F I D E N T I A L SECTION 01 OF 03 BASRAH 000002`. */
export interface Banner {
  range: Range;
  classification: Classification;
  section?: { token: Token; part: number; of: number };
  /** Origin post as written, with spaces: `LA PAZ`, `STATE`. */
  origin?: Token;
  /** Serial as written, with leading zeros: `000002`. */
  serial?: Token;
}

/** A date line some exports put before the banner: `Friday, 18 December 2009, 11:04`. */
export interface DateLine {
  range: Range;
  /** ISO 8601, `2009-12-18T11:04`. */
  date: string;
  year: number;
}

export type CaptionKind = 'handling' | 'addressing' | 'other';

/** A line between the banner and the E.O. line: `SIPDIS`, `NOFORN`, `STATE FOR EUR/WE`. */
export interface Caption extends Token {
  kind: CaptionKind;
}

/** `E.O. 12958: DECL: 1/25/2019`. */
export interface ExecutiveOrderLine {
  range: Range;
  keyword: Token;
  order?: Token;
  /** The declassification instruction: `DECL: 1/25/2019`, `N/A`, `DECL: OADR`. */
  declassification?: Token;
  /** The DECL date as written, and as ISO `YYYY-MM-DD` when it is a real date. */
  declassifyOn?: Token & { date?: string };
  /** Exemption codes: `X1`, `25X1-HUM`, `OADR`. */
  exemptions: Token[];
}

export interface TagCode extends Token {
  /** Upper-case code: `PGOV`; for `OVIP (CLINTON, HILLARY)` the code is `OVIP`. */
  code: string;
  /** The name in parentheses after a person tag. */
  person?: Token;
}

export interface TagsLine {
  range: Range;
  keyword: Token;
  codes: TagCode[];
}

export interface Subject {
  range: Range;
  keyword: Token;
  /** The subject text, lines joined with single spaces. */
  text: string;
}

export type ReferenceKind = 'cable' | 'other';

/** One entry of the REF list: `A. 2008 BAGHDAD 3475`. */
export interface ReferenceEntry {
  /** Upper-case letter when lettered (`A`), else undefined. */
  label?: string;
  labelRange?: Range;
  /** The entry text without its label. */
  text: string;
  range: Range;
  kind: ReferenceKind;
  /** Cable ID for cable entries: `08BAGHDAD3475`; the first citation's when the entry has several. */
  id?: string;
  /** Where the (first) cable citation stands inside the entry. */
  citationRange?: Range;
  /** Every cable the entry cites, in order (`STATE 12345 AND 12377`: two); absent for other entries. */
  citations?: CableCitation[];
  /** Marked `(NOTAL)`: the citing cable was not sent to all its addressees. */
  notal?: boolean;
}

/**
 * How a cited cable's ID was read, when not plainly from the post, year and serial as written:
 * `alias`, the post as REF lines write it, not as IDs do (`MEXICO CITY` → `MEXICO`); `typo`, a
 * misspelt post within one or two edits of exactly one origin (`BRASLIA`); `year-line-before`, the
 * year stands on the line before the post; `one-of-several`, the entry cites several cables
 * (`STATE 12345 AND 12377`), a bare serial taking the post and year of the citation before it.
 */
export type CitationReading = 'alias' | 'typo' | 'year-line-before' | 'one-of-several';

export interface CableCitation {
  /** Undefined when the cable's year is unknown. */
  id?: string;
  range: Range;
  /** The post as written (`SAO PAULLO`), for a bare serial the post of the citation before it. */
  post: string;
  /** The post as IDs write it: `SAOPAULO`. */
  origin: string;
  readings: CitationReading[];
}

export interface ReferenceBlock {
  range: Range;
  keyword: Token;
  entries: ReferenceEntry[];
}

/** `CLASSIFIED BY: … REASON: 1.4 (b)`. */
export interface ClassifiedBy {
  range: Range;
  keyword: Token;
  /** Who classified, as written. */
  authority: string;
  /** Each reason code as written (`1.4 (b)`, `(d)`), with its normalized form (`1.4(b)`, `1.4(d)`). */
  reasons: (Token & { code: string })[];
}

// ---------------------------------------------------------------- body

/** A portion marking: `(C)`, `(S//NF)`, `(SBU)`, `(S/REL NATO)`. */
export interface PortionMarking extends Token {
  level: ClassificationLevel;
  /** `SBU` for sensitive but unclassified, `FOUO`, else the level's letter. */
  abbreviation: string;
  /** Dissemination controls: `NOFORN`, `FGI`. */
  caveats: string[];
  /** Countries or organisations of a REL TO caveat: `NATO`, `USA, FVEY`. */
  releasableTo?: string[];
}

export type SubParagraphKind = 'lettered' | 'numbered' | 'bullet';

export interface SubParagraph {
  kind: SubParagraphKind;
  /** `A`, `1`, `--`. */
  label: string;
  labelRange: Range;
  range: Range;
  marking?: PortionMarking;
}

export interface Paragraph {
  /** The paragraph's true number (the markdown export's `11.` is 1). */
  number: number;
  /** The number as written: `¶1.`, `11.`, `1.`. */
  label: Token;
  marking?: PortionMarking;
  /** `Summary`, `Comment`, `Background` when the paragraph opens with such a word and a colon. */
  lead?: Token;
  range: Range;
  /** Index into `CableModel.headings` of the heading this paragraph stands under. */
  heading?: number;
  subParagraphs: SubParagraph[];
}

export interface SectionHeading extends Token {}

/** `ASTANA 00000095 002 OF 003`; the PlusD page head `PAGE 02 STATE 123456 01 OF 02 061606Z`. */
export interface PageBreak {
  range: Range;
  /** The post as the page head abbreviates it (`ADDIS`, `STATE`). */
  post: string;
  serial: string;
  page: string;
  /** Number of sections the cable was sent in. */
  of: number;
  /** `plusd` for a `PAGE nn` head; absent for the transmission's page lines. */
  form?: 'plusd';
  /** PlusD: the section this page belongs to (`01 OF 02` → 1); the transmission's lines give it in `page`. */
  section?: number;
}

export type MarkerKind = 'SUMMARY' | 'END SUMMARY' | 'COMMENT' | 'END COMMENT' | 'NOTE' | 'END NOTE';

export interface Marker extends Token {
  kind: MarkerKind;
}

/** A mention in the body of a REF entry (`REF A`, `reftel`) or of a paragraph (`para 4`). */
export interface CrossReference extends Token {
  kind: 'reference' | 'paragraph';
  /** REF letters (empty for a bare `reftel`, which means the only entry) or paragraph numbers. */
  targets: string[];
}

/** A FRUS footnote: `1. Source: Department of State, Central Files, …`. */
export interface Footnote {
  number: number;
  label: Token;
  range: Range;
}

/** A telegram as FRUS prints it (history.state.gov document text). */
export interface FrusDocument {
  /** The document's number in its volume: `323`. */
  number: Token;
  /** `Telegram From the Embassy in Israel to the Department of State`. */
  title: Token;
  /** `Embassy in Israel`. */
  from?: Token;
  /** `Department of State`. */
  to?: Token;
  /** The date line's place: `Tel Aviv`. */
  place?: Token;
  /** The telegram's own number, which opens its first paragraph: `8997`. */
  telegramNumber?: Token;
  /** The editors' notes below the signature, the source note first; never paragraphs. */
  footnotes: Footnote[];
}

// ---------------------------------------------------------------- whole cable

export type DiagnosticSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface ModelDiagnostic {
  range: Range;
  severity: DiagnosticSeverity;
  /** Stable code, e.g. `no-banner`, `bad-dtg`. */
  code: string;
  message: string;
}

export type IdSource = 'text' | 'context' | 'file-name';

export interface CableModel {
  /** Number of lines in the text. */
  lineCount: number;
  /** The markdown export's lost pilcrow was detected: `11.` is paragraph 1. */
  lostPilcrow: boolean;
  header?: RoutingHeader;
  dateLine?: DateLine;
  banner?: Banner;
  captions: Caption[];
  executiveOrder?: ExecutiveOrderLine;
  tags?: TagsLine;
  subject?: Subject;
  references?: ReferenceBlock;
  classifiedBy?: ClassifiedBy;
  headings: SectionHeading[];
  paragraphs: Paragraph[];
  pageBreaks: PageBreak[];
  markers: Marker[];
  crossReferences: CrossReference[];
  redactions: Range[];
  signature?: Token;
  /** `NNNN`, PlusD's `NNN` or `NMAFVVZCZ`: the end of the message, below the signature. */
  endOfMessage?: Token;
  /** Heading and apparatus of a FRUS telegram; its date line is `dateLine` (local time). */
  frus?: FrusDocument;

  /** WikiLeaks-style ID: `09BASRAH2`. */
  id?: string;
  /** Where the ID's year came from. */
  idSource?: IdSource;
  /** PlusD's document number, when a page head gives the post as it abbreviates it: `1975STATE123456`. */
  documentNumber?: string;
  /** Four-digit year of the cable (DTG, date line or context). */
  year?: number;
  /** ISO 8601 UTC date-time of the DTG (or the date line). */
  date?: string;
  /** `CONFIDENTIAL`, `SECRET//NOFORN`, `UNCLASSIFIED//FOR OFFICIAL USE ONLY`, as WikiLeaks writes it. */
  classification?: string;
  /** Highest precedence of the DTG line: `PRIORITY`. */
  precedence?: string;
  diagnostics: ModelDiagnostic[];
}

/** What the caller knows that a fragment may lack. */
export interface ParseContext {
  /** Four-digit year to use when the text has none. */
  year?: number;
  /** The cable's ID when known (e.g. `--id`), used when the text has none. */
  id?: string;
  /** File name; a name that is a cable ID matching the banner gives the year. */
  fileName?: string;
}
