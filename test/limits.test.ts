import { describe, expect, it } from 'vitest';
import { parseSize, showSize } from '../src/source/limits.js';

describe('sizes for --max-size', () => {
  it('reads bytes, decimal and binary units', () => {
    expect(parseSize('3000000')).toBe(3_000_000);
    expect(parseSize('500KB')).toBe(500_000);
    expect(parseSize('4MiB')).toBe(4 * 1024 * 1024);
    expect(parseSize('2.5 m')).toBe(2_500_000);
    expect(parseSize('1gib')).toBe(1024 ** 3);
  });

  it('refuses what is not a size', () => {
    for (const bad of ['', 'lots', '-1', '0', '4 parsecs', '1e9']) expect(parseSize(bad)).toBeNull();
  });

  it('prints limits and file sizes exactly enough', () => {
    expect(showSize(2 * 1024 * 1024)).toBe('2 MiB');
    expect(showSize(3_000_000)).toBe('2.9 MiB');
    expect(showSize(64 * 1024)).toBe('64 KiB');
    expect(showSize(2000)).toBe('2,000 bytes');
  });
});
