import { configDefaults, defineConfig } from 'vitest/config';
import { E2E, shared } from './vitest.config.js';

/** `npm run test:unit`: the stage tests alone (no PDF, no process, no browser), the edit loop. */
export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    name: 'unit',
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/full/**', ...E2E],
  },
});
