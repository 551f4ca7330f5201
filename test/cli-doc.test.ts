import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

// docs/cli.md is generated from the built CLI's --help (scripts/gen-cli-doc.mjs): the reference cannot drift from it.
describe('docs/cli.md', () => {
  it('is what `npm run docs` writes from the current --help texts', async () => {
    const { stdout: fresh } = await promisify(execFile)(
      process.execPath,
      [join(root, 'scripts/gen-cli-doc.mjs'), '--stdout'],
      { encoding: 'utf8', maxBuffer: 8 * 1024 * 1024 },
    );
    // The generated text itself: one section per command of `folio --help`, each the command's own help.
    const sections = [...fresh.matchAll(/^## folio (\S+)\n\n```text\nUsage: folio (\S+) /gm)];
    expect(sections.map((m) => m[1])).toEqual(sections.map((m) => m[2]));
    expect(sections.map((m) => m[1])).toEqual(
      expect.arrayContaining([
        'build',
        'validate',
        'readme',
        'init',
        'serve',
        'import',
        'export',
        'variants',
        'match',
        'check',
      ]),
    );
    expect(fresh).toContain('--max-pages <n>');
    const committed = readFileSync(join(root, 'docs/cli.md'), 'utf8');
    expect(committed, 'docs/cli.md is stale: run `npm run docs` and commit it').toBe(fresh);
  });
});
