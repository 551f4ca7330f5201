/** Width and height of a PNG or JPEG, read from its header without decoding it; null when the header is not there. */
export function imageSize(data: Uint8Array, format: 'png' | 'jpg'): { width: number; height: number } | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (format === 'png') {
    // Signature (8 bytes), then the IHDR chunk: length, "IHDR", width, height.
    if (data.length < 24 || String.fromCharCode(...data.subarray(12, 16)) !== 'IHDR') return null;
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  // JPEG: walk the marker segments (each says its length) to the first start-of-frame.
  let at = 2;
  while (at + 9 < data.length) {
    if (data[at] !== 0xff) return null;
    const marker = data[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

/**
 * Largest photo side folio decodes: a 4096 × 4096 RGBA image is 64 MiB in memory; a header photo needs a few hundred.
 */
export const MAX_PHOTO_SIDE = 4096;
