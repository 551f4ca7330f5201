// Issue 16, class 6: big but valid input. Whatever folio accepts builds in bounded time; the rest is refused at
// validate time, fast, with the limit named and its place located (exit 1, nothing written).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DEFAULT_LIMITS } from '../src/source/limits.js';
import { runCli, tempDir } from './helpers.js';
import { FULL, itDefault } from './support/full.js';

/** A résumé with `entries` work entries, each with one bullet of `chars` characters: 2 × entries list items. */
function resume(entries: number, chars: number): string {
  const bullet = (i: number) =>
    `Entry ${i}: ${'shipped a faster serving path '.repeat(Math.ceil(chars / 30))}`.slice(0, chars);
  return stringify({
    basics: { name: 'Ada Lovelace' },
    work: Array.from({ length: entries }, (_, i) => ({
      name: `Company ${i}`,
      position: 'Engineer',
      startDate: '2020-01',
      highlights: [bullet(i)],
    })),
  });
}

/** Characters of text in the résumé `resume()` writes, as the limit counts them (values, not keys). */
const textOf = (entries: number, chars: number) =>
  'Ada Lovelace'.length +
  Array.from({ length: entries }, (_, i) => `Company ${i}`.length + 8 + 7 + chars).reduce((a, b) => a + b, 0);

describe('big but valid input', () => {
  itDefault(
    '1,000 work entries (the trial’s 165 KB file) are refused at validate time, fast, with the limit named',
    async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'big.yaml'), resume(1000, 60));
      const t0 = performance.now();
      const r = await runCli(['build', 'big.yaml', '-o', 'out'], dir);
      const ms = performance.now() - t0;
      expect(r.status).toBe(1);
      // One list of 1,000: its own limit (500 in one list) speaks first, at item 501.
      expect(r.stderr).toMatch(
        /^big\.yaml:2504:5: error: this list has 1000 items, over the limit of 500 in one list; this is item 501$/m,
      );
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(join(dir, 'out'))).toBe(false);
      expect(ms).toBeLessThan(10_000);
    },
  );

  itDefault(
    'the limits sit exactly where docs/limits.md says: 500 list items and 262,144 characters pass, one more does not',
    async () => {
      const dir = tempDir();
      // 250 entries with one bullet each: exactly 500 list items, and text just under the limit.
      const chars = Math.floor((DEFAULT_LIMITS.maxTextChars - textOf(250, 0)) / 250);
      expect(textOf(250, chars)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTextChars);
      writeFileSync(join(dir, 'edge.yaml'), resume(250, chars));
      const ok = await runCli(['validate', 'edge.yaml'], dir);
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      // One more entry: over both limits; the list items are met first, in document order.
      writeFileSync(join(dir, 'over.yaml'), resume(251, chars));
      const over = await runCli(['validate', 'over.yaml'], dir);
      expect(over.status).toBe(1);
      expect(over.stderr).toContain('more than 500 list items');
      // The same 250 entries with a little more text each: over the text limit only.
      writeFileSync(join(dir, 'wordy.yaml'), resume(250, chars + 30));
      const wordy = await runCli(['validate', 'wordy.yaml'], dir);
      expect(wordy.status).toBe(1);
      expect(wordy.stderr).toMatch(
        /^wordy\.yaml:\d+:\d+: error: the résumé holds more than 262,144 characters of text by here/m,
      );
    },
  );

  it('a large résumé within the limits builds every format, every string in the PDF', async () => {
    // npm test: 25 entries (a few seconds); FOLIO_FULL=1: the largest the limits accept (500 items, 256 Ki characters).
    const [entries, chars] = FULL ? [250, Math.floor((DEFAULT_LIMITS.maxTextChars - textOf(250, 0)) / 250)] : [25, 300];
    const dir = tempDir();
    writeFileSync(join(dir, 'large.yaml'), resume(entries, chars));
    const r = await runCli(['build', 'large.yaml', '-o', 'out'], dir, { SOURCE_DATE_EPOCH: '1767225600' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/self-check: (\d+) of \1 strings from large\.yaml found in order/);
    expect(r.stdout).toMatch(/out\/large\.pdf .* \d+ pages/);
    expect(r.stdout).toContain('built 3 files');
  }, 600_000);
});
