import { describe, expect, it } from 'vitest';
import { formatRange } from '../src/model/dates.js';
import { localeForTag } from '../src/model/locale.js';
import { compareDates, formatDate, type PartialDate, parseDate } from '../src/validate/dates.js';
import { listLocales } from '../src/validate/languages.js';

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
    const en = localeForTag('en');
    expect(formatRange(d('2021-04'), null, true, en)).toBe('Apr 2021 – Present');
    expect(formatRange(d(2019), d('2021'), false, en)).toBe('2019 – 2021');
    expect(formatRange(d('2020-05'), d('2020-05-30'), false, en)).toBe('May 2020');
    expect(formatRange(null, d('2020-01'), false, en)).toBe('Jan 2020');
    expect(formatDate(d('2021-12-01'), en.date)).toBe('Dec 2021');
  });

  it('formats ranges in the words and grammar of the locale', () => {
    expect(formatRange(d('2021-03'), null, true, localeForTag('de'))).toBe('März 2021 – heute');
    expect(formatRange(d('2021-03'), null, true, localeForTag('ja'))).toBe('2021年3月～現在');
    expect(formatRange(d('2019-09'), d('2021-03'), false, localeForTag('es'))).toBe(
      'septiembre de 2019 – marzo de 2021',
    );
    expect(formatRange(d('2021-03'), null, true, localeForTag('ru'))).toBe('март 2021\u00a0г. — настоящее время');
    expect(formatRange(d('2021-03'), null, true, localeForTag('ar'))).toBe('مارس 2021 – حتى الآن');
    expect(formatRange(d(2019), d(2021), false, localeForTag('ko'))).toBe('2019 ~ 2021');
  });

  it('compares at the coarser precision', () => {
    expect(compareDates(d(2021), d('2021-06'))).toBe(0);
    expect(compareDates(d('2021-05'), d('2021-06'))).toBeLessThan(0);
  });
});

describe('month names from the catalogues, without Intl at run time', () => {
  it('match what Intl gives for every month, in every locale, in the width the catalogue asks for', async () => {
    for (const { code } of listLocales()) {
      const { monthWidth } = (await import(`../locales/${code}.json`)).default as { monthWidth: 'short' | 'long' };
      const intl = new Intl.DateTimeFormat(code, {
        month: monthWidth,
        year: 'numeric',
        timeZone: 'UTC',
        numberingSystem: 'latn',
      });
      for (let m = 1; m <= 12; m++) {
        expect(
          formatDate({ year: 2021, month: m, day: null }, localeForTag(code).date).replace(/\s/g, ' '),
          `${code} month ${m}`,
        ).toBe(intl.format(new Date(Date.UTC(2021, m - 1, 1))).replace(/\s/g, ' '));
      }
    }
  });

  it('never construct an Intl formatter while formatting (negative control: the spy sees one made here)', () => {
    const Original = Intl.DateTimeFormat;
    let made = 0;
    const Spy = function (this: unknown, ...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made++;
      return new Original(...args);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = Spy;
    try {
      for (const { code } of listLocales()) formatRange(d('2021-03'), null, true, localeForTag(code));
      expect(made).toBe(0);
      new Intl.DateTimeFormat('de');
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
