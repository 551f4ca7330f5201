// Locales: the catalogues (locales/*.json), how a résumé's locale is chosen, and builds in each language that
// carry none of folio's English words. `npm test` builds German and Arabic (a left-to-right and a right-to-left
// language); `npm run test:full` builds every other locale, the example and its own fixture, in every format.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localesText } from '../src/cli/commands/locales.js';
import { inferLanguage, inferredNote, localeForTag, resolveLocale } from '../src/model/locale.js';
import { normalise } from '../src/model/normalise.js';
import { build } from '../src/pipeline/build.js';
import { FALLBACKS } from '../src/render/pdf/font-files.js';
import { renderPdf } from '../src/render/pdf.js';
import { parseSource } from '../src/source/load.js';
import { findCatalogue, listLocales } from '../src/validate/languages.js';
import type { Resume } from '../src/validate/schema.js';
import { validate } from '../src/validate/validate.js';
import { cataloguePattern, example, fixture, pdfText, root, tempDir } from './helpers.js';
import { describeDefault, itDefault, sweep } from './support/full.js';

const REQUIRED = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pt-BR',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'tr',
  'ru',
  'uk',
  'el',
  'ja',
  'zh-Hans',
  'zh-Hant',
  'ko',
  'ar',
  'he',
];
/**
 * npm test builds Arabic: a catalogue, localised dates, right to left and a fallback font at once; npm run
 * test:full the others, German (left to right, Latin) first.
 */
const BUILT = sweep(['ar', 'de', ...REQUIRED.filter((c) => !['en', 'de', 'ar'].includes(c))], 1);

interface CatalogueFile {
  words: Record<string, unknown>;
}
const catalogueFile = (code: string) =>
  JSON.parse(readFileSync(join(root, 'locales', `${code}.json`), 'utf8')) as CatalogueFile;
const fixtureOf = (code: string) => fixture(`locales/${code}.yaml`);
const fixtureData = (code: string) => parse(readFileSync(fixtureOf(code), 'utf8')) as Resume;

