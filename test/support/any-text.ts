import fc from 'fast-check';

/**
 * Any code point but a lone surrogate (controls, unassigned and astral ones included): what fast-check's
 * `unit: 'binary'` draws. That unit builds a map of all 1.1 M code points the first time a worker uses it (1.2 s
 * here, once per worker and suite); an integer mapped past the surrogate block draws the same values and shrinks
 * through the integer.
 */
const anyCodePoint = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

/** A string of any code points, as `fc.string({ unit: 'binary', … })`. */
export const anyText = (constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.string({ unit: anyCodePoint, ...constraints });
