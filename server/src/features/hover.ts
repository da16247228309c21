// Hover: what each code of a cable means, in concise markdown, with the hovered token as range.
// Every meaning names its source; a meaning from the maintainers' own knowledge says
// "unverified"; a code no table lists says so plainly instead of guessing.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  lookupClassificationReason,
  lookupHeaderElement,
  lookupMarking,
  lookupPrecedence,
  lookupRoutingIndicator,
  lookupTag,
  type MarkingInfo,
  type TagInfo,
} from '../data/reference.ts';
import type {
  Addressee,
  CableCitation,
  CableModel,
  CrossReference,
  PortionMarking,
  Range,
  ReferenceEntry,
  TagCode,
  Token,
} from '../model/cable-model.ts';
import { code, dayOfYear, escapeMarkdown, formatDate, link } from './markdown.ts';
import { isNarrower, rangeContains } from './ranges.ts';
import { relativeKey, uriKey } from '../workspace/uri-keys.ts';
import type { IndexedCable } from '../workspace/workspace-index.ts';
import { paragraphNumbered } from './mentions.ts';
import { indexAfter } from '../model/text.ts';

/** What a hover may consult besides the model. */
export interface HoverContext {
  document: TextDocument;
  model: CableModel;
  /** The workspace index; `ready` is false while it is still being built. */
  index: { readonly ready: boolean; lookup(id: string): IndexedCable[]; readonly folderUris: string[] };
}

export interface CableHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

interface Target {
  range: Range;
  render(context: HoverContext): string;
}

// ---------------------------------------------------------------- building blocks

function sourceLine(item: { source: string; verified: boolean; listedIn?: string }): string {
  if (item.verified) return `*Source: ${escapeMarkdown(item.source)}*`;
  const listed = item.listedIn ? `; listed in ${escapeMarkdown(item.listedIn)}` : '';
  return `*Source: unverified (maintainers' knowledge, no source read)${listed}*`;
}

function title(token: string, what: string): string {
  return `**${escapeMarkdown(token)}** — ${what}`;
}

