import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
// The runtime only: the built-in templates are precompiled (src/generated/templates.js), so a plain
// build never loads Handlebars' compiler. The compiler is required only for a user's own templates.
import type Handlebars from 'handlebars';
import { templates as precompiled } from '../generated/templates.js';
import { UserError } from '../source/diagnostics.js';
import { specialKind } from '../source/errno.js';
import { showSize } from '../source/limits.js';
import { packageRoot } from '../source/paths.js';
import { TEMPLATE_KIND } from '../source/read-input.js';
import { Handlebars as Runtime } from './handlebars-runtime.js';

export type TemplateFormat = 'html' | 'markdown';

/** A format's compiled page template, its own Handlebars environment, and its assets. */
export interface TemplateSet {
  hbs: typeof Handlebars;
  page: HandlebarsTemplateDelegate;
  /** Non-template files of the format (e.g. style.css), by file name. */
  assets: Record<string, string>;
  /** Files that came from the user's --templates folder, for the build report. */
  overridden: string[];
}

const cache = new Map<string, TemplateSet>();

/**
 * Load `templates/<format>/` (page.hbs, partials/*.hbs, assets). A user folder,
 * when given, mirrors `templates/`: its `<format>/` files override built-in files
 * one by one. Loaded once per process.
 */
export function loadTemplates(
  format: TemplateFormat,
  helpers: Record<string, Handlebars.HelperDelegate>,
  userDir?: string,
  cwd?: string,
): TemplateSet {
  const key = `${format}\0${resolve(cwd ?? '', userDir ?? '')}\0${userDir ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const built = precompiled[format];
  if (!built) throw new Error(`no precompiled templates for ${format}: run npm run build`);
  const mine = userDir ? userTemplates(userDir, format, cwd) : new Map<string, string>();
  const overridden = [...mine.keys()];

  const compiler = mine.size ? userCompiler() : null;
  const hbs = (compiler ?? Runtime).create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const assets: Record<string, string> = { ...built.assets };
  const templates = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, spec] of Object.entries(built.specs)) if (!mine.has(name)) templates.set(name, hbs.template(spec));
  for (const [name, text] of mine) {
    if (!name.endsWith('.hbs')) {
      assets[name] = text;
      continue;
    }
    // Handlebars compiles lazily; parse now so a user's syntax error names its file instead of surfacing mid-render.
    const file = join(userDir ?? '', format, name);
    try {
      compiler?.parse(text);
    } catch (err) {
      throw parseError(file, text, err);
    }
    templates.set(name, blameFile(file, hbs.compile(text, templateOptions()[format])));
  }
  for (const [name, template] of templates) {
    if (name.startsWith('partials/')) hbs.registerPartial(name.slice('partials/'.length, -'.hbs'.length), template);
  }
  const compiled = templates.get('page.hbs');
  if (compiled === undefined) throw new Error(`templates/${format}/page.hbs is missing`);
  // With the user's files in play, a render error (a misspelt field under strict mode) is theirs to fix, not a folio
  // bug.
  const page: HandlebarsTemplateDelegate = mine.size
    ? (context, runtime) => {
        try {
          return compiled(context, runtime);
        } catch (err) {
          throw renderError(
            err,
            [...mine.keys()].map((n) => join(userDir ?? '', format, n)),
          );
        }
      }
    : compiled;
  const set = { hbs, page, assets, overridden: overridden.sort() };
  cache.set(key, set);
  return set;
}

/** Which user template file an error was thrown in: the innermost one, set as the error passes through it. */
const thrownIn = new WeakMap<object, string>();

/** A user's template that marks errors thrown while it runs (in it, not in a partial it calls) with its file. */
function blameFile(file: string, template: HandlebarsTemplateDelegate): HandlebarsTemplateDelegate {
  return (context, options) => {
    try {
      return template(context, options);
    } catch (err) {
      if (err !== null && typeof err === 'object' && !thrownIn.has(err)) thrownIn.set(err, file);
      throw err;
    }
  };
}

/** `file:line:col: error:` for a field or helper the template names but the model lacks (strict mode). */
function renderError(err: unknown, files: string[]): UserError {
  const e = err as { message?: string; lineNumber?: number; column?: number };
  const raw = (e.message ?? String(err)).replace(/ - \d+:\d+$/, '');
  const file =
    (err !== null && typeof err === 'object' && thrownIn.get(err)) ||
    (files.length === 1 ? files[0] : `one of your templates (${files.join(', ')})`);
  const where = e.lineNumber ? `${file}:${e.lineNumber}:${(e.column ?? 0) + 1}` : file;
  const missing = /^"([^"]+)" not defined( in .*)?$/.exec(raw);
  const message = missing
    ? `"${missing[1]}" is neither a field of the model here nor a helper; templates run in strict mode, ` +
      'so a misspelt field is an error (the fields: docs/templates.md, or folio build --dump-model)'
    : raw;
  return new UserError(`${where}: error: ${message}`);
}

/** `file:line:col: error:` for a template that does not parse (an unclosed {{#if}}, a stray }}). */
function parseError(file: string, text: string, err: unknown): UserError {
  const msg = err instanceof Error ? err.message : String(err);
  // `{{#each}}…{{/if}}`: Handlebars says "each doesn't match if - line:col" at the block that is closed wrongly.
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)$/.exec(msg);
  if (mismatch) {
    const [, open, close, line, col] = mismatch;
    return new UserError(
      `${file}:${line}:${Number(col) + 1}: error: this {{#${open}}} block is closed by {{/${close}}}: ` +
        `close it with {{/${open}}} (a block ends with its own name)`,
    );
  }
  const got = /got '([^']+)'/.exec(msg)?.[1];
  if (got === 'EOF') {
    const open = unclosedBlock(text);
    if (open) {
      return new UserError(
        `${file}:${open.line}:${open.col}: error: this {{#${open.name}}} block is never closed: ` +
          `add {{/${open.name}}} where it ends`,
      );
    }
  }
  const expected = /Expecting (.*), got/.exec(msg)?.[1];
  const what =
    got === 'EOF'
      ? 'the template ends inside a block: a {{#if}}, {{#each}} or {{#with}} is not closed with its {{/…}}'
      : got
        ? `the template does not parse here: found ${got}, expected ${expected ?? 'something else'}`
        : `the template does not parse: ${msg.split('\n')[0]}`;
  const { line, col } = parsePosition(msg, text);
  return new UserError(`${file}:${line}:${col}: error: ${what}`);
}

