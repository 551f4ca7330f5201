import { ENGLISH_DATE, ENGLISH_MONTHS } from '../generated/locales.js';

/** A calendar date at the precision the source gave: year, month or day. */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Is this end-date value one of the ways of saying "still going"? */
export function isPresent(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (typeof value === 'string' && value.toLowerCase() === 'present')
  );
}

/**
 * Parse a schema-valid date value (`2021`, `"2021-03"`, `"2021-03-14"`).
 * Returns a reason string when the shape is right but the day cannot exist.
 */
export function parseDate(value: string | number): PartialDate | { invalid: string } {
  const m = DATE_RE.exec(String(value));
  if (!m) return { invalid: 'expected a date like 2021-03' };
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return { invalid: `there is no month ${month}` };
  if (month !== null && day !== null) {
    const last = daysInMonth(year, month);
    if (day < 1 || day > last) return { invalid: `${ENGLISH_MONTHS[month - 1]} ${year} has no day ${day}` };
  }
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Compare at the coarser of the two precisions, so `2021` is not "before" `2021-06`. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  if (a.year !== b.year) return a.year - b.year;
  if (a.month === null || b.month === null) return 0;
  if (a.month !== b.month) return a.month - b.month;
  if (a.day === null || b.day === null) return 0;
  return a.day - b.day;
}

/**
 * A locale's month-year format: `{month} {year}` or `{year}年{month}月`, and its twelve month names (from Intl, at build
 * time).
 */
export interface DateFormat {
  pattern: string;
  months: readonly string[];
}

/** English's month-year format ("Apr 2021"), for folio's messages about dates. */
export const ENGLISH_DATES: DateFormat = ENGLISH_DATE;

/** "Apr 2021", "März 2021", "2021年3月" or "2021": month precision is what a CV shows, days add noise. */
export function formatDate(d: PartialDate, fmt: DateFormat): string {
  if (d.month === null) return String(d.year);
  const month = fmt.months[d.month - 1] ?? String(d.month);
  return fmt.pattern.replace('{month}', month).replace('{year}', String(d.year));
}
