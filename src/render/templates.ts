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
  // With the user's files in play, a render error (a misspelt field under strict mode) is theirs to fix, not a folio bug.
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
    ? `"${missing[1]}" is neither a field of the model here nor a helper; templates run in strict mode, so a misspelt field is an error (the fields: docs/templates.md, or folio build --dump-model)`
    : raw;
  return new UserError(`${where}: error: ${message}`);
}

/** `file:line:col: error:` for a template that does not parse (an unclosed {{#if}}, a stray }}). */
function parseError(file: string, text: string, err: unknown): UserError {
  const msg = err instanceof Error ? err.message : String(err);
  const lines = text.split('\n');
  const line = Math.min(Number(/on line (\d+)/.exec(msg)?.[1] ?? 1), lines.length);
  const got = /got '([^']+)'/.exec(msg)?.[1];
  const expected = /Expecting (.*), got/.exec(msg)?.[1];
  const unclosed =
    got === 'EOF'
      ? 'the template ends inside a block: a {{#if}}, {{#each}} or {{#with}} is not closed with its {{/…}}'
      : null;
  const what =
    unclosed ??
    (got
      ? `the template does not parse here: found ${got}, expected ${expected ?? 'something else'}`
      : `the template does not parse: ${msg.split('\n')[0]}`);
  if (got === 'EOF') {
    // Point at the block that is never closed: the last opening of a block name opened more often than closed.
    const opens = [...text.matchAll(/\{\{~?#\*?\s*([\w-]+)/g)];
    const open = opens
      .reverse()
      .find(
        (m) =>
          count(text, `{{#${m[1]}`) + count(text, `{{~#${m[1]}`) >
          count(text, `{{/${m[1]}`) + count(text, `{{~/${m[1]}`),
      );
    if (open?.index !== undefined) {
      const before = text.slice(0, open.index).split('\n');
      const at = `${before.length}:${(before[before.length - 1]?.length ?? 0) + 1}`;
      return new UserError(
        `${file}:${at}: error: this {{#${open[1]}}} block is never closed: add {{/${open[1]}}} where it ends`,
      );
    }
  }
  return new UserError(`${file}:${line}:1: error: ${what}`);
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
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
      `--templates ${dir}: expected an html/ or markdown/ folder inside it, laid out like folio's templates/ folder${parent} (e.g. mytheme/html/partials/hero.hbs)`,
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

/** One template file: a regular file within TEMPLATE_KIND's limit (a FIFO would hang the build, /dev/zero never end). */
function readTemplate(path: string): string {
  const s = statSync(path);
  if (!s.isFile())
    throw new UserError(`${path}: error: is a ${specialKind(s)}, not a regular file; a template must be a file`);
  if (s.size > TEMPLATE_KIND.maxBytes)
    throw new UserError(
      `${path}: error: the file is ${showSize(s.size)}, over the ${showSize(TEMPLATE_KIND.maxBytes)} limit for ${TEMPLATE_KIND.what}`,
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
