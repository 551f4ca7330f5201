import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modeline, schemaPath, schemaUrl } from '../src/source/modeline.js';
import { root, tempDir } from './helpers.js';

const line = (ref: string) => `# yaml-language-server: $schema=${ref}`;

describe('modeline: the schema line written by init and import, never an absolute path', () => {
  it("is relative inside folio's own checkout", () => {
    expect(schemaPath()).toBe(join(root, 'schema/resume.schema.json'));
    expect(modeline(join(root, 'cv.yaml'))).toBe(line('./schema/resume.schema.json'));
    expect(modeline(join(root, 'test/fixtures/cv.yaml'))).toBe(line('../../schema/resume.schema.json'));
  });

  it("goes through node_modules/folio-cv when the résumé's project installs folio, from any subfolder", () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'node_modules/folio-cv/schema'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/folio-cv/schema/resume.schema.json'), '{}');
    expect(modeline(join(dir, 'resume.yaml'))).toBe(line('./node_modules/folio-cv/schema/resume.schema.json'));
    expect(modeline(join(dir, 'cv/en/resume.yaml'))).toBe(
      line('../../node_modules/folio-cv/schema/resume.schema.json'),
    );
  });

  it("is the public address of this version's schema anywhere else (a global install, npx)", () => {
    const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(name).toBe('folio-cv');
    expect(schemaUrl()).toBe(`https://cdn.jsdelivr.net/npm/folio-cv@${version}/schema/resume.schema.json`);
    expect(modeline(join(tempDir(), 'resume.yaml'))).toBe(line(schemaUrl()));
    // Negative control: a node_modules without folio-cv does not count.
    const other = tempDir();
    mkdirSync(join(other, 'node_modules/folio/schema'), { recursive: true });
    writeFileSync(join(other, 'node_modules/folio/schema/resume.schema.json'), '{}');
    expect(modeline(join(other, 'resume.yaml'))).toBe(line(schemaUrl()));
  });
});
