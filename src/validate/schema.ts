import { readFileSync } from 'node:fs';
import type { FolioResume, SectionId as GeneratedSectionId } from '../generated/resume.js';
import { packageRoot } from '../source/paths.js';

/** The résumé as written (after empty optional values are dropped), typed from the schema. */
export type Resume = FolioResume;

/** A JSON Schema node, as much of it as folio's own walkers read. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  enum?: unknown[];
  additionalProperties?: boolean | SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

let cached: SchemaNode | undefined;

/** The folio JSON Schema (read once per process). */
export function loadSchema(): SchemaNode {
  cached ??= JSON.parse(readFileSync(new URL('schema/resume.schema.json', packageRoot), 'utf8')) as SchemaNode;
  return cached;
}

/** Follow a local `$ref` (`#/$defs/name`, or any `#/…` pointer such as `#/properties/basics`) to its definition. */
export function deref(node: SchemaNode, root: SchemaNode): SchemaNode {
  let n = node;
  for (let guard = 0; n.$ref && guard < 10; guard++) {
    const target = pointer(root, n.$ref);
    if (!target) break;
    n = { ...target, description: n.description ?? target.description, $ref: target.$ref };
  }
  return n;
}

/** The schema node a local JSON pointer (`#/a/b`) names, if any. */
function pointer(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let cur: unknown = root;
  for (const seg of ref.slice(2).split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur !== null && typeof cur === 'object' ? (cur as SchemaNode) : undefined;
}

/** Name of the $def a schema node refers to, if any (`date`, `link`, …). */
export function refName(node: SchemaNode): string | null {
  return node.$ref?.startsWith('#/$defs/') ? node.$ref.slice(8) : null;
}

/** One of folio's own sections: a top-level key that holds résumé content (the schema's `$defs/sectionId`). */
export type SectionId = GeneratedSectionId;

/** The id that stands for the header (name, headline, contacts) where section ids are listed: its YAML key. */
export const HEADER_ID = 'basics';

/** Section ids in default display order, read from the schema so the list exists once. */
export function sectionIds(): readonly SectionId[] {
  const order = loadSchema().$defs?.sectionId?.enum;
  if (!Array.isArray(order)) throw new Error('schema: $defs.sectionId.enum is missing');
  return order as SectionId[];
}

/** Is this string one of folio's section ids? */
export function isSectionId(s: string): s is SectionId {
  return (sectionIds() as readonly string[]).includes(s);
}
