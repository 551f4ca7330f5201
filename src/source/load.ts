// Stage source: read a résumé within limits, check UTF-8, parse YAML with positions, locate any value (→ LoadedSource).
import { readFileSync } from 'node:fs';
import {
  Composer,
  type CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  Parser,
  type YAMLMap,
} from 'yaml';
import { type Diagnostic, UserError } from './diagnostics.js';
import { findIndentSlip } from './indentation.js';
import { DEFAULT_LIMITS, type InputLimits, showSize } from './limits.js';
import { packageRoot } from './paths.js';
import { readInput } from './read-input.js';
import { decodeUtf8 } from './utf8.js';

/** A data path: keys and list indexes from the document root. */
export type DataPath = ReadonlyArray<string | number>;

/** A parsed source that can point back at any value's line and column. */
export interface LoadedSource {
  file: string;
  text: string;
  data: unknown;
  /** Problems in the YAML that do not stop the build (tags folio ignores). */
  warnings: Diagnostic[];
  /** Line/column of the value at `path` (or of its key with `key: true`); the nearest existing ancestor if absent. */
  locate(path: DataPath, opts?: { key?: boolean }): { line: number; col: number };
  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string;
}

/** Read and parse a YAML (or JSON) résumé; unreadable, oversized, non-UTF-8 and malformed files become UserErrors. */
export async function loadFile(
  path: string,
  displayName = path,
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<LoadedSource> {
  const kind = {
    what: 'a résumé',
    maxBytes: limits.maxBytes,
    raise: 'if this really is one, raise the limit with --max-size',
  };
  return parseBytes(await readInput(path, displayName, kind), displayName, limits);
}

/** One line: how big, the limit, and how to raise it. */
function oversize(size: number, max: number): string {
  return (
    `the file is ${showSize(size)}, over the ${showSize(max)} limit for a résumé; ` +
    'if this really is one, raise the limit with --max-size'
  );
}

/** Check size and encoding of raw bytes, then parse them. */
export function parseBytes(bytes: Uint8Array, file: string, limits: InputLimits = DEFAULT_LIMITS): LoadedSource {
  if (bytes.length > limits.maxBytes) {
    throw new UserError(`${file}: error: ${oversize(bytes.length, limits.maxBytes)}`);
  }
  const kind = binaryKind(bytes);
  if (kind) throw new UserError(`${file}: error: this is ${kind}, not a YAML résumé`);
  // UTF-32 first: its little-endian mark (FF FE 00 00) starts like UTF-16's.
  const utf32 =
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (utf32)
    throw new UserError(
      `${file}: error: the file is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8`,
    );
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    throw new UserError(
      `${file}: error: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8`,
    );
  }
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) {
    const p = decoded.problem;
    const hex = `0x${p.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    const message =
      `invalid UTF-8: byte ${hex} at byte offset ${p.offset} is not valid UTF-8; ` +
      'save the file as UTF-8 (it may be Latin-1 or Windows-1252)';
    throw new UserError(`${file}: not UTF-8`, [
      { severity: 'error', file, line: p.line, col: p.col, path: '', message, sourceLine: p.lineText },
    ]);
  }
  return parseSource(decoded.text, file, limits);
}

/** Formats people pass by mistake (the built PDF, a Word file), named by their first bytes. */
const MAGIC: [string, number[]][] = [
  ['a PDF file', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (a .docx, .odt or .pages document?)', [0x50, 0x4b, 0x03, 0x04]],
  ['an old Word (.doc) file', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['an RTF document', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) if (magic.every((b, i) => bytes[i] === b)) return name;
  return null;
}

/** Parse YAML text; throws UserError with every syntax problem. */
export function parseSource(rawText: string, file: string, limits: InputLimits = DEFAULT_LIMITS): LoadedSource {
  // A UTF-8 byte order mark is legal and common from Windows editors.
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const lines = text.split(/\r?\n/);
  const lineText = (n: number): string => lines[n - 1] ?? '';
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const problem = (offset: number, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => {
    const { line, col } = pos(offset);
    return { severity, file, line, col, path: '', message, sourceLine: lineText(line) };
  };

  // yaml builds its document recursively: measure nesting on the flat token
  // stream first, so a deeply nested file gets a message instead of a stack overflow.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeep(tokens, limits.maxDepth);
  if (deep !== null) {
    throw new UserError(`${file}: nested too deeply`, [
      problem(
        deep,
        `lists and mappings are nested more than ${limits.maxDepth} levels deep here ` +
          '(a résumé needs about 6); check the indentation',
      ),
    ]);
  }
  const { doc, secondAt } = composeOne(tokens, text.length);

  const problems: Diagnostic[] = [];
  if (secondAt !== null)
    problems.push(
      problem(secondAt, 'a second YAML document starts here (after ---); a résumé file holds one document'),
    );
  // A tab used for indentation throws yaml's reading of every later line off: the errors that follow it
  // are consequences, so a file with tab indentation hears about the tabs alone.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const syntax: Diagnostic[] = [];
  for (const e of tabs.length ? tabs : doc.errors) {
    let offset = e.pos[0];
    // yaml reports an unclosed quote where the input ends; the opening quote is what the user must find.
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) offset = openingQuote(text, offset);
    const d = problem(offset, yamlMessage(e.code, e.message, limits));
    // yaml often reports one slip twice at one place, in two wordings: the first says it best.
    if (!syntax.some((s) => s.line === d.line && s.col === d.col)) syntax.push(d);
  }
  problems.push(...syntax);
  const warnings = doc.warnings
    .filter((w) => w.code === 'TAG_RESOLVE_FAILED')
    .map((w) =>
      problem(
        w.pos[0],
        `the tag ${tagAt(text, w.pos[0])} means nothing to folio; the value is read as plain text`,
        'warning',
      ),
    );
  const structure = checkStructure(doc, limits, (offset) => pos(offset).line);
  for (const s of structure.problems) problems.push(problem(s.offset, s.message));
  const found =
    tabs.length || (limits.nestedItemsAsText && problems.length === 0)
      ? problems
      : withIndentSlip(problems, text, lineText, file);
  if (found.length) throw new UserError(`${file}: invalid YAML`, found);

  let data: unknown;
  const firstAlias = structure.firstAlias ?? 0;
  try {
    data = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch {
    // toJS throws only when aliases expand past yaml's budget (unresolved and circular ones were caught above).
    throw new UserError(`${file}: alias bomb`, [
      problem(
        firstAlias,
        `aliases (*name) here are used or nested so often that they expand past ${limits.maxAliases} copies; ` +
          'this looks like an "alias bomb", write the values out instead',
      ),
    ]);
  }
  if (structure.firstAlias !== null) {
    // Each alias is a reference, not a copy: check what the renderers would walk, copies included.
    const size = expandedSize(data, limits.maxBytes, limits.maxDepth);
    if (size === 'too-big') {
      throw new UserError(`${file}: alias bomb`, [
        problem(
          firstAlias,
          `with its aliases (*name) expanded, the résumé is over the ${showSize(limits.maxBytes)} limit; ` +
            'write the values out instead, or raise --max-size',
        ),
      ]);
    }
    if (size === 'too-deep') {
      throw new UserError(`${file}: nested too deeply`, [
        problem(
          firstAlias,
          `with its aliases (*name) expanded, lists and mappings are nested more than ${limits.maxDepth} levels deep`,
        ),
      ]);
    }
  }
  // Big but valid: refused here, in milliseconds, rather than after minutes of PDF layout.
  const over = overBudget(data, limits);
  if (over) {
    const at = findOffset(doc, over.path, false) ?? structure.firstAlias ?? 0;
    throw new UserError(`${file}: too big to build`, [problem(at, over.message)]);
  }
  const locate = (path: DataPath, opts: { key?: boolean } = {}) => {
    const offset = findOffset(doc, path, opts.key ?? false);
    return offset === undefined ? { line: 1, col: 1 } : pos(offset);
  };
  return { file, text, data, warnings, locate, lineText };
}

/**
 * Walk the data as the later stages will, shared references counted each time:
 * roughly its size in bytes (text length plus one per value), stopping at `maxSize`.
 */
function expandedSize(data: unknown, maxSize: number, maxDepth: number): 'ok' | 'too-big' | 'too-deep' {
  const stack: [unknown, number][] = [[data, 0]];
  let size = 0;
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number];
    size += typeof v === 'string' ? v.length + 1 : 1;
    if (size > maxSize) return 'too-big';
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return 'too-deep';
    for (const [k, child] of Object.entries(v)) {
      size += k.length;
      stack.push([child, depth + 1]);
    }
  }
  return 'ok';
}

/**
 * The first place, in document order, where the résumé passes `maxListItems` list items or `maxTextChars`
 * characters of text in all (aliases counted at each use), with the message naming the limit; null within both.
 */
function overBudget(data: unknown, limits: InputLimits): { path: DataPath; message: string } | null {
  const stack: [unknown, DataPath][] = [[data, []]];
  let items = 0;
  let chars = 0;
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, DataPath];
    if (typeof v === 'string') {
      chars += v.length;
      if (chars > limits.maxTextChars)
        return {
          path,
          message:
            `the résumé holds more than ${limits.maxTextChars.toLocaleString('en')} characters of text` +
            `${path.length ? ' by here' : ''} (aliases counted at each use), over folio's limit: ` +
            'past it the PDF takes too long to lay out. Shorten the text, or split it into variants or several files',
        };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    const children = Array.isArray(v) ? v.map((c, i): [unknown, DataPath] => [c, [...path, i]]) : [];
    if (Array.isArray(v)) {
      items += v.length;
      if (items > limits.maxListItems) {
        const index = v.length - (items - limits.maxListItems);
        return {
          path: [...path, index],
          message:
            `the résumé has more than ${limits.maxListItems} list items in all ` +
            `(entries, bullets, keywords… together); this is item ${limits.maxListItems + 1}. ` +
            'Past that the PDF takes too long to lay out: ' +
            'shorten the lists, or split them into variants or several files',
        };
      }
    } else for (const [k, c] of Object.entries(v)) children.push([c, [...path, k]]);
    // Pushed last first: the walk goes in document order, so the place named is the first one over.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as [unknown, DataPath]);
  }
  return null;
}

