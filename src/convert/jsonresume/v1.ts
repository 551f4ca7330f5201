/** A JSON object, as import and export walk it. */
export type Json = Record<string, unknown>;

/** A plain object (not an array, not null). */
export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The shape of a JSON Resume v1.0.0 document: which keys belong to the standard.
 * JSON Resume v1 is frozen, so this list is written once here (and checked against
 * the official schema from `@jsonresume/schema` by test/jsonresume.test.ts). A key
 * folio's schema knows that is not listed here is a folio extension.
 */
export type Shape = 'value' | 'strings' | { object: Fields } | { list: Fields };
export type Fields = Readonly<Record<string, Shape>>;

const entry = (...keys: string[]): Record<string, Shape> => Object.fromEntries(keys.map((k) => [k, 'value' as const]));

export const JSON_RESUME_V1: Fields = {
  $schema: 'value',
  basics: {
    object: {
      ...entry('name', 'label', 'image', 'email', 'phone', 'url', 'summary'),
      location: { object: entry('address', 'postalCode', 'city', 'countryCode', 'region') },
      profiles: { list: entry('network', 'username', 'url') },
    },
  },
  work: {
    list: {
      ...entry('name', 'location', 'description', 'position', 'url', 'startDate', 'endDate', 'summary'),
      highlights: 'strings',
    },
  },
  volunteer: {
    list: { ...entry('organization', 'position', 'url', 'startDate', 'endDate', 'summary'), highlights: 'strings' },
  },
  education: {
    list: { ...entry('institution', 'url', 'area', 'studyType', 'startDate', 'endDate', 'score'), courses: 'strings' },
  },
  awards: { list: entry('title', 'date', 'awarder', 'summary') },
  certificates: { list: entry('name', 'date', 'url', 'issuer') },
  publications: { list: entry('name', 'publisher', 'releaseDate', 'url', 'summary') },
  skills: { list: { ...entry('name', 'level'), keywords: 'strings' } },
  languages: { list: entry('language', 'fluency') },
  interests: { list: { ...entry('name'), keywords: 'strings' } },
  references: { list: entry('name', 'reference') },
  projects: {
    list: {
      ...entry('name', 'description', 'startDate', 'endDate', 'url', 'entity', 'type'),
      highlights: 'strings',
      keywords: 'strings',
      roles: 'strings',
    },
  },
  meta: { object: entry('canonical', 'version', 'lastModified') },
};

/** Keys JSON Resume's date pattern applies to (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`). */
export const DATE_KEYS: ReadonlySet<string> = new Set(['startDate', 'endDate', 'date', 'releaseDate']);

/** Keys JSON Resume checks as a URI or an email address, where `""` is invalid (folio reads it as absent). */
export const FORMAT_KEYS: ReadonlySet<string> = new Set(['$schema', 'url', 'email', 'canonical']);

/** The key that holds, in any object, the folio-only fields moved out of the standard ones. */
export const EXTENSION_KEY = 'x-folio';

/**
 * Keys renamed between JSON Resume 0.x and 1.0: defined where validation reads them (a build reads the old names too).
 */
export { LEGACY_KEYS } from '../../validate/legacy.js';
