// Class: watch and serve never lose track of the source: a folder deleted and made again, a symlinked source edited at its target.
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFiles } from '../src/cli/watch.js';
import { tempDir } from './helpers.js';

/** Wait until `count()` passes `n`, or give up after `ms`. */
async function until(count: () => number, n: number, ms = 5000): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; ) {
    if (count() > n) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('watch keeps track of the source', () => {
  it('a symlinked source: an edit to the link target rebuilds', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    mkdirSync(join(dir, 'proj'));
    writeFileSync(join(dir, 'real/cv.yaml'), 'a');
    symlinkSync(join(dir, 'real/cv.yaml'), join(dir, 'proj/resume.yaml'));
    let calls = 0;
    const w = watchFiles({ file: join(dir, 'proj/resume.yaml') }, () => calls++, 20, 100);
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(dir, 'real/cv.yaml'), 'b');
      expect(await until(() => calls, 0)).toBe(true);
    } finally {
      w.close();
    }
  });

  it('the source folder deleted and made again: the next save there rebuilds', async () => {
    const dir = tempDir();
    const folder = join(dir, 'cv');
    mkdirSync(folder);
    writeFileSync(join(folder, 'resume.yaml'), 'a');
    let calls = 0;
    const w = watchFiles({ file: join(folder, 'resume.yaml') }, () => calls++, 20, 100);
    try {
      rmSync(folder, { recursive: true });
      await new Promise((r) => setTimeout(r, 300));
      mkdirSync(folder);
      writeFileSync(join(folder, 'resume.yaml'), 'b');
      await new Promise((r) => setTimeout(r, 400));
      const before = calls;
      // A save in the new folder, after the watch has moved to it, is seen.
      writeFileSync(join(folder, 'resume.yaml'), 'c');
      expect(await until(() => calls, before)).toBe(true);
    } finally {
      w.close();
    }
  });
});
