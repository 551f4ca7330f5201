/** Where a byte sequence stops being valid UTF-8. */
export interface Utf8Problem {
  /** Byte offset of the first byte that cannot be decoded (0-based). */
  offset: number;
  /** 1-based line and column (in characters) of that byte. */
  line: number;
  col: number;
  /** The line, decoded with U+FFFD in place of the bad bytes, for the caret display. */
  lineText: string;
  byte: number;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decode UTF-8 strictly: the text, or where the first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { problem: Utf8Problem } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    const offset = firstInvalidByte(bytes);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < offset; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    let lineEnd = bytes.indexOf(0x0a, offset);
    if (lineEnd === -1) lineEnd = bytes.length;
    // Everything before the bad byte on its line is valid, so it decodes to the same characters.
    const before = strict.decode(bytes.subarray(lineStart, offset));
    const lineText = lenient.decode(bytes.subarray(lineStart, lineEnd)).replace(/\r$/, '');
    return { problem: { offset, line, col: before.length + 1, lineText, byte: bytes[offset] ?? 0 } };
  }
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence
 * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF); -1 if none.
 */
export function firstInvalidByte(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      // The first continuation byte has the tighter range; a truncated sequence is invalid at its lead byte.
      if (x === undefined) return i;
      const [min, max] = k === 1 ? [lo, hi] : [0x80, 0xbf];
      if (x < min || x > max) return i;
    }
    i += need + 1;
  }
  return -1;
}
