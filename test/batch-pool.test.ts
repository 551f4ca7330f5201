// The batch's worker pool is sized to the cores and to the memory free for them.
import { describe, expect, it } from 'vitest';
import { defaultJobs } from '../src/pipeline/batch.js';

const MiB = 1024 * 1024;

describe('defaultJobs', () => {
  it('is one worker per core when memory allows', () => {
    expect(defaultJobs(2, 8192 * MiB)).toBe(2);
    expect(defaultJobs(8, 8192 * MiB)).toBe(8);
  });

  it('is fewer when free memory cannot hold a worker per core, never none', () => {
    expect(defaultJobs(8, 500 * MiB)).toBe(3); // 160 MB a worker
    expect(defaultJobs(8, 100 * MiB)).toBe(1);
    expect(defaultJobs(1, 8192 * MiB)).toBe(1);
  });
});
