// Builds dist/: generates schema-derived code, then bundles the CLI and its dependencies with esbuild so
// Node reads a handful of files instead of hundreds of modules, while tsc writes the API's declarations
// (dist/types/) beside it. Run on the developer's side only (npm's `prepare`, so `npm install` in a checkout
// and `npm pack`); the packed tarball holds dist/, so installing it never needs esbuild or TypeScript. Formats are code-split: react-pdf is
// only loaded by a build that asks for a PDF, Handlebars' compiler only for a user's own templates.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { build } from 'esbuild';
import { subsetFonts } from './subset-fonts.mjs';
import { patchTextkit, TEXTKIT_FILE } from './textkit-patch.mjs';

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

// @react-pdf/reconciler bundles three React reconciler builds (for React ≤18, 19.0–19.1 and ≥19.2, 606 KB) and
// picks one by React.version at run time: folio ships one React, so the build keeps only the reconciler made for
// it (chosen by the same rule), and fails loudly if a React upgrade ever needs one this rule does not know.
const reactVersion = createRequire(import.meta.url)('react/package.json').version;
const [reactMajor, reactMinor] = reactVersion.split('.').map(Number);
const reconcilerFile =
  reactMajor >= 20 || (reactMajor === 19 && reactMinor >= 2)
    ? 'reconciler-33.js'
    : reactMajor === 19
      ? 'reconciler-31.js'
      : 'reconciler-23.js';
const oneReconciler = {
  name: 'one-reconciler',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]reconciler[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      // The rule above is a copy of this file's: if the file changed, the copy may be wrong.
      if (!text.includes('major === 19 && minor >= 2') || !text.includes(`./${reconcilerFile}`))
        throw new Error(
          `@react-pdf/reconciler changed how it picks a reconciler: review one-reconciler in ${args.path}`,
        );
      return { contents: `export { default } from './${reconcilerFile}';\n`, loader: 'js' };
    });
  },
};

// yoga-layout's Emscripten loader reads its wasm from a base64 data: URL through fetch() when fetch exists, which
// makes Node load its whole undici HTTP client to decode 70 KB; with fetch shadowed it takes its own path to the
// bytes, and atob is replaced by Buffer's native base64 decoder.
const yogaWasmFromBytes = {
  name: 'yoga-wasm-from-bytes',
  setup(b) {
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!/"function"\s*!=\s*typeof fetch/.test(text) || !text.includes('atob'))
        throw new Error(`yoga-layout's loader changed: review yoga-wasm-from-bytes for ${args.path}`);
      const prelude = "const fetch = undefined; const atob = (s) => Buffer.from(s, 'base64').toString('latin1');\n";
      return { contents: prelude + text, loader: 'js' };
    });
  },
};

// pdfkit imports AES (whose import computes S-box tables) for PDF encryption, which folio never asks for: a stub
// that refuses keeps it off the path. (MD5 stays: pdfkit hashes every document's ID with it.)
const noPdfEncryption = {
  name: 'no-pdf-encryption',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, () => ({
      path: 'aes-stub',
      namespace: 'no-pdf-encryption',
    }));
    b.onLoad({ filter: /.*/, namespace: 'no-pdf-encryption' }, () => ({
      contents:
        "const refuse = () => { throw new Error('folio does not encrypt PDFs'); };\nexport const cbc = refuse;\nexport const ecb = refuse;\n",
      loader: 'js',
    }));
  },
};

// textkit imports an English hyphenator whose import builds a trie of 4,900 Liang patterns (tens of ms of CPU in
// every PDF build); folio's own hyphenation callback (src/render/pdf/long-words.ts) never calls it. The same
// module, built on first use instead of at import, keeps react-pdf's behaviour for any caller that does.
const lazyHyphenator = {
  name: 'lazy-hyphenator',
  setup(b) {
    b.onLoad({ filter: /[\\/]@react-pdf[\\/]hyphenate[\\/]lib[\\/]en-us\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('const { hyphenate, syllables } = createHyphenator(patterns);'))
        throw new Error(`@react-pdf/hyphenate changed: review lazy-hyphenator for ${args.path}`);
      return {
        contents: `import patterns from 'hyphen/patterns/en-us.js';
import createHyphenator from './index.js';
let built;
const hyphenator = () => (built ??= createHyphenator(patterns));
export const hyphenate = (...args) => hyphenator().hyphenate(...args);
export const syllables = (...args) => hyphenator().syllables(...args);
export { patterns };
`,
        resolveDir: dirname(args.path),
        loader: 'js',
      };
    });
  },
};

