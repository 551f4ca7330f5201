import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // CLI and PDF tests spawn processes and render fonts; a loaded 2-core CI machine needs headroom.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // test/full/: heavy end-to-end checks that drive system programs (LibreOffice): `npm run test:full`.
    exclude: [...configDefaults.exclude, 'test/full/**'],
  },
});
