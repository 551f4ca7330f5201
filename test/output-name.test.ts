import { describe, expect, it } from 'vitest';
import { asciiFold, outputBaseName } from '../src/tailor/output-name.js';

describe('output names', () => {
  it('folds names to ASCII file names', () => {
    expect(asciiFold('Zoë Łukasiewicz')).toBe('Zoe-Lukasiewicz');
    expect(asciiFold('Zoë Łukasiewicz-Núñez')).toBe('Zoe-Lukasiewicz-Nunez');
    expect(asciiFold('Ελένη Παπαδοπούλου')).toBe('Eleni-Papadopoulou');
    expect(asciiFold('Дмитрий Иванов')).toBe('Dmitrii-Ivanov');
    expect(asciiFold('Søren Æbelø Straße')).toBe('Soren-AEbelo-Strasse');
    expect(asciiFold('李明')).toBe('');
  });

  it('applies {name}, falls back to the source name, keeps the pattern without {name}', () => {
    expect(outputBaseName('{name}-Resume', 'Zoë Łukasiewicz', 'resume')).toBe('Zoe-Lukasiewicz-Resume');
    expect(outputBaseName('{name}-Resume', '李明', 'cv')).toBe('cv-Resume');
    expect(outputBaseName('{name} CV 2026', 'Ana Lima', 'cv')).toBe('Ana-Lima-CV-2026');
    expect(outputBaseName(undefined, 'Ana Lima', 'cv')).toBe('cv');
    expect(outputBaseName('lebenslauf', null, 'cv')).toBe('lebenslauf');
  });

  it('refuses patterns that could leave the output folder or break file systems', () => {
    for (const bad of ['../x', '..', 'a/b', 'a\\b', '/etc/x', 'C:x', '', '  ', 'a:b', 'x?', '.hidden', '{nom}']) {
      expect(() => outputBaseName(bad, 'Ana', 'cv'), bad).toThrow(/output name/);
    }
  });
});
