import type { Diagnostic } from '../source/diagnostics.js';
import type { DataPath } from '../source/load.js';
import type { At } from './at.js';
import { customSections } from './custom-sections.js';
import { loadSchema, sectionIds } from './schema.js';
import { suggestKey } from './suggest.js';

/**
 * Where a résumé names sections by id: folio.order, and each variant's sections
 * and folio.order. The schema accepts any string there (a custom section's key is
 * the owner's own word), so this is where an id that names no section is caught.
 */
export function sectionIdProblems(data: Record<string, unknown>, at: At): Diagnostic[] {
  const custom = customSections(data, Object.keys(loadSchema().properties ?? {})).map((c) => c.key);
  const ids = [...sectionIds(), ...custom];
  const lists: DataPath[] = [['folio', 'order']];
  const variants = data.variants;
  if (isMapping(variants))
    for (const name of Object.keys(variants))
      lists.push(['variants', name, 'sections'], ['variants', name, 'folio', 'order']);
  const problems: Diagnostic[] = [];
  for (const path of lists) {
    const list = valueAt(data, path);
    if (!Array.isArray(list)) continue;
    list.forEach((id, i) => {
      if (typeof id !== 'string' || ids.includes(id)) return;
      const hint = suggestKey(id, ids);
      const why = notASection(id, data);
      problems.push(
        at(
          [...path, i],
          'error',
          `unknown section "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}${why}; ` +
            `the sections of this résumé are ${ids.filter((s) => s in data).join(', ') || 'none'}`,
        ),
      );
    });
  }
  return problems;
}

/** Why a top-level key of that name is not a section, when there is one. */
function notASection(id: string, data: Record<string, unknown>): string {
  if (!Object.hasOwn(data, id)) return '';
  return `: the top-level key "${id}" is not a section (see its warning)`;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function valueAt(data: unknown, path: DataPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (!isMapping(cur)) return undefined;
    cur = cur[String(seg)];
  }
  return cur;
}
