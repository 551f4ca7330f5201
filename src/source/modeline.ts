import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageInfo, packageRoot } from './paths.js';

/** Absolute path of folio's JSON Schema, wherever folio is installed. */
export function schemaPath(): string {
  return fileURLToPath(new URL('schema/resume.schema.json', packageRoot));
}

/** The schema's stable public address: this version's file of the package on the jsDelivr npm CDN. */
export function schemaUrl(): string {
  const { name, version } = packageInfo();
  return `https://cdn.jsdelivr.net/npm/${name}@${version}/schema/resume.schema.json`;
}

/**
 * The `# yaml-language-server: $schema=…` line for a résumé written at `target` (or for the working
 * directory when undefined). Never an absolute path, which would break on every other machine:
 * - folio installed in the résumé's project (node_modules/folio-cv in its folder or a parent):
 *   relative through it, `./node_modules/folio-cv/schema/resume.schema.json`;
 * - the résumé inside folio's own checkout: relative to the schema beside it;
 * - anywhere else (a global install, npx): the schema's public address for this version.
 */
export function modeline(target?: string, cwd = process.cwd()): string {
  const folder = target === undefined ? resolve(cwd) : dirname(resolve(cwd, target));
  return `# yaml-language-server: $schema=${schemaRef(folder)}`;
}

function schemaRef(from: string): string {
  const { name } = packageInfo();
  for (let dir = from; ; dir = dirname(dir)) {
    const local = join(dir, 'node_modules', name, 'schema', 'resume.schema.json');
    if (existsSync(local)) return relativeRef(from, local);
    if (dirname(dir) === dir) break;
  }
  const root = fileURLToPath(packageRoot);
  const inRoot = relative(root, from);
  const ownCheckout = !inRoot.startsWith('..') && !isAbsolute(inRoot) && !inRoot.split(sep).includes('node_modules');
  return ownCheckout ? relativeRef(from, schemaPath()) : schemaUrl();
}

/** A relative reference with forward slashes, starting with ./ or ../ as editors expect. */
function relativeRef(from: string, to: string): string {
  const rel = relative(from, to).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}
