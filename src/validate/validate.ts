// Stage validate: the schema (ajv) plus folio's rules and suggestions → a Resume, or every problem as file:line:col.
import type { ErrorObject } from 'ajv';
import validateSchema from '../generated/validate-resume.cjs';
import { type Diagnostic, showValue, sortDiagnostics, UserError } from '../source/diagnostics.js';
import type { DataPath, LoadedSource } from '../source/load.js';
import type { At } from './at.js';
import { blankFields, blankItems, withoutFields } from './blank-items.js';
import { classifyTopKey, likelyTypo } from './custom-sections.js';
import { compareDates, ENGLISH_DATES, formatDate, isPresent, type PartialDate, parseDate } from './dates.js';
import { type Dedented, dedentedFrom, dedentedMessage } from './dedented.js';
import { extraText, isExtraKey } from './extra-text.js';
import { formatPath } from './format-path.js';
import { unsupportedLangMessage } from './languages.js';
import { readLegacyKeys } from './legacy.js';
import { MARGIN_RANGE, marginPoints } from './margins.js';
import { deref, loadSchema, type Resume, type SchemaNode, sectionIds } from './schema.js';
import { sectionIdProblems } from './section-ids.js';
import { legacyRename, suggestKey } from './suggest.js';
import { badText } from './text-check.js';
import { variantProblems } from './variants-check.js';

export { formatPath };

export interface Validated {
  resume: Resume;
  /** Problems that do not stop the build (unknown keys, future dates). */
  warnings: Diagnostic[];
  /** What folio read in a way worth saying, not a problem: custom sections found, JSON Resume 0.x keys read as 1.0. */
  notes: Diagnostic[];
}

export interface ValidateOptions {
  /** Treat warnings as errors. */
  strict?: boolean;
  /** "Today", for the future-date warning; injectable for tests. */
  today?: Date;
}

/** What to say when a value fails one of the schema's shared definitions. */
const DEF_MESSAGES: Record<string, string> = {
  date: 'expected a date like 2021-03',
  endDate: 'expected a date like 2021-03, or "present"',
  link: 'expected a link starting with https://, mailto: or tel:',
  email: 'expected an email address like name@example.com',
  tags: 'expected a tag or a list of tags',
  highlight: 'expected a bullet: text, or a mapping with text and tags',
  metric: 'expected a metric: a mapping with label and value',
  sectionText: 'expected a mapping with title, intro and summary',
  text: 'expected text',
  color: 'expected a colour like #0f5e9c',
  margin: 'expected a margin like 18mm, 0.75in or 42pt, from 5 mm to 50 mm',
};

/** Unknown keys listed per mapping before the rest are only counted. */
const MAX_UNKNOWN_LISTED = 10;

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'nothing',
};

/**
 * Check a parsed source against the schema and folio's own rules (real calendar
 * dates, end after start). Collects every problem, then throws one UserError
 * listing them all, sorted by line.
 */
