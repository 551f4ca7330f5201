/**
 * The package root (where schema/ and templates/ live). As source this file is src/source/paths.ts, two levels
 * below it; bundled it is part of a file in dist/, one level below it.
 */
export const packageRoot = new URL(/\/src\/source\/paths\.[cm]?[jt]s$/.test(import.meta.url) ? '../../' : '../', import.meta.url);
