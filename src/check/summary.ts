// Kept apart from source-check.ts so the CLI can print a check's summary without loading the checker.
import type { DataPath } from '../source/load.js';
import type { OrderedMatch } from './find-in-order.js';

/** A string of the source the PDF does not show, and why. */
export interface Unshown {
  path: DataPath;
  text: string;
  reason: string;
}

/**
 * The one definition of "does the PDF show the source" that `folio build`'s
 * self-check and `folio check --source` share. The denominator is every string
 * (or number) of the source, except `$schema`, `meta`, `folio.*`, `variants.*` and
 * tailoring tags: each one is shown (a leaf, looked for in order), not shown by
 * design (a photo path, the call-to-action sentence, an emoji), or not shown at
 * all (a key folio has no place for), which counts as missing.
 */
export interface SourceCheck {
  match: OrderedMatch;
  byDesign: Unshown[];
  /** Strings of the source that no output shows: counted as missing. */
  dropped: Unshown[];
  /** Every string of the source: leaves + by design + dropped. */
  total: number;
}

/** "N of M strings found in order; K not shown by design", the line both reports print. */
export function summaryLine(c: SourceCheck, file: string): string {
  return (
    `${c.match.found.length} of ${c.total} strings from ${file} found in order; ` +
    `${c.byDesign.length} not shown by design`
  );
}