export function validate(src: LoadedSource, opts: ValidateOptions = {}): Validated {
  const at = (path: DataPath, severity: Diagnostic['severity'], message: string, key = false): Diagnostic => {
    const { line, col } = src.locate(path, { key });
    return { severity, file: src.file, line, col, path: formatPath(path), message, sourceLine: src.lineText(line) };
  };

  const root = src.data;
  if (root === null || root === undefined) {
    throw new UserError(`${src.file}: empty file`, [
      {
        ...at([], 'error', 'the file is empty: expected a résumé with keys like basics, work and skills'),
        line: 1,
        col: 1,
      },
    ]);
  }
  if (typeof root !== 'object' || Array.isArray(root)) {
    const what = Array.isArray(root) ? 'a list' : `a single value (${showValue(root)})`;
    throw new UserError(`${src.file}: not a résumé`, [
      at([], 'error', `the file holds ${what}; a résumé is a mapping with keys like basics, work and skills`),
    ]);
  }

  const data = dropEmpty(root) as Record<string, unknown>;
  // `foo:` and `bar:` with nothing under them would otherwise validate as a blank résumé.
  const written = Object.keys(root);
  if (written.length > 0 && Object.keys(data).length === 0) {
    throw new UserError(`${src.file}: no résumé content`, [
      at(
        [written[0] ?? ''],
        'error',
        `no résumé content: every top-level key (${written.slice(0, 5).join(', ')}` +
          `${written.length > 5 ? ', …' : ''}) is empty; fill in at least basics: name:`,
        true,
      ),
    ]);
  }
  // A FRESH résumé (HackMyResume) shares some key names with JSON Resume but not their shapes: say what it
  // is once, instead of dozens of unknown-key warnings and type errors.
  const format = (data.meta as Record<string, unknown> | undefined)?.format;
  if (typeof format === 'string' && /^FRESH\b/i.test(format)) {
    throw new UserError(`${src.file}: FRESH format`, [
      at(
        ['meta', 'format'],
        'error',
        `this is a FRESH résumé (${format}), not JSON Resume: convert it with folio import FILE -o resume.yaml`,
      ),
    ]);
  }
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [...src.warnings];
  const notes: Diagnostic[] = [];

  // JSON Resume 0.x keys are read under their 1.0 names, so a direct build shows the employer; one note per kind.
  const legacy = readLegacyKeys(data);
  const firstOf = new Map<string, { path: DataPath; count: number }>();
  for (const r of legacy) {
    const kind = `${String(r.path[0])}${typeof r.path[1] === 'number' ? '[]' : ''}.${r.from} → ${r.to}`;
    const seen = firstOf.get(kind);
    firstOf.set(kind, { path: seen?.path ?? r.path, count: (seen?.count ?? 0) + 1 });
  }
  for (const [kind, { path, count }] of firstOf) {
    notes.push(
      at(
        path,
        'note',
        `read ${kind}${count > 1 ? ` (${count} times)` : ''}: ` +
          'the JSON Resume 1.0 name (folio import renames it in the file)',
        true,
      ),
    );
  }

  if (!validateSchema(data)) errors.push(...schemaErrors(validateSchema.errors ?? [], data, at));
  else errors.push(...requiredButBlank(data, at));
  for (const bad of badText(data)) errors.push(at(bad.path, 'error', bad.message));
  for (const path of blankItems(data))
    warnings.push(
      at(
        path,
        'warning',
        'this list item is blank (only spaces, tabs or line breaks): ' +
          'every output leaves it out; delete it or fill it in',
      ),
    );

  const schema = loadSchema();
  const today = opts.today ?? new Date();
  const folioSections = (data.folio as Record<string, unknown> | undefined)?.sections;
  const declaredTitles = new Set(folioSections && typeof folioSections === 'object' ? Object.keys(folioSections) : []);
  // A generated file can hold thousands of unknown keys: list the first few per mapping, then count the rest.
  const unknownIn = new Map<string, { firstHidden: DataPath | null; count: number }>();
  walk(data, schema, [], schema, {
    unknownKey(path, key, known, dedented) {
      const value = valueAt(data, [...path, key]);
      // `countryCode:` dedented out of `location:` is valid YAML: say what happened rather than take it for an extra
      // line or, at the top, a custom section (a warning there: a section may share a field's name, and a title says
      // so).
      const slip =
        dedented && !(path.length === 0 && declaredTitles.has(key)) && dedentedMessage(src, path, key, dedented);
      if (slip) {
        (path.length === 0 ? warnings : errors).push(
          at([...path, key], path.length === 0 ? 'warning' : 'error', slip, true),
        );
        return;
      }
      if (path.length === 0) {
        const verdict = classifyTopKey(key, value, known, declaredTitles.has(key));
        if (verdict.kind === 'custom') {
          notes.push(at([key], 'note', `custom section: ${key} (${describeShape(verdict.shape)})`, true));
          // A blank row loses its label too: said where it is (blank list items are warned of with all lists).
          if (verdict.shape.kind === 'rows')
            for (const [label, v] of verdict.shape.rows)
              if (typeof v === 'string' && v.trim() === '')
                warnings.push(
                  at(
                    [key, label],
                    'warning',
                    'is blank (only spaces, tabs or line breaks): ' +
                      'every output leaves this row out, its label too; fill it in or delete it',
                  ),
                );
          return;
        }
        const message =
          verdict.kind === 'typo'
            ? `unknown key "${key}" (did you mean "${verdict.of}"?); ` +
              `if it is a section of its own, give it a title in folio.sections.${key}`
            : `unknown key "${key}": ${verdict.why}`;
        warnings.push(at([key], 'warning', message, true));
        return;
      }
      // The heading text of a custom section: the top-level key has its own note (custom section) or warning.
      if (formatPath(path) === 'folio.sections' && Object.hasOwn(data, key)) return;
      // Text on an entry of a known section (or in basics) is shown as an extra line: not "unknown", unless it looks
      // misspelt.
      if (showsExtras(path) && isExtraKey(key) && extraText(value) !== null) {
        const of = likelyTypo(key, known);
        if (of)
          warnings.push(
            at(
              [...path, key],
              'warning',
              `"${key}" looks like a misspelling of "${of}"; ` +
                `it is shown as an extra line "${key}: …" until it is renamed`,
              true,
            ),
          );
        return;
      }
      const seen = unknownIn.get(formatPath(path)) ?? { firstHidden: null, count: 0 };
      const firstHidden = seen.count === MAX_UNKNOWN_LISTED ? [...path, key] : seen.firstHidden;
      unknownIn.set(formatPath(path), { firstHidden, count: seen.count + 1 });
      if (seen.count >= MAX_UNKNOWN_LISTED) return;
      const legacy = legacyRename(key, known);
      const hint = suggestKey(key, known);
      const message = legacy
        ? `unknown key "${key}": JSON Resume 1.0 calls it "${legacy}", ` +
          'so this value is not shown (folio import renames old keys)'
        : `unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`;
      warnings.push(at([...path, key], 'warning', message, true));
    },
    object(obj, path) {
      checkDates(obj, path, errors, warnings, today, at, src);
    },
  });

  for (const { firstHidden, count } of unknownIn.values()) {
    if (firstHidden)
      warnings.push(
        at(
          firstHidden,
          'warning',
          `this and ${count - MAX_UNKNOWN_LISTED - 1} more unknown keys in this mapping are not listed one by one`,
          true,
        ),
      );
  }

  // A language without a catalogue still builds (in English words): say so where it is set, base file and variants
  // alike.
  for (const path of langPaths(data)) {
    const message = unsupportedLangMessage(String(valueAt(data, path)));
    if (message) warnings.push(at(path, 'warning', message));
  }

  const known = Object.keys(schema.properties ?? {});
  const keys = Object.keys(data);
  if (keys.length > 0 && !keys.some((k) => known.includes(k))) {
    const hint = foreignFormat(data);
    errors.push(
      at(
        [keys[0] ?? ''],
        'error',
        `no résumé content: none of the top-level keys (${keys.join(', ')}) is a JSON Resume or folio section.${hint}`,
        true,
      ),
    );
  }

  errors.push(...designProblems(data, at));
  errors.push(...sectionIdProblems(data, at));

  const tailoring = variantProblems(data, at);
  errors.push(...tailoring.errors);
  warnings.push(...tailoring.warnings);

  if (opts.strict) for (const w of warnings.splice(0)) errors.push({ ...w, severity: 'error' });
  if (errors.length) {
    const all = sortDiagnostics([...errors, ...warnings]);
    throw new UserError(`${src.file}: ${errors.length} error${errors.length === 1 ? '' : 's'}`, all);
  }
  if (
    data.variants !== undefined &&
    Array.isArray(data.skills) &&
    data.skills.some((s) => s && typeof s === 'object' && 'tags' in s)
  ) {
    const i = data.skills.findIndex((s) => s && typeof s === 'object' && 'tags' in s);
    notes.push(
      at(
        ['skills', i, 'tags'],
        'note',
        'skills[].tags choose skills for variants here (this file has variants:), so they are not shown; ' +
          'without variants they are shown as categories',
        true,
      ),
    );
  }
  return { resume: data as Resume, warnings: sortDiagnostics(warnings), notes: sortDiagnostics(notes) };
}

