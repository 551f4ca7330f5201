// Stage convert: other résumé formats in and out (JSON Resume import and export); uses source and validate only.
import { EXTENSION_KEY, isObject, type Json, LEGACY_KEYS } from './v1.js';

export interface Imported {
  /** The résumé for folio: the same data, with folio's fields back in place. */
  data: Json;
  /** What was changed or could not be mapped, in plain words. */
  notes: string[];
}

/**
 * JSON Resume → folio résumé data. A JSON Resume v1 document is already valid folio
 * input, so the data is kept as it is, unknown keys included; on top of that,
 * `x-folio` keys written by `folio export` are put back, and JSON Resume 0.x key
 * names (`website`, `company`, …) are renamed to their 1.0 names.
 */
export function fromJsonResume(input: Json): Imported {
  const notes: string[] = [];
  const data = restore(input, '', notes) as Json;
  renameLegacy(data, notes);
  return { data, notes };
}

/** Put every object's `x-folio` fields back beside the standard ones. */
function restore(value: unknown, path: string, notes: string[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => restore(v, `${path}[${i}]`, notes));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === EXTENSION_KEY) continue;
    // `out.__proto__ = v` would set the object's prototype, not a key: such a key is dropped, and said so.
    if (k === '__proto__') {
      notes.push(
        `${path ? `${path}.` : ''}__proto__: dropped: ` +
          `a key named __proto__ is not résumé content, and JavaScript tools misread it`,
      );
      continue;
    }
    out[k] = restore(v, path ? `${path}.${k}` : k, notes);
  }
  const ext = value[EXTENSION_KEY];
  if (ext === undefined) return out;
  const at = path ? `${path}.${EXTENSION_KEY}` : EXTENSION_KEY;
  if (!isObject(ext)) {
    out[EXTENSION_KEY] = ext;
    notes.push(`${at}: kept as is (expected a mapping of folio fields)`);
    return out;
  }
  for (const [k, v] of Object.entries(ext)) {
    if (k === '__proto__') {
      notes.push(
        `${at}.__proto__: dropped: a key named __proto__ is not résumé content, and JavaScript tools misread it`,
      );
      continue;
    }
    const list = out[k];
    if (Array.isArray(v) && Array.isArray(list) && list.every((x) => typeof x === 'string')) {
      // Highlights exported as text; their other fields ({tags}) wait here, item by item.
      if (v.length === list.length)
        out[k] = list.map((text, i) => (isObject(v[i]) ? { text, ...(v[i] as Json) } : text));
      else
        notes.push(`${at}.${k}: not restored: ${k} has ${list.length} items here and ${v.length} in ${EXTENSION_KEY}`);
    } else if (k in out) {
      notes.push(`${at}.${k}: not restored: ${path ? `${path}.` : ''}${k} is already set`);
    } else out[k] = v;
  }
  return out;
}

/** JSON Resume 0.x names → 1.0 names, in place, when the 1.0 key is not set too. */
function renameLegacy(data: Json, notes: string[]): void {
  const done = new Map<string, number>();
  for (const [section, renames] of Object.entries(LEGACY_KEYS)) {
    const value = data[section];
    const items = Array.isArray(value) ? value : [value];
    const path = Array.isArray(value) ? `${section}[]` : section;
    for (const item of items) {
      if (!isObject(item)) continue;
      for (const [old, now] of Object.entries(renames)) {
        if (!(old in item) || now in item) continue;
        // Rebuilt key by key so the renamed key keeps its place in the entry.
        const entries = Object.entries(item).map(([k, v]) => [k === old ? now : k, v] as const);
        for (const k of Object.keys(item)) delete item[k];
        for (const [k, v] of entries) item[k] = v;
        const what = `${path}.${old} → ${now}`;
        done.set(what, (done.get(what) ?? 0) + 1);
      }
    }
  }
  for (const [what, n] of done) notes.push(`renamed ${what}${n > 1 ? ` (${n} times)` : ''}: the JSON Resume 1.0 name`);
}
