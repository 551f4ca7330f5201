import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modeline, schemaPath } from '../src/source/modeline.js';
import { root } from './helpers.js';

describe('modeline: the schema line written by init and import', () => {
  it('is relative beside the schema, absolute from outside the project', () => {
    expect(schemaPath()).toBe(join(root, 'schema/resume.schema.json'));
    expect(modeline(join(root, 'cv.yaml'))).toBe('# yaml-language-server: $schema=./schema/resume.schema.json');
    expect(modeline('/tmp/elsewhere/cv.yaml')).toBe(`# yaml-language-server: $schema=${schemaPath()}`);
  });
});