/**
 * Where Jison's "Parse error on line N:" points: its excerpt is the input read so far (newlines dropped, the last 20
 * characters) then a caret line; the column is where line N's text ends that excerpt.
 */
function parsePosition(msg: string, text: string): { line: number; col: number } {
  const lines = text.split('\n');
  const line = Math.min(Math.max(1, Number(/on line (\d+)/.exec(msg)?.[1] ?? 1)), lines.length);
  const [, excerpt, caret] = msg.split('\n');
  const source = lines[line - 1] ?? '';
  if (excerpt === undefined || caret === undefined || !/^-*\^$/.test(caret)) return { line, col: 1 };
  const past = excerpt.slice(0, caret.length - 1).replace(/^\.\.\./, '');
  for (let p = source.length; p > 0; p--) {
    const head = source.slice(0, p);
    if (past.endsWith(head) || head.endsWith(past)) return { line, col: p + 1 };
  }
  return { line, col: 1 };
}

/** The block left open at the end, by matching each {{/name}} with the innermost {{#name}} (comments skipped). */
function unclosedBlock(text: string): { name: string; line: number; col: number } | null {
  // Blank out comments, keeping offsets, so a commented-out {{#if}} is not counted.
  const bare = text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
  const open: { name: string; at: number }[] = [];
  for (const m of bare.matchAll(/\{\{~?\s*(#[>*]?|\^|\/)\s*([\w.@-]+)/g)) {
    const [, sigil, name] = m as unknown as [string, string, string];
    if (sigil === '/') {
      const i = open.map((o) => o.name).lastIndexOf(name);
      if (i >= 0) open.splice(i);
    } else open.push({ name, at: m.index });
  }
  const last = open[open.length - 1];
  if (!last) return null;
  const before = text.slice(0, last.at).split('\n');
  return { name: last.name, line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * The user's files for one format, from `<dir>/<format>/`. A folder that holds
 * neither html/ nor markdown/ is almost certainly laid out wrong: say how it should look.
 */
function userTemplates(dir: string, format: TemplateFormat, cwd?: string): Map<string, string> {
  // `dir` as the user wrote it names the folder in messages; `at` is where it is.
  const at = resolve(cwd ?? '', dir);
  if (!existsSync(at)) throw new UserError(`--templates ${dir}: no such folder`);
  if (!statSync(at).isDirectory())
    throw new UserError(`--templates ${dir}: is a file; give the folder that holds your html/ or markdown/ templates`);
  const formats: TemplateFormat[] = ['html', 'markdown'];
  if (!formats.some((f) => existsSync(join(at, f)))) {
    const parent = (formats as string[]).includes(basename(at)) ? `; pass its parent folder instead` : '';
    throw new UserError(
      `--templates ${dir}: expected an html/ or markdown/ folder inside it, laid out like folio's ` +
        `templates/ folder${parent} (e.g. mytheme/html/partials/hero.hbs)`,
    );
  }
  const mine = new Map<string, string>();
  const sub = join(at, format);
  if (existsSync(sub)) collect(`${sub}/`, '', mine);
  return mine;
}

function collect(dir: string, prefix: string, into: Map<string, string>): void {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    if (ent.name.startsWith('.')) continue; // editor and OS litter (.DS_Store, .swp)
    if (ent.isDirectory()) collect(`${dir}${ent.name}/`, `${prefix}${ent.name}/`, into);
    else into.set(`${prefix}${ent.name}`, readTemplate(`${dir}${ent.name}`));
  }
}

/**
 * One template file: a regular file within TEMPLATE_KIND's limit (a FIFO would hang the build, /dev/zero never end).
 */
function readTemplate(path: string): string {
  const s = statSync(path);
  if (!s.isFile())
    throw new UserError(`${path}: error: is a ${specialKind(s)}, not a regular file; a template must be a file`);
  if (s.size > TEMPLATE_KIND.maxBytes)
    throw new UserError(
      `${path}: error: the file is ${showSize(s.size)}, ` +
        `over the ${showSize(TEMPLATE_KIND.maxBytes)} limit for ${TEMPLATE_KIND.what}`,
    );
  return readFileSync(path, 'utf8');
}

/** The full Handlebars (with its compiler), for the user's own template files only. */
function userCompiler(): typeof Handlebars {
  return createRequire(import.meta.url)('handlebars') as typeof Handlebars;
}

/**
 * Compile options per format, shared with the precompiler (scripts/generate.mjs): strict, so a
 * misspelt field throws instead of printing nothing; Markdown without HTML escaping.
 */
function templateOptions(): Record<TemplateFormat, CompileOptions> {
  return JSON.parse(readFileSync(new URL('templates/options.json', packageRoot), 'utf8')) as Record<
    TemplateFormat,
    CompileOptions
  >;
}

/** Forget compiled templates so the next render reads them again (watch mode, after a template edit). */
export function clearTemplateCache(): void {
  cache.clear();
}
