// folio themes, --theme and -f png end to end: the built CLI in a real process.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { THEME_NAMES } from '../src/model/design.js';
import { example, runCli, tempDir } from './helpers.js';
import { describeDefault, itFull } from './support/full.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describeDefault('cli: themes', () => {
  it('lists every theme, one per line, the name first', async () => {
    const r = await runCli(['themes'], tempDir());
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(THEME_NAMES);
    expect(lines.every((l) => l.length > 30)).toBe(true);
  });

  it('refuses an unknown --theme as a usage error (exit 2) naming the themes', async () => {
    const r = await runCli(['build', example, '--theme', 'fancy', '-o', tempDir()], tempDir());
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('choose one of default, classic, compact, modern, minimal');
  });

  it('-f png writes one image per PDF page (and no PDF unless asked), at --dpi', async () => {
    const out = tempDir();
    const r = await runCli(['build', example, '-f', 'png', '--dpi', '40', '--theme', 'classic', '-o', out], tempDir(), {
      SOURCE_DATE_EPOCH: '1700000000',
    });
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['resume-1.png', 'resume-2.png']);
    const png = readFileSync(join(out, 'resume-1.png'));
    expect(png.subarray(0, 8).equals(PNG)).toBe(true);
    // IHDR width: A4's 595 pt at 40 dpi.
    expect(Math.abs(png.readUInt32BE(16) - (595.28 * 40) / 72)).toBeLessThan(1);
  });
});

describe('cli: themes --gallery', () => {
  // Five builds and five page images: the full suite's (npm run test:full); -f png above is npm test's case.
  itFull('--gallery builds every theme with a page image and an index that shows them all', async () => {
    const dir = join(tempDir(), 'gallery');
    const r = await runCli(['themes', '--gallery', dir, example], tempDir(), { SOURCE_DATE_EPOCH: '1700000000' });
    expect(r.status, r.stderr).toBe(0);
    for (const t of THEME_NAMES) {
      expect(existsSync(join(dir, t, 'resume.pdf')), t).toBe(true);
      expect(
        readFileSync(join(dir, t, 'resume-1.png'))
          .subarray(0, 8)
          .equals(PNG),
      ).toBe(true);
    }
    const index = readFileSync(join(dir, 'index.html'), 'utf8');
    for (const t of THEME_NAMES) expect(index).toContain(`src="${t}/resume-1.png"`);
    expect(index).not.toMatch(/<script|https?:\/\//);
    expect(r.stdout).toContain(`gallery: ${join(dir, 'index.html')}`);
  });
});
