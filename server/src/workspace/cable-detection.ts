// Which files are cables, the one rule for the index, the CLI and the server's file watcher:
// `.cable` files always; `.txt` files when their first lines look like the start of a telegram — a
// `VZCZC` transmission line, a classification banner, or a date-time group with an FM line —
// as the cable model reads them, so the detector and the parser never disagree on a form.
// Editors that cannot run this code mirror it with line patterns (editors/neovim/cable-filetype.lua,
// editors/emacs/cable.el): their tests check, on the same files as this one's, that they open as
// a cable every text this accepts and leave the rest alone.
import { isKnownPost } from '../model/cable-id.ts';
import { parseFrontMatter } from '../model/cable-model.ts';
import { extensionOf } from './uri-keys.ts';

/** How much of the text the detector reads: partial extracts put FM some twenty lines down. */
export const HEAD_LINES = 60;
/** The evidence must stand within this many non-blank lines: e-mail printouts put the banner under some twenty lines of mail header. */
const EARLY_LINES = 30;

/** The files that may be cables, for a file watcher. */
export const CABLE_FILE_GLOB = '**/*.{cable,txt}';

/** A `.cable` or `.txt` file, by its URI, key or name: the files that may be cables. */
export function isCableFileName(uri: string): boolean {
  const extension = extensionOf(uri);
  return extension === 'cable' || extension === 'txt';
}

/** A cable file: `.cable` always, `.txt` when its text reads as a cable. */
export function isCableFile(uri: string, text: string): boolean {
  const extension = extensionOf(uri);
  return extension === 'cable' || (extension === 'txt' && isCableText(text));
}

/** The first HEAD_LINES lines, which the detector reads. */
function detectionHead(text: string): string {
  let end = 0;
  for (let n = 0; n < HEAD_LINES; n++) {
    const next = text.indexOf('\n', end);
    if (next < 0) return text;
    end = next + 1;
  }
  return text.slice(0, end);
}

/** Zero-based line of the `count`th non-blank line (or the last line). */
function lineOfNonBlank(lines: string[], count: number): number {
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() && ++seen === count) return i;
  }
  return lines.length;
}

export function isCableText(text: string): boolean {
  if (typeof text !== 'string' || text.length === 0) return false;
  const head = detectionHead(text);
  const model = parseFrontMatter(head);
  const early = lineOfNonBlank(head.split(/\r\n|\r|\n/), EARLY_LINES);
  const header = model.header;
  if (header?.transmission && header.transmission.range.start.line <= early) return true;
  if (header?.dateTimeGroup && header.from && header.dateTimeGroup.range.start.line <= early) return true;
  // A FRUS telegram's heading and date line; a PlusD printout's page head that gives the document number.
  if ((model.frus?.telegramNumber && model.dateLine) || model.documentNumber) return true;
  const banner = model.banner;
  if (!banner?.origin || !banner.serial || banner.range.start.line > early) return false;
  // A banner-shaped line alone (`Secret Santa 2024`) is not enough: it must name a post, be
  // letter-spaced as telegrams write it, or stand above an E.O. or TAGS line.
  const letterSpaced = /^(?:[A-Z] ){3,}/.test(banner.classification.token.text);
  return isKnownPost(banner.origin.text.toUpperCase().replace(/\s+/g, ' ')) || letterSpaced || !!model.executiveOrder || !!model.tags;
}
