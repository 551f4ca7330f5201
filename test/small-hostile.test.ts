// Class 11, the smaller ones: messages that said the wrong thing, escapes printed raw, markers in indented code.
import { describe, expect, it } from 'vitest';
import { parseJobs, parsePositive } from '../src/cli/commands/build.js';
import { printableLines } from '../src/cli/report.js';
import { findRegion } from '../src/output/readme-markers.js';
import { parseBytes, parseSource } from '../src/source/load.js';
import { validate } from '../src/validate/validate.js';

describe('smaller hostile inputs', () => {
  it('terminal escapes in a file name are shown as symbols, line by line', () => {
    expect(printableLines('error: \u001b]0;owned\u0007cv.yaml\nnext line')).toBe('error: ␛]0;owned␇cv.yaml\nnext line');
  });

  it('an indented code block documenting the markers is not the markers; real ones still are', () => {
    const readme = Buffer.from(
      'Put these in:\n\n    <!-- folio:start -->\n    <!-- folio:end -->\n\nText\n<!-- folio:start -->\nold\n<!-- folio:end -->\n',
    );
    const r = findRegion(readme, 'README.md');
    expect(readme.subarray(r.start, r.end).toString()).toBe('old\n');
    // Negative control: four spaces right after a paragraph line are a continuation, not code, so the marker counts.
    expect(() =>
      findRegion(Buffer.from('text\n    <!-- folio:start -->\n<!-- folio:start -->\n<!-- folio:end -->\n'), 'R'),
    ).toThrow(/appears 2 times/);
  });

  it('a mapping whose values are all empty is "no résumé content", located', () => {
    expect(() => validate(parseSource('foo:\nbar:\n', 'cv.yaml'))).toThrow(
      expect.objectContaining({
        diagnostics: [
          expect.objectContaining({
            line: 1,
            col: 1,
            message: 'no résumé content: every top-level key (foo, bar) is empty; fill in at least basics: name:',
          }),
        ],
      }),
    );
    expect(() => validate(parseSource('basics:\n  name: A\n', 'cv.yaml'))).not.toThrow();
  });

  it('a UTF-32 byte order mark is called UTF-32, not UTF-16', () => {
    expect(() => parseBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), 'a.yaml')).toThrow(
      'a.yaml: error: the file is UTF-32 (it starts with a UTF-32 byte order mark); save it as UTF-8',
    );
    expect(() => parseBytes(new Uint8Array([0, 0, 0xfe, 0xff, 0, 0, 0, 0x61]), 'a.yaml')).toThrow(/UTF-32/);
    expect(() => parseBytes(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'a.yaml')).toThrow(/UTF-16/);
  });

  it('-j 0 talks of worker threads, --max-pages 0 of pages', () => {
    expect(() => parseJobs('0')).toThrow('give a whole number of worker threads, 1 or more');
    expect(() => parsePositive('0')).toThrow('give a whole number of pages, 1 or more');
    expect(parseJobs('3')).toBe(3);
  });
});
