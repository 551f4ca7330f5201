// Which formats a watch rebuilds after a change: everything for a source edit, only what a template feeds for a template edit.
import { describe, expect, it } from 'vitest';
import { mergeChanges, staleFormats } from '../src/cli/stale-formats.js';

const all = ['pdf', 'html', 'md', 'txt'] as const;

describe('staleFormats', () => {
  it('a source edit makes every format stale', () => {
    expect(staleFormats({ source: true, inDirs: [] }, all)).toEqual(['pdf', 'html', 'md', 'txt']);
    expect(staleFormats({ source: true, inDirs: ['html/style.css'] }, ['pdf'])).toEqual(['pdf']);
  });

  it('a template edit makes stale only the formats its folder feeds', () => {
    expect(staleFormats({ source: false, inDirs: ['html/style.css'] }, all)).toEqual(['html']);
    expect(staleFormats({ source: false, inDirs: ['markdown/partials/work.hbs'] }, all)).toEqual(['md']);
    expect(staleFormats({ source: false, inDirs: ['html/page.hbs', 'markdown/page.hbs'] }, all)).toEqual([
      'html',
      'md',
    ]);
    // A file outside html/ and markdown/, or one the platform could not name: both template formats, never the PDF.
    expect(staleFormats({ source: false, inDirs: [''] }, all)).toEqual(['html', 'md']);
    expect(staleFormats({ source: false, inDirs: ['notes.txt'] }, all)).toEqual(['html', 'md']);
  });

  it('a template edit when no built format reads templates rebuilds nothing', () => {
    expect(staleFormats({ source: false, inDirs: ['html/style.css'] }, ['pdf', 'md'])).toEqual([]);
  });

  it('changes folded together keep the earliest save and every file', () => {
    const a = { at: 10, source: false, inDirs: ['html/a.hbs'] };
    const b = { at: 5, source: false, inDirs: ['markdown/b.hbs', 'html/a.hbs'] };
    expect(mergeChanges(a, b)).toEqual({ at: 5, source: false, inDirs: ['html/a.hbs', 'markdown/b.hbs'] });
    expect(mergeChanges(null, b)).toBe(b);
    expect(mergeChanges(a, { at: 20, source: true, inDirs: [] }).source).toBe(true);
  });
});
