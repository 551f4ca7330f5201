// The words folio writes itself, in the résumé's language: one catalogue per locale (locales/<code>.json, compiled
// with Intl's month names into src/generated/locales.js at build time, so no run constructs an Intl formatter).
import { CATALOGUES } from '../generated/locales.js';
import type { LocaleWords } from '../generated/resume.js';
import type { DateFormat } from '../validate/dates.js';
import { findCatalogue, type LocaleInfo, textDirection } from '../validate/languages.js';
import type { Resume, SectionId } from '../validate/schema.js';

/** Every word of a catalogue, all present (folio.locale may give only some). */
export interface Words {
  sections: Record<SectionId, string>;
  present: string;
  dateRange: string;
  page: string;
  contact: { email: string; phone: string; website: string; profile: string };
  skipLink: string;
  resume: string;
  resumeOf: string;
  degree: string;
  listSeparator: string;
}

interface Catalogue extends LocaleInfo {
  words: Words;
  date: DateFormat;
}

/** The language a résumé is shown in, resolved once: what folio writes and what the metadata says. */
export interface Locale {
  /** BCP 47 tag for document metadata (HTML lang, PDF Lang, JSON-LD): folio.lang as written, else the inferred code. */
  lang: string;
  /** The catalogue used. */
  code: string;
  dir: 'ltr' | 'rtl';
  words: Words;
  date: DateFormat;
  /**
   * How it was chosen: folio.lang with a catalogue of its own or of its base language, English for a lang with none,
   * inferred from the text, or the English default.
   */
  chosen: 'lang' | 'base' | 'fallback' | 'inferred' | 'default';
}

const parsed = new Map<string, Catalogue>();

function catalogue(code: string): Catalogue {
  let c = parsed.get(code);
  if (!c) {
    const json = CATALOGUES[code];
    if (json === undefined) throw new Error(`no catalogue for locale ${code}`);
    c = JSON.parse(json) as Catalogue;
    parsed.set(code, c);
  }
  return c;
}

/** The résumé's locale: folio.lang, else the language its text is written in, else English; folio.locale on top. */
export function resolveLocale(resume: Resume): Locale {
  const tag = resume.folio?.lang;
  let lang: string;
  let code: string;
  let chosen: Locale['chosen'];
  if (tag) {
    const found = findCatalogue(tag);
    lang = tag;
    code = found?.code ?? 'en';
    chosen = found ? (found.exact ? 'lang' : 'base') : 'fallback';
  } else {
    const inferred = inferLanguage(resume);
    lang = inferred?.code ?? 'en';
    code = lang;
    chosen = inferred ? 'inferred' : 'default';
  }
  const c = catalogue(code);
  return {
    lang,
    code,
    dir: chosen === 'fallback' ? textDirection(lang) : c.dir,
    words: overlay(c.words, resume.folio?.locale),
    date: c.date,
    chosen,
  };
}

/** The locale a `folio.lang` tag selects (as resolveLocale does for a résumé that sets only that). */
export function localeForTag(tag: string): Locale {
  return resolveLocale({ folio: { lang: tag } });
}

/** The catalogue's words with the owner's folio.locale wording laid over them, key by key. */
function overlay(words: Words, own: LocaleWords | undefined): Words {
  if (!own) return words;
  const merge = (base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) {
      const b = base[k];
      if (typeof v === 'string' && typeof b === 'string' && v.trim()) out[k] = v;
      else if (v && typeof v === 'object' && b && typeof b === 'object')
        out[k] = merge(b as Record<string, unknown>, v as Record<string, unknown>);
    }
    return out;
  };
  return merge(words as unknown as Record<string, unknown>, own as Record<string, unknown>) as unknown as Words;
}

/** `{name}` placeholders filled in; an unknown one stays as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (Object.hasOwn(values, key) ? String(values[key]) : m));
}

// ---- inferring the language from the text -------------------------------------------------------------

/** Keys whose text is not the résumé's prose: settings, metadata, addresses a reader never reads as language. */
const NOT_TEXT = new Set([
  '$schema',
  'folio',
  'meta',
  'variants',
  'url',
  'email',
  'phone',
  'image',
  'tags',
  'countryCode',
  'postalCode',
  'username',
  'network',
]);

