// Class: the user's own problems (a name too long, a link loop, a bad SOURCE_DATE_EPOCH, a full disk on stdout)
// are exit 1 with one plain line, never exit 70 or a stack; in a batch, the one bad source is reported and the rest build.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputName } from '../src/output/write.js';
import { UserError } from '../src/source/diagnostics.js';
import { describeErrno, isSystemError, systemUserError } from '../src/source/errno.js';
import { cli, example, runCli, tempDir } from './helpers.js';

const plain = (r: { status: number | null; stderr: string }) => {
  expect(r.status).toBe(1);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at |Error:/);
};

describe("exit codes: the system saying no is the user's problem, in plain words", () => {
  it('every errno folio can meet has plain words, and an escaped system error becomes a UserError', async () => {
    for (const code of [
      'EACCES',
      'ENOSPC',
      'EROFS',
      'ENOTDIR',
      'EISDIR',
      'EDQUOT',
      'ENAMETOOLONG',
      'ELOOP',
      'EMFILE',
      'EIO',
      'EFBIG',
    ]) {
      expect(describeErrno({ code })).not.toBe(code);
    }
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    expect(isSystemError(enospc)).toBe(true);
    expect(systemUserError(enospc).message).toBe('error: cannot write to standard output: no space left on the device');
    // Negative control: a TypeError is a bug, not the system.
    expect(isSystemError(new TypeError('x'))).toBe(false);
  });

  it('an output name over 230 bytes is refused before anything is written', async () => {
    expect(() => checkOutputName(`${'é'.repeat(120)}.pdf`)).toThrow(UserError);
    expect(() => checkOutputName(`${'a'.repeat(226)}.pdf`)).not.toThrow();
  });

  it('CLI: --name too long, -o a link loop, -o a dangling link, a bad SOURCE_DATE_EPOCH', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(example));
    const long = await runCli(['build', '-f', 'md', '--name', 'a'.repeat(300)], dir);
    plain(long);
    expect(long.stderr).toMatch(/^error: output name "a{40}…" is 303 bytes long; file systems allow 255/);
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    const loop = await runCli(['build', '-f', 'md', '-o', 'loop-a'], dir);
    plain(loop);
    expect(loop.stderr).toBe(
      'error: cannot use output directory loop-a: too many symbolic links (a link that points back at itself?)\n',
    );
    symlinkSync('nowhere', join(dir, 'dangling'));
    expect(await runCli(['build', '-f', 'md', '-o', 'dangling'], dir)).toMatchObject({
      status: 1,
      stderr:
        'error: output directory dangling is a symbolic link to nowhere, which does not exist; create it or choose another --out\n',
    });
    for (const epoch of ['99999999999999999999', 'yesterday']) {
      const r = await runCli(['build', '-f', 'md'], dir, { SOURCE_DATE_EPOCH: epoch });
      plain(r);
      expect(r.stderr).toMatch(
        /^error: SOURCE_DATE_EPOCH=\S+ is not a time folio can use: give whole seconds since 1970, at most 253402300799/,
      );
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);

  it.skipIf(!existsSync('/dev/full'))(
    'CLI: export with stdout on a full disk (/dev/full) is exit 1 with one line',
    () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'resume.yaml'), readFileSync(example));
      const full = openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [cli, 'export'], {
        cwd: dir,
        stdio: ['ignore', full, 'pipe'],
        encoding: 'utf8',
      });
      closeSync(full);
      plain({ status: r.status, stderr: r.stderr });
      expect(r.stderr.split('\n').filter((l) => l.startsWith('error'))).toEqual([
        'error: cannot write to standard output: no space left on the device',
      ]);
    },
    30_000,
  );

  it('batch: a source whose output name is too long is reported; the others still build', async () => {
    const dir = tempDir();
    const text = readFileSync(example, 'utf8');
    writeFileSync(
      join(dir, 'a.yaml'),
      text
        .replace('name: Your Name', `name: ${'Verylongname '.repeat(12)}`)
        .replace('folio:\n', 'folio:\n  output: "{name}-{name}"\n'),
    );
    writeFileSync(join(dir, 'b.yaml'), text);
    const r = await runCli(['build', 'a.yaml', 'b.yaml', '-f', 'md', '-j', '1'], dir);
    plain(r);
    expect(r.stderr).toMatch(/error: output name "Verylongname-.*" is \d+ bytes long/);
    expect(r.stdout).toContain('for 1 of 2 résumés');
    expect(readdirSync(join(dir, 'out'))).toEqual(['b.md']);
  }, 30_000);
});
