import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfText, root, runCli, squash, tempDir } from './helpers.js';

describe('folio init', () => {
  it('writes a starter that validates without warnings and builds every format', async () => {
    const dir = tempDir();
    const init = await runCli(['init'], dir);
    expect(init.status).toBe(0);
    expect(init.stdout).toContain('wrote resume.yaml');
    const text = readFileSync(join(dir, 'resume.yaml'), 'utf8');

    // Line 1 is the modeline: outside any project that installs folio, the schema's public address.
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(text.split('\n')[0]).toBe(
      `# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/folio-cv@${version}/schema/resume.schema.json`,
    );

    // Every section the schema knows appears once, as a top-level key.
    const order = (
      JSON.parse(readFileSync(join(root, 'schema/resume.schema.json'), 'utf8')) as {
        $defs: { sectionId: { enum: string[] } };
      }
    ).$defs.sectionId.enum;
    for (const id of ['basics', ...order]) expect(text.match(new RegExp(`^${id}:`, 'gm'))?.length, id).toBe(1);

    const v = await runCli(['validate'], dir);
    expect(v.stderr).toBe('');
    expect(v.stdout).toBe('resume.yaml: valid\n');

    const b = await runCli(['build'], dir);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).toContain('Alex Example');
    expect(readFileSync(join(dir, 'out/resume.md'), 'utf8')).toContain('Open-source rate limiter');
    expect(squash(await pdfText(readFileSync(join(dir, 'out/resume.pdf'))))).toContain(
      'Cut checkout p99 latency by 40%',
    );
  }, 60_000);

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), 'mine\n');
    const r = await runCli(['init', 'cv.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('error: cv.yaml already exists; add --force to overwrite it\n');
    expect(readFileSync(join(dir, 'cv.yaml'), 'utf8')).toBe('mine\n');

    const f = await runCli(['init', 'cv.yaml', '--force'], dir);
    expect(f.status).toBe(0);
    expect(readFileSync(join(dir, 'cv.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    expect(f.stdout).toContain('folio serve cv.yaml');
  }, 60_000);

  it('creates the folder of the target, as asked', async () => {
    const dir = tempDir();
    const r = await runCli(['init', 'cv/resume.yaml'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'cv/resume.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=/);
    // Negative control: a folder that cannot be made (a file is in the way) is still a clean error.
    writeFileSync(join(dir, 'afile'), 'x');
    const bad = await runCli(['init', 'afile/cv.yaml'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('afile');
    expect(bad.stderr).not.toMatch(/at .*\.js:\d+/);
  }, 60_000);
});
