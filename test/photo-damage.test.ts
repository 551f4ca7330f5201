// Stage source: a corrupt or fake photo (issue 16, class 11) is found before the renderer sees it, which
// dropped it with only its library's words ("Incomplete or corrupt PNG file"), once per render. The build's
// side (one located warning, an error with --strict) is in cli-photo.test.ts.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageDamage } from '../src/source/image-check.js';
import { fixture } from './helpers.js';
import { jpeg } from './support/jpeg.js';

const png = readFileSync(fixture('photo.png'));

/** A PNG of the given chunks, each with a correct CRC (so only what the chunk holds can be wrong). */
function pngOf(chunks: [string, Buffer][]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const parts: Buffer[] = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    parts.push(head, data, tail);
  }
  return Buffer.concat(parts);
}
const ihdr = (w: number, h: number) => {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(w, 0);
  b.writeUInt32BE(h, 4);
  b[8] = 8; // bit depth
  b[9] = 2; // RGB
  return b;
};

describe('photo damage: what is wrong with a PNG or JPEG, read before the renderer sees it', () => {
  it('a whole PNG and a whole JPEG are whole (the control)', async () => {
    expect(await imageDamage(png, 'png')).toBeNull();
    expect(await imageDamage(await jpeg(), 'jpg')).toBeNull();
    // Bytes after the end of a JPEG (some cameras add them) do not make it damaged.
    expect(await imageDamage(Buffer.concat([await jpeg(), Buffer.from('trailer')]), 'jpg')).toBeNull();
    // A PNG built here from its parts, rows all there: whole. (The next cases change one thing each.)
    const rows = Buffer.alloc(4 * (1 + 3 * 4));
    expect(
      await imageDamage(
        pngOf([
          ['IHDR', ihdr(4, 4)],
          ['IDAT', deflateSync(rows)],
          ['IEND', Buffer.alloc(0)],
        ]),
        'png',
      ),
    ).toBeNull();
  });

  it('a PNG or JPEG cut short at any point is a truncated file', async () => {
    const j = await jpeg();
    for (const cut of [30, 100, Math.floor(png.length / 2), png.length - 1])
      expect(await imageDamage(png.subarray(0, cut), 'png'), `png cut at ${cut}`).toMatch(/truncated file/);
    for (const cut of [200, Math.floor(j.length / 2), j.length - 1])
      expect(await imageDamage(j.subarray(0, cut), 'jpg'), `jpeg cut at ${cut}`).toMatch(/truncated file/);
  });

  it('a PNG with a flipped byte fails its checksum; one whose data does not inflate, or inflates short, says so', async () => {
    const flipped = Buffer.from(png);
    flipped[png.length - 20] = (flipped[png.length - 20] ?? 0) ^ 0xff;
    expect(await imageDamage(flipped, 'png')).toMatch(/^is corrupt \(the \w+ chunk at byte \d+ fails its checksum\)$/);
    const notZlib = pngOf([
      ['IHDR', ihdr(4, 4)],
      ['IDAT', Buffer.from('garbage-not-zlib')],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(await imageDamage(notZlib, 'png')).toBe('is corrupt (its compressed image data does not decompress)');
    const short = pngOf([
      ['IHDR', ihdr(4, 4)],
      ['IDAT', deflateSync(Buffer.alloc(13))],
      ['IEND', Buffer.alloc(0)],
    ]);
    expect(await imageDamage(short, 'png')).toMatch(/truncated file/);
    expect(
      await imageDamage(
        pngOf([
          ['IHDR', ihdr(4, 4)],
          ['IEND', Buffer.alloc(0)],
        ]),
        'png',
      ),
    ).toBe('has no image data');
  });
});
