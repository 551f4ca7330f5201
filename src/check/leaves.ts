// Stage check: what a reader must find (leaves), found in order in a PDF read back, or a job ad's terms in the résumé.

import { basicsKeys } from '../model/extras.js';
import { parseInline, plainText } from '../model/inline.js';
import { resolveLocale } from '../model/locale.js';
import { customSectionsOf } from '../model/normalise.js';
import type { DataPath } from '../source/load.js';
import { CUSTOM_ENTRY_KEYS, type CustomShape } from '../validate/custom-sections.js';
import { formatDate, isPresent, parseDate } from '../validate/dates.js';
import { extraParts, extraPrivacy, isExtraKey, type PrivateKind } from '../validate/extra-text.js';
import { displayUrl } from '../validate/links.js';
import { deref, isSectionId, loadSchema, type Resume, refName, type SchemaNode } from '../validate/schema.js';

/** One string a reader must be able to find in an output, and where it came from. */
export interface Leaf {
  path: DataPath;
  text: string;
}

export interface LeafOptions {
  /** Public outputs leave out the phone number and street address unless the owner opted in. */
  audience: 'private' | 'public';
  /** Section-heading paths (`folio.sections.<id>.intro` …) or keys this output leaves out by design. */
  omit?: (path: DataPath) => boolean;
}

/** A custom entry's fields shown as written, without inline markup: its title, name and place. */
const PLAIN_CUSTOM = new Set(['title', 'name', 'location']);

/** Keys whose values are never displayed: settings, metadata, tailoring data. */
const HIDDEN_TOP = new Set(['$schema', 'meta', 'folio', 'variants']);
const HIDDEN_KEYS = new Set(['tags', 'image']);

/**
 * Every string the source asks an output to show, as it is displayed: dates
 * formatted, links in their short form, inline markup removed. Computed from the
 * source rather than the model, so a field the normaliser or a renderer drops
 * is caught. Section titles and intros come from `folio.sections`.
 */
export function sourceLeaves(resume: Resume, opts: LeafOptions): Leaf[] {
  const schema = loadSchema();
  // The same locale normalise resolves: dates and "Present" as the outputs write them.
  const locale = resolveLocale(resume);
  const out: Leaf[] = [];
  const push = (path: DataPath, text: string) => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t && !opts.omit?.(path)) out.push({ path, text: t });
  };
  const visit = (value: unknown, node: SchemaNode, path: DataPath): void => {
    const def = refName(node);
    const n = deref(node, schema);
    const key = path[path.length - 1];
    if (typeof key === 'string' && HIDDEN_KEYS.has(key)) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, n.items ?? {}, [...path, i]));
      return;
    }
    if (value !== null && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      let props = n.properties;
      if (!props && n.anyOf) props = n.anyOf.map((b) => deref(b, schema)).find((b) => b.properties)?.properties;
      if (!props) return;
      // A profile with a URL is shown as the URL's short form, which already carries the user name;
      // one with neither URL nor user name names no one and is not shown.
      const profile = path.length === 3 && path[1] === 'profiles';
      const skip = profile && (obj.url || !obj.username) ? new Set(['network', 'username']) : new Set<string>();
      // An item of a section: text in a field the schema does not define is shown too (a shared slot or an extra line).
      const item = path.length === 2 && typeof path[1] === 'number' && isSectionId(String(path[0]));
      // So is text in a field of basics (or of its location) the schema does not define: the header's extra lines.
      const header = path.join('.') === 'basics' || path.join('.') === 'basics.location';
      for (const [k, v] of Object.entries(obj)) {
        // hasOwn: a key named constructor or __proto__ must not find Object.prototype's members.
        const sub = Object.hasOwn(props, k) ? props[k] : undefined;
        if (sub && !skip.has(k)) visit(v, sub, [...path, k]);
        else if (!sub && (item || header) && isExtraKey(k)) pushText([...path, k], v);
      }
      // skills[].tags are the skill's categories in a file without variants (they tailor variants otherwise).
      if (item && path[0] === 'skills' && resume.variants === undefined && obj.tags !== undefined) {
        if (typeof obj.tags === 'string') push([...path, 'tags'], obj.tags);
        else if (Array.isArray(obj.tags))
          obj.tags.forEach((t, i) => typeof t === 'string' && push([...path, 'tags', i], t));
      }
      return;
    }
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (def === 'date' || def === 'endDate') {
      if (key === 'endDate' && isPresent(value)) {
        if (typeof obj(path) === 'object' && (obj(path) as Record<string, unknown>).startDate !== undefined)
          push(path, locale.words.present);
        return;
      }
      const d = parseDate(value);
      if (!('invalid' in d)) push(path, formatDate(d, locale.date));
      return;
    }
    // A street address of several lines is shown a line at a time (model: Header.address).
    if (path.join('.') === 'basics.location.address') {
      for (const line of String(value).split('\n')) push(path, line);
    } else if (def === 'link') push(path, displayUrl(String(value)));
    // A highlight written as a plain string is text too (its other form is {text, tags}).
    else if (def === 'text' || def === 'highlight') push(path, plainText(parseInline(String(value).trim())));
    else push(path, String(value));
  };
  const obj = (path: DataPath): unknown => {
    let cur: unknown = resume;
    for (const seg of path.slice(0, -1)) cur = (cur as Record<string | number, unknown>)[seg];
    return cur;
  };

  /**
   * Text with no schema definition, shown as written (see validate/extra-text.ts: a list joined, a mapping labelled).
   */
  const pushText = (path: DataPath, v: unknown) => {
    for (const part of extraParts(v))
      push(part.key === null ? path : [...path, part.key], plainText(parseInline(part.text)));
  };
  /** A custom section's strings, as model/custom.ts shows them. */
  const customLeaves = (key: string, shape: CustomShape): void => {
    switch (shape.kind) {
      case 'paragraph':
        return pushText([key], shape.text);
      case 'list':
        return shape.items.forEach((t, i) => pushText([key, i], t));
      case 'rows':
        return shape.rows.forEach(([label, t]) => pushText([key, label], t));
      case 'entries':
        return shape.items.forEach((item, i) => {
          const at: DataPath = [key, i];
          for (const [k, v] of Object.entries(item)) {
            if (!CUSTOM_ENTRY_KEYS.includes(k) && !isExtraKey(k)) continue;
            if (k === 'url') visit(v, { $ref: '#/$defs/link' }, [...at, k]);
            else if (k === 'date' || k === 'startDate') visit(v, { $ref: '#/$defs/date' }, [...at, k]);
            else if (k === 'endDate' && item.date === undefined) visit(v, { $ref: '#/$defs/endDate' }, [...at, k]);
            else if (k === 'highlights' && Array.isArray(v)) v.forEach((h, j) => pushText([...at, k, j], h));
            // Headings are shown as written, like a known section's names (model/custom.ts: no inline markup).
            else if (PLAIN_CUSTOM.has(k) && (typeof v === 'string' || typeof v === 'number'))
              push([...at, k], String(v));
            else if (k !== 'endDate' || item.date === undefined) pushText([...at, k], v);
          }
        });
    }
  };
  const custom = new Map(customSectionsOf(resume).map((c) => [c.key, c.shape]));
  for (const [key, value] of Object.entries(resume)) {
    if (HIDDEN_TOP.has(key)) continue;
    const sub = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
    const shape = custom.get(key);
    if (sub) visit(value, sub, [key]);
    else if (shape) customLeaves(key, shape);
  }
  // Section headings the owner wrote.
  for (const [id, text] of Object.entries(resume.folio?.sections ?? {})) {
    const heading = text as { title?: string; intro?: string; summary?: string } | undefined;
    for (const field of ['title', 'intro', 'summary'] as const) {
      const v = heading?.[field];
      if (!v || !sectionPresent(resume, id)) continue;
      push(['folio', 'sections', id, field], field === 'title' ? v : plainText(parseInline(v.trim())));
    }
  }
  if (opts.audience === 'public') {
    return out.filter((l) => !isPrivate(l.path, resume));
  }
  return out;
}

