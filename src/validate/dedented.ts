// A key dedented out of the mapping above it, when YAML still accepts the file.
//
// `location:` then `city:` then `countryCode:` at `location:`'s own indentation is valid YAML: countryCode becomes a
// key of basics (shown as an extra line), and `profiles:` dedented to the top becomes a custom section. The line
// scanner in source/indentation.ts cannot see this (nothing after the key is out of place), but the schema can: the key
// is unknown where it stands and is a field of the mapping just above it, which does not have it yet.
import type { DataPath, LoadedSource } from '../source/load.js';
import { deref, type SchemaNode } from './schema.js';

/** Where an unknown key was most likely meant to go: the mapping written just above it in the same mapping. */
export interface Dedented {
  /** Path of the mapping the key belongs in: `[..., 'location']`, or a list's last item `[..., 'profiles', 0]`. */
  into: DataPath;
  /** How the mapping is named in messages: `location:` or the last `profiles:` item. */
  name: string;
}

/** The object branch of a schema node (`anyOf` of a string and an object, as some folio fields are), if it has one. */
function mappingOf(node: SchemaNode | undefined, root: SchemaNode): SchemaNode | null {
  if (!node) return null;
  const n = deref(node, root);
  if (n.properties) return n;
  return n.anyOf?.map((b) => deref(b, root)).find((b) => b.properties) ?? null;
}

/**
 * If `key`, unknown in `obj` (a mapping at `path` whose schema fields are `props`; `prev` the key written before it,
 * passed in so a mapping of 47,000 keys is not searched once per key), is a field of the mapping written just above it
 * (the previous key's value, or that list's last item) that lacks it, that mapping; otherwise null.
 */
export function dedentedFrom(
  obj: Record<string, unknown>,
  path: DataPath,
  key: string,
  prev: string | undefined,
  props: Record<string, SchemaNode>,
  root: SchemaNode,
): Dedented | null {
  if (prev === undefined || !Object.hasOwn(props, prev)) return null;
  const value = obj[prev];
  let node = deref(props[prev] as SchemaNode, root);
  let into: DataPath = [...path, prev];
  let target = value;
  let name = `\`${prev}:\``;
  if (Array.isArray(value)) {
    const items = node.items ?? node.anyOf?.map((b) => deref(b, root)).find((b) => b.items)?.items;
    if (!items || value.length === 0) return null;
    node = items;
    into = [...into, value.length - 1];
    target = value[value.length - 1];
    name = `the last \`${prev}:\` item`;
  }
  const mapping = mappingOf(node, root);
  if (!mapping?.properties || target === null || typeof target !== 'object' || Array.isArray(target)) return null;
  if (!Object.hasOwn(mapping.properties, key) || Object.hasOwn(target, key)) return null;
  return { into, name };
}

/**
 * The message for a dedented key, or null when the file gives no indentation to speak of (JSON, or the mapping above
 * written inline as `{ … }`). Columns are read from the source: where the mapping's own keys start.
 */
export function dedentedMessage(src: LoadedSource, path: DataPath, key: string, d: Dedented): string | null {
  if (/^\s*[{[]/.test(src.text)) return null;
  const target = valueIn(src.data, d.into);
  const first = target && typeof target === 'object' ? Object.keys(target)[0] : undefined;
  if (first === undefined) return null;
  const here = src.locate([...path, key], { key: true });
  const there = src.locate([...d.into, first], { key: true });
  const opener = src.locate(d.into.slice(0, path.length + 1), { key: true });
  // Inline (`location: { city: X }`), or not below the mapping it would join: no indentation slip to name.
  if (there.line === opener.line || there.line >= here.line || there.col <= here.col) return null;
  const n = there.col - here.col;
  const last = path[path.length - 1];
  const owner =
    last === undefined
      ? 'the top level'
      : typeof last === 'number'
        ? `the \`${String(path[path.length - 2])}:\` item`
        : `\`${last}:\``;
  const optOut = path.length === 0 ? `; if it is a section of its own, give it a title in folio.sections.${key}` : '';
  return (
    `indentation: \`${key}:\` is indented ${here.col - 1} space${here.col === 2 ? '' : 's'}, ` +
    `which puts it ${last === undefined ? 'at' : 'in'} ${owner}, but it is a field of ${d.name} above it; ` +
    `indent \`${key}:\` by ${n} space${n === 1 ? '' : 's'} to keep it under ${d.name}${optOut}`
  );
}

function valueIn(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}
