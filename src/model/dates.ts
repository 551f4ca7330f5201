import { type DateFormat, formatDate, type PartialDate } from '../validate/dates.js';
import { fill, type Words } from './locale.js';

/** "Apr 2021 – Present", "2019 – 2021", or a single date when only one end is known: in the locale's words. */
export function formatRange(
  start: PartialDate | null,
  end: PartialDate | null,
  ongoing: boolean,
  locale: { date: DateFormat; words: Pick<Words, 'present' | 'dateRange'> },
): string | null {
  if (!start) return end ? formatDate(end, locale.date) : null;
  const s = formatDate(start, locale.date);
  const e = ongoing ? locale.words.present : end ? formatDate(end, locale.date) : null;
  if (e === null || e === s) return s;
  return fill(locale.words.dateRange, { start: s, end: e });
}
