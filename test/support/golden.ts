import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { root } from '../helpers.js';

/**
 * Compare an output with its reviewed copy in test/golden/. The copy changes only on
 * purpose: run the tests with UPDATE_GOLDEN=1, then review the diff before committing.
 */
export function checkGolden(name: string, actual: string): void {
  const path = join(root, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`test/golden/${name} is missing: run UPDATE_GOLDEN=1 npm test and review it`);
  expect(actual, `differs from test/golden/${name} (UPDATE_GOLDEN=1 to accept on purpose)`).toBe(
    readFileSync(path, 'utf8'),
  );
}
