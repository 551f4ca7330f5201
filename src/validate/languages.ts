// Which languages folio has words for (locales/*.json): validate warns about a folio.lang without a catalogue,
// the model stage resolves the catalogue itself.
import { LOCALES } from '../generated/locales.js';

export interface LocaleInfo {
  code: string;
  /** The language's name in itself. */
  name: string;
  englishName: string;
  dir: 'ltr' | 'rtl';
}

/** The locales with a catalogue, by code. */
export function listLocales(): readonly LocaleInfo[] {
  return LOCALES;
}

/** Tags that name a catalogue's language another way: Chinese by region, Norwegian, Hebrew's old code. */
const ALIASES: Record<string, string> = {
  zh: 'zh-Hans',
  'zh-cn': 'zh-Hans',
  'zh-sg': 'zh-Hans',
  'zh-my': 'zh-Hans',
  'zh-tw': 'zh-Hant',
  'zh-hk': 'zh-Hant',
  'zh-mo': 'zh-Hant',
  no: 'nb',
  iw: 'he',
};

/**
 * The catalogue for a BCP 47 tag: the tag itself (any case), else the longest prefix that has one
 * (`en-GB` → `en`, `pt-PT` → `pt`, `zh-Hant-TW` → `zh-Hant`, `zh-TW` → `zh-Hant`); null when none does.
 */
export function findCatalogue(tag: string): { code: string; exact: boolean } | null {
  const byLower = new Map(LOCALES.map((l) => [l.code.toLowerCase(), l.code]));
  const parts = tag.toLowerCase().split('-');
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('-');
    const code = byLower.get(prefix) ?? ALIASES[prefix];
    if (code) return { code, exact: n === parts.length && code.toLowerCase() === prefix };
  }
  return null;
}

/**
 * Scripts written right to left, by ISO 639 language code: a page in Persian is right to left even without a catalogue.
 */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** Text direction of a BCP 47 language tag (`ar-EG` → rtl). */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  return RTL.has(lang.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

/** A located warning's text for a folio.lang with no catalogue, or null when it has one. */
export function unsupportedLangMessage(tag: string): string | null {
  if (findCatalogue(tag)) return null;
  return (
    `folio has no words for language "${tag}": headings, dates and labels stay in English ` +
    `(the metadata keeps "${tag}"). Supported: ${LOCALES.map((l) => l.code).join(', ')}; ` +
    'folio.locale can supply your own wording.'
  );
}
