import { describe, expect, it } from 'vitest';
import { formatDiagnostic, UserError } from '../src/source/diagnostics.js';
import { parseSource } from '../src/source/load.js';

function syntaxErrors(text: string): string[] {
  try {
    parseSource(text, 'cv.yaml');
    return [];
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return err.diagnostics.map((d) => formatDiagnostic(d).split('\n')[0] ?? '');
  }
}

describe('load stage', () => {
  it('parses YAML and locates values and keys', () => {
    const src = parseSource('basics:\n  name: Ada\nwork:\n  - name: X\n    startDate: 2020-01\n', 'cv.yaml');
    expect(src.data).toEqual({ basics: { name: 'Ada' }, work: [{ name: 'X', startDate: '2020-01' }] });
    expect(src.locate(['work', 0, 'startDate'])).toEqual({ line: 5, col: 16 });
    expect(src.locate(['work', 0, 'startDate'], { key: true })).toEqual({ line: 5, col: 5 });
    // A path that does not exist points at the nearest ancestor that does.
    expect(src.locate(['work', 0, 'missing'])).toEqual({ line: 4, col: 5 });
  });

  it('reports a syntax error at its line and column', () => {
    expect(syntaxErrors('basics:\n  name: "unclosed\n')).toEqual([
      'cv.yaml:2:9: error: this quoted text has no closing quote',
    ]);
    expect(syntaxErrors('basics:\n\tname: A\n')).toEqual([
      'cv.yaml:2:1: error: a tab is used for indentation; YAML indents with spaces only',
    ]);
  });

  it('reports a duplicate key at its second occurrence', () => {
    expect(syntaxErrors('basics:\n  name: A\n  name: B\n')).toEqual([
      'cv.yaml:3:3: error: duplicate key "name" (first defined on line 2); a key may appear once per mapping',
    ]);
  });

  it('accepts a UTF-8 byte order mark and CRLF line endings', () => {
    const src = parseSource('\uFEFFbasics:\r\n  name: Zoë\r\n', 'cv.yaml');
    expect(src.data).toEqual({ basics: { name: 'Zoë' } });
    expect(src.locate(['basics', 'name'])).toEqual({ line: 2, col: 9 });
  });
});

describe('load stage: follow-on errors', () => {
  it('a tab in the indentation is reported alone, not with the errors it causes on later lines', () => {
    const text = 'basics:\n  name: A\n\tlabel: B\n  email: a@example.com\nwork:\n  - name: X\n';
    expect(syntaxErrors(text)).toEqual([
      'cv.yaml:3:1: error: a tab is used for indentation; YAML indents with spaces only',
    ]);
    expect(syntaxErrors('basics:\n\tname: A\n\tlabel: B\n')).toEqual([
      'cv.yaml:2:1: error: a tab is used for indentation; YAML indents with spaces only',
      'cv.yaml:3:1: error: a tab is used for indentation; YAML indents with spaces only',
    ]);
  });
});
