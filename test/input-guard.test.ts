// Class: a command that would write over a file it reads (its source, a template, the photo) refuses before writing.
import { chmodSync, copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseOverwritingInputs } from '../src/output/input-guard.js';
import { build } from '../src/pipeline/build.js';
import { example, fixture, runCli, tempDir } from './helpers.js';

const source = readFileSync(example, 'utf8');

describe('input guard: a write never lands on a file the command read', () => {
  it('refuses a target that is an input by any name: same path, ./path, a symlink, a hard link', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.yaml');
    writeFileSync(input, 'x');
    symlinkSync(input, join(dir, 'link.md'));
    linkSync(input, join(dir, 'hard.md'));
    for (const target of [input, join(dir, '.', 'in.yaml'), join(dir, 'link.md'), join(dir, 'hard.md')]) {
      await expect(refuseOverwritingInputs([target], [{ path: input, role: 'the source' }], 'hint')).rejects.toThrow(
        /is the source.*would destroy what folio reads; nothing was written\. hint/,
      );
    }
    // Negative control: a different file with the same content, and a missing one, are fine.
    writeFileSync(join(dir, 'other.md'), 'x');
    await expect(
      refuseOverwritingInputs([join(dir, 'other.md'), join(dir, 'none.md')], [{ path: input, role: 'the source' }], ''),
    ).resolves.toBeUndefined();
  });

  it('build: a source named like an output (notes.md built into its own folder) is refused and left whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.md'), source);
    await expect(build({ source: join(dir, 'notes.md'), outDir: dir, formats: ['html', 'md'] })).rejects.toThrow(
      `error: ${join(dir, 'notes.md')} is the source: writing it would destroy what folio reads; nothing was written. Choose another --out folder or --name.`,
    );
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toBe(source);
    // nothing at all was written: not even the HTML that came first
    expect(() => readFileSync(join(dir, 'notes.html'))).toThrow();
  });

  it('build: an output that lands on a file of --templates or on the photo is refused', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'resume.yaml'),
      source
        .replace('folio:\n', 'folio:\n  photo: true\n')
        .replace('  name: Your Name\n', '  name: Your Name\n  image: me.md\n'),
    );
    copyFileSync(fixture('photo.png'), join(dir, 'me.md'));
    // Every file in <templates>/html/ is read (non-.hbs files as assets), so out into that folder can hit one.
    mkdirSync(join(dir, 't/html'), { recursive: true });
    writeFileSync(join(dir, 't/html/resume.html'), 'my asset');
    await expect(
      build({
        source: join(dir, 'resume.yaml'),
        outDir: join(dir, 't/html'),
        formats: ['html'],
        templatesDir: join(dir, 't'),
      }),
    ).rejects.toThrow(/t\/html\/resume\.html is your template: writing it would destroy/);
    expect(readFileSync(join(dir, 't/html/resume.html'), 'utf8')).toBe('my asset');
    await expect(build({ source: join(dir, 'resume.yaml'), outDir: dir, formats: ['md'], name: 'me' })).rejects.toThrow(
      /me\.md is the photo: writing it would destroy/,
    );
    expect(readFileSync(join(dir, 'me.md')).equals(readFileSync(fixture('photo.png')))).toBe(true);
    // Negative control: the same build under another name writes.
    await expect(
      build({ source: join(dir, 'resume.yaml'), outDir: dir, formats: ['md'], name: 'cv' }),
    ).resolves.toBeTruthy();
  });

  it('readme, import -o and export -o refuse their own input, even with --force (exit 1, file unchanged)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), source);
    const readme = await runCli(['readme', 'resume.yaml'], dir);
    expect(readme).toMatchObject({
      status: 1,
      stderr:
        'error: resume.yaml is the source: writing it would destroy what folio reads; nothing was written. Name the README to update, and the résumé with --source.\n',
    });
    writeFileSync(join(dir, 'cv.json'), '{"basics":{"name":"A"}}');
    const imp = await runCli(['import', 'cv.json', '-o', './cv.json', '--force'], dir);
    expect(imp).toMatchObject({
      status: 1,
      stderr:
        'error: ./cv.json is the file being imported (cv.json): writing it would destroy what folio reads; nothing was written. Give another file name.\n',
    });
    expect(readFileSync(join(dir, 'cv.json'), 'utf8')).toBe('{"basics":{"name":"A"}}');
    symlinkSync('resume.yaml', join(dir, 'out.json'));
    const exp = await runCli(['export', 'resume.yaml', '-o', 'out.json', '--force'], dir);
    expect(exp).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^error: out\.json is the source \(resume\.yaml\)/),
    });
    expect(readFileSync(join(dir, 'resume.yaml'), 'utf8')).toBe(source);
    chmodSync(dir, 0o755);
  }, 30_000);
});
