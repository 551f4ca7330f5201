// Class: every file folio reads is bounded: a regular file only (a FIFO would hang, /dev/zero never ends),
// under a size limit with a clear message, and a photo's pixel size is read from its header before decoding.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/pipeline/build.js';
import { imageSize } from '../src/source/image-size.js';
import { JOB_KIND, PDF_KIND, README_KIND, readInput } from '../src/source/read-input.js';
import { example, fixture, runCli, tempDir } from './helpers.js';

/** A PNG header claiming width × height (no pixel data: decoding it is what must never start). */
function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  b[25] = 6;
  return b;
}

describe('bounded reads', () => {
  it('refuses a device, a FIFO (without waiting for a writer) and a directory, for every kind of input', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const kind of [README_KIND, PDF_KIND, JOB_KIND]) {
      const t0 = performance.now();
      await expect(readInput('/dev/zero', '/dev/zero', kind)).rejects.toThrow(
        `/dev/zero: error: is a device, not a regular file; folio reads ${kind.what} only from a regular file`,
      );
      await expect(readInput(fifo, 'fifo', kind)).rejects.toThrow(
        'fifo: error: is a FIFO (named pipe), not a regular file',
      );
      await expect(readInput(dir, 'dir', kind)).rejects.toThrow(`dir: error: is a directory, expected ${kind.what}`);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });

  it('refuses a file over its limit from its size, without reading it (a sparse 600 MB README)', async () => {
    const dir = tempDir();
    const big = join(dir, 'README.md');
    writeFileSync(big, '');
    truncateSync(big, 600 * 1024 * 1024);
    const t0 = performance.now();
    await expect(readInput(big, 'README.md', README_KIND)).rejects.toThrow(
      'README.md: error: the file is 600 MiB, over the 8 MiB limit for a README; folio did not read it',
    );
    expect(performance.now() - t0).toBeLessThan(500);
    // Negative control: a file just under the limit is read whole.
    truncateSync(big, README_KIND.maxBytes);
    expect((await readInput(big, 'README.md', README_KIND)).length).toBe(README_KIND.maxBytes);
  });

  it('CLI: readme, check, match and build on /dev/zero or a huge README end at once with exit 1', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    writeFileSync(join(dir, 'BIG.md'), '');
    truncateSync(join(dir, 'BIG.md'), 3 * 1024 ** 3);
    const cases: [string[], string][] = [
      [
        ['readme', '/dev/zero'],
        '/dev/zero: error: is a device, not a regular file; folio reads a README only from a regular file\n',
      ],
      [
        ['readme', 'BIG.md'],
        'BIG.md: error: the file is 3072 MiB, over the 8 MiB limit for a README; folio did not read it\n',
      ],
      [
        ['check', '/dev/zero'],
        '/dev/zero: error: is a device, not a regular file; folio reads a PDF to check only from a regular file\n',
      ],
      [
        ['match', '/dev/zero'],
        '/dev/zero: error: is a device, not a regular file; folio reads a job description only from a regular file\n',
      ],
      [
        ['validate', '/dev/zero'],
        '/dev/zero: error: is a device, not a regular file; folio reads a résumé only from a regular file\n',
      ],
    ];
    for (const [args, stderr] of cases)
      expect(await runCli(args, dir), args.join(' ')).toMatchObject({ status: 1, stderr });
  }, 30_000);

  it('a photo: its pixel size from the header (PNG and JPEG), refused over 4096 a side before decoding', async () => {
    expect(imageSize(pngHeader(17000, 17000), 'png')).toEqual({ width: 17000, height: 17000 });
    expect(imageSize(readFileSync(fixture('photo.png')), 'png')).toMatchObject({ width: expect.any(Number) });
    // A JPEG: SOI, an APP0 segment, then SOF0 with height 300 and width 200.
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x03, 0, 0,
      0, 0, 0, 0, 0, 0, 0, 0,
    ]);
    expect(imageSize(jpeg, 'jpg')).toEqual({ width: 200, height: 300 });
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00]), 'jpg')).toBeNull();

    const dir = tempDir();
    writeFileSync(join(dir, 'huge.png'), pngHeader(17000, 17000));
    const yaml = readFileSync(example, 'utf8')
      .replace('folio:\n', 'folio:\n  photo: true\n')
      .replace('  name: Your Name\n', '  name: Your Name\n  image: huge.png\n');
    writeFileSync(join(dir, 'resume.yaml'), yaml);
    const t0 = performance.now();
    await expect(
      build({ source: join(dir, 'resume.yaml'), outDir: join(dir, 'out'), formats: ['pdf'] }),
    ).rejects.toMatchObject({
      diagnostics: [
        expect.objectContaining({
          path: 'basics.image',
          message:
            'huge.png is 17000 × 17000 pixels; the PDF takes photos up to 4096 pixels a side (a header photo needs about 600): scale it down',
        }),
      ],
    });
    writeFileSync(join(dir, 'resume.yaml'), yaml.replace('image: huge.png', 'image: /dev/zero'));
    await expect(
      build({ source: join(dir, 'resume.yaml'), outDir: join(dir, 'out'), formats: ['pdf'] }),
    ).rejects.toMatchObject({
      diagnostics: [
        expect.objectContaining({
          message:
            'cannot use the photo /dev/zero: is a device, not a regular file; folio reads a photo only from a regular file',
        }),
      ],
    });
    expect(performance.now() - t0).toBeLessThan(10_000);
  }, 30_000);
});