/** The one document in the stream, and where a second one starts (an error), if any. */
function composeOne(tokens: CST.Token[], length: number): { doc: Document.Parsed; secondAt: number | null } {
  // Tags that build non-JSON values (!!binary, !!set, !!timestamp) stay plain text: a résumé holds only text, lists and
  // mappings.
  const composer = new Composer({ uniqueKeys: false, resolveKnownTags: false, logLevel: 'silent' });
  const docs = composer.compose(tokens, true, length);
  // compose(…, forceDoc = true) always yields at least one document.
  const doc = docs.next().value as Document.Parsed;
  const second = docs.next();
  return { doc, secondAt: second.done ? null : (second.value as Document.Parsed).range[0] };
}

/**
 * Offset of the first collection nested deeper than `max`, or null. Iterative: the input may be deeper than the stack.
 */
function tooDeep(tokens: CST.Token[], max: number): number | null {
  const stack: [CST.Token | null | undefined, number][] = [];
  for (const t of tokens) if (t.type === 'document') stack.push([t.value, 0]);
  let first: number | null = null;
  while (stack.length) {
    const [t, depth] = stack.pop() as [CST.Token | null | undefined, number];
    if (!t || (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection')) continue;
    if (depth + 1 > max) {
      if (first === null || t.offset < first) first = t.offset;
      continue;
    }
    for (const item of t.items) {
      if ('key' in item && item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return first;
}

interface Structure {
  problems: { offset: number; message: string }[];
  /** Where the first alias is, to point at when aliases expand too far. */
  firstAlias: number | null;
}

/**
 * A duplicate key right after a block mapping (or a list of them) that lacks it was most likely dedented out of it:
 * `url:` two spaces short under a `profiles:` item lands in basics, which has a url already.
 */
function dedentHint(prev: unknown, name: string): string {
  if (!isPair(prev) || !isScalar(prev.key)) return '';
  const value = prev.value;
  const last = isSeq(value) && !value.flow ? value.items[value.items.length - 1] : value;
  if (!isMap(last) || last.flow || last.items.some((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name))
    return '';
  const owner = last === value ? `\`${String(prev.key.value)}:\`` : `the last \`${String(prev.key.value)}:\` item`;
  return (
    `; if it belongs to ${owner} above, it is an indentation slip: ` +
    `indent it to line up with ${last === value ? 'its' : 'that item’s'} keys`
  );
}

/**
 * Walk the document in source order: duplicate keys (naming the first one's
 * line), keys that are not text, lists over the item limit, aliases with no
 * anchor or that refer to a node containing them (an endless value).
 */
function checkStructure(doc: Document.Parsed, limits: InputLimits, lineOf: (offset: number) => number): Structure {
  const out: Structure = { problems: [], firstAlias: null };
  // Anchor name → is its node still open (an ancestor of where the walk is)?
  const anchors = new Map<string, 'open' | 'closed'>();
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      const at = node.range?.[0] ?? 0;
      out.firstAlias ??= at;
      const state = anchors.get(node.source);
      if (state === undefined)
        out.problems.push({
          offset: at,
          message: `alias *${node.source} refers to no anchor &${node.source} defined above it`,
        });
      else if (state === 'open')
        out.problems.push({
          offset: at,
          message: `alias *${node.source} is inside the value it refers to, so it would repeat forever`,
        });
      return;
    }
    const anchor = (node as { anchor?: string } | null)?.anchor;
    if (anchor) anchors.set(anchor, 'open');
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key)) {
          out.problems.push({
            offset: key.range?.[0] ?? 0,
            message: 'a key must be plain text, not a list, mapping or alias',
          });
        } else if (isScalar(key)) {
          const name = String(key.value);
          const at = key.range?.[0] ?? 0;
          const first = seen.get(name);
          if (first === undefined) seen.set(name, at);
          else
            out.problems.push({
              offset: at,
              message:
                `duplicate key "${name}" (first defined on line ${lineOf(first)}); a key may appear once per mapping` +
                `${dedentHint(node.items[node.items.indexOf(pair) - 1], name)}`,
            });
        }
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      if (node.items.length > limits.maxItems) {
        const extra = node.items[limits.maxItems] as Node | undefined;
        out.problems.push({
          offset: extra?.range?.[0] ?? node.range?.[0] ?? 0,
          message:
            `this list has ${node.items.length} items, over the limit of ${limits.maxItems} in one list; ` +
            `this is item ${limits.maxItems + 1}`,
        });
      }
      for (const item of node.items) walk(item);
    }
    if (anchor) anchors.set(anchor, 'closed');
  };
  walk(doc.contents);
  return out;
}

/**
 * After an indentation slip yaml's errors land on the line before or after it and bring follow-on errors:
 * when the lines show a slip at or just before yaml's errors, that slip replaces them (errors above it stay).
 * A valid file is checked too, for the one slip YAML accepts: a list item indented past the one above,
 * which silently becomes more text of that item.
 */
function withIndentSlip(
  problems: Diagnostic[],
  text: string,
  lineText: (n: number) => string,
  file: string,
): Diagnostic[] {
  const slip = findIndentSlip(text, topLevelKeys());
  if (!slip) return problems;
  const diagnostic: Diagnostic = {
    severity: 'error',
    file,
    line: slip.line,
    col: slip.col,
    path: '',
    message: slip.message,
    sourceLine: lineText(slip.line),
  };
  if (problems.length === 0) return slip.readsAsText ? [diagnostic] : problems;
  if (!problems.some((d) => d.line >= slip.line - 1)) return problems;
  return [...problems.filter((d) => d.line < slip.line - 1), diagnostic];
}

let topKeys: ReadonlySet<string> | undefined;

/**
 * The résumé's top-level keys, from the schema: a key halfway between two indentations is placed at the top if it is
 * one.
 */
function topLevelKeys(): ReadonlySet<string> {
  if (!topKeys) {
    try {
      const schema = JSON.parse(readFileSync(new URL('schema/resume.schema.json', packageRoot), 'utf8')) as {
        properties?: object;
      };
      topKeys = new Set(Object.keys(schema.properties ?? {}));
    } catch {
      topKeys = new Set();
    }
  }
  return topKeys;
}

/** yaml's messages, in the plain words folio uses elsewhere. */
function yamlMessage(code: string, message: string, limits: InputLimits): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'MISSING_CHAR':
      if (/quote/i.test(first)) return 'this quoted text has no closing quote';
      if (/followed by map values/.test(first)) return 'expected "key: value" here; is the colon missing?';
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'expected "key: value" here; is the colon missing, or a quote not closed?';
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/compact mappings/.test(first)) {
        return (
          'a second "key:" on the same line; if the text contains ": ", put it in quotes (label: "Lead: Platform"), ' +
          'otherwise check the indentation'
        );
      }
      break;
    case 'BAD_SCALAR_START': {
      const c = /character (.)/.exec(first)?.[1] ?? '';
      return `text cannot start with ${c} unless it is in quotes: write "${c}…"`;
    }
    case 'RESOURCE_EXHAUSTION':
      return `lists and mappings are nested more than ${limits.maxDepth} levels deep here; check the indentation`;
    case 'KEY_OVER_1024_CHARS':
      return 'this key is longer than 1024 characters; is a colon missing after a short key?';
  }
  const unclosed = /(map|sequence)\b.*must .*end with a ([}\]])/.exec(first);
  if (unclosed)
    return `a ${unclosed[1] === 'map' ? '{ … } mapping' : '[ … ] list'} is never closed: a ${unclosed[2]} is missing`;
  return `invalid YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** The tag written at `offset` (`!!binary`), for a warning. */
function tagAt(text: string, offset: number): string {
  return /^!\S*/.exec(text.slice(offset, offset + 100))?.[0] ?? 'here';
}

/** The last unmatched quote character before `end`. */
function openingQuote(text: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '"' || c === "'") return i;
  }
  return end;
}

const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** A mapping's pairs by key, built once: locating every key of a 50,000-key mapping must not be quadratic. */
function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items)
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    keyIndexes.set(map, index);
  }
  return index;
}

/** Walk the YAML AST along a data path; return the start offset of the deepest node found. */
function findOffset(doc: Document, path: DataPath, wantKey: boolean): number | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best = node?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(seg));
      if (!pair) return best;
      const keyNode = pair.key as Node;
      if (last && wantKey) return keyNode.range?.[0] ?? best;
      node = pair.value as Node | null;
      // A key with no value (`name:`) has no value node: point at the key.
      best = node?.range?.[0] ?? keyNode.range?.[0] ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg] as Node | undefined;
      if (!node) return best;
      best = node.range?.[0] ?? best;
    } else {
      return best;
    }
  }
  return best;
}
