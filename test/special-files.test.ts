// Class: --force and in-place updates replace only regular files the user may write: never a device,
// a FIFO or a directory, and never a read-only file.
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNewFile } from '../src/output/new-file.js';
import { checkReplaceable, replaceFile } from '../src/output/write.js';
import { tempDir } from './helpers.js';

describe('special files are never replaced', () => {
  it('a device is refused without writing (checked, not written: /dev/null stays a device)', async () => {
    await expect(checkReplaceable('/dev/null')).rejects.toThrow(
      'error: cannot write /dev/null: it is a device, and folio replaces only regular files; nothing was written',
    );
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('init/import/export --force on a FIFO or a read-only file: refused, the file as it was', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(writeNewFile(fifo, 'x', true)).rejects.toThrow(
      /it is a FIFO \(named pipe\), and folio replaces only regular files/,
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const ro = join(dir, 'ro.yaml');
    writeFileSync(ro, 'mine');
    chmodSync(ro, 0o444);
    await expect(writeNewFile(ro, 'x', true)).rejects.toThrow(
      `error: cannot write ${ro}: the file is read-only; make it writable (chmod u+w) if folio should replace it; nothing was written`,
    );
    expect(readFileSync(ro, 'utf8')).toBe('mine');
    // Negative control: a writable regular file is replaced with --force.
    const rw = join(dir, 'rw.yaml');
    writeFileSync(rw, 'old');
    await writeNewFile(rw, 'new', true);
    expect(readFileSync(rw, 'utf8')).toBe('new');
  });

  it('readme: a read-only README is left alone (rename would have replaced it anyway)', async () => {
    const dir = tempDir();
    const readme = join(dir, 'README.md');
    writeFileSync(readme, 'old');
    chmodSync(readme, 0o444);
    await expect(replaceFile(readme, Buffer.from('new'))).rejects.toThrow(/the file is read-only/);
    expect(readFileSync(readme, 'utf8')).toBe('old');
    chmodSync(readme, 0o644);
    await replaceFile(readme, Buffer.from('new'));
    expect(readFileSync(readme, 'utf8')).toBe('new');
  });
});
