import type { DataPath } from '../source/load.js';

/**
 * Keys renamed between JSON Resume 0.x and 1.0, by section: still common in files
 * written for older themes. A build reads them under the 1.0 name; import renames them in the file.
 */
export const LEGACY_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  basics: { picture: 'image', website: 'url' },
  work: { company: 'name', website: 'url' },
  volunteer: { website: 'url' },
  education: { gpa: 'score', website: 'url' },
  awards: { website: 'url' },
  certificates: { website: 'url' },
  publications: { website: 'url' },
  projects: { website: 'url' },
  languages: { name: 'language', level: 'fluency' },
};

/** One JSON Resume 0.x key read under its 1.0 name. */
export interface LegacyRead {
  /** Where the old key is in the source. */
  path: DataPath;
  from: string;
  to: string;
}

const isMapping = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Read JSON Resume 0.x keys (`work[].company`, `website`, `gpa`, `languages[].level` …)
 * as their 1.0 names, in place, keeping each key's position, when the 1.0 key is not
 * set as well. A file written for an old theme then builds without losing the
 * employer; `folio import` renames the keys in the file for good.
 */
export function readLegacyKeys(data: Record<string, unknown>): LegacyRead[] {
  const out: LegacyRead[] = [];
  for (const [section, renames] of Object.entries(LEGACY_KEYS)) {
    const value = data[section];
    const items: [unknown, DataPath][] = Array.isArray(value)
      ? value.map((v: unknown, i) => [v, [section, i]])
      : [[value, [section]]];
    for (const [item, path] of items) {
      if (!isMapping(item)) continue;
      for (const [from, to] of Object.entries(renames)) {
        if (!Object.hasOwn(item, from) || Object.hasOwn(item, to)) continue;
        const entries = Object.entries(item).map(([k, v]) => [k === from ? to : k, v] as const);
        for (const k of Object.keys(item)) delete item[k];
        for (const [k, v] of entries)
          Object.defineProperty(item, k, { value: v, enumerable: true, writable: true, configurable: true });
        out.push({ path: [...path, from], from, to });
      }
    }
  }
  return out;
}
