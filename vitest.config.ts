import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that run the CLI (in-process through run(), or a few spawned smoke runs), render PDFs, start servers
 * or a browser. Everything else is a stage test in `unit`: `npm run test:unit` is the edit loop (< 10 s).
 * `npm test` runs both; `npm run test:full` (FOLIO_FULL=1) adds the heavy checks that run one case by default.
 */
const E2E = [
  'test/cli*.test.ts',
  'test/init.test.ts',
  'test/serve.test.ts',
  'test/watch.test.ts',
  'test/output-safety.test.ts',
  'test/browser-html.test.ts',
  'test/check.test.ts',
  'test/fit.test.ts',
  'test/hostile-output.test.ts',
  'test/invalid-fixtures.test.ts',
  'test/jsonresume.test.ts',
  'test/layers.test.ts',
  'test/pdf-build.test.ts',
  'test/properties.test.ts',
  'test/render-pdf.test.ts',
  'test/render-text.test.ts',
  'test/render-variants.test.ts',
  'test/cli-themes.test.ts',
  'test/exit-codes.test.ts',
  'test/input-guard.test.ts',
  'test/read-input.test.ts',
  'test/pdf-facts.test.ts',
  'test/themes.test.ts',
  'test/watch-tracking.test.ts',
  'test/measure-watch.test.ts',
  'test/big-input.test.ts',
];

export default defineConfig({
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
  ],
  test: {
    // test/full/: heavy end-to-end checks that drive system programs (LibreOffice): `npm run test:full`.
    // GitHub's workflow parser imports its schema JSON without an import attribute, which only a bundler
    // accepts: let Vite transform it instead of Node loading it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      // A loaded 2-core machine (several engineers' suites at once) can slow a property test well past 5 s.
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/full/**', ...E2E],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // CLI and PDF tests render fonts and a few runs spawn a process; a loaded 2-core CI machine needs headroom.
      { extends: true, test: { name: 'e2e', include: E2E, testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
