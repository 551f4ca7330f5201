import type { DataPath } from '../source/load.js';

/**
 * Every list item of the résumé's own text that holds only whitespace (`- "\t"`, `- ""`, `- text: " "`).
 * The model leaves such an item out of every format alike (an empty bullet reads as a mistake on a page, and
 * a bullet of only a tab would start a code block in Markdown); this list lets validation say so where it is
 * written, so nothing disappears without a word. folio's own settings and the variants are not text.
 */
export function blankItems(data: Record<string, unknown>): DataPath[] {
  const out: DataPath[] = [];
  const stack: [unknown, DataPath][] = Object.entries(data)
    .filter(([k]) => k !== 'folio' && k !== 'variants')
    .map(([k, v]) => [v, [k]]);
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, DataPath];
    if (Array.isArray(v)) {
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

/** Whitespace only, as the model trims it: a string, or a bullet written as a mapping whose text is only that. */
function isBlank(item: unknown): boolean {
  if (typeof item === 'string') return item.trim() === '';
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return false;
  const keys = Object.keys(item);
  const text = (item as Record<string, unknown>).text;
  return typeof text === 'string' && text.trim() === '' && keys.every((k) => k === 'text' || k === 'tags');
}
