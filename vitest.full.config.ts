import { defineConfig } from 'vitest/config';
import { gatedFiles, shared } from './vitest.config.js';

/**
 * `npm run test:full`, which `.ci/run` runs after `npm test`: only the heavy checks, so CI runs nothing twice.
 * test/full/ (LibreOffice, the tarball on Node 22 and 24 …) and, with FOLIO_FULL=1, the gated cases of the files
 * that import test/support/full.ts: every locale, theme, browser width, more property runs. Their other tests are
 * `npm test`'s and skip themselves here.
 */
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    name: 'full',
    include: ['test/full/**/*.test.ts', ...gatedFiles()],
    env: { FOLIO_FULL: '1' },
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