const SCRIPTS = {
  kana: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  han: /\p{Script=Han}/u,
  hangul: /\p{Script=Hangul}/u,
  arabic: /\p{Script=Arabic}/u,
  hebrew: /\p{Script=Hebrew}/u,
  cyrillic: /\p{Script=Cyrillic}/u,
  greek: /\p{Script=Greek}/u,
  latin: /\p{Script=Latin}/u,
} as const;
type Script = keyof typeof SCRIPTS;

/** Characters only simplified or only traditional Chinese writes, among the commonest in CVs. */
const SIMPLIFIED = new Set(
  '这个们来说时会对发经还过为进业务与开关实现级网页项员负责设计数据统产运营组织管协调维护优质量销售团队际专术学历获奖证书语言华东区计划训练总监应用户软件测试体验报编辑约简'.split(
    '',
  ),
);
const TRADITIONAL = new Set(
  '這個們來說時會對發經還過為進業務與開關實現級網頁項員負責設計數據統產運營組織管協調維護優質量銷售團隊際專術學歷獲獎證書語言華東區計劃訓練總監應用戶軟體測試體驗報編輯約簡'.split(
    '',
  ),
);

/** Letters per script in the résumé's own text. */
function countScripts(
  resume: Resume,
): Record<Script, number> & { simplified: number; traditional: number; ukrainian: number; persian: number } {
  const n = {
    kana: 0,
    han: 0,
    hangul: 0,
    arabic: 0,
    hebrew: 0,
    cyrillic: 0,
    greek: 0,
    latin: 0,
    simplified: 0,
    traditional: 0,
    ukrainian: 0,
    persian: 0,
  };
  const visit = (v: unknown, key: string | null): void => {
    if (key !== null && NOT_TEXT.has(key)) return;
    if (typeof v === 'string') {
      for (const ch of v) {
        if (!/\p{L}/u.test(ch)) continue;
        for (const s of Object.keys(SCRIPTS) as Script[]) {
          if (SCRIPTS[s].test(ch)) {
            n[s]++;
            break;
          }
        }
        if (SIMPLIFIED.has(ch)) n.simplified++;
        if (TRADITIONAL.has(ch)) n.traditional++;
        if ('іїєґІЇЄҐ'.includes(ch)) n.ukrainian++;
        // Letters Persian (and Urdu) write and Arabic does not: such a text is not Arabic.
        if ('پچژگکی'.includes(ch)) n.persian++;
      }
    } else if (Array.isArray(v)) v.forEach((x) => visit(x, null));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, k);
  };
  visit(resume, null);
  return n;
}

/**
 * The language of a résumé written mostly in a script that names it (Japanese, Korean, Chinese, Arabic,
 * Hebrew, Greek, Russian, Ukrainian), or null: Latin-script text stays English unless folio.lang says otherwise.
 * "Mostly" is a third of the letters for the scripts written a word or syllable a character (a Japanese CV
 * is full of Latin tool names), half for alphabets.
 */
export function inferLanguage(resume: Resume): { code: string; englishName: string } | null {
  const n = countScripts(resume);
  const letters = Object.keys(SCRIPTS).reduce((sum, s) => sum + n[s as Script], 0);
  if (letters === 0) return null;
  const share = (k: number) => k / letters;
  const pick = (code: string) => ({ code, englishName: catalogue(code).englishName });
  if (share(n.kana + n.han) >= 1 / 3 && n.kana >= 0.05 * (n.kana + n.han)) return pick('ja');
  if (share(n.hangul + n.han) >= 1 / 3 && n.hangul > n.han) return pick('ko');
  if (share(n.han) >= 1 / 3) return pick(n.traditional > n.simplified ? 'zh-Hant' : 'zh-Hans');
  if (share(n.arabic) >= 1 / 3) return n.persian > 0 ? null : pick('ar');
  if (share(n.hebrew) >= 1 / 3) return pick('he');
  if (share(n.greek) >= 1 / 2) return pick('el');
  if (share(n.cyrillic) >= 1 / 2) return pick(n.ukrainian > 0 ? 'uk' : 'ru');
  return null;
}

/** What the build says when it chose the language from the text. */
export function inferredNote(locale: Locale): string | null {
  if (locale.chosen !== 'inferred') return null;
  const c = catalogue(locale.code);
  return (
    `language: the text is mostly ${c.englishName}, so headings, dates and labels are in ${c.englishName} ` +
    `(${c.code}); set folio.lang (e.g. "en") to choose another`
  );
}
