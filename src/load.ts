import { readFile } from 'node:fs/promises';
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { type Diagnostic, UserError } from './diagnostics.js';

/** A data path: keys and list indexes from the document root. */
export type DataPath = ReadonlyArray<string | number>;

/** A parsed source that can point back at any value's line and column. */
export interface LoadedSource {
  file: string;
  text: string;
  data: unknown;
  /** Line/column of the value at `path` (or of its key with `key: true`); the nearest existing ancestor if absent. */
  locate(path: DataPath, opts?: { key?: boolean }): { line: number; col: number };
  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string;
}

/** Read and parse a YAML (or JSON) résumé; syntax problems become located diagnostics. */
export async function loadFile(path: string, displayName = path): Promise<LoadedSource> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, expected a YAML file' : `cannot read it (${code ?? String(err)})`;
    throw new UserError(`${displayName}: error: ${why}`);
  }
  return parseSource(buf.toString('utf8'), displayName);
}

/** Parse YAML text; throws UserError with every syntax problem. */
export function parseSource(rawText: string, file: string): LoadedSource {
  // A UTF-8 byte order mark is legal and common from Windows editors.
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const lines = text.split(/\r?\n/);
  const lineText = (n: number): string => lines[n - 1] ?? '';
  const pos = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };

  const problems: Diagnostic[] = [];
  for (const e of doc.errors) {
    let offset = e.pos[0];
    // yaml reports an unclosed quote where the input ends; the opening quote is what the user must find.
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) offset = openingQuote(text, offset);
    const { line, col } = pos(offset);
    problems.push({ severity: 'error', file, line, col, path: '', message: yamlMessage(e.code, e.message), sourceLine: lineText(line) });
  }
  // Duplicate keys are found here rather than by yaml, so the message can name the first one's line.
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const at = pair.key.range?.[0] ?? 0;
        const first = seen.get(name);
        if (first === undefined) seen.set(name, at);
        else {
          const { line, col } = pos(at);
          const message = `duplicate key "${name}" (first defined on line ${pos(first).line}); a key may appear once per mapping`;
          problems.push({ severity: 'error', file, line, col, path: '', message, sourceLine: lineText(line) });
        }
      }
    },
  });
  if (problems.length) throw new UserError(`${file}: invalid YAML`, problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new UserError(`${file}: error: ${(err as Error).message}`);
  }
  const locate = (path: DataPath, opts: { key?: boolean } = {}) => {
    const offset = findOffset(doc, path, opts.key ?? false);
    return offset === undefined ? { line: 1, col: 1 } : pos(offset);
  };
  return { file, text, data, locate, lineText };
}

/** yaml's messages, in the plain words folio uses elsewhere. */
function yamlMessage(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'MISSING_CHAR':
      return /quote/i.test(first) ? 'this quoted text has no closing quote' : first;
    default:
      return `invalid YAML: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
}

/** The last unmatched quote character before `end`. */
function openingQuote(text: string, end: number): number {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '"' || c === "'") return i;
  }
  return end;
}

/** Walk the YAML AST along a data path; return the start offset of the deepest node found. */
function findOffset(doc: Document, path: DataPath, wantKey: boolean): number | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best = node?.range?.[0];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
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
