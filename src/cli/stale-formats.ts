// What a save makes stale: a watch rebuilds only the formats whose inputs changed.
import type { Format } from '../pipeline/build.js';
import type { Change } from './watch.js';

/**
 * The formats that read a --templates folder's files, by the folder's sub-folder (templates/html, templates/markdown).
 */
const TEMPLATE_FORMATS: Record<string, readonly Format[]> = { html: ['html'], markdown: ['md'] };

/**
 * Of `formats`, the ones `change` makes stale: every one after a source edit; after a template edit only
 * those its folder feeds (html/ → HTML, markdown/ → Markdown; a file elsewhere, or one the platform could
 * not name, → both). The PDF, text and Word files never read templates.
 */
export function staleFormats(change: Pick<Change, 'source' | 'inDirs'>, formats: readonly Format[]): Format[] {
  if (change.source) return [...formats];
  const stale = new Set<Format>();
  for (const path of change.inDirs) {
    const top = path.split(/[\\/]/)[0] ?? '';
    for (const f of TEMPLATE_FORMATS[top] ?? ['html', 'md']) stale.add(f);
  }
  return formats.filter((f) => stale.has(f));
}

/** Two changes folded into one (a save during a build): the earlier time, either source flag, both lists. */
export function mergeChanges(a: Change | null, b: Change): Change {
  if (!a) return b;
  return { at: Math.min(a.at, b.at), source: a.source || b.source, inDirs: [...new Set([...a.inDirs, ...b.inDirs])] };
}
