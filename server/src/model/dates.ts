// Dates as cables write them: the date-time group, DECL dates, the export's date line.

/** The months' English names, the one list every reader and writer of dates uses. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const UPPER_MONTH_NAMES = MONTH_NAMES.map((name) => name.toUpperCase());

/** 1-12 for a month's name or its abbreviation of three or more letters (`JAN`, `SEPT`, `March`); 0 when it is none. */
export function monthNumber(text: string): number {
  if (text.length < 3) return 0;
  const upper = text.toUpperCase();
  return UPPER_MONTH_NAMES.findIndex((name) => name.startsWith(upper)) + 1;
}

/**
 * `251427Z JAN 09` (day, hour, minute, zone, month, year); the month may be mixed case. The 1970s
 * wrote `221828 Z MAY 73` (a spaced Z) and `011830Z SEPT 75` (four-letter months). Anchored:
 * it reads the DTG where the DTG line's precedence ends.
 */
export const DTG_PATTERN = /^(\d{2})(\d{2})(\d{2}) ?Z\s+([A-Za-z]{3}|SEPT|Sept|JUNE|June|JULY|July)\s+(\d{4}|\d{2})(?!\d)/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Cable years run from the 1960s: a two-digit year 50-99 is 19xx, else 20xx. */
export function expandYear(year: number): number {
  if (year >= 100) return year;
  return year >= 50 ? 1900 + year : 2000 + year;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // As Date.UTC read it before (years 0-99 are 1900-1999 there), without making a Date.
  const y = year >= 0 && year <= 99 ? 1900 + year : year;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1]! + (month === 2 && leap ? 1 : 0);
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

export interface DecodedDtg {
  year: number;
  /** ISO 8601 UTC, absent when day, hour or minute are out of range. */
  date?: string;
}

/** Decodes the groups of a DTG_PATTERN match. */
export function decodeDtg(match: RegExpExecArray): DecodedDtg {
  const [, day, hour, minute, monthText, yearText] = match;
  const year = expandYear(Number(yearText));
  const month = monthNumber(monthText!);
  const h = Number(hour);
  const m = Number(minute);
  const dayPart = isoDate(year, month, Number(day));
  if (!dayPart || h > 23 || m > 59) return { year };
  return { year, date: `${dayPart}T${hour}:${minute}Z` };
}

/** `1/25/2019`, `03/19/2015`, `2019/12/16`, `11/29/10`. */
export const DECL_DATE_PATTERN = /(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)|(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/;

/** ISO `YYYY-MM-DD` of a DECL_DATE_PATTERN match, when it is a real date. */
export function decodeDeclDate(match: RegExpExecArray): string | undefined {
  if (match[1]) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return isoDate(expandYear(Number(match[6])), Number(match[4]), Number(match[5]));
}

/** `Friday, 18 December 2009, 11:04`, the date line of the Cablegate viewer. */
export const DATE_LINE_PATTERN =
  /^\s*(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY), (\d{1,2}) ([A-Z]+) (\d{4}), (\d{2}):(\d{2})\s*$/i;

export function decodeDateLine(match: RegExpExecArray): { date: string; year: number } | undefined {
  const year = Number(match[3]);
  const month = UPPER_MONTH_NAMES.indexOf(match[2]!.toUpperCase()) + 1;
  const day = isoDate(year, month, Number(match[1]));
  if (!day || Number(match[4]) > 23 || Number(match[5]) > 59) return undefined;
  return { date: `${day}T${match[4]}:${match[5]}`, year };
}
