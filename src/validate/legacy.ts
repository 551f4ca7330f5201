import type { DataPath } from '../load.js';
import { LEGACY_KEYS } from '../jsonresume/v1.js';

/** One JSON Resume 0.x key read under its 1.0 name. */
export interface LegacyRead {
  /** Where the old key is in the source. */
  path: DataPath;
  from: string;
  to: string;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

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
    const items = Array.isArray(value) ? value.map((v, i) => [v, [section, i]] as const) : [[value, [section]] as const];
    for (const [item, path] of items) {
      if (!isMapping(item)) continue;
      for (const [from, to] of Object.entries(renames)) {
        if (!Object.hasOwn(item, from) || Object.hasOwn(item, to)) continue;
        const entries = Object.entries(item).map(([k, v]) => [k === from ? to : k, v] as const);
        for (const k of Object.keys(item)) delete item[k];
        for (const [k, v] of entries) Object.defineProperty(item, k, { value: v, enumerable: true, writable: true, configurable: true });
        out.push({ path: [...path, from], from, to });
      }
    }
  }
  return out;
}