/**
 * Sections whose items are entries or groups, where a text field folio has no slot for is shown as an extra line:
 * every section of the schema whose items are objects, except metrics and principles, whose items have a fixed
 * layout (a figure; a numbered title and its text) with no place for one.
 */
let itemSections: ReadonlySet<string> | undefined;

function isItemSection(key: string): boolean {
  itemSections ??= new Set(
    sectionIds().filter((id) => {
      const schema = loadSchema();
      const items = schema.properties?.[id]?.items;
      return id !== 'metrics' && id !== 'principles' && items !== undefined && deref(items, schema).type === 'object';
    }),
  );
  return itemSections.has(key);
}

/** Mappings whose text fields folio shows as extra lines: an entry of a known section, basics and its location. */
function showsExtras(path: DataPath): boolean {
  const p = path.join('.');
  if (p === 'basics' || p === 'basics.location') return true;
  return path.length === 2 && typeof path[1] === 'number' && isItemSection(String(path[0]));
}

function describeShape(shape: import('./custom-sections.js').CustomShape): string {
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : word.endsWith('y') ? '' : 's'}`;
  switch (shape.kind) {
    case 'paragraph':
      return 'a paragraph';
    case 'list':
      return n(shape.items.length, 'paragraph');
    case 'entries':
      return n(shape.items.length, 'entry').replace(/entrys$/, 'entries');
    case 'rows':
      return n(shape.rows.length, 'row');
  }
}

/** A hint naming the résumé format a file with no JSON Resume section is written in. */
function foreignFormat(data: Record<string, unknown>): string {
  if ('cv' in data) return ' It looks like a RenderCV file: convert it with folio import FILE -o resume.yaml.';
  if ('content' in data && ('layouts' in data || 'locale' in data))
    return ' It looks like a YAMLResume file: convert it with folio import FILE -o resume.yaml.';
  return '';
}

/** JSON Resume files often hold `""` or `null` for "not given": treat both as absent. */
function dropEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === '' || v === null) continue;
      // defineProperty, not assignment: a key named __proto__ must stay a key (reported as unknown), not become the
      // prototype.
      Object.defineProperty(out, k, { value: dropEmpty(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

function schemaErrors(list: ErrorObject[], data: unknown, at: At): Diagnostic[] {
  const defByDescription = new Map<string, string>();
  for (const [name, def] of Object.entries(loadSchema().$defs ?? {}))
    if (def.description) defByDescription.set(def.description, name);

  const groups = new Map<string, ErrorObject[]>();
  for (const e of list) groups.set(e.instancePath, [...(groups.get(e.instancePath) ?? []), e]);

  const out: Diagnostic[] = [];
  for (const [pointer, errs] of groups) {
    const path = parsePointer(pointer);
    const value = valueAt(data, path);
    const required = errs.filter((e) => e.keyword === 'required');
    for (const e of required) {
      out.push(at(path, 'error', `missing required key "${String(e.params.missingProperty)}"`));
    }
    const others = errs.filter((e) => e.keyword !== 'required');
    if (!others.length) continue;
    // The outermost shared definition that failed names what was expected; anyOf errors come after their branches.
    let message: string | null = null;
    for (const e of others) {
      const desc = (e.parentSchema as SchemaNode | undefined)?.description;
      const def = desc ? defByDescription.get(desc) : undefined;
      if (def && DEF_MESSAGES[def]) message = DEF_MESSAGES[def];
    }
    message ??= genericMessage(others[0] as ErrorObject);
    out.push(at(path, 'error', `${message} (got ${showValue(value)})`));
  }
  return out;
}

function genericMessage(e: ErrorObject): string {
  switch (e.keyword) {
    case 'type': {
      const types = String(e.params.type).split(',');
      return `expected ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`;
    }
    case 'enum':
      return `expected one of: ${(e.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'uniqueItems':
      return `items ${String(e.params.j)} and ${String(e.params.i)} are the same; list each once`;
    case 'minLength':
      return 'must not be empty';
    case 'pattern':
      return 'is not in the expected format';
    default:
      return e.message ?? e.keyword;
  }
}

