// WikiLeaks cable pages: the Cablegate viewer (`/cable/2008/04/08BEIRUT523.html`, 2010 and 2011
// templates) and PlusD (`/plusd/cables/1973STATE097844_b.html`). The cable sits in `<pre>` blocks
// (Cablegate) or the "Raw content" pane (PlusD), with HTML entities and, in the 2011 template,
// every line break written `&#x000A;`; the page's table or Metadata pane states the cable's fields.
import { parseSourceDate } from './source-dates.ts';
import type { SourceCable, SourceMetadata, SourceProblem } from './source-types.ts';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  para: '¶',
  sect: '§',
  mdash: '—',
  ndash: '–',
};

export function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9A-Fa-f]{1,6})|#(\d{1,7})|([A-Za-z]+));/g,
    (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    },
  );
}

/**
 * Markup to its text: tags dropped (a TAGS link keeps its code, a paragraph anchor its `¶`),
 * entities decoded. A scan from `<` to `>`: a regex such as /<[^>]*>/g backtracks over a page of
 * `<` without `>` in time growing with its square.
 */
function htmlToText(html: string): string {
  let text = '';
  let from = 0;
  for (let open = html.indexOf('<'); open !== -1; open = html.indexOf('<', from)) {
    const close = html.indexOf('>', open);
    if (close === -1) break;
    text += html.slice(from, open);
    from = close + 1;
  }
  return decodeEntities(text + html.slice(from));
}

interface Element {
  /** The opening tag, `<table class='cable'>`. */
  open: string;
  inner: string;
  /** Where the opening tag starts. */
  index: number;
}

/**
 * The elements an opening and a closing pattern delimit, in order, found by scanning forward only
 * (nested elements of the same name are not expected in these pages).
 */
function* elements(html: string, open: RegExp, close: RegExp): Generator<Element> {
  open.lastIndex = 0;
  for (let start = open.exec(html); start; start = open.exec(html)) {
    const openEnd = html.indexOf('>', start.index);
    if (openEnd === -1) return;
    close.lastIndex = openEnd + 1;
    const end = close.exec(html);
    if (!end) return;
    yield { open: html.slice(start.index, openEnd + 1), inner: html.slice(openEnd + 1, end.index), index: start.index };
    open.lastIndex = end.index + end[0].length;
  }
}

