import { readableKey } from '../validate/custom-sections.js';
import { extraPrivacy, extraText, isExtraKey } from '../validate/extra-text.js';
import { deref, loadSchema } from '../validate/schema.js';
import { parseInline } from './inline.js';
import type { ExtraLine, Inline } from './model.js';

/** A field of an entry that folio has no slot for, but that holds text, so it is shown as an extra line. */
export interface Extra {
  key: string;
  /** The value as shown: a string, a list of strings joined by ", ", a mapping as "Label: text; …". */
  text: string;
}

/**
 * The fields of `item` outside `known` that hold text (see validate/extra-text.ts),
 * in source order: the entry's extra lines. Other tools' résumés carry such fields
 * (`authors`, `env`, `flavor`); dropping them silently loses content.
 */
export function extraFields(item: Record<string, unknown>, known: ReadonlySet<string>): Extra[] {
  const out: Extra[] = [];
  for (const [key, value] of Object.entries(item)) {
    if (known.has(key) || !isExtraKey(key)) continue;
    const text = extraText(value);
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

/**
 * The header's extra lines: fields of `basics` and of `basics.location` outside the
 * schema's (a rirekisho's `nameFurigana`, `birthDate`, `alternateContact`), in source
 * order, each marked with what it reveals (a phone number, an address).
 */
export function headerExtras(basics: Record<string, unknown>): ExtraLine[] {
  const { known, knownLocation } = basicsKeys();
  const out: ExtraLine[] = [];
  for (const [key, value] of Object.entries(basics)) {
    if (key === 'location' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const e of extraFields(value as Record<string, unknown>, knownLocation))
        out.push({ line: extraLine(e), source: ['location', e.key], private: extraPrivacy(e.key, null, true) });
    } else if (!known.has(key) && isExtraKey(key)) {
      const text = extraText(value);
      if (text) out.push({ line: extraLine({ key, text }), source: [key], private: extraPrivacy(key, value, false) });
    }
  }
  return out;
}

let cached: { known: ReadonlySet<string>; knownLocation: ReadonlySet<string> } | undefined;

/** The keys the schema gives `basics` and `basics.location`: every other key that holds text is an extra line. */
export function basicsKeys(): { known: ReadonlySet<string>; knownLocation: ReadonlySet<string> } {
  if (cached) return cached;
  const schema = loadSchema();
  const basics = schema.properties?.basics ? deref(schema.properties.basics, schema) : {};
  const location = basics.properties?.location ? deref(basics.properties.location, schema) : {};
  cached = {
    known: new Set(Object.keys(basics.properties ?? {})),
    knownLocation: new Set(Object.keys(location.properties ?? {})),
  };
  return cached;
}
