import { readableKey } from '../validate/custom-sections.js';
import { parseInline } from './inline.js';
import type { Inline } from './model.js';

/** Keys never shown as extra lines: tailoring tags, folio's own extension data, pointers. */
const NEVER = new Set(['tags', 'x-folio']);

/** A field of an entry that folio has no slot for, but that holds text, so it is shown as an extra line. */
export interface Extra {
  key: string;
  /** The value as shown: a string, or a list of strings joined by ", ". */
  text: string;
}

/**
 * The fields of `item` outside `known` that hold text (a string, a number, a list
 * of strings), in source order: the entry's extra lines. Other tools' résumés carry
 * such fields (`authors`, `env`, `flavor`); dropping them silently loses content.
 */
export function extraFields(item: Record<string, unknown>, known: ReadonlySet<string>): Extra[] {
  const out: Extra[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (known.has(key) || NEVER.has(key) || key.startsWith('$')) continue;
    const text = textOf(value);
    if (text) out.push({ key, text });
  }
  return out;
}

/** One extra line as inline text: "**Authors:** Ada, Grace". */
export function extraLine(e: Extra): Inline {
  return [
    { text: `${readableKey(e.key)}: `, bold: true, italic: false, code: false, href: null },
    ...parseInline(e.text),
  ];
}

function textOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    const items = v.map((x) => String(x).trim()).filter(Boolean);
    return items.length ? items.join(', ') : null;
  }
  return null;
}