function sectionPresent(resume: Resume, id: string): boolean {
  const v = (resume as Record<string, unknown>)[id];
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null;
}

/**
 * True when a public output (HTML, Markdown) leaves this string out: a phone number or an address the owner did not
 * publish.
 */
export function isPrivate(path: DataPath, resume: Resume): boolean {
  return hiddenBy(path, resume).length > 0;
}

/** The folio.public switches that are off and keep this string off public outputs (none: it is public). */
export function hiddenBy(path: DataPath, resume: Resume): PrivateKind[] {
  const allowed = { phone: resume.folio?.public?.phone ?? false, address: resume.folio?.public?.address ?? false };
  return privateKinds(path, resume).filter((k) => !allowed[k]);
}

function privateKinds(path: DataPath, resume: Resume): PrivateKind[] {
  const p = path.join('.');
  if (p === 'basics.phone') return ['phone'];
  if (p === 'basics.location.address' || p === 'basics.location.postalCode') return ['address'];
  // The header's extra lines: private when they reveal a phone number or an address (as model/extras.ts decides).
  const [top, key, sub] = path;
  if (top !== 'basics' || typeof key !== 'string') return [];
  const { known, knownLocation } = basicsKeys();
  return key === 'location'
    ? typeof sub === 'string' && !knownLocation.has(sub)
      ? extraPrivacy(sub, null, true)
      : []
    : known.has(key)
      ? []
      : extraPrivacy(key, resume.basics?.[key as keyof typeof resume.basics], false);
}

/** Whitespace-insensitive form used to look for a leaf in extracted text. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The leaves whose text does not occur in `haystack` (both compared with whitespace collapsed). */
export function missingLeaves(leaves: readonly Leaf[], haystack: string): Leaf[] {
  const text = squash(haystack);
  return leaves.filter((l) => !text.includes(squash(l.text)));
}

/** What the PDF leaves out by design: section intros and the call-to-action sentence (the page carries the prose). */
export function pdfOmits(path: DataPath): boolean {
  const p = path.join('.');
  return /^folio\.sections\.[^.]+\.(intro|summary)$/.test(p) || p === 'callToAction.text';
}
