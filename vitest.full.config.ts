import { defineConfig } from 'vitest/config';

/** `npm run test:full`: the heavy end-to-end checks in test/full/, which `.ci/run` runs after `npm test`. */
export default defineConfig({
  test: {
    include: ['test/full/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
