/** A calendar date at the precision the source gave: year, month or day. */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Is this end-date value one of the ways of saying "still going"? */
export function isPresent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'string' && value.toLowerCase() === 'present');
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
    if (day < 1 || day > last) return { invalid: `${monthName(month, 'en', 'long')} ${year} has no day ${day}` };
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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl.DateTimeFormat is slow to construct (~1 ms each): one per language and style, reused. */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}\0${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    formatters.set(key, f);
  }
  return f;
}

/** English month names, as Intl gives them: the first Intl date format loads ICU data (~20 ms a process). */
const EN_MONTHS = {
  short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  long: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** `en` and `en-US` only: other English locales differ (en-GB writes "Sept"). */
function isEnglish(lang: string): boolean {
  return /^en(-us)?$/i.test(lang);
}

function monthName(month: number, lang: string, width: 'short' | 'long'): string {
  if (isEnglish(lang)) return EN_MONTHS[width][month - 1] ?? String(month);
  return formatter(lang, { month: width }).format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** "Apr 2021" or "2021": month precision is what a CV shows, days add noise. */
export function formatDate(d: PartialDate, lang: string): string {
  if (d.month === null) return String(d.year);
  if (isEnglish(lang)) return `${monthName(d.month, lang, 'short')} ${d.year}`;
  return formatter(lang, { month: 'short', year: 'numeric' }).format(
    new Date(Date.UTC(d.year, d.month - 1, 1)),
  );
}

const PRESENT: Record<string, string> = {
  en: 'Present', de: 'heute', fr: 'présent', es: 'actualidad', it: 'presente', pt: 'presente', nl: 'heden',
  pl: 'obecnie', sv: 'nu', ru: 'настоящее время', uk: 'дотепер', ja: '現在', zh: '至今', ko: '현재',
};

/** The word for an ongoing end date in the résumé's language. */
export function presentWord(lang: string): string {
  return PRESENT[lang.toLowerCase().split('-')[0] ?? 'en'] ?? 'Present';
}

/** "Apr 2021 – Present", "2019 – 2021", or a single date when only one end is known. */
export function formatRange(start: PartialDate | null, end: PartialDate | null, ongoing: boolean, lang: string): string | null {
  if (!start) return end ? formatDate(end, lang) : null;
  const s = formatDate(start, lang);
  const e = ongoing ? presentWord(lang) : end ? formatDate(end, lang) : null;
  if (e === null || e === s) return s;
  return `${s} – ${e}`;
}
