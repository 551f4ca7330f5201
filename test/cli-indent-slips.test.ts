import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './helpers.js';

/** CLI end to end: an indentation slip is one error, printed once, by every command that reads the source. */
describe('indentation slips (cli)', () => {
  it('the CLI prints one error for a slip, once, in validate and build (each was printed twice)', async () => {
    const dir = tempDir();
    const text = readFileSync(example, 'utf8');
    const count = (s: string) => s.split('\n').filter((l) => / error: /.test(l)).length;
    for (const [from, to] of [
      ['\n  email:', '\nemail:'],
      ['\n    position:', '\n     position:'],
      ['\n  label:', '\n label:'],
    ] as const) {
      writeFileSync(join(dir, 'resume.yaml'), text.replace(from, to));
      for (const args of [['validate'], ['build', '-f', 'md']]) {
        const r = await runCli(args, dir);
        expect(r.status, `${args[0]} ${to}`).toBe(1);
        expect(count(r.stderr), r.stderr).toBe(1);
        expect(r.stderr).toMatch(/^resume\.yaml:\d+:\d+: error: indentation: /);
      }
    }
    // Negative control: the count sees two errors when there are two.
    writeFileSync(
      join(dir, 'resume.yaml'),
      'basics:\n  name: Ada\nwork:\n  - name: X\n    startDate: May\n    endDate: June\n',
    );
    expect(count((await runCli(['validate'], dir)).stderr)).toBe(2);
  }, 60_000);
});
