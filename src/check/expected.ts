import { basicsKeys } from '../model/extras.js';
import { resolveLocale } from '../model/locale.js';
import { knownKeys, sectionOrder } from '../model/normalise.js';
import { withoutEmoji } from '../render/pdf/coverage.js';
import type { DataPath } from '../source/load.js';
import { CUSTOM_ENTRY_KEYS } from '../validate/custom-sections.js';
import { isSectionId, type Resume } from '../validate/schema.js';
import { type Leaf, pdfOmits, sourceLeaves } from './leaves.js';

/**
 * Every string the PDF is designed to show, as displayed (emoji left out, as
 * the PDF leaves them out), in the order the PDF shows them. Order comes from
 * the source: sections in folio.order, items in source order, and fields in
 * the order the PDF components lay them out (see DISPLAY_SLOTS).
 */
export function pdfLeaves(resume: Resume): Leaf[] {
  const sections = sectionOrder(resume) as string[];
  // The locale's degree phrase may put the field first ("{area}, {degree}" in Turkish, "{area} {degree}" in Chinese).
  const degree = resolveLocale(resume).words.degree;
  const areaFirst = degree.indexOf('{area}') < degree.indexOf('{degree}');
  return sourceLeaves(resume, { audience: 'private', omit: pdfOmits })
    .map((l) => ({ path: l.path, text: withoutEmoji(l.text).trim() }))
    .filter((l) => l.text !== '')
    .map((l, i) => ({ leaf: l, key: [...displayKey(l.path, sections, areaFirst), i] }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.leaf);
}

/**
 * Where each field sits inside its block, as Header.tsx, Entry.tsx and
 * Section.tsx draw it: title before subtitle before dates, then location and
 * details, outcome, summary, bullets, metrics, keywords, link.
 */
const DISPLAY_SLOTS: Record<string, Record<string, number>> = {
  basics: { name: 0, label: 1, tagline: 2, email: 3, phone: 4, url: 5, profiles: 6, location: 7, summary: 20 },
  location: { city: 0, region: 1, countryCode: 2, address: 3, postalCode: 4 },
  entry: {
    category: 0,
    position: 1,
    studyType: 1,
    area: 1.1,
    title: 1,
    name: 1,
    language: 1,
    organization: 2,
    institution: 2,
    awarder: 2,
    issuer: 2,
    publisher: 2,
    entity: 2,
    startDate: 3,
    endDate: 3.1,
    date: 3,
    releaseDate: 3,
    location: 4,
    description: 5,
    score: 5,
    roles: 5,
    type: 5.1,
    outcome: 6,
    summary: 7,
    reference: 7,
    highlights: 8,
    metrics: 9,
    keywords: 10,
    courses: 10,
    url: 11,
  },
  // Work and projects use `description` differently: a one-line detail for a job, the paragraph for a project.
  projects: { description: 7, summary: 8.5 },
  // Fields whose slot the section fills from another key are extra lines, after the bullets (see model/normalise.ts).
  references: { summary: 8.5 },
  custom: { title: 1, name: 1.5 },
  education: { keywords: 8.5 },
  work: { name: 2 },
  // Then a skill's tags (its categories, without variants) and any extra text field.
  groups: { name: 0, language: 0, level: 1, fluency: 1, keywords: 2, tags: 3 },
  principles: { title: 0, summary: 1 },
  metrics: { label: 0, value: 1 },
};

const GROUP_SECTIONS = new Set(['skills', 'languages', 'interests']);

function displayKey(path: DataPath, sections: string[], areaFirst: boolean): number[] {
  const [top, ...rest] = path;
  if (top === 'basics') {
    const [field, a, b] = rest;
    // The header's extra lines (fields of basics or its location with no slot) follow the facts line, in source order.
    const { known, knownLocation } = basicsKeys();
    if (!known.has(String(field)) || (field === 'location' && typeof a === 'string' && !knownLocation.has(a)))
      return [-1, 9];
    const slot = DISPLAY_SLOTS.basics?.[String(field)] ?? 30;
    if (field === 'location') return [-1, slot, DISPLAY_SLOTS.location?.[String(a)] ?? 9];
    return [-1, slot, typeof a === 'number' ? a : 0, slotOf(DISPLAY_SLOTS.entry, b)];
  }
  // The call-to-action title doubles as the header's availability line.
  if (top === 'callToAction') return [-1, 8];
  if (top === 'folio') return [sections.indexOf(String(rest[1])), -1];
  const section = String(top);
  const rank = sections.indexOf(section);
  const [index, field, ...sub] = rest;
  if (typeof index !== 'number') return [rank, 0];
  const table =
    section === 'principles'
      ? DISPLAY_SLOTS.principles
      : section === 'metrics'
        ? DISPLAY_SLOTS.metrics
        : GROUP_SECTIONS.has(section)
          ? DISPLAY_SLOTS.groups
          : undefined;
  // A custom section's entry reads "title · name" (model/custom.ts), whatever the order of the keys.
  const own = isSectionId(section) ? DISPLAY_SLOTS[section] : DISPLAY_SLOTS.custom;
  // A field with no slot of its own in an entry is an extra line, drawn after the bullets.
  const extra =
    typeof field === 'string' &&
    !table &&
    !(isSectionId(section) ? knownKeys(section).has(field) : CUSTOM_ENTRY_KEYS.includes(field));
  const slot = extra
    ? 8.5
    : areaFirst && field === 'area'
      ? 0.9
      : table
        ? slotOf(table, field)
        : (own?.[String(field)] ?? DISPLAY_SLOTS.entry?.[String(field)] ?? (field === undefined ? 0 : 8.5));
  // Entry metrics read "label value"; list positions and object fields inside a slot keep their order.
  const inner = sub.map((s) => (typeof s === 'number' ? s : (DISPLAY_SLOTS.metrics?.[s] ?? 0)));
  return [rank, index, slot, ...inner];
}

function slotOf(table: Record<string, number> | undefined, field: string | number | undefined): number {
  return table?.[String(field)] ?? 50;
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0) return d;
  }
  return 0;
}
