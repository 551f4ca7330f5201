import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfLeaves } from '../../src/check/expected.js';
import { matchInOrder } from '../../src/check/find-in-order.js';
import { renderDocx } from '../../src/render/docx.js';
import { example, loadResume, tempDir } from '../helpers.js';

/**
 * A second, independent reader of the Word file: LibreOffice (Debian's libreoffice-writer-nogui, installed by
 * .ci/run) opens it headless and prints it to PDF, and poppler reads that PDF back. Heavy (~10 s for LibreOffice's
 * first start), so it runs in the full suite only.
 */
describe('the Word file opened by LibreOffice', { timeout: 180_000 }, () => {
  it("converts to a PDF that reads like folio's own: every string in order, the properties kept, page 1 not blank", async () => {
    const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
    expect(
      soffice,
      'LibreOffice is not installed: apt-get install libreoffice-writer-nogui (as .ci/run does)',
    ).toBeDefined();
    const { resume, model } = loadResume(example);
    const dir = tempDir();
    writeFileSync(
      join(dir, 'cv.docx'),
      await renderDocx(model, { paper: 'A4', date: new Date('2026-01-01T00:00:00Z') }),
    );
    // A profile of its own, so a LibreOffice already running (or another test) does not take the conversion over.
    execFileSync(
      soffice as string,
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'cv.docx'),
      ],
      {
        stdio: 'pipe',
        timeout: 150_000,
      },
    );
    const pdf = join(dir, 'cv.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    // pdftotext joins a word broken after a hyphen at a line end ("software-⏎quality" → "softwarequality"):
    // compared without hyphens, so a line break LibreOffice chose is not counted as lost text.
    const leaves = pdfLeaves(resume).map((l) => ({ ...l, text: l.text.replace(/-/g, '') }));
    const match = matchInOrder(leaves, [text.replace(/-/g, '')]);
    expect(match.missing).toEqual([]);
    expect(match.outOfOrder).toEqual([]);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Title: +Your Name — Backend engineer for high-throughput systems/);
    expect(info).toMatch(/Author: +Your Name/);
    expect(info).toMatch(/Page size: +595\.\d+ x 841\.\d+ pts \(A4\)/);
    // Page 1 as a grey image (PGM): mostly paper, with real ink on it; a blank or black page fails.
    execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', '1', '-l', '1', pdf, join(dir, 'page')]);
    const pgm = readFileSync(join(dir, existsSync(join(dir, 'page-1.pgm')) ? 'page-1.pgm' : 'page-01.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    expect(header).not.toBeNull();
    const pixels = pgm.subarray((header as RegExpExecArray)[0].length);
    const ink = pixels.filter((v) => v < 160).length / pixels.length;
    expect(ink).toBeGreaterThan(0.01);
    expect(ink).toBeLessThan(0.3);
  });
});
