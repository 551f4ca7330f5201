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

// fontkit imports a brotli decoder (with a 120 KB dictionary) for WOFF2, which react-pdf cannot use anyway
// (WOFF2 crashes it, and folio ships static TTFs): a stub saves its parse and set-up in every PDF build.
const noWoff2 = {
  name: 'no-woff2',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress\.js$/ }, () => ({ path: 'brotli-stub', namespace: 'no-woff2' }));
    b.onLoad({ filter: /.*/, namespace: 'no-woff2' }, () => ({
      contents: "export default function () { throw new Error('WOFF2 fonts are not supported: use a TTF or WOFF file'); }",
      loader: 'js',
    }));
  },
};

const dist = new URL('../dist/', import.meta.url).pathname;
await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/bin.ts', index: 'src/index.ts', 'batch-worker': 'src/pipeline/batch-worker.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Kept outside the bundle: font files are found by path at run time; pdf-parse (PDF.js, a native canvas)
  // loads only when `folio check` falls back to it. Handlebars' runtime is bundled; its compiler, for user
  // templates only, is required at run time by name (src/render/templates.ts), so it stays out too.
  external: ['@expo-google-fonts/*', 'pdf-parse'],
  plugins: [pdfkitStandardFonts, noWoff2],
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
