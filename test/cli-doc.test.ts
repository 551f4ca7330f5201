import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cliDoc } from '../scripts/gen-cli-doc.mjs';
import { root, runCli, tempDir } from './helpers.js';

// docs/cli.md is generated from the built CLI's --help (scripts/gen-cli-doc.mjs): the reference cannot drift from it.
describe('docs/cli.md', () => {
  it('is what `npm run docs` writes from the current --help texts', async () => {
    // The CLI run in this process, as `folio <command> --help` prints into a pipe (80 columns): the same text as
    // `npm run docs` gets from spawning dist/cli.js once per command, without 15 cold starts.
    const dir = tempDir();
    const fresh = await cliDoc(async (args) => (await runCli([...args, '--help'], dir)).stdout.trimEnd());
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

  it('gets from the CLI in this process what the built CLI prints in a pipe (one spawned run, as a control)', async () => {
    const { stdout: spawned } = await promisify(execFile)(
      process.execPath,
      [join(root, 'dist/cli.js'), 'build', '--help'],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', COLUMNS: '' },
      },
    );
    expect(spawned.trimEnd()).toBe((await runCli(['build', '--help'], tempDir())).stdout.trimEnd());
  });
});
