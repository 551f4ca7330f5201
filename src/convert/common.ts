/** A JSON-like mapping, as converters read and write it. */
export type Json = Record<string, unknown>;

/** Keys and list indexes from the root of the file being converted. */
export type SourcePath = ReadonlyArray<string | number>;

/** Something a converter could not carry over as is, at a place in the input file. */
export interface ConvertNote {
  path: SourcePath;
  text: string;
}

/** The result of converting another résumé format: folio data plus what did not map. */
export interface Converted {
  data: Json;
  notes: ConvertNote[];
}

/** A plain object (not an array, not null). */
export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads an input document and remembers which values were used, so that every
 * value left over at the end is listed rather than silently dropped: a converter
 * maps what it knows, and `leftovers()` names the rest, each at its own path.
 */
export class Reader {
  private readonly used = new Set<string>();
  readonly notes: ConvertNote[] = [];

  constructor(readonly root: unknown) {}

  /** The value at `path`, marked as used (with everything under it). */
  take(path: SourcePath): unknown {
    this.used.add(key(path));
    return get(this.root, path);
  }

  /** The value at `path`, not marked: what is inside still has to be taken one by one. */
  peek(path: SourcePath): unknown {
    return get(this.root, path);
  }

  /** A non-empty trimmed string (a number becomes its text) at `path`, or undefined. */
  text(path: SourcePath): string | undefined {
    return textOf(this.take(path));
  }

  /** The list at `path` (an empty list when absent or not a list); the items are not marked used. */
  list(path: SourcePath): unknown[] {
    const v = get(this.root, path);
    if (Array.isArray(v)) return v;
    if (v !== undefined && v !== null) return [];
    this.used.add(key(path));
    return [];
  }

  /** Mark `path` as read on purpose and not carried over, with the reason. */
  drop(path: SourcePath, reason: string): void {
    if (!hasContent(get(this.root, path))) {
      this.used.add(key(path));
      return;
    }
    this.used.add(key(path));
    this.notes.push({ path, text: reason });
  }

  /** A note at `path` that does not consume anything (a value carried over with a change). */
  note(path: SourcePath, text: string): void {
    this.notes.push({ path, text });
  }

  /** Every value with content that no `take` or `drop` covered, as one note each. */
  leftovers(what: string): ConvertNote[] {
    const out: ConvertNote[] = [];
    const visit = (v: unknown, path: (string | number)[]): void => {
      if (this.covered(path)) return;
      if (Array.isArray(v)) {
        const rest = v.filter((_, i) => !this.covered([...path, i]));
        // A list of strings none of which was taken is one note, not one per string.
        if (rest.length === v.length && v.every((x) => !isObject(x) && !Array.isArray(x))) {
          if (hasContent(v)) out.push({ path, text: `not converted: ${what} has no place for it (${preview(v)})` });
          return;
        }
        v.forEach((x, i) => visit(x, [...path, i]));
      } else if (isObject(v)) {
        for (const [k, x] of Object.entries(v)) visit(x, [...path, k]);
      } else if (hasContent(v)) out.push({ path, text: `not converted: ${what} has no place for it (${preview(v)})` });
    };
    visit(this.root, []);
    return out;
  }

  private covered(path: SourcePath): boolean {
    for (let n = path.length; n >= 0; n--) if (this.used.has(key(path.slice(0, n)))) return true;
    return false;
  }
}

const key = (path: SourcePath): string => JSON.stringify(path);

function get(root: unknown, path: SourcePath): unknown {
  let v = root;
  for (const k of path) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObject(v) && typeof k === 'string' && Object.hasOwn(v, k)) v = v[k];
    else return undefined;
  }
  return v;
}

/** True when a value holds something a reader would see: not null, not blank, not an empty list or mapping. */
export function hasContent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.some(hasContent);
  if (isObject(v)) return Object.values(v).some(hasContent);
  return true;
}

