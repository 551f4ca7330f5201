// Builds dist/: generates schema-derived code, then bundles the CLI with esbuild so
// Node loads a few files instead of hundreds. Formats are code-split: react-pdf is
// only loaded by a build that asks for a PDF.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

await import('./generate.mjs');

const dist = new URL('../dist/', import.meta.url).pathname;
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[name]-[hash]',
  jsx: 'automatic',
  sourcemap: 'linked',
  // The precompiled validator is CommonJS and require()s ajv's runtime helpers.
  banner: { js: "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);" },
  logLevel: 'warning',
});
