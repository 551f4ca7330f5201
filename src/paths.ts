import { readFileSync } from 'node:fs';

/**
 * The package root (where package.json, schema/ and templates/ live). This file sits one level
 * below it both as source (src/paths.ts) and bundled (dist/*.js), so `..` works for both.
 */
export const packageRoot = new URL('../', import.meta.url);

let info: { name: string; version: string } | undefined;

/** folio's own package name and version (`folio-cv`, `0.1.0`), read once from its package.json. */
export function packageInfo(): { name: string; version: string } {
  info ??= JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { name: string; version: string };
  return info;
}
