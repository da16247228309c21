// The date formats of the distribution forms, to the model's ISO 8601 UTC (`2009-01-25T14:27Z`).

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function iso(year: number, month: number, day: number, hour?: number, minute?: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (hour === undefined || minute === undefined) return date;
  if (hour > 23 || minute > 59) return undefined;
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}Z`;
}

/**
 * `12/28/1966 18:48` (cables.csv, JSON exports), `2008-01-15 18:06` and `2007-09-11 09:44:00`
 * (Cablegate pages and exports), `1973 May 22, 18:28 (Tuesday)` (PlusD pages),
 * `Tue Aug 21 00:00:00 +0200 1990` (the alx export, a day without a time: only the day is kept).
 */
export function parseSourceDate(text: string): string | undefined {
  const value = text.trim();
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/.exec(value);
  if (m)
    return iso(
      Number(m[3]),
      Number(m[1]),
      Number(m[2]),
      m[4] === undefined ? undefined : Number(m[4]),
      m[5] === undefined ? undefined : Number(m[5]),
    );
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(value);
  if (m)
    return iso(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      m[4] === undefined ? undefined : Number(m[4]),
      m[5] === undefined ? undefined : Number(m[5]),
    );
  m = /^(\d{4}) ([A-Za-z]{3})[a-z]* (\d{1,2})(?:, (\d{1,2}):(\d{2}))?/.exec(value);
  if (m)
    return iso(
      Number(m[1]),
      MONTHS.indexOf(m[2]!.toUpperCase()) + 1,
      Number(m[3]),
      m[4] === undefined ? undefined : Number(m[4]),
      m[5] === undefined ? undefined : Number(m[5]),
    );
  m = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) [\d:]+ [+-]\d{4} (\d{4})$/.exec(value);
  if (m) return iso(Number(m[3]), MONTHS.indexOf(m[1]!.toUpperCase()) + 1, Number(m[2]));
  return undefined;
}
