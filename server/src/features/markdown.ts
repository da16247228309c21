// Markdown for hovers: cable text escaped so `*`, `_` and brackets stay literal, and a plain-text
// rendering for clients that cannot show markdown.
import { MONTH_NAMES } from '../model/cable-model.ts';

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&');
}

/** Inline code; a longer fence when the text holds backticks. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`;
}

export function link(text: string, target: string): string {
  const safeTarget = target.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${escapeMarkdown(text)}](${safeTarget})`;
}

/** Markdown as plain text: emphasis and code marks dropped, escapes undone, links as `text (target)`. */
export function markdownToPlainText(markdown: string): string {
  return (
    markdown
      // Links are only ours (`link`): no `[` inside unescaped, no parenthesis or space in the target,
      // and no start at an escaped `\[`, so each character is scanned from one start only.
      .replace(
        /(?<!\\)\[((?:\\.|[^\][\\])*)\]\(([^()\s]*)\)/g,
        (_, text: string, target: string) =>
          `${text} (${target.replace(/%2[089]/gi, (c) => String.fromCharCode(parseInt(c.slice(1), 16)))})`,
      )
      .replace(/``\s?(.*?)\s?``|`([^`]*)`/g, (_, a: string | undefined, b: string | undefined) => a ?? b ?? '')
      .replace(/(?<!\\)\*\*|(?<!\\)\*/g, '')
      .replace(/\\(.)/g, '$1')
  );
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `2009-01-25` → `25 January 2009`; `2009-01-25T14:27Z` → `Sunday, 25 January 2009, 14:27 UTC`. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(Z?))?/.exec(iso);
  if (!m) return iso;
  const [, year, month, day, hour, minute, zone] = m;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const dayText = `${Number(day)} ${MONTH_NAMES[Number(month) - 1]} ${year}`;
  if (hour === undefined) return dayText;
  return `${WEEKDAYS[date.getUTCDay()]}, ${dayText}, ${hour}:${minute}${zone ? ' UTC' : ''}`;
}

/** Day `025` of 2009 → `2009-01-25` (the DE line's filing time counts days of the year). */
export function dayOfYear(year: number, day: number): string | undefined {
  const daysInYear = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1 ? 366 : 365;
  if (day < 1 || day > daysInYear) return undefined;
  return new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
}
