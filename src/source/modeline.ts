import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './paths.js';

/** Absolute path of folio's JSON Schema, wherever folio is installed. */
export function schemaPath(): string {
  return fileURLToPath(new URL('schema/resume.schema.json', packageRoot));
}

/**
 * The `# yaml-language-server: $schema=…` line for a résumé written at `target`
 * (or printed for the working directory when undefined). The path is relative when
 * folio is installed in the same project (`./node_modules/folio/schema/…`, or
 * `../node_modules/…` from a subfolder) or the file sits beside the schema, so the line
 * survives a move or a clone; absolute otherwise (a global install).
 */
export function modeline(target?: string, cwd = ''): string {
  const from = target === undefined ? resolve(cwd) : dirname(resolve(cwd, target));
  const schema = schemaPath();
  const rel = relative(from, schema);
  const at = schema.lastIndexOf(`${sep}node_modules${sep}`);
  const project = at === -1 ? null : schema.slice(0, at);
  const sameProject = project !== null && (from === project || from.startsWith(`${project}${sep}`));
  const ref = isAbsolute(rel) || (rel.startsWith('..') && !sameProject) ? schema : rel.startsWith('..') ? rel : `./${rel}`;
  return `# yaml-language-server: $schema=${ref}`;
}
