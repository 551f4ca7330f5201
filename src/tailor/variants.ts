// Stage tailor: a variant applied to a Resume (tags cut items, sections picked, overrides merged) → a tailored Resume.

import type { Variant } from '../generated/resume.js';
import { UserError } from '../source/diagnostics.js';
import type { DataPath } from '../source/load.js';
import { customSections } from '../validate/custom-sections.js';
import { isSectionId, loadSchema, type Resume, type SectionId } from '../validate/schema.js';
import { suggestKey } from '../validate/suggest.js';
import { NOT_CONTENT, outputProblem, tagList } from '../validate/variants-check.js';
import { asciiFold } from './output-name.js';

/** The keys a variant may override, merged into the résumé's own. */
export const OVERRIDABLE = ['basics', 'callToAction', 'folio'] as const;

/**
 * Why a variant cuts an item with these tags, or null when it keeps it.
 * Untagged items stay; an exclude tag always cuts; with an include list, a
 * tagged item needs one of its tags.
 */
export function cutReason(tags: readonly string[], variant: Variant): string | null {
  const hit = tags.find((t) => tagList(variant.exclude).includes(t));
  if (hit !== undefined) return `tagged ${hit}, which the variant excludes`;
  if (!tags.length || variant.include === undefined) return null;
  const include = tagList(variant.include);
  if (tags.some((t) => include.includes(t))) return null;
  return `tagged ${tags.join(', ')}, none of them in include (${include.join(', ') || 'empty'})`;
}

/** One item the variant leaves out, and why. */
export interface Cut {
  /** Where it is in the source, e.g. ['work', 0, 'highlights', 2]. */
  path: DataPath;
  reason: string;
}

export interface Tailored {
  name: string;
  variant: Variant;
  /** The résumé as this variant shows it: no `variants` key, items cut, sections chosen, overrides merged. */
  resume: Resume;
  /** Every list item and section the variant leaves out, in source order. */
  cuts: Cut[];
  /** Source path of a path in the tailored résumé (list indexes shift when items are cut). */
  origin(path: DataPath): DataPath;
}

/** The variant called `name`; a UserError naming the nearest one when there is none. */
export function findVariant(resume: Resume, name: string): Variant {
  const all = resume.variants ?? {};
  const v = Object.hasOwn(all, name) ? all[name] : undefined;
  if (v) return v;
  const names = Object.keys(all);
  if (!names.length)
    throw new UserError(
      `error: no variant "${name}": this résumé has no variants: block (see "Tailoring" in the README)`,
    );
  const hint = suggestKey(name, names);
  throw new UserError(
    `error: no variant "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; variants: ${names.join(', ')}`,
  );
}

/** Apply a variant: a pure Resume → Resume step that runs before normalise. */
export function applyVariant(resume: Resume, name: string): Resume {
  return tailor(resume, name).resume;
}

/** Apply a variant and keep the record of what it cut and where each kept item came from. */
export function tailor(resume: Resume, name: string): Tailored {
  const variant = findVariant(resume, name);
  const cuts: Cut[] = [];
  const origins = new Map<string, DataPath>();
  const out: Record<string, unknown> = {};
  const chosen = variant.sections;
  // A custom section is a section too: a variant's sections pick it or leave it out like folio's own.
  const custom = new Set(customSections(resume, Object.keys(loadSchema().properties ?? {})).map((c) => c.key));

  for (const [key, value] of Object.entries(resume)) {
    if (key === 'variants') continue;
    if (NOT_CONTENT.has(key)) {
      out[key] = value;
      continue;
    }
    if (chosen && (isSectionId(key) || custom.has(key)) && !chosen.includes(key)) {
      cuts.push({ path: [key], reason: "not in the variant's sections" });
      continue;
    }
    out[key] = filterValue(value, [key], [key], variant, cuts, origins);
  }
  for (const key of OVERRIDABLE) {
    const over = variant[key];
    // An override of a section the variant leaves out (callToAction) stays out with it.
    if (over === undefined || (chosen && isSectionId(key) && !chosen.includes(key))) continue;
    out[key] = merge(out[key], over);
  }
  if (chosen) out.folio = { ...(out.folio as Record<string, unknown> | undefined), order: [...chosen] as SectionId[] };

  const origin = (path: DataPath): DataPath => {
    for (let n = path.length; n > 0; n--) {
      const hit = origins.get(key(path.slice(0, n)));
      if (hit) return [...hit, ...path.slice(n)];
    }
    return path;
  };
  return { name, variant, resume: out as Resume, cuts, origin };
}

/** Copy a value, leaving out every list item whose tags the variant cuts (at any depth: entries, bullets, metrics). */
function filterValue(
  value: unknown,
  srcPath: DataPath,
  outPath: DataPath,
  variant: Variant,
  cuts: Cut[],
  origins: Map<string, DataPath>,
): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    value.forEach((item, i) => {
      const from = [...srcPath, i];
      const tags =
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? tagList((item as Record<string, unknown>).tags)
          : [];
      const reason = cutReason(tags, variant);
      if (reason) {
        cuts.push({ path: from, reason });
        return;
      }
      const to = [...outPath, kept.length];
      origins.set(key(to), from);
      kept.push(filterValue(item, from, to, variant, cuts, origins));
    });
    return kept;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      copy[k] = filterValue(v, [...srcPath, k], [...outPath, k], variant, cuts, origins);
    return copy;
  }
  return value;
}

/** Override merge: mappings merge key by key, anything else (text, lists) replaces. */
function merge(base: unknown, over: unknown): unknown {
  if (!isMapping(base) || !isMapping(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function key(path: DataPath): string {
  return JSON.stringify(path);
}

/**
 * A variant's output base name: its pattern with {name} (basics.name, spaces as
 * dashes) and {variant} filled in, or `fallback` when it has no pattern.
 */
export function outputName(t: Tailored, fallback: string): string {
  const pattern = t.variant.output;
  if (!pattern || outputProblem(pattern)) return fallback;
  // Values from the résumé are made file-name safe, whatever they hold.
  const safe = (s: string) =>
    s
      .trim()
      .replace(/\s+/g, '-')
      .replace(/[/\\<>:"|?*\u0000-\u001f\u007f]/g, '')
      .replace(/\.{2,}/g, '.');
  // The name folded to ASCII, as --name and folio.output do ("Zoë Łukasiewicz" → Zoe-Lukasiewicz).
  const person = asciiFold(t.resume.basics?.name ?? '') || fallback;
  const name = pattern.replace(/\{name\}/g, person).replace(/\{variant\}/g, safe(t.name));
  return name.replace(/^\.+/, '') || fallback;
}
