import { editDistance } from './suggest.js';

/**
 * What a custom section holds, by the shape of its value: a paragraph (a string),
 * a list of paragraphs (strings), a list of entries (mappings with a name, dates,
 * a summary …) or label/text rows (a mapping of strings).
 */
export type CustomShape =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: (string | number)[] }
  | { kind: 'entries'; items: Record<string, unknown>[] }
  | { kind: 'rows'; rows: [string, string | number][] };

/** What a top-level key folio's schema does not know turns out to be. */
export type TopKeyVerdict =
  | { kind: 'custom'; shape: CustomShape }
  | { kind: 'typo'; of: string }
  | { kind: 'unknown'; why: string };

/** The fields that make a mapping an entry of a custom section (any one of them is enough). */
export const CUSTOM_ENTRY_KEYS: readonly string[] = [
  'name',
  'title',
  'date',
  'startDate',
  'endDate',
  'summary',
  'highlights',
  'url',
  'location',
];

/**
 * The known key `key` is probably a misspelling of: Damerau–Levenshtein distance 1
 * for keys of up to 5 letters, 2 for longer ones, and the same first letter (or the
 * first two swapped). People rarely mistype a word's first letter, and the rule keeps
 * real words apart: `book` and `data` are not `work` and `meta`, `preferences` is not
 * `references`, while `wrok`, `educaton` and `owrk` are caught.
 */
export function likelyTypo(key: string, known: readonly string[]): string | null {
  const k = key.toLowerCase();
  let best: { of: string; d: number } | null = null;
  for (const candidate of known) {
    const c = candidate.toLowerCase();
    if (c === k) continue;
    const sameStart = k[0] === c[0] || (k[0] === c[1] && k[1] === c[0]);
    if (!sameStart) continue;
    const d = editDistance(k, c);
    if (d <= (k.length <= 5 ? 1 : 2) && (!best || d < best.d)) best = { of: candidate, d };
  }
  return best?.of ?? null;
}

const isText = (v: unknown): v is string | number =>
  (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));
/** Text, or a blank string: a blank item or row is left out (validation warns of it), not a reason to hide the rest. */
const isTextOrBlank = (v: unknown): boolean => isText(v) || typeof v === 'string';
const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Classify a top-level key that is not a known section or setting. `declared`: the
 * owner gave it a title in `folio.sections`, which makes it a custom section even
 * when its name is close to a known one.
 */
export function classifyTopKey(
  key: string,
  value: unknown,
  known: readonly string[],
  declared: boolean,
): TopKeyVerdict {
  if (!declared) {
    const of = likelyTypo(key, known);
    if (of) return { kind: 'typo', of };
  }
  if (key.startsWith('x-') || key.startsWith('$'))
    return { kind: 'unknown', why: 'an extension key (x-…) is kept but not shown' };
  const shape = customShape(value);
  if (typeof shape === 'string') return { kind: 'unknown', why: shape };
  return { kind: 'custom', shape };
}

/** The custom-section shape of a value, or why it is not one. */
function customShape(value: unknown): CustomShape | string {
  if (isText(value)) return { kind: 'paragraph', text: String(value) };
  if (Array.isArray(value)) {
    if (value.some(isText) && value.every(isTextOrBlank)) return { kind: 'list', items: value };
    if (value.length && value.every(isMapping)) {
      const bad = value.findIndex((m) => !CUSTOM_ENTRY_KEYS.some((k) => Object.hasOwn(m, k)));
      if (bad < 0) return { kind: 'entries', items: value };
      return (
        `not shown: item ${bad + 1} has none of ${CUSTOM_ENTRY_KEYS.join(', ')}, ` +
        'so it is not an entry of a custom section'
      );
    }
    return (
      'not shown: a custom section is a list of strings or of entries ' +
      '(mappings with a name, title, dates or summary)'
    );
  }
  if (isMapping(value)) {
    const entries = Object.entries(value);
    if (entries.some(([, v]) => isText(v)) && entries.every(([, v]) => isTextOrBlank(v)))
      return { kind: 'rows', rows: entries as [string, string | number][] };
    return 'not shown: a mapping is a custom section only when every value is text (label: text)';
  }
  return 'not shown: a custom section is text, a list, or a mapping of label: text';
}

/** Every custom section of a document, in source order. */
export function customSections(
  data: Record<string, unknown>,
  known: readonly string[],
): { key: string; shape: CustomShape }[] {
  const declared = sectionTitles(data);
  const out: { key: string; shape: CustomShape }[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (known.includes(key)) continue;
    const verdict = classifyTopKey(key, value, known, declared.has(key));
    if (verdict.kind === 'custom') out.push({ key, shape: verdict.shape });
  }
  return out;
}

function sectionTitles(data: Record<string, unknown>): Set<string> {
  const folio = data.folio;
  const sections = isMapping(folio) ? folio.sections : undefined;
  return new Set(isMapping(sections) ? Object.keys(sections) : []);
}

/** A key as a title: `selfPR` → "Self PR", `invited_talks` → "Invited Talks"; other scripts stay as written. */
export function readableKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}
