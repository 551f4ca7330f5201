import { isPresent } from '../../validate/dates.js';
import { deref, loadSchema, type SchemaNode } from '../../validate/schema.js';
import { DATE_KEYS, EXTENSION_KEY, type Fields, FORMAT_KEYS, isObject, JSON_RESUME_V1, type Json } from './v1.js';

export interface Exported {
  /** A JSON Resume v1 document. */
  doc: Json;
  /** What changed on the way, in plain words, for the terminal. */
  notes: string[];
}

/**
 * A folio résumé (as written) → JSON Resume v1. Standard keys stay where they are;
 * folio's own keys move into the `x-folio` key of the object that held them (JSON
 * Resume allows extra keys everywhere, themes ignore them, and `folio import` puts
 * them back); keys neither schema knows are kept as they are.
 */
export function toJsonResume(data: Json): Exported {
  const schema = loadSchema();
  const counts = { moved: 0, present: 0, empty: 0, years: 0 };

  /** The schema node describing a mapping at this place, following $ref and anyOf. */
  const objectNode = (node: SchemaNode | undefined): SchemaNode | undefined => {
    if (!node) return undefined;
    const n = deref(node, schema);
    if (n.anyOf) return n.anyOf.map((b) => deref(b, schema)).find((b) => b.type === 'object' || b.properties);
    return n;
  };

  const convert = (obj: Json, fields: Fields, node: SchemaNode | undefined): Json => {
    const out: Json = {};
    const ext: Json = {};
    for (const [key, value] of Object.entries(obj)) {
      const shape = fields[key];
      const folio = objectNode(node)?.properties?.[key];
      if (shape === undefined) {
        // folio's extensions move; anything else was the author's own and stays.
        if (folio && key !== EXTENSION_KEY) {
          ext[key] = value;
          counts.moved++;
        } else out[key] = value;
        continue;
      }
      // null is never valid JSON Resume, "" not in a date, link or email; folio reads both as "not given".
      if (value === null || (value === '' && (DATE_KEYS.has(key) || FORMAT_KEYS.has(key)))) {
        counts.empty++;
        continue;
      }
      if (shape === 'value') {
        if (DATE_KEYS.has(key) && typeof value === 'number') {
          out[key] = String(value);
          counts.years++;
        } else if (key === 'endDate' && typeof value === 'string' && isPresent(value)) {
          // JSON Resume marks an ongoing entry by leaving endDate out.
          counts.present++;
        } else out[key] = value;
      } else if (shape === 'strings') {
        if (!Array.isArray(value)) {
          out[key] = value;
          continue;
        }
        // folio lets a highlight be {text, tags}; JSON Resume wants the text, the rest waits in x-folio.
        const extras = value.map((item) =>
          isObject(item) && typeof item.text === 'string' ? withoutText(item) : null,
        );
        out[key] = value.map((item) => (isObject(item) && typeof item.text === 'string' ? item.text : item));
        if (extras.some((x) => x !== null)) {
          ext[key] = extras;
          counts.moved++;
        }
      } else if ('object' in shape) {
        out[key] = isObject(value) ? convert(value, shape.object, objectNode(folio)) : value;
      } else {
        const itemNode = folio ? deref(folio, schema).items : undefined;
        out[key] = Array.isArray(value)
          ? value.map((item) => (isObject(item) ? convert(item, shape.list, objectNode(itemNode)) : item))
          : value;
      }
    }
    if (Object.keys(ext).length) out[EXTENSION_KEY] = ext;
    return out;
  };

  const doc = convert(data, JSON_RESUME_V1, schema);
  const notes: string[] = [];
  if (counts.moved)
    notes.push(
      `${counts.moved} folio-only field${counts.moved === 1 ? '' : 's'} moved under "${EXTENSION_KEY}" keys ` +
        `(JSON Resume themes ignore them; folio import restores them)`,
    );
  if (counts.present)
    notes.push(
      `${counts.present} "endDate: present" left out: JSON Resume marks an ongoing entry by having no endDate`,
    );
  if (counts.years)
    notes.push(
      `${counts.years} year${counts.years === 1 ? '' : 's'} written as text ("2021"), as JSON Resume requires`,
    );
  if (counts.empty)
    notes.push(
      `${counts.empty} empty value${counts.empty === 1 ? '' : 's'} (null, or "" as a date, link or email) left out: ` +
        `JSON Resume does not allow them`,
    );
  return { doc, notes };
}

function withoutText(item: Json): Json {
  const { text: _text, ...rest } = item;
  return rest;
}
