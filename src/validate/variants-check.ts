import type { Diagnostic } from '../source/diagnostics.js';
import type { DataPath } from '../source/load.js';
import type { At } from './at.js';
import { isSectionId } from './schema.js';
import { suggestKey } from './suggest.js';

/** Top-level keys that hold no list items, so tags never cut anything from them. */
export const NOT_CONTENT = new Set(['$schema', 'basics', 'meta', 'folio', 'variants']);

/** A tags value as a list: a single string is one tag. */
export function tagList(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}

/** Placeholders an output pattern may use. */
export const OUTPUT_PLACEHOLDERS = ['name', 'variant'] as const;

/** What is wrong with an output pattern, or null: it must be a plain file name, never a path. */
export function outputProblem(pattern: string): string | null {
  if (/[/\\]/.test(pattern)) return 'an output name may not contain / or \\: the files always go into out/<variant>/';
  if (pattern.includes('..')) return 'an output name may not contain ".."';
  if (/[<>:"|?*\u0000-\u001f\u007f]/.test(pattern))
    return 'an output name may not contain < > : " | ? * or control characters';
  if (pattern.startsWith('.')) return 'an output name may not start with a dot (a hidden file)';
  if (/\.(pdf|html?|md|markdown|txt)$/i.test(pattern)) return 'leave out the extension: folio adds .pdf, .html and .md';
  for (const m of pattern.matchAll(/\{([^}]*)\}/g)) {
    const p = m[1] ?? '';
    if (!(OUTPUT_PLACEHOLDERS as readonly string[]).includes(p))
      return `unknown placeholder {${p}}; use ${OUTPUT_PLACEHOLDERS.map((x) => `{${x}}`).join(' or ')}`;
  }
  return null;
}

/** A variant name must be a safe folder name. */
export function variantNameProblem(name: string): string | null {
  // No dots: a variant called resume.pdf would be a folder where the base build writes a file.
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name)) {
    return (
      `variant name "${name}" is used as a folder name: ` +
      'use letters, digits, dash and underscore, starting with a letter or digit'
    );
  }
  return null;
}
/**
 * folio's rules for the `variants:` block, beyond the schema: once variants
 * exist, every tag an item uses must be declared in some include or exclude (a
 * typo would silently cut or keep the item); names and output patterns must be
 * safe file names. Tolerates malformed data: the schema reports shapes.
 */
export function variantProblems(
  data: Record<string, unknown>,
  at: At,
): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const variants = data.variants;
  if (variants === null || typeof variants !== 'object' || Array.isArray(variants)) return { errors, warnings };

  // Tag → where it is declared.
  const declared = new Map<string, DataPath[]>();
  for (const [name, v] of Object.entries(variants)) {
    const bad = variantNameProblem(name);
    if (bad) errors.push(at(['variants', name], 'error', bad, true));
    if (v === null || typeof v !== 'object' || Array.isArray(v)) continue;
    const variant = v as Record<string, unknown>;
    for (const field of ['include', 'exclude'] as const) {
      const raw = variant[field];
      tagList(raw).forEach((tag, i) => {
        const path = typeof raw === 'string' ? ['variants', name, field] : ['variants', name, field, i];
        declared.set(tag, [...(declared.get(tag) ?? []), path]);
      });
    }
    const both = tagList(variant.include).filter((t) => tagList(variant.exclude).includes(t));
    for (const t of both)
      warnings.push(
        at(
          ['variants', name, 'exclude'],
          'warning',
          `tag "${t}" is both included and excluded; exclude wins, so it is cut`,
        ),
      );
    if (typeof variant.output === 'string') {
      const problem = outputProblem(variant.output);
      if (problem)
        errors.push(at(['variants', name, 'output'], 'error', `${problem} (got ${JSON.stringify(variant.output)})`));
    }
    if (variant.fit === true && variant.maxPages === undefined) {
      warnings.push(at(['variants', name, 'fit'], 'warning', 'fit has nothing to fit to without maxPages'));
    }
    if (Array.isArray(variant.sections)) {
      variant.sections.forEach((id, i) => {
        // An id that names no section at all is an error of its own (section-ids.ts); a custom section has content.
        if (typeof id === 'string' && isSectionId(id) && !hasContent(data[id]))
          warnings.push(
            at(['variants', name, 'sections', i], 'warning', `section "${id}" has no content in this résumé`),
          );
      });
    }
  }

  const used = new Set<string>();
  for (const [key, value] of Object.entries(data)) {
    if (NOT_CONTENT.has(key)) continue;
    forEachTag(value, [key], (tag, path) => {
      used.add(tag);
      if (declared.has(tag)) return;
      const hint = suggestKey(tag, [...declared.keys()]);
      const known = [...declared.keys()].sort();
      const tail = hint ? ` (did you mean "${hint}"?)` : known.length ? `; declared tags: ${known.join(', ')}` : '';
      errors.push(at(path, 'error', `tag "${tag}" is not in any variant's include or exclude${tail}`));
    });
  }
  for (const [tag, paths] of declared) {
    if (used.has(tag)) continue;
    for (const path of paths) warnings.push(at(path, 'warning', `tag "${tag}" is not used by any item`));
  }
  return { errors, warnings };
}

/** Call `fn` for every tag on every list item, at any depth, with the tag's own path. */
function forEachTag(value: unknown, path: DataPath, fn: (tag: string, path: DataPath) => void): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => forEachTag(v, [...path, i], fn));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k !== 'tags') forEachTag(v, [...path, k], fn);
    else if (typeof v === 'string') fn(v, [...path, k]);
    else if (Array.isArray(v)) v.forEach((t, i) => typeof t === 'string' && fn(t, [...path, k, i]));
  }
}

function hasContent(v: unknown): boolean {
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
}
