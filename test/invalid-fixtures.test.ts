import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUserError } from '../src/cli/report.js';
import { formatDiagnostic, UserError } from '../src/source/diagnostics.js';
import { DEFAULT_LIMITS, type InputLimits, parseSize } from '../src/source/limits.js';
import { loadFile } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';
import { fixture, runCli } from './helpers.js';

/**
 * test/fixtures/invalid/: one broken input per case, `NAME.expected.txt` beside
 * it holding exactly what `folio validate NAME` prints on stderr, and optionally
 * `NAME.args` with the flags it is run with (--max-size, --strict).
 * Regenerate the expected files on purpose with FOLIO_UPDATE_FIXTURES=1, then review the diff.
 */
const dir = fixture('invalid');
const cases = readdirSync(dir)
  .filter((f) => /\.(ya?ml|json)$/.test(f))
  .sort();
const update = process.env.FOLIO_UPDATE_FIXTURES === '1';

function argsOf(name: string): string[] {
  const file = join(dir, `${stem(name)}.args`);
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/) : [];
}

const stem = (name: string) => name.replace(/\.(ya?ml|json)$/, '');

/** `folio validate NAME [args]` in-process, run from the fixtures folder: its stderr and exit code. */
async function validateLikeCli(name: string, args: string[]): Promise<{ stderr: string; status: number }> {
  const limits: InputLimits = { ...DEFAULT_LIMITS };
  const i = args.indexOf('--max-size');
  if (i >= 0) limits.maxBytes = parseSize(args[i + 1] ?? '') ?? limits.maxBytes;
  try {
    const src = await loadFile(join(dir, name), name, limits);
    const { warnings } = validate(src, { strict: args.includes('--strict') });
    return { stderr: warnings.map((d) => `${formatDiagnostic(d)}\n`).join(''), status: 0 };
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return { stderr: formatUserError(err), status: 1 };
  }
}

describe('invalid inputs: each fixture prints its expected message', () => {
  it('has a fixture for every case and an expected file for every fixture', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
    if (update) return;
    expect(cases.filter((c) => !existsSync(join(dir, `${stem(c)}.expected.txt`)))).toEqual([]);
  });

  it.each(cases)('%s', async (name) => {
    const t0 = performance.now();
    const { stderr, status } = await validateLikeCli(name, argsOf(name));
    // Hostile inputs must be answered quickly, not just correctly.
    expect(performance.now() - t0).toBeLessThan(3000);
    const expectedFile = join(dir, `${stem(name)}.expected.txt`);
    if (update) writeFileSync(expectedFile, stderr);
    const expected = readFileSync(expectedFile, 'utf8');
    expect(stderr).toBe(expected);
    // Errors exit 1; a fixture that only warns (future date, unknown tag) still validates.
    expect(status).toBe(/: error: /.test(expected) ? 1 : 0);
    // No stack trace, no internal file names: only the user's file is mentioned.
    expect(stderr).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  });

  it('prints the same through the real CLI (bytes, flags, warnings-only)', async () => {
    for (const name of ['invalid-utf8-latin1.yaml', 'too-large.yaml', 'end-before-start.yaml', 'future-start.yaml']) {
      const r = await runCli(['validate', name, ...argsOf(name)], dir);
      const expected = readFileSync(join(dir, `${stem(name)}.expected.txt`), 'utf8');
      expect(r.stderr).toBe(expected);
      expect(r.status).toBe(/: error: /.test(expected) ? 1 : 0);
    }
  }, 60_000);
});
