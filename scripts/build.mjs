// Builds dist/: generates schema-derived code, then bundles the CLI and its dependencies with esbuild so
// Node reads a handful of files instead of hundreds of modules. Formats are code-split: react-pdf is
// only loaded by a build that asks for a PDF, Handlebars' compiler only for a user's own templates.
import { readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await import('./generate.mjs');

// pdfkit loads its standard-font metrics through require$1('#standard-fonts/X'), a package "imports"
// alias behind a renamed require that esbuild cannot follow: rewrite them into plain requires of the
// files so they are bundled too.
const pdfkitStandardFonts = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfkit[\\/]js[\\/]pdfkit\.(node\.mjs|js)$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      return { contents: text.replace(/require\$1\('#standard-fonts\/([A-Za-z]+)'\)/g, "require('./standard-fonts/$1.cjs')"), loader: 'js' };
    });
  },
};

const dist = new URL('../dist/', import.meta.url).pathname;
await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'batch-worker': 'src/batch-worker.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Kept outside the bundle: font files are found by path at run time; Handlebars' compiler is required
  // only for user templates; pdf-parse (PDF.js, a native canvas) only when `folio check` falls back to it.
  external: ['@expo-google-fonts/*', 'handlebars', 'pdf-parse'],
  plugins: [pdfkitStandardFonts],
  chunkNames: 'chunk-[name]-[hash]',
  jsx: 'automatic',
  // Whitespace and syntax only: identifiers stay readable in the stack a bug report carries.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  // Bundled CommonJS (the precompiled validator, pdfkit, fontkit) calls require().
  banner: { js: "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);" },
  logLevel: 'warning',
});
