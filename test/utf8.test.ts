import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidByte } from '../src/source/utf8.js';

const b = (...bytes: number[]) => new Uint8Array(bytes);

describe('UTF-8 check', () => {
  it('accepts well-formed UTF-8 up to U+10FFFF', () => {
    expect(firstInvalidByte(new TextEncoder().encode('aé€𐍈\u{10FFFF}'))).toBe(-1);
  });

  it('finds the first byte of each kind of malformed sequence', () => {
    expect(firstInvalidByte(b(0x61, 0xe9, 0x62))).toBe(1); // Latin-1 é
    expect(firstInvalidByte(b(0x61, 0xc0, 0xaf))).toBe(1); // overlong "/"
    expect(firstInvalidByte(b(0xe0, 0x80, 0xaf))).toBe(0); // overlong, three bytes
    expect(firstInvalidByte(b(0x61, 0xed, 0xa0, 0x80))).toBe(1); // a surrogate
    expect(firstInvalidByte(b(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
    expect(firstInvalidByte(b(0x61, 0x62, 0xe2, 0x82))).toBe(2); // cut off at the end
    expect(firstInvalidByte(b(0x80))).toBe(0); // a lone continuation byte
  });

  it('agrees with the platform decoder on every two-byte sequence', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (let x = 0; x < 256; x++) {
      for (let y = 0; y < 256; y += 15) {
        let valid = true;
        try {
          strict.decode(b(x, y));
        } catch {
          valid = false;
        }
        expect(firstInvalidByte(b(x, y)) === -1).toBe(valid);
      }
    }
  });

  it('locates the bad byte by line and column in characters, with the line for display', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('a: 1\nname: Zoë '),
      0xe9,
      ...new TextEncoder().encode('x\nnext'),
    ]);
    const r = decodeUtf8(bytes);
    expect(r).toEqual({ problem: { offset: 16, line: 2, col: 11, lineText: 'name: Zoë �x', byte: 0xe9 } });
  });
});
