import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { packageRoot } from '../paths.js';

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
 * when given, overrides built-in files one by one. Loaded once per process.
 */
export function loadTemplates(
  format: TemplateFormat,
  helpers: Record<string, Handlebars.HelperDelegate>,
  options: CompileOptions,
  userDir?: string,
): TemplateSet {
  const key = `${format}\0${userDir ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;

  const builtIn = new URL(`templates/${format}/`, packageRoot);
  const files = new Map<string, string>();
  const overridden: string[] = [];
  collect(builtIn.pathname, '', files);
  if (userDir) {
    const mine = new Map<string, string>();
    collect(userDir.endsWith('/') ? userDir : `${userDir}/`, '', mine);
    for (const [name, text] of mine) {
      files.set(name, text);
      overridden.push(name);
    }
  }

  const hbs = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hbs.registerHelper(name, fn);
  const assets: Record<string, string> = {};
  for (const [name, text] of files) {
    if (name.startsWith('partials/') && name.endsWith('.hbs')) {
      hbs.registerPartial(name.slice('partials/'.length, -'.hbs'.length), hbs.compile(text, options));
    } else if (!name.endsWith('.hbs')) assets[name] = text;
  }
  const pageText = files.get('page.hbs');
  if (pageText === undefined) throw new Error(`templates/${format}/page.hbs is missing`);
  const set = { hbs, page: hbs.compile(pageText, options), assets, overridden: overridden.sort() };
  cache.set(key, set);
  return set;
}

function collect(dir: string, prefix: string, into: Map<string, string>): void {
  for (const ent of readdirSync(dir, { withFileTypes: true })) {
    if (ent.isDirectory()) collect(`${dir}${ent.name}/`, `${prefix}${ent.name}/`, into);
    else into.set(`${prefix}${ent.name}`, readFileSync(`${dir}${ent.name}`, 'utf8'));
  }
}

/** Compile options shared by every format: strict, so a misspelt field throws instead of printing nothing. */
export const STRICT: CompileOptions = { strict: true };

/** Forget compiled templates so the next render reads them again (watch mode, after a template edit). */
export function clearTemplateCache(): void {
  cache.clear();
}
