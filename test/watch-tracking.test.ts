// Class: watch and serve never lose track of the source: a folder deleted and made again, a symlinked source edited at its target.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { watchFiles } from '../src/cli/watch.js';
import { fixture, tempDir } from './helpers.js';
import { itDefault, itFull } from './support/full.js';
import { outputOf, servePort, start, waitFor } from './support/long-running.js';

/** Wait until `count()` passes `n`, or give up after `ms`. */
async function until(count: () => number, n: number, ms = 5000): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; ) {
    if (count() > n) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('watch keeps track of the source', () => {
  itDefault('a symlinked source: an edit to the link target rebuilds', async () => {
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

  itDefault('the source folder deleted and made again: the next save there rebuilds', async () => {
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

  itDefault(
    'the folder deleted and made again at once (the same inode number, as tmpfs gives): a later save is seen',
    async () => {
      const dir = tempDir();
      const folder = join(dir, 'cv');
      mkdirSync(folder);
      writeFileSync(join(folder, 'resume.yaml'), 'a');
      let calls = 0;
      const w = watchFiles({ file: join(folder, 'resume.yaml') }, () => calls++, 20, 100);
      try {
        await new Promise((r) => setTimeout(r, 100));
        rmSync(folder, { recursive: true });
        mkdirSync(folder);
        writeFileSync(join(folder, 'resume.yaml'), 'b');
        // Long enough for the poll to have run several times: what it does is done.
        await new Promise((r) => setTimeout(r, 600));
        const before = calls;
        writeFileSync(join(folder, 'resume.yaml'), 'c');
        expect(await until(() => calls, before, 2000)).toBe(true);
      } finally {
        w.close();
      }
    },
  );

  // The watcher above is what serve uses; this is the trial's case end to end (a spawned server: test:full only).
  itFull(
    'serve: the source folder deleted and made again, the preview shows the new file and follows later saves',
    async () => {
      const dir = tempDir();
      const folder = join(dir, 'cv');
      const minimal = readFileSync(fixture('minimal.yaml'), 'utf8');
      const named = (name: string) => minimal.replace(/name: .*/, `name: ${name}`);
      mkdirSync(folder);
      writeFileSync(join(folder, 'resume.yaml'), named('First Name'));
      const run = start(['serve', 'cv/resume.yaml', '--port', '0'], dir);
      const ctx = () => outputOf(run);
      try {
        const port = await servePort(run, 60_000);
        const page = async () => (await fetch(`http://127.0.0.1:${port}/`)).text();
        expect(await page()).toContain('First Name');
        rmSync(folder, { recursive: true });
        await new Promise((r) => setTimeout(r, 300));
        mkdirSync(folder);
        writeFileSync(join(folder, 'resume.yaml'), named('Second Name'));
        await waitFor(async () => (await page()).includes('Second Name'), 'the page of the new file', ctx, 30_000);
        writeFileSync(join(folder, 'resume.yaml'), named('Third Name'));
        await waitFor(async () => (await page()).includes('Third Name'), 'a later save', ctx, 30_000);
      } finally {
        expect(await run.stop()).toBe(0);
      }
    },
    120_000,
  );
});
