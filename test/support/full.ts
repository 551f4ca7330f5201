import { describe, it } from 'vitest';

/**
 * The two suites. `npm test` runs one representative case of each heavy check; `npm run test:full`
 * (vitest.full.config.ts, which sets FOLIO_FULL=1 and runs the files that import this module) runs the rest, and
 * skips what `npm test` already ran: in CI, which runs both, every check runs once.
 */
export const FULL = process.env.FOLIO_FULL === '1';

/** Checks of `npm test` only: `npm run test:full` skips them (CI ran them in `npm test`). */
export const describeDefault = describe.skipIf(FULL);
export const itDefault = it.skipIf(FULL);

/** Heavy checks that only `npm run test:full` runs. */
export const describeFull = describe.runIf(FULL);
export const itFull = it.runIf(FULL);

/**
 * Split a sweep: the first `n` cases in `npm test`, the others in `npm run test:full`. Put the most telling case
 * first: it is the one the edit loop sees.
 */
export function sweep<T>(cases: readonly T[], n = 1): T[] {
  return FULL ? cases.slice(n) : cases.slice(0, n);
}

/** A property test's run count: `quick` in `npm test`, `full` in `npm run test:full`. */
export function propertyRuns(quick: number, full: number): number {
  return FULL ? full : quick;
}
