import type { ResumeModel, Section } from '../model/model.js';
import { META_SLOTS, normalise } from '../model/normalise.js';
import { withoutEmoji } from '../render/pdf/coverage.js';
import { ENTRY_BODY, ENTRY_HEAD, FACTS_ORDER, GROUP_ORDER, HEADER_ORDER } from '../render/pdf/order.js';
import type { DataPath } from '../source/load.js';
import type { Resume } from '../validate/schema.js';
import { type Leaf, pdfOmits, sourceLeaves } from './leaves.js';

/**
 * Every string the PDF is designed to show, as displayed (emoji left out, as
 * the PDF leaves them out), in the order the PDF shows them. The strings come
 * from the source (so a field the model drops is still expected); their order
 * comes from the model (sections, items, which source key fills which slot) and
 * the order the PDF components draw their slots in (render/pdf/order.ts).
 */
export function pdfLeaves(resume: Resume, model: ResumeModel = normalise(resume)): Leaf[] {
  const rank = drawOrder(model);
  return sourceLeaves(resume, { audience: 'private', omit: pdfOmits })
    .map((l) => ({ path: l.path, text: withoutEmoji(l.text).trim() }))
    .filter((l) => l.text !== '')
    .map((l, i) => ({ leaf: l, key: [...displayKey(l.path, rank), i] }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((x) => x.leaf);
}

/**
 * The source paths the PDF draws, in the order it draws them, each with its rank: the header's parts,
 * then each section's title and items, each item's slots in draw order, each slot's source keys in the
 * order the model shows them within it (`startDate` before `endDate`, a degree before its field or after).
 */
export function drawOrder(model: ResumeModel): Map<string, number> {
  const order: DataPath[] = [];
  const h = model.header;
  for (const part of HEADER_ORDER) {
    if (part === 'contacts') for (const c of h.contacts) order.push(parsePath(c.path));
    else if (part === 'facts') {
      for (const fact of FACTS_ORDER) {
        if (fact === 'location') order.push(...['city', 'region', 'countryCode'].map((k) => ['basics', 'location', k]));
        // The call-to-action title doubles as the header's availability line.
        else if (fact === 'availability') order.push(['callToAction', 'title']);
        else order.push(['basics', 'location', 'address'], ['basics', 'location', 'postalCode']);
      }
    } else if (part === 'extras') for (const e of h.extras) order.push(['basics', ...e.source]);
    else order.push(['basics', part]);
  }
  for (const s of model.sections) {
    order.push(['folio', 'sections', s.id, 'title'], [s.id]);
    order.push(...sectionOrder(s));
  }
  return new Map(order.map((path, i) => [pathKey(path), i]));
}

function sectionOrder(s: Section): DataPath[] {
  const out: DataPath[] = [];
  switch (s.kind) {
    case 'entries':
      s.entries.forEach((e, i) => {
        // A custom section written as one paragraph is one entry at the section's own path; otherwise the entry's
        // index is the one in its path (a blank item of a custom list is left out, so the others keep theirs).
        const index = e.path.startsWith(`${s.id}[`) ? Number(/\[(\d+)\]$/.exec(e.path)?.[1] ?? i) : i;
        const at: DataPath = e.path === s.id ? [s.id] : [s.id, index];
        out.push(at);
        const slots = [...ENTRY_HEAD.flatMap((slot) => (slot === 'meta' ? META_SLOTS : [slot])), ...ENTRY_BODY];
        for (const slot of slots) {
          for (const key of e.sources[slot] ?? []) {
            // An entry's figures read "label value", one after the other.
            if (slot === 'metrics')
              e.metrics.forEach((_, j) => out.push([...at, key, j, 'label'], [...at, key, j, 'value']));
            else out.push([...at, key]);
          }
        }
      });
      return out;
    case 'groups':
      s.groups.forEach((g, i) => {
        // A custom section of label/text rows: each row sits at its label.
        const at: DataPath = g.path === `${s.id}[${i}]` ? [s.id, i] : [s.id, g.name ?? ''];
        out.push(at);
        for (const slot of GROUP_ORDER) for (const key of g.sources[slot] ?? []) out.push([...at, key]);
      });
      return out;
    case 'principles':
      s.principles.forEach((_, i) => out.push([s.id, i, 'title'], [s.id, i, 'summary']));
      return out;
    case 'metrics':
      s.metrics.forEach((_, i) => out.push([s.id, i, 'label'], [s.id, i, 'value']));
      return out;
    case 'cta':
      return out;
  }
}

/**
 * A leaf's place: the rank of the longest drawn path that contains it, then its positions inside that
 * (the third bullet, the second keyword). A path the PDF does not draw sorts last.
 */
function displayKey(path: DataPath, rank: Map<string, number>): number[] {
  for (let n = path.length; n > 0; n--) {
    const r = rank.get(pathKey(path.slice(0, n)));
    if (r !== undefined) return [r, ...path.slice(n).map((seg) => (typeof seg === 'number' ? seg : 0))];
  }
  return [Number.POSITIVE_INFINITY];
}

function pathKey(path: DataPath): string {
  return JSON.stringify(path);
}

/** `basics.profiles[1]` → ['basics', 'profiles', 1]: the model's paths of the header's contacts. */
function parsePath(path: string): DataPath {
  return path.split('.').flatMap((part) => {
    const [name = '', ...indices] = part.split('[');
    return [name, ...indices.map((i) => Number.parseInt(i, 10))];
  });
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -Infinity) - (b[i] ?? -Infinity);
    if (d !== 0) return d;
  }
  return 0;
}
