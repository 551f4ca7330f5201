/**
 * The package root (where schema/ and templates/ live). This file sits one level
 * below it both as source (src/paths.ts) and bundled (dist/*.js), so `..` works for both.
 */
export const packageRoot = new URL('../', import.meta.url);
