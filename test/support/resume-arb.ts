import { createRequire } from 'node:module';
import fc from 'fast-check';

const require = createRequire(import.meta.url);
// fontkit ships no types; only its character map is read here.
const fontkit = require('fontkit') as {
  openSync(path: string): { characterSet: number[]; glyphForCodePoint(cp: number): { id: number } };
};

/**
 * Every printable character the bundled PDF font (Inter) covers, as a PDF
 * extractor can read it back: letters, digits, punctuation and symbols, without
 * combining marks or compatibility forms (an extractor may normalise those), and
 * without characters that share a glyph with another (Greek ι and Latin ɩ are one
 * glyph in Inter, so the PDF cannot say which was written), and within the basic plane.
 */
export function interCharacters(): string[] {
  const font = fontkit.openSync(require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'));
  const byGlyph = new Map<number, number>();
  for (const cp of font.characterSet) {
    const id = font.glyphForCodePoint(cp).id;
    byGlyph.set(id, (byGlyph.get(id) ?? 0) + 1);
  }
  return (
    font.characterSet
      // Basic plane only: react-pdf splits runs at a supplementary character (U+1F850 ←) and may hyphenate there.
      .filter((cp) => cp <= 0xffff && byGlyph.get(font.glyphForCodePoint(cp).id) === 1)
      .map((cp) => String.fromCodePoint(cp))
      .filter((c) => /[\p{L}\p{N}\p{P}\p{S}]/u.test(c) && !/\p{M}/u.test(c) && c.normalize('NFKC') === c)
  );
}

/**
 * Text over the given characters: the letters of one string come from one
 * script (Latin, Greek or Cyrillic), mixed with digits, punctuation and symbols.
 * Mixing scripts inside one field is left out on purpose: react-pdf splits the
 * text into runs per script and may hyphenate a word where its script changes,
 * which is react-pdf's behaviour, not folio's. Mostly short words; now and then
 * one very long word (up to 300 characters).
 */
export function textArb(chars: readonly string[]): fc.Arbitrary<string> {
  const scripts = ['Latin', 'Greek', 'Cyrillic'].map((name) =>
    chars.filter((c) => new RegExp(`\\p{Script=${name}}`, 'u').test(c)),
  );
  // Punctuation and symbols from ASCII and Latin-1 (#, %, €-like ¤, ©, «»): react-pdf may split a run at
  // other symbols inside a word (⬜, ⇔) and hyphenate there, which is its behaviour, not folio's.
  // No * _ `: emphasis that ends in punctuation before a letter ("*!*Θ") stays literal in GitHub's Markdown
  // (CommonMark's flanking rules); inline markup has its own tests.
  const common = chars.filter(
    (c) => c <= '\u00ff' && !/[*_`]/.test(c) && !/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u.test(c),
  );
  const digit = fc.constantFrom(...'0123456789'.split(''));
  return (
    fc
      .constantFrom(...scripts)
      .chain((letters) => {
        const unit = fc.oneof(
          { arbitrary: fc.constantFrom(...letters), weight: 7 },
          { arbitrary: digit, weight: 1 },
          { arbitrary: fc.constantFrom(...common), weight: 2 },
        );
        const word = (minLength: number, maxLength: number) => fc.string({ unit, minLength, maxLength });
        const words = fc.array(word(1, 12), { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));
        return fc.oneof({ arbitrary: words, weight: 20 }, { arbitrary: word(41, 300), weight: 1 });
      })
      // Text, not blank: a value of only spaces is no value (its own class, in the injection properties).
      .filter((s) => s.trim() !== '')
  );
}

const year = fc.integer({ min: 1990, max: 2025 });
const month = fc.integer({ min: 1, max: 12 });
const date = fc.oneof(
  year,
  fc.tuple(year, month).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(year, month, fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
/** A start and an end that is not before it (or "present"). */
const range = fc.tuple(date, date, fc.boolean()).map(([a, b, present]) => {
  const [start, end] = String(a) <= String(b) ? [a, b] : [b, a];
  return { startDate: start, endDate: present ? 'present' : end };
});
const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const link = slug.map((s) => `https://example.com/${s}`);
const email = slug.map((s) => `${s}@example.com`);

/** A list of 0..max items: empty sections are part of the space. */
const list = <T>(arb: fc.Arbitrary<T>, max: number) => fc.array(arb, { maxLength: max });

/**
 * Arbitrary schema-valid résumés: every section, each empty or full, every text
 * field drawn from `text`. Optional fields come and go (fast-check's `requiredKeys: []`).
 */
export function resumeArb(text: fc.Arbitrary<string>, max = 3): fc.Arbitrary<Record<string, unknown>> {
  const r = <T extends Record<string, fc.Arbitrary<unknown>>>(shape: T, required: (keyof T & string)[] = []) =>
    fc.record(shape, { requiredKeys: required });
  const highlight = fc.oneof(text, r({ text, tags: fc.array(slug, { minLength: 1, maxLength: 2 }) }, ['text']));
  const metric = r({ label: text, value: text }, ['label', 'value']);
  const dated = (shape: Record<string, fc.Arbitrary<unknown>>) =>
    fc.tuple(r(shape), fc.option(range)).map(([o, d]) => ({ ...o, ...(d ?? {}) }));
  return r({
    // email always present: the HTML page shows the location only inside a non-empty contact list
    // (templates/html/partials/contacts.hbs), a known issue reported to the page's owner.
    basics: r(
      {
        name: text,
        label: text,
        tagline: text,
        email,
        phone: fc.constantFrom('+46 70 123 45 67', '555-0100'),
        url: link,
        summary: text,
        location: r({
          city: text,
          region: text,
          countryCode: fc.constantFrom('SE', 'IN', 'DE'),
          address: text,
          postalCode: text,
        }),
        profiles: list(r({ network: text, username: text, url: link }), max),
      },
      ['email'],
    ),
    metrics: list(metric, max),
    work: list(
      dated({
        name: text,
        position: text,
        location: text,
        description: text,
        url: link,
        summary: text,
        highlights: list(highlight, max),
      }),
      max,
    ),
    volunteer: list(
      dated({ organization: text, position: text, url: link, summary: text, highlights: list(highlight, max) }),
      max,
    ),
    education: list(
      dated({ institution: text, url: link, area: text, studyType: text, score: text, courses: list(text, max) }),
      max,
    ),
    awards: list(r({ title: text, date, awarder: text, summary: text }), max),
    certificates: list(r({ name: text, date, url: link, issuer: text }), max),
    publications: list(r({ name: text, publisher: text, releaseDate: date, url: link, summary: text }), max),
    skills: list(r({ name: text, level: text, keywords: list(text, max) }), max),
    languages: list(r({ language: text, fluency: text }), max),
    interests: list(r({ name: text, keywords: list(text, max) }), max),
    references: list(r({ name: text, reference: text }), max),
    projects: list(
      dated({
        name: text,
        category: text,
        outcome: text,
        description: text,
        metrics: list(metric, max),
        highlights: list(highlight, max),
        keywords: list(text, max),
        url: link,
        roles: list(text, max),
        entity: text,
        type: text,
      }),
      max,
    ),
    principles: list(r({ title: text, summary: text }, ['title']), max),
    activities: list(r({ category: text, title: text, summary: text, url: link, date }), max),
    callToAction: r({ title: text, text }, ['title']),
    folio: r({
      sections: r({ projects: r({ title: text, intro: text, summary: text }), work: r({ title: text, intro: text }) }),
      public: r({ phone: fc.boolean(), address: fc.boolean() }),
    }),
  });
}