interface Visitor {
  /** `dedented`: the mapping just above that has this key as a field (an indentation slip YAML accepts), if any. */
  unknownKey(path: DataPath, key: string, known: string[], dedented: Dedented | null): void;
  object(obj: Record<string, unknown>, path: DataPath): void;
}

/** Walk data and schema together: report keys the schema does not define, and visit every mapping. */
function walk(value: unknown, node: SchemaNode, path: DataPath, root: SchemaNode, v: Visitor): void {
  let n = deref(node, root);
  if (n.anyOf) {
    const wanted = Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : null;
    const branch = n.anyOf.map((b) => deref(b, root)).find((b) => b.type === wanted);
    if (!branch) return;
    n = branch;
  }
  if (Array.isArray(value)) {
    if (n.items) value.forEach((item, i) => walk(item, n.items as SchemaNode, [...path, i], root, v));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  // A mapping of named items (variants): every value follows one schema.
  if (!n.properties && typeof n.additionalProperties === 'object') {
    for (const [k, child] of Object.entries(obj)) walk(child, n.additionalProperties, [...path, k], root, v);
    return;
  }
  if (!n.properties) return;
  const props = n.properties;
  let prev: string | undefined;
  for (const [k, child] of Object.entries(obj)) {
    // hasOwn: a key named constructor or __proto__ must not find Object.prototype's members.
    const sub = Object.hasOwn(props, k) ? props[k] : undefined;
    if (sub) walk(child, sub, [...path, k], root, v);
    else v.unknownKey(path, k, Object.keys(props), dedentedFrom(obj, path, k, prev, props, root));
    prev = k;
  }
  v.object(obj, path);
}

const DATE_KEYS = ['startDate', 'endDate', 'date', 'releaseDate'] as const;

function checkDates(
  obj: Record<string, unknown>,
  path: DataPath,
  errors: Diagnostic[],
  warnings: Diagnostic[],
  today: Date,
  at: At,
  src: LoadedSource,
): void {
  const parsed: Partial<Record<(typeof DATE_KEYS)[number], PartialDate>> = {};
  for (const key of DATE_KEYS) {
    const raw = obj[key];
    if (raw === undefined || (key === 'endDate' && isPresent(raw))) continue;
    if (typeof raw !== 'string' && typeof raw !== 'number') continue;
    const d = parseDate(raw);
    if ('invalid' in d) {
      // Shape errors were already reported by the schema; here only impossible calendar dates.
      if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(String(raw)))
        errors.push(at([...path, key], 'error', `${d.invalid} (got ${showValue(raw)})`));
      continue;
    }
    parsed[key] = d;
  }
  const { startDate: start, endDate: end } = parsed;
  if (start && end && compareDates(end, start) < 0) {
    const startLine = src.locate([...path, 'startDate']).line;
    errors.push(
      at(
        [...path, 'endDate'],
        'error',
        `ends (${formatDate(end, ENGLISH_DATES)}) ` +
          `before it starts (${formatDate(start, ENGLISH_DATES)}, line ${startLine})`,
      ),
    );
  }
  const now: PartialDate = { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
  if (start && compareDates(start, now) > 0) {
    warnings.push(
      at(
        [...path, 'startDate'],
        'warning',
        `starts in the future (${formatDate(start, ENGLISH_DATES)}); is the year right?`,
      ),
    );
  }
}

/**
 * A required key whose value is only whitespace: the model reads it as no value, so it is as missing as an absent
 * key (a metric tile with no figure, a call to action with no title). The schema sees a string; checking the file
 * again without its blank values finds them.
 */
function requiredButBlank(data: Record<string, unknown>, at: At): Diagnostic[] {
  const blanks = blankFields(data);
  if (!blanks.length || validateSchema(withoutFields(data, blanks))) return [];
  const blank = new Set(blanks.map((p) => JSON.stringify(p)));
  return (validateSchema.errors ?? [])
    .filter((e) => e.keyword === 'required')
    .map((e) => [...parsePointer(e.instancePath), String(e.params.missingProperty)])
    .filter((path) => blank.has(JSON.stringify(path)))
    .map((path) =>
      at(path, 'error', 'is blank (only spaces, tabs or line breaks), and it is required here: fill it in'),
    );
}

/** `/work/1/startDate` → ['work', 1, 'startDate'] */
function parsePointer(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Where the source sets folio.lang: the base file and each variant's folio. */
function langPaths(data: Record<string, unknown>): DataPath[] {
  const paths: DataPath[] = [];
  const isLang = (v: unknown) => typeof v === 'string' && v !== '';
  if (isLang(valueAt(data, ['folio', 'lang']))) paths.push(['folio', 'lang']);
  const variants = data.variants;
  if (variants && typeof variants === 'object' && !Array.isArray(variants)) {
    for (const name of Object.keys(variants))
      if (isLang(valueAt(data, ['variants', name, 'folio', 'lang']))) paths.push(['variants', name, 'folio', 'lang']);
  }
  return paths;
}

/** folio.design values the schema's patterns cannot bound: a margin's size depends on its unit. */
function designProblems(data: Record<string, unknown>, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (design: unknown, path: DataPath) => {
    if (!design || typeof design !== 'object') return;
    const raw = (design as Record<string, unknown>).margins;
    if (typeof raw !== 'string') return;
    const pt = marginPoints(raw);
    if (pt !== null && (pt < MARGIN_RANGE.min || pt > MARGIN_RANGE.max)) {
      out.push(
        at(
          [...path, 'margins'],
          'error',
          `a margin of ${raw.trim()} (${pt} pt) is outside 5 mm to 50 mm: ` +
            `printers clip below, and above it leaves too little page (got ${showValue(raw)})`,
        ),
      );
    }
  };
  const folio = data.folio as Record<string, unknown> | undefined;
  check(folio?.design, ['folio', 'design']);
  for (const [name, v] of Object.entries((data.variants as Record<string, unknown> | undefined) ?? {})) {
    const vf = (v as Record<string, unknown> | null)?.folio as Record<string, unknown> | undefined;
    check(vf?.design, ['variants', name, 'folio', 'design']);
  }
  return out;
}
