// The bin keeps V8's young generation at its starting size for one-shot commands (peak memory of a build,
// docs/performance.md), and a batch, whose workers render again and again, lets it grow as V8 does by default.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, tempDir } from './helpers.js';

const dir = tempDir();
// Loaded before the CLI: once folio is done, keep 40 MB of small objects alive through the young generation (which
// makes V8 grow it under its default policy), then print the young generation's size in MB.
const probe = join(dir, 'probe.mjs');
writeFileSync(
  probe,
  `import { getHeapSpaceStatistics } from 'node:v8';
process.on('exit', () => {
  const kept = [];
  for (let i = 0; i < 1_000_000; i++) kept.push({ i, s: [i] });
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  process.stdout.write('new_space ' + (young.space_size / 1048576).toFixed(1) + ' ' + kept.length + '\\n');
});
`,
);

/** The young generation's size in MB after `folio <args>` and the probe's allocations. */
function youngMb(...args: string[]): number {
  const r = spawnSync(process.execPath, ['--import', probe, cli, ...args], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const m = /new_space ([\d.]+) 1000000/.exec(r.stdout);
  expect(m, r.stdout).not.toBeNull();
  return Number(m?.[1]);
}

describe('the young generation', () => {
  const source = fixture('minimal.yaml');

  it('stays at its starting size in a one-shot build', () => {
    // 1 MB for each of its two semi-spaces at start on 64-bit Node; 32 MB when grown to the full 16 + 16.
    expect(youngMb('build', source, '-f', 'md', '-o', join(dir, 'one'))).toBeLessThanOrEqual(2);
  });

  it('grows in a batch (the negative control: the probe does make V8 grow it)', () => {
    const second = join(dir, 'second.yaml');
    writeFileSync(second, readFileSync(source, 'utf8'));
    expect(youngMb('build', source, second, '-f', 'md', '-j', '1', '-o', join(dir, 'many'))).toBeGreaterThan(8);
  });
});