/** `KALOUDIS, NICK` in `PINS, GR, (KALOUDIS, NICK)` dropped: person tags are no TAGS codes. */
function withoutParenthesised(text: string): string {
  let out = '';
  let depth = 0;
  for (const char of text) {
    if (char === '(') depth++;
    else if (char === ')' && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

function lineOf(text: string, index: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const TABLE_OPEN = /<table\b/gi;
const TABLE_CLOSE = /<\/table\s*>/gi;
const PRE_OPEN = /<pre\b/gi;
const PRE_CLOSE = /<\/pre\s*>/gi;
const CABLE_CLASS = /\bclass=['"]cable['"]/i;

/** The `<table class='cable'>` of a Cablegate viewer page. */
function cableTable(html: string): Element | undefined {
  for (const table of elements(html, TABLE_OPEN, TABLE_CLOSE)) if (CABLE_CLASS.test(table.open)) return table;
  return undefined;
}

/** A Cablegate viewer page: its `<table class='cable'>` and `<pre>` blocks. */
export function isCablegatePage(head: string): boolean {
  return cableTable(head) !== undefined || (/<title>\s*Cable Viewer\s*<\/title>/i.test(head) && /<pre[\s>]/i.test(head));
}

/** A PlusD page: a "Raw content" pane and the synopsis table. */
export function isPlusdPage(head: string): boolean {
  return /<table id=['"]synopsis['"]>/i.test(head) || /class=['"]pane-header['"]>\s*Raw content\s*</i.test(head);
}

/** The page table's cells by their column heading (`Reference ID`, `Created`, `Classification` …). */
function tableCells(table: string): Map<string, string> {
  const headings = [...elements(table, /<th\b/gi, /<\/th\s*>/gi)].map((cell) => htmlToText(cell.inner).trim().toLowerCase());
  const cells = [...elements(table, /<td\b/gi, /<\/td\s*>/gi)].map((cell) => htmlToText(cell.inner).trim());
  return new Map(headings.map((heading, i) => [heading, cells[i] ?? '']));
}

export function readCablegatePage(html: string): SourceCable | SourceProblem {
  const blocks = [...elements(html, PRE_OPEN, PRE_CLOSE)];
  if (blocks.length === 0) return { message: 'a WikiLeaks page that holds no cable (no <pre> block)' };
  const text = blocks.map((block) => htmlToText(block.inner)).join('\n');
  if (!text.trim()) return { message: 'a WikiLeaks page whose cable text is empty' };
  const metadata: SourceMetadata = {};
  const table = cableTable(html);
  if (table) {
    const cells = tableCells(table.inner);
    const id = cells.get('reference id');
    if (id && /^\d{2}[A-Z]+\d+$/.test(id)) metadata.id = id;
    const created = cells.get('created');
    const date = created ? parseSourceDate(created) : undefined;
    if (date) metadata.date = date;
    const classification = cells.get('classification');
    if (classification) metadata.classification = classification;
    const origin = cells.get('origin');
    if (origin) metadata.origin = origin;
  }
  const tags = [
    ...new Set(
      [
        ...blocks
          .map((b) => b.inner)
          .join('\n')
          .matchAll(/<a href=['"][^'"]*\/tag\/([^'"_/]+)_\d+\.html['"]/gi),
      ].map((m) => decodeURIComponent(m[1]!)),
    ),
  ];
  if (tags.length > 0) metadata.tags = tags;
  return { form: 'cablegate-page', text, metadata, line: lineOf(html, blocks[0]!.index) };
}

/** The value of a PlusD Metadata pane line (`Draft Date: 22 MAY 1973`), `n/a` as missing. */
function paneValue(pane: string, key: string): string | undefined {
  const line = pane.split('\n').find((l) => l.startsWith(`${key}: `));
  const value = line
    ?.slice(key.length + 2)
    .trim()
    .replace(/^'(.*)'$/, '$1');
  return value && value !== 'n/a' ? value : undefined;
}

export function readPlusdPage(html: string): SourceCable | SourceProblem {
  const raw =
    /class=['"]pane-header['"]>\s*Raw content\s*<\/div>\s*<div class=['"]pane-content['"]>\s*<div class=['"]text-content['"]>([\s\S]*?)<\/div>/i.exec(
      html,
    );
  if (!raw || !raw[1]!.trim()) return { message: 'a PlusD page that holds no cable (no "Raw content" pane)' };
  const text = htmlToText(raw[1]!);
  const metadata: SourceMetadata = {};
  const pane =
    /class=['"]pane-header['"]>\s*Metadata\s*<\/div>\s*<div class=['"]pane-content['"]>\s*<div class=['"]text-content['"]>([\s\S]*?)<\/div>/i.exec(
      html,
    )?.[1];
  const synopsisDate = /title="Date">Date:<\/a><\/div><div class="s_val"[^>]*>([^<]*)</.exec(html)?.[1];
  const date = synopsisDate ? parseSourceDate(decodeEntities(synopsisDate)) : undefined;
  if (date) metadata.date = date;
  if (pane) {
    const values = decodeEntities(pane);
    const id = paneValue(values, 'Document Number');
    if (id && /^\d{4}[A-Z]+\d+$/.test(id)) metadata.id = plusdIdToCableId(id);
    const classification = paneValue(values, 'Original Classification');
    if (classification) metadata.classification = classification;
    const from = paneValue(values, 'From');
    if (from) metadata.origin = from;
    const subject = paneValue(values, 'Subject');
    if (subject) metadata.subject = subject;
    const tags = paneValue(values, 'TAGS');
    if (tags)
      metadata.tags = [
        ...new Set(
          withoutParenthesised(tags)
            .split(/[,\s]+/)
            .filter(Boolean),
        ),
      ];
    if (!metadata.date) {
      const draft = paneValue(values, 'Draft Date');
      const day = draft ? parseSourceDate(draft.replace(/^(\d{1,2}) ([A-Z]{3}) (\d{4})$/, '$3 $2 $1')) : undefined;
      if (day) metadata.date = day;
    }
  }
  return { form: 'plusd-page', text, metadata, line: lineOf(html, raw.index! + raw[0].length - raw[1]!.length) };
}

/** PlusD's `1973STATE097844` as the model writes IDs: `73STATE97844`. */
export function plusdIdToCableId(id: string): string {
  const m = /^\d{2}(\d{2})([A-Z]+)(\d+)$/.exec(id);
  return m ? `${m[1]}${m[2]}${m[3]!.replace(/^0+(?=\d)/, '')}` : id;
}
