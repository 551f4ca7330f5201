// Builds dist/: generates schema-derived code, then bundles the CLI and its dependencies with esbuild so
// Node reads a handful of files instead of hundreds of modules, while tsc writes the API's declarations
// (dist/types/) beside it. Run on the developer's side only (npm's `prepare`, so `npm install` in a checkout
// and `npm pack`); the packed tarball holds dist/, so installing it never needs esbuild or TypeScript. Formats are code-split: react-pdf is
// only loaded by a build that asks for a PDF, Handlebars' compiler only for a user's own templates.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
      return {
        contents: text.replace(/require\$1\('#standard-fonts\/([A-Za-z]+)'\)/g, "require('./standard-fonts/$1.cjs')"),
        loader: 'js',
      };
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
      contents:
        "export default function () { throw new Error('WOFF2 fonts are not supported: use a TTF or WOFF file'); }",
      loader: 'js',
    }));
  },
};

// The `folio` command (dist/cli.js) is a two-line entry in front of src/bin.ts (the bin: run(argv, io) on the
// process): Node 22.1+ keeps the compiled code of folio's modules on disk between runs once
// module.enableCompileCache() is called, and it must be called before the CLI's modules load, which a static
// import in src/bin.ts would do first.
const bin = {
  name: 'folio-bin',
  setup(b) {
    b.onResolve({ filter: /^folio-bin$/ }, () => ({ path: 'folio-bin', namespace: 'folio-bin' }));
    b.onLoad({ filter: /.*/, namespace: 'folio-bin' }, () => ({
      contents:
        "#!/usr/bin/env node\nimport module from 'node:module';\nmodule.enableCompileCache?.();\nawait import('./src/bin.ts');\n",
      resolveDir: new URL('../', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

const dist = new URL('../dist/', import.meta.url).pathname;
await rm(dist, { recursive: true, force: true });
// The declarations take tsc a few seconds: run it alongside the bundle.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = new Promise((resolve, reject) => {
  const p = spawn(process.execPath, [tsc, '-p', 'tsconfig.types.json'], {
    stdio: 'inherit',
    cwd: new URL('../', import.meta.url),
  });
  p.on('error', reject);
  p.on('close', (code) =>
    code === 0 ? resolve() : reject(new Error(`tsc -p tsconfig.types.json exited with ${code}`)),
  );
});
await build({
  entryPoints: { cli: 'folio-bin', index: 'src/index.ts', 'batch-worker': 'src/pipeline/batch-worker.ts' },
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
  plugins: [bin, pdfkitStandardFonts, noWoff2],
  chunkNames: 'chunk-[name]-[hash]',
  jsx: 'automatic',
  // Whitespace and syntax only: identifiers stay readable in the stack a bug report carries.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  // Bundled CommonJS (the precompiled validator, pdfkit, fontkit) calls require().
  banner: {
    js: "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
await types;
