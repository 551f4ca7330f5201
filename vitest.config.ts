import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';
import { patchTextkit, TEXTKIT_FILE } from './scripts/textkit-patch.mjs';

/**
 * Three suites over the same files:
 * - unit (`npm run test:unit`, vitest.unit.config.ts, the edit loop, < 10 s): stage tests. They render no PDF,
 *   spawn no process and start no browser: every file but the E2E list below.
 * - e2e, the E2E list: the CLI in-process through run() (a few spawned smoke runs), PDFs, Chromium, servers.
 *   `npm test` runs unit and e2e together (< 60 s on a quiet 2-core machine).
 * - `full` (vitest.full.config.ts, `npm run test:full`, after `npm test` in CI): only the heavy checks, each run
 *   once in CI: test/full/ and the cases of the files below that test/support/full.ts gates.
 */
export const E2E = [
  'test/cli*.test.ts',
  'test/init.test.ts',
  'test/serve.test.ts',
  'test/watch.test.ts',
  'test/output-safety.test.ts',
  'test/browser-html.test.ts',
  'test/check.test.ts',
  'test/custom-sections.test.ts',
  'test/fit.test.ts',
  'test/hostile-output.test.ts',
  'test/invalid-fixtures.test.ts',
  'test/jsonresume.test.ts',
  'test/layers.test.ts',
  'test/locales.test.ts',
  'test/package.test.ts',
  'test/pdf-build.test.ts',
  'test/pdf-reading-order.test.ts',
  'test/properties.test.ts',
  'test/render-pdf.test.ts',
  'test/render-text.test.ts',
  'test/render-variants.test.ts',
  'test/cli-themes.test.ts',
  'test/exit-codes.test.ts',
  'test/input-guard.test.ts',
  'test/read-input.test.ts',
  'test/pdf-facts.test.ts',
  'test/source-check.test.ts',
  'test/themes.test.ts',
  'test/watch-tracking.test.ts',
  'test/measure-watch.test.ts',
  'test/big-input.test.ts',
  'test/blank-items.test.ts',
  'test/line-ends.test.ts',
  'test/young-generation.test.ts',
  // Stage tests that render PDFs, so not the edit loop's.
  'test/basics-extras.test.ts',
  'test/expected-order.test.ts',
  'test/pdf-breaks.test.ts',
  'test/pdf-line-breaks.test.ts',
  'test/pdf-metrics.test.ts',
];

/**
 * Test files in test/ with checks that only `npm run test:full` runs: those that import test/support/full.ts,
 * or read FOLIO_FULL themselves. Found by reading them, so a gated check added anywhere is never left out.
 */
export function gatedFiles(): string[] {
  return readdirSync('test')
    .filter((f) => f.endsWith('.test.ts'))
    .filter((f) => /support\/full\.js|FOLIO_FULL/.test(readFileSync(`test/${f}`, 'utf8')))
    .map((f) => `test/${f}`);
}

/** What every suite shares. */
export const shared: ViteUserConfig = {
  plugins: [
    {
      // Its published source maps name sources it does not ship: read the files without them, instead of a
      // warning per module.
      name: 'workflow-parser-without-maps',
      load(id) {
        if (!/[\\/]@actions[\\/]workflow-parser[\\/].*\.js$/.test(id)) return null;
        return readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '');
      },
    },
    {
      // The bundle's patch of react-pdf's text layout (scripts/textkit-patch.mjs), so tests render what folio does.
      name: 'textkit-line-break-font',
      load(id) {
        return TEXTKIT_FILE.test(id) ? patchTextkit(readFileSync(id, 'utf8')) : null;
      },
      // The cache below keys a module on its own text: textkit's also depends on the patch.
      configureVitest({ experimental_defineCacheKeyGenerator }) {
        const patch = createHash('sha256').update(readFileSync('scripts/textkit-patch.mjs')).digest('hex');
        experimental_defineCacheKeyGenerator(({ id }) => (TEXTKIT_FILE.test(id) ? patch : undefined));
      },
    },
  ],
  test: {
    // GitHub's workflow parser imports its schema JSON without an import attribute, which only a bundler
    // accepts: let Vite transform it instead of Node loading it.
    // react-pdf's renderer, layout and textkit too: the patch above reaches textkit only through Vite.
    server: {
      deps: { inline: ['@actions/workflow-parser', '@react-pdf/renderer', '@react-pdf/layout', '@react-pdf/textkit'] },
    },
    // One worker process runs many files and keeps what they import (react-pdf, fonts, PDF.js, the CLI): loading
    // that again for each file was most of the suite's time. No test mocks modules or leaves global state behind.
    isolate: false,
    // Vite's transforms of the TypeScript and of the inlined packages, kept between runs in
    // node_modules/.experimental-vitest-cache/ (keyed by each module's text and the config): the suite transformed
    // them afresh each time.
    experimental: { fsModuleCache: true },
    // Both cores: Vitest's default leaves one for itself, which on two cores runs every file one after another.
    maxWorkers: 2,
    // A loaded 2-core machine (several engineers' suites at once) can slow a PDF or property test well past 5 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
};

/**
 * `npm test`: every file but test/full/, in one pool. Two projects (unit, e2e) each started their own workers and
 * loaded react-pdf, the fonts and PDF.js again: 8 s more of a 62 s suite. `npm run test:unit` is
 * vitest.unit.config.ts.
 */
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/full/**'],
  },
});
