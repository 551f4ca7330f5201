import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from './paths.js';

/** Absolute path of folio's JSON Schema, wherever folio is installed. */
export function schemaPath(): string {
  return fileURLToPath(new URL('schema/resume.schema.json', packageRoot));
}

/**
 * The `# yaml-language-server: $schema=…` line for a résumé written at `target`
 * (or read from the working directory when undefined). The path is relative when the
 * schema sits at or below the file's folder (`./node_modules/folio/schema/…`), absolute
 * otherwise (a global install), so it keeps working wherever the editor opens it.
 */
export function modeline(target?: string): string {
  const from = target === undefined ? process.cwd() : dirname(resolve(target));
  const schema = schemaPath();
  const rel = relative(from, schema);
  const ref = rel.startsWith('..') || isAbsolute(rel) ? schema : `./${rel}`;
  return `# yaml-language-server: $schema=${ref}`;
}
