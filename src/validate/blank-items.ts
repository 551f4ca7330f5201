import type { DataPath } from '../source/load.js';

/**
 * Every list item of the résumé's own text that holds only whitespace (`- "\t"`, `- ""`, `- text: " "`).
 * The model leaves such an item out of every format alike (an empty bullet reads as a mistake on a page, and
 * a bullet of only a tab would start a code block in Markdown); this list lets validation say so where it is
 * written, so nothing disappears without a word. folio's own settings and the variants are not text.
 */
export function blankItems(data: Record<string, unknown>): DataPath[] {
  const out: DataPath[] = [];
  const stack: [unknown, DataPath][] = ownText(data);
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, DataPath];
    // Tailoring tags are never shown: a blank one is not a lost line.
    if (Array.isArray(v) && path[path.length - 1] !== 'tags') {
      v.forEach((item, i) => {
        if (isBlank(item)) out.push([...path, i]);
        else stack.push([item, [...path, i]]);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) stack.push([child, [...path, k]]);
    }
  }
  return out;
}

/**
 * Every mapping value of the résumé's own text that holds only whitespace (`title: " "`), outside the blank list
 * items above. The model reads such a value as no value; where the schema requires the key, validation says so.
 */
export function blankFields(data: Record<string, unknown>): DataPath[] {
  const out: DataPath[] = [];
  const stack: [unknown, DataPath][] = ownText(data);
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, DataPath];
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        if (!isBlank(item)) stack.push([item, [...path, i]]);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (typeof child === 'string' && child.trim() === '') out.push([...path, k]);
        else stack.push([child, [...path, k]]);
      }
    }
  }
  return out;
}

/** The top-level values that hold the owner's text: not folio's settings, the variants, or extension keys (x-…, $…). */
function ownText(data: Record<string, unknown>): [unknown, DataPath][] {
  return Object.entries(data)
    .filter(([k]) => k !== 'folio' && k !== 'variants' && !k.startsWith('x-') && !k.startsWith('$'))
    .map(([k, v]) => [v, [k]]);
}

/** A copy of `data` without the values at `paths` (each a mapping key). */
export function withoutFields(data: Record<string, unknown>, paths: readonly DataPath[]): Record<string, unknown> {
  const copy = structuredClone(data);
  for (const path of paths) {
    let at: unknown = copy;
    for (const k of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[k];
    delete (at as Record<string | number, unknown>)[path[path.length - 1] as string | number];
  }
  return copy;
}

/** Whitespace only, as the model trims it: a string, or a bullet written as a mapping whose text is only that. */
function isBlank(item: unknown): boolean {
  if (typeof item === 'string') return item.trim() === '';
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  const keys = Object.keys(item);
  const text = (item as Record<string, unknown>).text;
  return typeof text === 'string' && text.trim() === '' && keys.every((k) => k === 'text' || k === 'tags');
}