/** Every string of a catalogue's words, by dotted key. */
function flat(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(obj)) {
    if (typeof v === 'string') out.set(`${prefix}${k}`, v);
    else if (v && typeof v === 'object')
      for (const [kk, vv] of flat(v as Record<string, unknown>, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/**
 * folio's English words found in a text: every string of the English catalogue (with its placeholders
 * matching anything, page numbers as digits) and every English date ("Mar 2019"), except the strings the
 * locale's own catalogue shares with English ("Contact" is French too).
 */
function englishLeftovers(text: string, code: string): string[] {
  const own = new Set(flat(catalogueFile(code).words).values());
  const en = flat(catalogueFile('en').words);
  const found: string[] = [];
  for (const [key, value] of en) {
    if (own.has(value) || key === 'dateRange' || key === 'listSeparator') continue;
    // {degree} in {area}: the English phrase around two of the text's own words.
    const pattern = cataloguePattern(value);
    if (new RegExp(`(^|[^\\p{L}])${pattern}($|[^\\p{L}])`, 'u').test(text)) found.push(value);
  }
  const months = localeForTag('en').date.months;
  const date = new RegExp(`\\b(${months.join('|')}) \\d{4}\\b`, 'g');
  for (const m of text.match(date) ?? []) found.push(m);
  return found;
}

/** What a reader of the HTML page sees: the body without tags (the browser test checks innerText itself). */
function htmlText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/\s+/g, ' ');
}

interface Outputs {
  pdf: string;
  html: string;
  md: string;
  txt: string;
  htmlSource: string;
  pdfBytes: Buffer;
  warnings: string[];
  notes: string[];
}

/** Build a source into every format through the real pipeline (in process), and read each output back. */
async function buildAll(source: string): Promise<Outputs> {
  const out = tempDir();
  const result = await build({ source, outDir: out, formats: ['pdf', 'html', 'md', 'txt'] });
  const file = (ext: string) => result.files.find((f) => f.path.endsWith(`.${ext}`))?.path ?? '';
  const pdfBytes = readFileSync(file('pdf'));
  const htmlSource = readFileSync(file('html'), 'utf8');
  return {
    // poppler reads right-to-left text in logical order (PDF.js, in pdf-parse, gives Hebrew words in visual order).
    pdf: execFileSync('pdftotext', ['-enc', 'UTF-8', file('pdf'), '-'], { encoding: 'utf8' }),
    html: htmlText(htmlSource),
    htmlSource,
    // Markdown escapes punctuation ("2021년 1월 \~ 현재"): the text a reader sees has no backslashes.
    md: readFileSync(file('md'), 'utf8').replace(/\\([^\s\w])/g, '$1'),
    txt: readFileSync(file('txt'), 'utf8'),
    pdfBytes,
    warnings: result.warnings.map((w) => w.message),
    notes: result.notes,
  };
}

/** A copy of a YAML source with folio.lang set to `code`. */
function withLang(source: string, code: string): string {
  const text = readFileSync(source, 'utf8').replace(/^(\s+lang:) .*$/m, `$1 ${code}`);
  const path = join(tempDir(), `${code}.yaml`);
  writeFileSync(path, text);
  return path;
}

describeDefault('locale catalogues (model stage)', () => {
  it('cover at least the 24 required locales, listed by `folio locales` one a line, code first', async () => {
    const codes = listLocales().map((l) => l.code);
    expect(codes).toEqual(expect.arrayContaining(REQUIRED));
    expect(readdirSync(join(root, 'locales')).filter((f) => f.endsWith('.json'))).toHaveLength(codes.length);
    const lines = (await localesText()).trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(codes);
    expect(lines).toContain('de\tDeutsch\tGerman');
    expect(lines).toContain('he\tעברית\tHebrew\tright to left');
  });

  it('translate every word: the only strings a catalogue shares with English are these reviewed ones', () => {
    const en = flat(catalogueFile('en').words);
    const shared: Record<string, string[]> = {};
    for (const code of REQUIRED.filter((c) => c !== 'en')) {
      const same = [...flat(catalogueFile(code).words)]
        .filter(([k, v]) => en.get(k) === v && !['dateRange', 'listSeparator'].includes(k))
        .map(([k]) => k);
      if (same.length) shared[code] = same;
    }
    // Words these languages write as English does: a French or Dutch CV's "Contact", "Publications", a German "Website".
    expect(shared).toEqual({
      de: ['contact.website', 'degree'],
      fr: ['sections.publications', 'sections.callToAction'],
      it: ['degree'],
      nl: ['sections.callToAction', 'contact.website'],
      pt: ['contact.website'],
    });
  });

  it('give each language its own section titles, "Present" and page footer, as a native CV writes them', () => {
    const words = (code: string) => localeForTag(code).words;
    expect(words('de').sections.work).toBe('Berufserfahrung');
    expect(words('fr').sections.work).toBe('Expérience professionnelle');
    expect(words('ja').sections.work).toBe('職歴');
    expect(words('ja').sections.education).toBe('学歴');
    expect(words('es').present).toBe('actualidad');
    expect(words('ru').sections.work).toBe('Опыт работы');
    expect(words('ar').page).toBe('الصفحة {n} من {total}');
    expect(localeForTag('ar').dir).toBe('rtl');
    expect(localeForTag('he').dir).toBe('rtl');
    expect(localeForTag('ja').dir).toBe('ltr');
  });
});

describeDefault('choosing the locale (model stage)', () => {
  it('falls back to the base language, a known alias, else English with the direction of the language', () => {
    const pick = (tag: string) => {
      const l = localeForTag(tag);
      return [l.code, l.chosen, l.lang, l.dir];
    };
    expect(pick('de')).toEqual(['de', 'lang', 'de', 'ltr']);
    expect(pick('en-GB')).toEqual(['en', 'base', 'en-GB', 'ltr']);
    expect(pick('pt-PT')).toEqual(['pt', 'base', 'pt-PT', 'ltr']);
    expect(pick('pt-br')).toEqual(['pt-BR', 'lang', 'pt-br', 'ltr']);
    expect(pick('zh-TW')).toEqual(['zh-Hant', 'base', 'zh-TW', 'ltr']);
    expect(pick('zh-Hant-HK')).toEqual(['zh-Hant', 'base', 'zh-Hant-HK', 'ltr']);
    expect(pick('no')).toEqual(['nb', 'base', 'no', 'ltr']);
    expect(pick('sw')).toEqual(['en', 'fallback', 'sw', 'ltr']);
    // Persian has no catalogue: English words, but the page still runs right to left.
    expect(pick('fa-IR')).toEqual(['en', 'fallback', 'fa-IR', 'rtl']);
    expect(findCatalogue('xx')).toBeNull();
  });

  it('warns at folio.lang, naming the supported locales, when a language has no catalogue; sources still build', () => {
    const yaml = (lang: string) => `basics:\n  name: Ada\nfolio:\n  lang: ${lang}\n`;
    const { warnings } = validate(parseSource(yaml('sw'), 'cv.yaml'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ line: 4, col: 9, path: 'folio.lang', severity: 'warning' });
    expect(warnings[0]?.message).toContain('"sw"');
    expect(warnings[0]?.message).toContain('de, el, en');
    // A regional tag of a known language is fine.
    expect(validate(parseSource(yaml('de-CH'), 'cv.yaml')).warnings).toEqual([]);
    // A variant's own language is checked where it is written.
    const v = validate(
      parseSource(`basics:\n  name: Ada\nvariants:\n  kiswahili:\n    folio:\n      lang: sw\n`, 'cv.yaml'),
    );
    expect(v.warnings.map((w) => [w.path, w.line])).toEqual([['variants.kiswahili.folio.lang', 6]]);
  });

  it('infers the language of a text written mostly in a script that names it, and says so', () => {
    const without = (code: string): Resume => {
      const r = fixtureData(code);
      return { ...r, folio: {} };
    };
    for (const code of ['ja', 'ko', 'zh-Hans', 'zh-Hant', 'ar', 'he', 'el', 'ru', 'uk']) {
      expect(inferLanguage(without(code))?.code, code).toBe(code);
    }
    // Latin-script text is not guessed: it stays English unless folio.lang says otherwise.
    for (const code of ['en', 'de', 'fr', 'tr']) expect(inferLanguage(without(code)), code).toBeNull();
    // Persian is written in Arabic letters but is not Arabic.
    expect(
      inferLanguage({
        basics: { name: 'مریم', summary: 'من یک مهندس نرم‌افزار هستم که پروژه‌های بزرگ را رهبری می‌کنم.' },
      }),
    ).toBeNull();
    // An English CV with a Japanese name stays English.
    expect(
      inferLanguage({ basics: { name: '佐藤 花子', summary: 'I build payment systems that stay up under load.' } }),
    ).toBeNull();
    const ja = resolveLocale(without('ja'));
    expect([ja.code, ja.chosen, ja.lang]).toEqual(['ja', 'inferred', 'ja']);
    // Sections follow the order of their keys in the source.
    expect(normalise(without('ja')).sections.map((s) => s.title)).toEqual(['職歴', '学歴', 'スキル', '語学']);
    expect(inferredNote(ja)).toMatch(/mostly Japanese.*\(ja\).*folio\.lang/);
    // folio.lang wins over the text, and then nothing is inferred or noted.
    const set = resolveLocale({ ...without('ja'), folio: { lang: 'en' } });
    expect([set.code, inferredNote(set)]).toEqual(['en', null]);
  });

  it('lets folio.locale replace any single word, and folio.sections a title', () => {
    const r: Resume = {
      ...fixtureData('de'),
      folio: {
        lang: 'de',
        locale: {
          present: 'bis heute',
          sections: { skills: 'IT-Kenntnisse' },
          contact: { email: 'Mail' },
          page: 'S. {n}/{total}',
        },
        sections: { education: { title: 'Studium' } },
      },
    };
    const m = normalise(r);
    expect(m.sections.map((s) => s.title)).toEqual(['Berufserfahrung', 'Studium', 'IT-Kenntnisse', 'Sprachkenntnisse']);
    const work = m.sections[0];
    expect(work?.kind === 'entries' && work.entries[0]?.dates).toBe('März 2019 – bis heute');
    expect(m.header.contacts[0]?.label).toBe('Mail');
    expect(m.words.page).toBe('S. {n}/{total}');
    // Words not overridden keep the catalogue's.
    expect(m.words.skipLink).toBe('Zum Inhalt springen');
  });
});

describe('builds in each language (pipeline, every format)', () => {
  itDefault(
    'the English-word scan finds folio English words in an English build of a foreign text (negative control)',
    async () => {
      const out = await buildAll(withLang(fixtureOf('de'), 'en'));
      for (const text of [out.pdf, out.html, out.md, out.txt]) {
        expect(englishLeftovers(text, 'de')).toEqual(
          expect.arrayContaining(['Experience', 'Skills', 'Present', 'Mar 2019']),
        );
      }
      expect(englishLeftovers(out.html, 'de')).toEqual(expect.arrayContaining(['Skip to content']));
      expect(englishLeftovers(out.txt, 'de')).toEqual(expect.arrayContaining(['Education', 'Languages', 'Sep 2015']));
    },
    120_000,
  );

  for (const code of BUILT) {
    it(`${code}: its fixture builds in every format with no English word of folio's own, localised dates and metadata`, async () => {
      const out = await buildAll(fixtureOf(code));
      const words = localeForTag(code).words;
      for (const [format, text] of Object.entries({ pdf: out.pdf, html: out.html, md: out.md, txt: out.txt })) {
        expect(englishLeftovers(text, code), `${code} ${format}`).toEqual([]);
        // Written where each format shows it: the work section's title in this language (right-to-left text
        // does not read back in logical order from the PDF: the self-check says so, below).
        if (format !== 'pdf' || localeForTag(code).dir !== 'rtl')
          expect(text.replace(/\s+/g, ' '), `${code} ${format}`).toContain(words.sections.work.replace(/\s+/g, ' '));
      }
      for (const text of [out.html, out.md, out.txt]) expect(text).toContain(words.present);
      // Metadata: the PDF's Lang, the HTML lang, the JSON-LD's @language.
      expect(out.pdfBytes.toString('latin1')).toContain(`/Lang (${code})`);
      expect(out.htmlSource).toContain(`<html lang="${code}" dir="${localeForTag(code).dir}">`);
      expect(out.htmlSource).toContain(`{"@language":"${code}"}`);
      // The Markdown parses, headings included (inside <div dir="rtl"> for a right-to-left language).
      const md = await marked.parse(out.md);
      expect(md).toContain(`<h2>${words.sections.work}</h2>`);
      if (localeForTag(code).dir === 'rtl') expect(out.md.startsWith('<div dir="rtl">\n\n')).toBe(true);
      // The self-check reads every string back, except right-to-left text, which it names once, truthfully.
      if (localeForTag(code).dir === 'rtl') {
        expect(out.warnings).toHaveLength(1);
        expect(out.warnings[0]).toMatch(/texts in right-to-left script.*do not read back in logical order/);
      } else expect(out.warnings).toEqual([]);
      // The only note is the self-check's count; left to right, every string is found or not shown by design.
      expect(out.notes).toHaveLength(1);
      const count = /^self-check: (\d+) of (\d+) strings .* found in order; (\d+) not shown by design$/.exec(
        out.notes[0] ?? '',
      );
      expect(count, out.notes[0]).not.toBeNull();
      if (localeForTag(code).dir !== 'rtl') expect(Number(count?.[1]) + Number(count?.[3])).toBe(Number(count?.[2]));
    }, 120_000);

    it(`${code}: the example builds in every format with ${code} dates and labels (its own section titles stay as written)`, async () => {
      const source = withLang(example, code);
      const out = await buildAll(source);
      const model = normalise(validate(parseSource(readFileSync(source, 'utf8'), source)).resume);
      const dates = model.sections
        .flatMap((s) => (s.kind === 'entries' ? s.entries.map((e) => e.dates) : []))
        .filter((d): d is string => d !== null);
      expect(dates.length).toBeGreaterThan(0);
      // Right-to-left text does not read back in logical order from the PDF (the self-check says so): its PDF is checked for English only.
      const formats =
        localeForTag(code).dir === 'rtl' ? [out.html, out.md, out.txt] : [out.pdf, out.html, out.md, out.txt];
      for (const text of formats)
        for (const d of dates) expect(text.replace(/\s+/g, ' ')).toContain(d.replace(/\s+/g, ' '));
      // The example is English text with its own section titles: only folio's words change, and none stays English.
      for (const text of [out.pdf, out.html, out.md, out.txt]) {
        expect(
          englishLeftovers(text, code).filter(
            (w) =>
              ['Skip to content', 'Present', 'Email', 'Phone', 'Website'].includes(w) ||
              /^[A-Z][a-z]{2} \d{4}$/.test(w),
          ),
        ).toEqual([]);
      }
      expect(out.htmlSource).toContain(`<a class="skip" href="#main">${localeForTag(code).words.skipLink}</a>`);
    }, 120_000);
  }

  // German in npm test; Japanese (its CJK fallback font is the slow one) in npm run test:full.
  it('numbers pages in the language: "Seite 2 von 2" in German, "2 / 2 ページ" in Japanese', async () => {
    const footers: [string, RegExp, string[]][] = [
      ['de', /Seite 2 von [23]/, []],
      ['ja', /2 \/ [23] ページ/, ['cjk']],
    ];
    for (const [code, footer, fonts] of sweep(footers)) {
      const r = fixtureData(code);
      const work = Array.from({ length: 14 }, () => r.work ?? []).flat();
      const model = normalise({ ...r, work });
      const fallbacks = FALLBACKS.filter((f) => fonts.includes(f.id));
      const { bytes, pages } = await renderPdf(model, { date: new Date(0), fallbacks });
      expect(pages, code).toBeGreaterThan(1);
      expect(await pdfText(bytes), code).toMatch(footer);
      expect(englishLeftovers(await pdfText(bytes), code)).toEqual([]);
    }
  }, 120_000);
});
