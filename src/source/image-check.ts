import { createInflate } from 'node:zlib';

/**
 * What is wrong with a PNG or JPEG whose header reads (see image-size.ts), or null
 * when it is whole: a truncated or corrupt photo, checked here so that the PDF
 * renderer, which drops such a photo with only its library's words on the console,
 * never sees one. The phrase completes "face.png …".
 */
export async function imageDamage(data: Uint8Array, format: 'png' | 'jpg'): Promise<string | null> {
  return format === 'png' ? pngDamage(data) : jpegDamage(data);
}

const TRUNCATED = 'ends before its image data does (a truncated file)';

/** Walk the chunks (each with its length and CRC) to IEND, then inflate the image data to check it is all there. */
async function pngDamage(data: Uint8Array): Promise<string | null> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const idat: Uint8Array[] = [];
  let at = 8;
  for (;;) {
    if (at + 12 > data.length) return TRUNCATED;
    const length = view.getUint32(at);
    if (at + 12 + length > data.length) return TRUNCATED;
    const type = String.fromCharCode(...data.subarray(at + 4, at + 8));
    if (crc32(data.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length))
      return (
        `is corrupt (the ${/^[A-Za-z]{4}$/.test(type) ? `${type} chunk` : 'data'} ` +
        `at byte ${at} fails its checksum)`
      );
    if (type === 'IDAT') idat.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
    if (type === 'IEND') break;
  }
  if (!idat.length) return 'has no image data';
  // Width, height, bit depth, colour type and interlace sit in IHDR (bytes 16–28); the rows inflate to a known size.
  const [width, height] = [view.getUint32(16), view.getUint32(20)];
  const [depth, colour, interlace] = [data[24] ?? 0, data[25] ?? 0, data[28] ?? 0];
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (!channels) return `is not a PNG folio can read (colour type ${colour})`;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  const expected = interlace ? 0 : height * (1 + rowBytes);
  const inflated = await inflatedLength(idat);
  if (inflated === null) return 'is corrupt (its compressed image data does not decompress)';
  if (inflated < expected) return TRUNCATED;
  return null;
}

/**
 * How many bytes the zlib stream inflates to, counted as it streams (a 4096² photo is not held in memory); null when it
 * is corrupt or cut short.
 */
function inflatedLength(parts: Uint8Array[]): Promise<number | null> {
  return new Promise((resolve) => {
    const inflate = createInflate();
    let n = 0;
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
    });
    inflate.on('error', () => resolve(null));
    inflate.on('end', () => resolve(n));
    for (const p of parts) inflate.write(p);
    inflate.end();
  });
}

/** Walk the marker segments to the start of scan, then look for the end-of-image marker after it. */
function jpegDamage(data: Uint8Array): string | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 2;
  for (;;) {
    if (at + 4 > data.length) return TRUNCATED;
    if (data[at] !== 0xff) return `is corrupt (no JPEG marker at byte ${at})`;
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    // Markers that stand alone, with no length: start of image, restarts, TEM.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (at + 2 + length > data.length) return TRUNCATED;
    at += 2 + length;
    if (marker === 0xda) break;
  }
  // Entropy-coded data never holds FF D9 (an FF there is followed by 00 or a restart marker): the last one is the end.
  for (let i = data.length - 2; i >= at; i--) if (data[i] === 0xff && data[i + 1] === 0xd9) return null;
  return TRUNCATED;
}

let table: Uint32Array | undefined;

/** CRC-32 as PNG computes it (zlib's crc32 is only in newer Node releases). */
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = (table[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
