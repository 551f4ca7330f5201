/** Points per unit of a length written with a unit ("18mm", "0.75in", "42pt"). */
const POINTS_PER: Record<string, number> = { pt: 1, mm: 72 / 25.4, cm: 72 / 2.54, in: 72 };

/** The margins folio accepts, in points: 5 mm to 50 mm. Less clips on printers; more leaves no page. */
export const MARGIN_RANGE = { min: 14, max: 142 } as const;

/**
 * A margin as written (`18mm`, `42pt`, or a bare number of points) in points, rounded to 0.01; null when it is not one.
 */
export function marginPoints(value: string | number): number | null {
  if (typeof value === 'number') return value;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(pt|mm|cm|in)\s*$/.exec(value);
  if (!m) return null;
  return Math.round(Number(m[1]) * (POINTS_PER[m[2] as string] ?? 1) * 100) / 100;
}