function paragraphs(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

function unverifiedMark(verified: boolean): string {
  return verified ? '' : ' *(unverified)*';
}

// ---------------------------------------------------------------- TAGS

const TAG_KIND_NAMES: Record<TagInfo['kind'], string> = {
  subject: 'subject tag',
  geographic: 'geographic tag',
  program: 'program tag',
  organization: 'organization tag',
};

function tagMeaning(info: TagInfo): string {
  const category = info.category ? ` (${escapeMarkdown(info.category)})` : '';
  const meaning = info.meaning ? `${escapeMarkdown(info.meaning)}${unverifiedMark(info.verified ?? true)}` : 'meaning not in our sources';
  return `${TAG_KIND_NAMES[info.kind]}${category}: ${meaning}`;
}

function renderTag(tag: TagCode): string {
  const info = lookupTag(tag.code);
  if (!info) {
    return paragraphs(
      title(tag.code, 'unknown TAGS code'),
      'None of the TAGS tables shipped with Cable (subject, geographic, program, organization) lists this code, so its meaning is unknown here.',
    );
  }
  const others = info.alsoListedAs?.map((other) => `- also the ${tagMeaning(other)}`).join('\n');
  return paragraphs(
    title(tag.code, tagMeaning(info)),
    info.takesPersonName && 'Followed by a person’s name in parentheses.',
    others,
    sourceLine({ source: info.source ?? '', verified: info.verified ?? true, ...(info.listedIn ? { listedIn: info.listedIn } : {}) }),
  );
}

function renderPerson(tag: TagCode, person: Token): string {
  const info = lookupTag(tag.code);
  const meaning = info?.meaning ? ` (${escapeMarkdown(info.meaning)})` : '';
  return paragraphs(title(person.text, 'person'), `The person this cable tags with ${code(tag.code)}${meaning}.`);
}

// ---------------------------------------------------------------- markings

function renderPortionMarking(marking: PortionMarking): string {
  const level = lookupMarking(`(${marking.abbreviation})`) ?? lookupMarking(marking.level);
  const lines = [`- level: ${marking.level}${level?.meaning ? ` (${escapeMarkdown(level.meaning)})` : ''}`];
  const used: MarkingInfo[] = level ? [level] : [];
  for (const caveat of marking.caveats.filter((c) => c !== 'REL TO')) {
    const info = lookupMarking(caveat);
    if (info?.meaning) used.push(info);
    lines.push(
      info?.meaning
        ? `- ${code(caveat)}: ${escapeMarkdown(info.meaning)}${unverifiedMark(info.verified)}`
        : `- ${code(caveat)}: not in our marking tables`,
    );
  }
  if (marking.releasableTo?.length) {
    const relTo = lookupMarking('REL TO');
    if (relTo) used.push(relTo);
    lines.push(
      `- releasable to: ${marking.releasableTo.map(escapeMarkdown).join(', ')}${relTo?.meaning ? ` — ${escapeMarkdown(relTo.meaning.split(';')[0]!)}` : ''}`,
    );
  }
  // One source line per distinct source, so each meaning above can be traced.
  const sources = [...new Map(used.map((info) => [info.source, info])).values()];
  return paragraphs(title(marking.text, 'portion marking'), lines.join('\n'), ...sources.map(sourceLine));
}

function renderBannerClassification(model: CableModel): string {
  const banner = model.banner!;
  const { level, token, damaged } = banner.classification;
  const info = lookupMarking(level);
  const wikileaks =
    model.classification && model.classification !== level
      ? `Whole cable, with its captions: ${escapeMarkdown(model.classification)}.`
      : '';
  return paragraphs(
    title(token.text, `classification banner: ${level}`),
    info?.meaning && `${escapeMarkdown(info.meaning)}${unverifiedMark(info.verified)}`,
    damaged && `The letters are damaged in this copy; read as ${level}.`,
    wikileaks,
    info && sourceLine(info),
  );
}

function renderBannerIdentity(model: CableModel): string {
  const banner = model.banner!;
  const section = banner.section ? ` Section ${banner.section.part} of ${banner.section.of}.` : '';
  const id = model.id ? `Cable ID ${code(model.id)}.` : 'The cable’s year is unknown, so its ID is too.';
  return paragraphs(
    title(`${banner.origin?.text ?? ''} ${banner.serial?.text ?? ''}`.trim(), 'originating post and serial number'),
    `${id}${section}`,
  );
}

function renderHeaderElement(token: Token, key = token.text): string {
  const info = lookupHeaderElement(key);
  if (!info) return title(token.text, 'not in our table of header elements');
  const meaning = info.keyMeaning ? `${escapeMarkdown(info.keyMeaning.meaning)}${unverifiedMark(info.keyMeaning.verified)}` : undefined;
  // The element and description are our own table's markdown (with `code` spans): shown as they are.
  return paragraphs(title(token.text, info.element), meaning, info.description, sourceLine(info.keyMeaning ?? info));
}

function renderCaption(caption: Token): string {
  const info = lookupMarking(caption.text);
  if (!info?.meaning) return title(caption.text, 'caption; not in our marking tables');
  return paragraphs(title(caption.text, `caption: ${escapeMarkdown(info.meaning)}${unverifiedMark(info.verified)}`), sourceLine(info));
}

// ---------------------------------------------------------------- routing header

function renderRoutingIndicator(ri: Token, writtenFor?: Token): string {
  const info = lookupRoutingIndicator(ri.text);
  const asWritten = writtenFor ? `This cable writes it for ${escapeMarkdown(writtenFor.text)}.` : undefined;
  if (!info) return paragraphs(title(ri.text, 'routing indicator not in the ACP 117 table shipped with Cable'), asWritten);
  return paragraphs(title(ri.text, `routing indicator of ${escapeMarkdown(info.station)}`), sourceLine(info));
}

function renderPrecedence(token: Token, role: string): string {
  const info = lookupPrecedence(token.text);
  if (!info) return title(token.text, `${role}; not a precedence in our table`);
  return paragraphs(title(token.text, `${role}: ${info.precedence}`), escapeMarkdown(info.meaning), sourceLine(info));
}

function renderDtg(model: CableModel): string {
  const group = model.header!.dateTimeGroup!;
  const decoded = group.date ? `${formatDate(group.date)}.` : 'Not a real date and time: the day, hour or minute is out of range.';
  const info = lookupHeaderElement('DTG');
  return paragraphs(
    title(group.dtg.text, 'date-time group'),
    decoded,
    'Day, hour and minute, `Z` for UTC (Zulu), month and year.',
    info && sourceLine(info),
  );
}

function renderFilingTime(model: CableModel, filingTime: Token): string {
  const day = Number(filingTime.text.slice(0, 3));
  const time = `${filingTime.text.slice(3, 5)}:${filingTime.text.slice(5, 7)} UTC`;
  const date = model.year !== undefined ? dayOfYear(model.year, day) : undefined;
  const when = date ? `${formatDate(date)}, ${time}` : `day ${day} of the year, ${time}`;
  return paragraphs(title(filingTime.text, 'filing time'), `Day of the year and time the station filed the message: ${when}.`);
}

function renderAddressee(addressee: Addressee): Target[] {
  const targets: Target[] = [];
  const ri = addressee.routingIndicator;
  if (ri) targets.push({ range: ri.range, render: () => renderRoutingIndicator(ri, addressee.station) });
  const precedence = addressee.precedence;
  if (precedence) targets.push({ range: precedence.range, render: () => renderPrecedence(precedence, 'precedence for this addressee') });
  const keyword = addressee.keyword;
  if (keyword) targets.push({ range: keyword.range, render: () => renderHeaderElement(keyword) });
  return targets;
}

// ---------------------------------------------------------------- E.O. line and reasons

function renderReason(reason: Token & { code?: string }, order: string | undefined): string {
  const info = lookupClassificationReason(reason.code ?? reason.text, order);
  if (!info) return title(reason.text, 'not a classification reason or exemption in our tables');
  const meaning = info.meaning ? `${escapeMarkdown(info.meaning)}${unverifiedMark(info.verified)}` : 'meaning not in our sources';
  const others = info.otherAuthorities?.length
    ? `Same code under ${info.otherAuthorities.map((o) => escapeMarkdown(o.authority)).join(', ')}.`
    : undefined;
  return paragraphs(
    title(reason.text, `${escapeMarkdown(info.authority)}, ${escapeMarkdown(info.kind)}: ${meaning}`),
    others,
    sourceLine(info),
  );
}

function renderDeclassifyOn(token: Token & { date?: string }): string {
  const when = token.date ? `Declassify on ${formatDate(token.date)}.` : 'Not a real date.';
  const info = lookupClassificationReason('DECL');
  return paragraphs(title(token.text, 'declassification date'), when, info && sourceLine(info));
}

// ---------------------------------------------------------------- REF entries and mentions

function displayPath(uri: string, folderUris: string[]): string {
  const key = uriKey(uri);
  for (const folder of folderUris) {
    const relative = relativeKey(uriKey(folder), key);
    if (relative !== undefined) return relative;
  }
  return key;
}

/** How the ID was read from what the entry writes, when not plainly: the hover says so. */
function readingNotes(citation: CableCitation, entry: ReferenceEntry): string[] {
  const notes: string[] = [];
  for (const reading of citation.readings) {
    if (reading === 'alias')
      notes.push(`Read ${code(citation.post)} as ${code(citation.origin)}, the name WikiLeaks gives this post in cable IDs.`);
    else if (reading === 'typo')
      notes.push(`Read the misspelt ${code(citation.post)} as ${code(citation.origin)}, the one known post within two letters of it.`);
    else if (reading === 'year-line-before') notes.push('The year stands on the line before the post.');
    else notes.push(`One of ${entry.citations!.length} cables this entry cites.`);
  }
  return notes;
}

function describeCitation(citation: CableCitation, entry: ReferenceEntry, context: HoverContext): string {
  const notes = readingNotes(citation, entry);
  if (!citation.id) return ['Cites a cable, but its year is unknown, so its ID is too.', ...notes].join(' ');
  const found = context.index.lookup(citation.id);
  const lines = [[`Cable ${code(citation.id)}.`, ...notes].join(' ')];
  if (found.length === 0)
    lines.push(context.index.ready ? 'Not in the workspace.' : 'Not found so far: the workspace is still being indexed.');
  for (const cable of found) {
    const facts = [
      cable.subject && `Subject: ${escapeMarkdown(cable.subject)}`,
      cable.date && `Date: ${formatDate(cable.date)}`,
      cable.classification && `Classification: ${escapeMarkdown(cable.classification)}`,
      `File: ${link(displayPath(cable.uri, context.index.folderUris), cable.uri)}`,
    ].filter((f): f is string => typeof f === 'string');
    lines.push(facts.map((f) => `- ${f}`).join('\n'));
  }
  return lines.join('\n\n');
}

/** The cables an entry cites; `only` the one under the cursor when the entry cites several. */
function describeCited(entry: ReferenceEntry, context: HoverContext, only?: CableCitation): string {
  if (entry.kind !== 'cable') return 'Not a cable citation (an e-mail, memo, meeting or other document).';
  const lines = (only ? [only] : (entry.citations ?? [])).map((citation) => describeCitation(citation, entry, context));
  if (entry.notal) lines.push('NOTAL: the cited cable did not go to all addressees of this one.');
  return lines.join('\n\n');
}

function entryName(entry: ReferenceEntry): string {
  return entry.label ? `REF ${entry.label}` : 'REF';
}

function renderReference(entry: ReferenceEntry, context: HoverContext, only?: CableCitation): string {
  return paragraphs(title(entryName(entry), escapeMarkdown(entry.text)), describeCited(entry, context, only));
}

function mentionedEntries(mention: CrossReference, model: CableModel): ReferenceEntry[] {
  const entries = model.references?.entries ?? [];
  if (mention.targets.length === 0) return entries;
  return mention.targets.map((letter) => entries.find((e) => e.label === letter)).filter((e): e is ReferenceEntry => e !== undefined);
}

function renderReferenceMention(mention: CrossReference, context: HoverContext): string {
  const entries = mentionedEntries(mention, context.model);
  if (entries.length === 0) return title(mention.text, 'no such entry in the REF list');
  return entries.map((entry) => renderReference(entry, context)).join('\n\n---\n\n');
}

function renderParagraphMention(mention: CrossReference, context: HoverContext): string {
  const lines = mention.targets.map((target) => {
    const paragraph = paragraphNumbered(context.model, target);
    if (!paragraph) return `- ¶${target}: no such paragraph in this cable`;
    const line = paragraph.label.range.end.line;
    const text = context.document.getText({
      start: paragraph.label.range.end,
      end: { line, character: paragraph.label.range.end.character + 120 },
    });
    const firstWords = text.split(/\r?\n/)[0]!.trim();
    return `- ¶${target}: ${escapeMarkdown(firstWords.length > 100 ? `${firstWords.slice(0, 100)}…` : firstWords)}`;
  });
  return paragraphs(title(mention.text, 'mention of a paragraph'), lines.join('\n'));
}

// ---------------------------------------------------------------- targets

/** The targets of the routing header, banner and preamble: a few dozen, whatever the cable's length. */
function collectTargets(model: CableModel): Target[] {
  const targets: Target[] = [];
  const add = (range: Range | undefined, render: Target['render']) => range && targets.push({ range, render });
  const header = model.header;
  if (header) {
    const transmission = header.transmission;
    if (transmission) {
      const start = transmission.range.start;
      add({ start, end: { line: start.line, character: start.character + 5 } }, () =>
        renderHeaderElement({ text: 'VZCZC', range: transmission.range }),
      );
    }
    const line2 = header.precedenceLine;
    if (line2) {
      add(line2.precedence.range, () => renderPrecedence(line2.precedence, 'transmission precedence'));
      for (const ri of line2.routingIndicators) add(ri.range, () => renderRoutingIndicator(ri));
    }
    const originator = header.originator;
    if (originator) {
      add(originator.keyword.range, () => renderHeaderElement(originator.keyword));
      const station = originator.station;
      if (station) add(station.range, () => renderRoutingIndicator(station));
      const serial = originator.serial;
      if (serial) add(serial.range, () => title(serial.text, 'station serial number of the message'));
      const filingTime = originator.filingTime;
      if (filingTime) add(filingTime.range, () => renderFilingTime(model, filingTime));
    }
    const security = header.security;
    if (security) {
      add(security.prosign.range, () => renderHeaderElement(security.prosign));
      const classification = security.classification;
      if (classification) add(classification.range, () => renderHeaderElement(classification));
      for (const signal of security.signals) add(signal.range, () => renderHeaderElement(signal, signal.text.split(/\s/)[0]));
    }
    const group = header.dateTimeGroup;
    if (group) {
      for (const prosign of group.precedence) add(prosign.range, () => renderPrecedence(prosign, 'precedence'));
      add(group.dtg.range, () => renderDtg(model));
    }
    for (const addressee of [...(header.from ? [header.from] : []), ...header.to, ...header.info])
      targets.push(...renderAddressee(addressee));
  }

  const banner = model.banner;
  if (banner) {
    add(banner.classification.token.range, () => renderBannerClassification(model));
    if (banner.origin && banner.serial)
      add({ start: banner.origin.range.start, end: banner.serial.range.end }, () => renderBannerIdentity(model));
    const section = banner.section;
    if (section) add(section.token.range, () => renderHeaderElement(section.token, 'SECTION'));
  }
  for (const caption of model.captions) add(caption.range, () => renderCaption(caption));

  const eo = model.executiveOrder;
  if (eo) {
    add(eo.keyword.range, () => renderHeaderElement(eo.keyword, 'E.O.'));
    const declassifyOn = eo.declassifyOn;
    if (declassifyOn) add(declassifyOn.range, () => renderDeclassifyOn(declassifyOn));
    for (const exemption of eo.exemptions) add(exemption.range, () => renderReason(exemption, eo.order?.text));
  }
  const tags = model.tags;
  if (tags) {
    add(tags.keyword.range, () => renderHeaderElement(tags.keyword, 'TAGS'));
    for (const tag of tags.codes) {
      add(tag.range, () => renderTag(tag));
      const person = tag.person;
      if (person) add(person.range, () => renderPerson(tag, person));
    }
  }
  for (const entry of model.references?.entries ?? []) {
    add(entry.range, (context) => renderReference(entry, context));
    // Each of several cited cables has its own hover: the narrower range wins.
    if ((entry.citations?.length ?? 0) > 1)
      for (const citation of entry.citations!) add(citation.range, (context) => renderReference(entry, context, citation));
  }
  const classifiedBy = model.classifiedBy;
  if (classifiedBy) {
    add(classifiedBy.keyword.range, () => renderHeaderElement(classifiedBy.keyword, 'CLASSIFIED BY'));
    for (const reason of classifiedBy.reasons) add(reason.range, () => renderReason(reason, eo?.order?.text));
  }

  return targets;
}

/**
 * The body's targets on one line: the portion markings of the paragraph and sub-paragraphs
 * starting there and the mentions on it (each on one line), found by binary search in the
 * model's lists (in text order). A model per keystroke needs no map of a 1 MB cable's body.
 */
function bodyTargetsOn(model: CableModel, line: number): Target[] {
  const targets: Target[] = [];
  const onLine = (range: Range) => range.start.line <= line && line <= range.end.line;
  const paragraph = model.paragraphs[indexAfter(model.paragraphs, line, (p) => p.range.start.line) - 1];
  for (const part of paragraph ? [paragraph, ...paragraph.subParagraphs] : []) {
    const marking = part.marking;
    if (marking && onLine(marking.range)) targets.push({ range: marking.range, render: () => renderPortionMarking(marking) });
  }
  const mentions = model.crossReferences;
  for (let i = indexAfter(mentions, line - 1, (m) => m.range.start.line); i < mentions.length && onLine(mentions[i]!.range); i++) {
    const mention = mentions[i]!;
    targets.push({
      range: mention.range,
      render: (context) =>
        mention.kind === 'reference' ? renderReferenceMention(mention, context) : renderParagraphMention(mention, context),
    });
  }
  return targets;
}

/** The front matter's targets by line (a target spanning lines is listed on each), built once per model. */
const targetsByModel = new WeakMap<CableModel, Map<number, Target[]>>();

function targetsOn(model: CableModel, line: number): Target[] {
  let byLine = targetsByModel.get(model);
  if (!byLine) {
    byLine = new Map();
    for (const target of collectTargets(model)) {
      for (let l = target.range.start.line; l <= target.range.end.line; l++) {
        const list = byLine.get(l);
        if (list) list.push(target);
        else byLine.set(l, [target]);
      }
    }
    targetsByModel.set(model, byLine);
  }
  return [...(byLine.get(line) ?? []), ...bodyTargetsOn(model, line)];
}

export function hover(context: HoverContext, position: { line: number; character: number }): CableHover | undefined {
  let best: Target | undefined;
  for (const target of targetsOn(context.model, position.line)) {
    if (rangeContains(target.range, position) && (!best || isNarrower(target.range, best.range))) best = target;
  }
  return best && { contents: best.render(context), range: best.range };
}