/** A non-empty trimmed string, a number as text, or undefined. */
export function textOf(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

/** The non-empty strings of a list (numbers as text); a single string becomes a one-item list. */
export function textsOf(v: unknown): string[] {
  const items = Array.isArray(v) ? v : [v];
  return items.map(textOf).filter((s): s is string => s !== undefined);
}

function preview(v: unknown): string {
  const s = Array.isArray(v) ? textsOf(v).join(', ') : String(v);
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);
}

/** Remove keys whose value is empty, so the written YAML holds no `key:` lines with nothing after them. */
export function compact<T extends Json>(obj: T): T {
  for (const k of Object.keys(obj)) if (!hasContent(obj[k])) delete obj[k];
  return obj;
}

/**
 * A section key for a free title: lower-case words joined by `_` ("Selected Honors" →
 * `selected_honors`), ASCII only so it is a plain YAML key and an HTML id.
 */
export function sectionKey(title: string): string {
  const k = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(k) ? k : `section_${k || 'untitled'}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as folio writes it (YYYY, YYYY-MM or YYYY-MM-DD), from the forms other
 * formats use: ISO dates, `2020/05`, `Sep 2016`, `Sep 1, 2016`, `September 2016`,
 * a bare year. `present`/`current`/`now` become `present`. Null when it is not a date
 * folio can read (the caller keeps the text and says so).
 */
export function toDate(v: unknown): string | number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 2999 ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (/^(present|current|now|ongoing|today)$/i.test(s)) return 'present';
  let m = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(s);
  if (m) return iso(m[1], m[2], m[3]);
  m = /^([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS.indexOf((m[1] ?? '').slice(0, 3).toLowerCase());
    // "Sep 1, 2016": the day says little on a résumé (YAMLResume drops it too), the month is kept.
    if (month >= 0) return iso(m[3], String(month + 1), undefined);
  }
  return null;
}

function iso(y: string | undefined, m: string | undefined, d: string | undefined): string | null {
  if (!y) return null;
  if (!m) return y;
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  const mm = String(month).padStart(2, '0');
  if (!d) return `${y}-${mm}`;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > last) return null;
  return `${y}-${mm}-${String(day).padStart(2, '0')}`;
}

/** A link folio accepts (http(s), mailto:, tel:), adding https:// to a bare domain; undefined otherwise. */
export function toLink(v: unknown): string | undefined {
  const s = textOf(v);
  if (!s || /\s/.test(s)) return undefined;
  if (/^(https?:\/\/[^\s/?#]+|mailto:|tel:)/i.test(s)) return s;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(s)) return `https://${s}`;
  return undefined;
}

/**
 * Split Markdown-style text that is only a bullet list ("- a\n- b") into its
 * items; null when the text is prose. Other formats keep bullets in a summary;
 * folio shows them as highlights.
 */
export function bulletItems(text: string | undefined): string[] | null {
  if (!text) return null;
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0 || !lines.every((l) => /^[-*+•]\s+/.test(l))) return null;
  return lines.map((l) => l.replace(/^[-*+•]\s+/, ''));
}

/** A language name (`english`) or BCP 47 tag as folio.lang; undefined when unknown. */
export function toLang(v: unknown): string | undefined {
  const s = textOf(v);
  if (!s) return undefined;
  if (/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(s) && s.length <= 3) return s.toLowerCase();
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})+$/i.test(s)) return s;
  return LANGUAGE_NAMES[s.toLowerCase()];
}

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  english: 'en',
  german: 'de',
  french: 'fr',
  spanish: 'es',
  italian: 'it',
  portuguese: 'pt',
  dutch: 'nl',
  turkish: 'tr',
  japanese: 'ja',
  chinese: 'zh',
  korean: 'ko',
  russian: 'ru',
  polish: 'pl',
  danish: 'da',
  swedish: 'sv',
  norwegian: 'no',
  finnish: 'fi',
  czech: 'cs',
  greek: 'el',
  hindi: 'hi',
  indonesian: 'id',
  vietnamese: 'vi',
  ukrainian: 'uk',
  hungarian: 'hu',
  romanian: 'ro',
  arabic: 'ar',
  hebrew: 'he',
  persian: 'fa',
};
