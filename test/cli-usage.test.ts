import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './helpers.js';

/** CLI end to end: usage mistakes exit 2, the user's own bad input or environment 1, and each message says what to do. */
function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'resume.yaml'), readFileSync(example, 'utf8'));
  return dir;
}

const noStack = /at .*\.js:\d+|internal error/;

describe('exit codes (cli)', () => {
  it('usage mistakes exit 2 and write nothing', async () => {
    const dir = project();
    const cases: [string[], RegExp][] = [
      [['build', '--fit', '-f', 'md'], /--fit fits a variant to its maxPages: add --variant <name> or --all-variants/],
      [['build', '--name', '../x', '-f', 'md'], /output name "\.\.\/x" must be a file name without folders/],
      [['build', '--name', 'cv/{name}', '-f', 'md'], /without folders/],
      [['build', '--name', '{nom}', '-f', 'md'], /the only placeholder is \{name\}/],
      [['build', '--paper', 'tabloid', '-f', 'md'], /choose A4, letter, A5 or legal/],
      [['build', '-j', '0', 'resume.yaml', 'resume.yaml'], /give a whole number of worker threads, 1 or more/],
      [['build', '--max-pages', '0'], /give a whole number of pages, 1 or more/],
      [['build', 'resume.yaml', 'other.yaml', '--watch'], /take one source/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args, dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(noStack);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it('a name the file system rejects (too long) is exit 1 with a plain message, nothing left behind', async () => {
    const dir = project();
    const r = await runCli(['build', '--name', 'x'.repeat(300), '-f', 'md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is 303 bytes long; file systems allow 255/);
    expect(r.stderr).not.toMatch(noStack);
    expect(existsSync(join(dir, 'out')) ? readdirSync(join(dir, 'out')) : []).toEqual([]);
  });

  it('serve with a missing file in a missing folder exits 1 and says how to start one', async () => {
    const dir = tempDir();
    const r = await runCli(['serve', 'nodir/missing.yaml', '-p', '0'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'nodir/missing.yaml: error: no such file, and no folder nodir/ to create it in; run "folio init nodir/missing.yaml" to start one (it makes the folder), or give the path of your résumé\n',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('validate checks every file it is given, like build', async () => {
    const dir = project();
    writeFileSync(join(dir, 'bad.yaml'), 'basics:\n  name: Ada\n   label: x\n');
    const both = await runCli(['validate', 'resume.yaml', 'bad.yaml'], dir);
    expect(both.status).toBe(1);
    expect(both.stdout).toBe('resume.yaml: valid\n');
    expect(both.stderr).toMatch(/^bad\.yaml:3:4: error: indentation: `label:` is indented 3 spaces/m);
    expect(both.stderr).toMatch(/1 of 2 files not valid: bad.yaml\n$/);
    // The order does not matter: a bad first file does not hide the second.
    const reversed = await runCli(['validate', 'bad.yaml', 'resume.yaml'], dir);
    expect(reversed.stdout).toBe('resume.yaml: valid\n');
    expect(await runCli(['validate', 'resume.yaml', 'resume.yaml'], dir)).toMatchObject({
      status: 0,
      stdout: 'resume.yaml: valid\nresume.yaml: valid\n',
    });
  });
});