// A line break in the text made every PDF reference Helvetica, which it never embeds (scripts/textkit-patch.mjs).
const textkitLineBreakFont = {
  name: 'textkit-line-break-font',
  setup(b) {
    b.onLoad({ filter: TEXTKIT_FILE }, async (args) => ({
      contents: patchTextkit(await readFile(args.path, 'utf8')),
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

// unicode-trie (fontkit's, linebreak's and unicode-properties' Unicode tables) inflates its data twice at import
// with tiny-inflate, a DEFLATE decoder in JavaScript: Node's own zlib gives the same bytes in a fraction of the
// time. Same contract as tiny-inflate: fill dest, return it (or the part that was filled).
const nativeInflate = {
  name: 'native-inflate',
  setup(b) {
    b.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: 'tiny-inflate', namespace: 'native-inflate' }));
    b.onLoad({ filter: /.*/, namespace: 'native-inflate' }, () => ({
      // CommonJS like tiny-inflate, for unicode-trie's require() and fontkit's default import alike.
      contents: `const { inflateRawSync } = require('node:zlib');
module.exports = function inflate(source, dest) {
  const out = inflateRawSync(source);
  if (out.length > dest.length) throw new Error('Data error');
  dest.set(out);
  return out.length < dest.length ? dest.subarray(0, out.length) : dest;
};
`,
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

const rootDir = new URL('../', import.meta.url).pathname;
const dist = new URL('../dist/', import.meta.url).pathname;
await rm(dist, { recursive: true, force: true });
// The declarations take tsc over ten seconds of CPU, the longest step of a build (and `npm test` builds first): run it
// alongside the bundle, or copy its last output when nothing it reads has changed.
const types = declarations();
// The PDF fonts are subset alongside too (scripts/subset-fonts.mjs).
const fonts = subsetFontsCached(`${dist}fonts`);
const requireBanner =
  "import { createRequire as __folioRequire } from 'node:module'; const require = __folioRequire(import.meta.url);";
const bundled = await build({
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
  plugins: [
    bin,
    pdfkitStandardFonts,
    noWoff2,
    oneReconciler,
    yogaWasmFromBytes,
    noPdfEncryption,
    lazyHyphenator,
    nativeInflate,
    textkitLineBreakFont,
  ],
  // React, its reconciler and scheduler ship development builds chosen by NODE_ENV at run time: fix it at bundle
  // time so only the production code is bundled (folio never runs React's development checks).
  define: { 'process.env.NODE_ENV': '"production"' },
  chunkNames: 'chunk-[name]-[hash]',
  jsx: 'automatic',
  // Whitespace and syntax only: identifiers stay readable in the stack a bug report carries.
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: 'linked',
  // Bundled CommonJS (the precompiled validator, pdfkit, fontkit) calls require(); dropRequireWhereUnused below
  // takes this line out of the files that never do.
  banner: { js: requireBanner },
  logLevel: 'warning',
  metafile: true,
});
await dropRequireWhereUnused(bundled.metafile);
await writeChunkSizes(bundled.metafile);
const { before, after } = await fonts;
process.stdout.write(
  `dist/fonts/: PDF faces subset from ${(before / 1024).toFixed(0)} KB to ${(after / 1024).toFixed(0)} KB\n`,
);
await types;

/**
 * esbuild puts the banner on every file, and most of dist/'s 40-odd files never call require(): each would still
 * make a require function when it loads (about 0.05 ms of CPU apiece, on every run). Where the rest of a file never
 * names `require` (a word match, so a mention in a string keeps the banner: it can only keep too much), the
 * banner's line is emptied, not removed, so the source map's line numbers still hold.
 */
async function dropRequireWhereUnused(metafile) {
  const files = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'));
  await Promise.all(
    files.map(async (file) => {
      const text = await readFile(file, 'utf8');
      const at = text.indexOf(requireBanner);
      if (at < 0) throw new Error(`${file}: the require banner is missing; review dropRequireWhereUnused`);
      const rest = text.slice(0, at) + text.slice(at + requireBanner.length);
      if (!/\brequire\b/.test(rest)) await writeFile(file, rest);
    }),
  );
}

/**
 * dist/fonts/ as scripts/subset-fonts.mjs writes it (about 1.5 s of harfbuzz work on every build, `npm test`'s
 * included), from the cache when the script and the installed font packages (package-lock.json) are unchanged.
 * Returns the sizes before and after, for the build's log.
 */
function subsetFontsCached(out) {
  const inputs = ['scripts/subset-fonts.mjs', 'package-lock.json'].map((f) => join(rootDir, f));
  return cachedOutput('folio-fonts', inputs, out, () => subsetFonts(out));
}

/**
 * dist/types/ as `tsc -p tsconfig.types.json` writes it (over ten seconds of CPU), from the cache when what tsc reads
 * is unchanged: the sources (src/generated/ included, written above), the two tsconfigs and the installed packages.
 */
async function declarations() {
  const sources = (await readdir(join(rootDir, 'src'), { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  const configs = ['tsconfig.json', 'tsconfig.types.json', 'package-lock.json'].map((f) => join(rootDir, f));
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await cachedOutput('folio-types', [...sources, ...configs], join(dist, 'types'), async () => {
    await new Promise((done, fail) => {
      const p = spawn(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit', cwd: rootDir });
      p.on('error', fail);
      p.on('close', (code) =>
        code === 0 ? done() : fail(new Error(`tsc -p tsconfig.types.json exited with ${code}`)),
      );
    });
  });
}

/**
 * The folder `produce()` writes to `out`, kept in node_modules/.cache/<name>/<hash of the inputs' paths and bytes>/
 * with what produce() returned: a build whose inputs hash the same copies the folder from there instead. One entry
 * is kept (the newest), written beside it and renamed, so a build stopped half-way leaves none.
 */
async function cachedOutput(name, inputs, out, produce) {
  const hash = createHash('sha256').update('folder+result\0');
  for (const file of inputs)
    hash
      .update(`${relative(rootDir, file)}\0`)
      .update(await readFile(file))
      .update('\0');
  const cacheRoot = join(rootDir, 'node_modules/.cache', name);
  const entry = join(cacheRoot, hash.digest('hex'));
  if (existsSync(entry)) {
    await cp(join(entry, 'out'), out, { recursive: true });
    return JSON.parse(await readFile(join(entry, 'result.json'), 'utf8'));
  }
  const result = (await produce()) ?? null;
  await rm(cacheRoot, { recursive: true, force: true });
  const partial = `${entry}.partial-${process.pid}`;
  await mkdir(partial, { recursive: true });
  await cp(out, join(partial, 'out'), { recursive: true });
  await writeFile(join(partial, 'result.json'), JSON.stringify(result));
  await rename(partial, entry);
  return result;
}

/**
 * Print what each JavaScript file of dist/ weighs and record it in dist/chunks.json (read by the bench; left out of
 * the package), so a dependency that swells the PDF chunk or a format that leaks into the CLI's first chunk shows.
 */
async function writeChunkSizes(metafile) {
  const chunks = Object.entries(metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, out]) => ({
      file: basename(file),
      // chunk-pdf-QPU3WOK4.js → pdf; cli.js → cli
      name: basename(file, '.js')
        .replace(/^chunk-/, '')
        .replace(/-[A-Z0-9]{8}$/, ''),
      bytes: out.bytes,
      entryPoint: out.entryPoint ?? null,
      // What it holds: bytes per npm package, or per file of folio's own.
      inputs: Object.fromEntries(
        Object.entries(
          Object.entries(out.inputs).reduce((by, [input, { bytesInOutput }]) => {
            const key = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input;
            by[key] = (by[key] ?? 0) + bytesInOutput;
            return by;
          }, {}),
        ).sort((x, y) => y[1] - x[1]),
      ),
    }))
    .sort((x, y) => y.bytes - x.bytes);
  const total = chunks.reduce((sum, c) => sum + c.bytes, 0);
  await writeFile(new URL('chunks.json', `file://${dist}`), `${JSON.stringify({ total, chunks }, null, 2)}\n`);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  const big = chunks.filter((c) => c.bytes >= 4096);
  process.stdout.write(
    `dist/: ${chunks.length} JavaScript files, ${kb(total).trim()} (sizes in dist/chunks.json)\n${big.map((c) => `${kb(c.bytes)}  ${c.file}`).join('\n')}\n`,
  );
}
