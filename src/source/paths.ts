import { readFileSync } from 'node:fs';

/**
 * The package root (where schema/ and templates/ live). As source this file is src/source/paths.ts, two levels
 * below it; bundled it is part of a file in dist/, one level below it.
 */
export const packageRoot = new URL(
  /\/src\/source\/paths\.[cm]?[jt]s$/.test(import.meta.url) ? '../../' : '../',
  import.meta.url,
);

let info: { name: string; version: string } | undefined;

/** folio's own package name and version (`folio-cv`, `0.1.0`), read once from its package.json. */
export function packageInfo(): { name: string; version: string } {
  info ??= JSON.parse(readFileSync(new URL('package.json', packageRoot), 'utf8')) as { name: string; version: string };
  return info;
}
