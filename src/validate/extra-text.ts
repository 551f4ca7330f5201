import { readableKey } from './custom-sections.js';

/**
 * The one definition of "a field folio has no slot for, but that holds text": the
 * validator does not call it unknown, the model shows it as an extra line, and the
 * checks look for it. Kept in validate (the first stage that needs it) so every
 * later stage shares it.
 */

/**
 * Keys never shown as extra lines: tailoring tags, a photo path, folio's own extension data, and
 * `__proto__` (a hostile key that names JavaScript's prototype, not the owner's text: it stays a warning).
 */
const NEVER = new Set(['tags', 'image', 'x-folio', '__proto__']);

/** True when `key` may be shown as an extra line at all (not tags, not `$…`, not folio's extension data). */
export function isExtraKey(key: string): boolean {
  return !NEVER.has(key) && !key.startsWith('$');
}

const isText = (v: unknown): v is string | number =>
  (typeof v === 'string' && v.trim() !== '') || (typeof v === 'number' && Number.isFinite(v));

/** A string, a number or a list of them, as one line: the list joined by ", ". */
function flatText(v: unknown): string | null {
  if (isText(v)) return String(v).trim();
  if (Array.isArray(v) && v.length && v.every((x) => typeof x === 'string' || isText(x))) {
    const items = v.map((x) => String(x).trim()).filter(Boolean);
    return items.length ? items.join(', ') : null;
  }
  return null;
}

/**
 * The text an extra field shows, or null when it holds none (true/false, a list of
 * mappings): a string, a number, a list of them joined by ", ", or a mapping of such
 * values as "Label: text; Label: text" (`env: {os: [...], languages: [...]}` reads
 * "Os: Windows 7, Windows XP; Languages: SQL"). Keys of a mapping that hold no text
 * are left out of the line; a mapping with none that does holds no text.
 */
export function extraText(v: unknown): string | null {
  const parts = extraParts(v);
  return parts.length ? parts.map((p) => p.text).join('; ') : null;
}

/**
 * The parts of extraText's line, each with the key of the mapping it shows (null for
 * a plain value), so a check can name the very key a missing part came from.
 */
export function extraParts(v: unknown): { key: string | null; text: string }[] {
  const flat = flatText(v);
  if (flat !== null) return [{ key: null, text: flat }];
  if (Array.isArray(v) || v === null || typeof v !== 'object') return [];
  const parts: { key: string; text: string }[] = [];
  for (const [k, x] of Object.entries(v)) {
    const t = isExtraKey(k) ? flatText(x) : null;
    if (t) parts.push({ key: k, text: `${readableKey(k)}: ${t}` });
  }
  return parts;
}

/** A switch of folio.public that must be on for a public output (HTML, Markdown) to show a value. */
export type PrivateKind = 'phone' | 'address';

const PHONE = /phone|mobile|fax|^tel$/i;
const ADDRESS = /address|postal|zip/i;

/**
 * What an extra field of `basics` reveals that folio keeps off public outputs unless
 * the owner opts in, like `basics.phone` and the street address: a key (or a key of
 * its mapping) that names a phone number or an address (a rirekisho's
 * `alternateContact: {address, phone}`). Every extra field of `basics.location` goes
 * with the street address (a furigana reading of it spells it out).
 */
export function extraPrivacy(key: string, v: unknown, inLocation: boolean): PrivateKind[] {
  const keys = [key, ...(v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [])];
  const out = new Set<PrivateKind>();
  if (inLocation || keys.some((k) => ADDRESS.test(k))) out.add('address');
  if (keys.some((k) => PHONE.test(k))) out.add('phone');
  return [...out];
}
