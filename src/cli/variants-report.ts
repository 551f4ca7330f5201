import type { Section } from '../model/model.js';
import { normalise } from '../model/normalise.js';
import { prepareVariant } from '../pipeline/variant-build.js';
import type { LoadedSource } from '../source/load.js';
import { OVERRIDABLE, type Tailored } from '../tailor/variants.js';
import type { Resume } from '../validate/schema.js';
import { formatPath } from '../validate/validate.js';
import { tagList } from '../validate/variants-check.js';

/** `folio variants`: for each variant, its settings and the items it keeps, section by section. */
export function describeVariants(
  src: LoadedSource,
  resume: Resume,
  opts: { fallbackName: string; outDir: string },
): string {
  const names = Object.keys(resume.variants ?? {});
  if (!names.length)
    return `${src.file}: no variants (add a variants: block to tailor this résumé; see "Tailoring" in the README)\n`;
  const blocks = names.map((name) => {
    const v = prepareVariant(src, resume, name, { fallbackName: opts.fallbackName });
    const t = v.tailored;
    const { line } = src.locate(['variants', name], { key: true });
    const limit = v.pageLimit
      ? `, max ${v.pageLimit.maxPages} page${v.pageLimit.maxPages === 1 ? '' : 's'}${v.pageLimit.fit ? ' (fit)' : ''}`
      : '';
    const out: string[] = [
      `${name} (${src.file}:${line}) → ${opts.outDir}/${name}/${v.fileName}.pdf, .html, .md${limit}`,
    ];
    const rule = [
      t.variant.include !== undefined
        ? `include ${tagList(t.variant.include).join(', ') || '(untagged only)'}`
        : 'include every tag',
      t.variant.exclude !== undefined ? `exclude ${tagList(t.variant.exclude).join(', ')}` : null,
    ].filter(Boolean);
    out.push(`  ${rule.join(' · ')}`);
    const overrides = OVERRIDABLE.flatMap((k) => Object.keys(t.variant[k] ?? {}).map((f) => `${k}.${f}`));
    if (overrides.length) out.push(`  overrides ${overrides.join(', ')}`);
    const model = normalise(t.resume);
    const width = Math.max(...model.sections.map((s) => s.id.length));
    for (const s of model.sections) {
      const total = sourceCount(resume, s.id);
      const count = s.kind === 'cta' ? '' : `${itemNames(s).length} of ${total}`;
      const items = s.kind === 'cta' ? s.title : itemNames(s, t, resume).join(', ');
      out.push(`  ${s.id.padEnd(width)}  ${count.padStart(7)}  ${items}`);
    }
    const cutSections = t.cuts.filter((c) => c.path.length === 1).map((c) => String(c.path[0]));
    if (cutSections.length) out.push(`  left out: ${cutSections.join(', ')} (not in sections)`);
    const emptied = t.cuts
      .filter((c) => c.path.length === 2 && !model.sections.some((s) => s.id === c.path[0]))
      .map((c) => formatPath(c.path));
    if (emptied.length) out.push(`  cut by tags, leaving their section empty: ${emptied.join(', ')}`);
    return out.join('\n');
  });
  return `${blocks.join('\n\n')}\n`;
}

function sourceCount(resume: Resume, id: string): number {
  const v = (resume as Record<string, unknown>)[id];
  return Array.isArray(v) ? v.length : v === undefined ? 0 : 1;
}

/** What a reader sees as each kept item's name; entries with cut bullets say how many they keep. */
function itemNames(s: Section, t?: Pick<Tailored, 'origin'>, resume?: Resume): string[] {
  switch (s.kind) {
    case 'entries':
      return s.entries.map((e, i) => {
        const name = e.heading ?? e.path;
        if (!t || !resume) return name;
        const from = t.origin([s.id, i]);
        const item = (resume as Record<string, unknown[]>)[s.id]?.[from[1] as number] as
          | { highlights?: unknown[] }
          | undefined;
        const all = item?.highlights?.length ?? 0;
        return all && e.highlights.length < all ? `${name} (${e.highlights.length} of ${all} bullets)` : name;
      });
    case 'groups':
      return s.groups.map((g) => g.name ?? g.path);
    case 'metrics':
      return s.metrics.map((m) => m.label);
    case 'principles':
      return s.principles.map((p) => p.title);
    case 'cta':
      return [];
  }
}
