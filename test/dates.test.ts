import { describe, expect, it } from 'vitest';
import { compareDates, formatDate, formatRange, parseDate, type PartialDate } from '../src/validate/dates.js';

const d = (v: string | number) => parseDate(v) as PartialDate;

describe('dates (normalise stage)', () => {
  it('parses each precision and rejects impossible days', () => {
    expect(parseDate(2021)).toEqual({ year: 2021, month: null, day: null });
    expect(parseDate('2021-03')).toEqual({ year: 2021, month: 3, day: null });
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2023-02-29')).toEqual({ invalid: 'February 2023 has no day 29' });
    expect(parseDate('2025-00')).toEqual({ invalid: 'there is no month 0' });
  });

  it('formats ranges as a CV shows them', () => {
    expect(formatRange(d('2021-04'), null, true, 'en')).toBe('Apr 2021 – Present');
    expect(formatRange(d(2019), d('2021'), false, 'en')).toBe('2019 – 2021');
    expect(formatRange(d('2020-05'), d('2020-05-30'), false, 'en')).toBe('May 2020');
    expect(formatRange(null, d('2020-01'), false, 'en')).toBe('Jan 2020');
    expect(formatRange(d('2021-04'), null, true, 'de')).toBe('Apr. 2021 – heute');
    expect(formatDate(d('2021-12-01'), 'en')).toBe('Dec 2021');
  });

  it('compares at the coarser precision', () => {
    expect(compareDates(d(2021), d('2021-06'))).toBe(0);
    expect(compareDates(d('2021-05'), d('2021-06'))).toBeLessThan(0);
  });
});

describe('English month names without Intl', () => {
  it('match what Intl gives for every month, in every English locale', () => {
    for (const lang of ['en', 'en-GB', 'en-US']) {
      for (let m = 1; m <= 12; m++) {
        const viaIntl = new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2021, m - 1, 1)));
        expect(formatDate({ year: 2021, month: m, day: null }, lang)).toBe(viaIntl);
      }
    }
  });
});
