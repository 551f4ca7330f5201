import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputName, replaceFile, writeAll } from '../src/output/write.js';
import { outputCollisions } from '../src/pipeline/batch.js';
import { build } from '../src/pipeline/build.js';
import { UserError } from '../src/source/diagnostics.js';
import { cli, example, root, runCli, spawnCli, tempDir } from './helpers.js';

const faults = join(root, 'test/support/faults.mjs');
const withFault = (fault: string, marker = '') => ({
  NODE_OPTIONS: `--import=${faults}`,
  FOLIO_FAULT: fault,
  FOLIO_FAULT_MARKER: marker,
});

/** A folder holding resume.yaml and a finished out/ from it (html and md). */
async function builtProject(): Promise<{ dir: string; old: { html: Buffer; md: Buffer } }> {
  const dir = tempDir();
  copyFileSync(example, join(dir, 'resume.yaml'));
  expect((await runCli(['build', '-f', 'html,md'], dir)).status).toBe(0);
  const old = { html: readFileSync(join(dir, 'out/resume.html')), md: readFileSync(join(dir, 'out/resume.md')) };
  // The next build has something new to write.
  writeFileSync(
    join(dir, 'resume.yaml'),
    readFileSync(example, 'utf8').replace('name: Your Name', 'name: Changed Name'),
  );
  return { dir, old };
}

/** Start a build that stalls at a fault, wait until it is there, SIGKILL it. */
async function killMidBuild(dir: string, fault: string): Promise<void> {
  const marker = join(dir, 'marker');
  const child = spawn(process.execPath, [cli, 'build', '-f', 'html,md'], {
    cwd: dir,
    env: { ...process.env, ...withFault(fault, marker) },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  for (let i = 0; i < 300 && !existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
  expect(existsSync(marker)).toBe(true);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
}

describe('output safety', () => {
  it('a build killed while writing leaves the previous outputs exactly as they were', async () => {
    const { dir, old } = await builtProject();
    await killMidBuild(dir, 'stall-write');
    expect(readFileSync(join(dir, 'out/resume.html')).equals(old.html)).toBe(true);
    expect(readFileSync(join(dir, 'out/resume.md')).equals(old.md)).toBe(true);
    // It really was killed mid-write: a half-written temporary exists beside the untouched file.
    const temps = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'));
    expect(temps).toEqual([expect.stringMatching(/^\.resume\.html\.\d+\.tmp$/)]);
    // The next build cleans up after the dead one and writes the new content.
    expect((await runCli(['build', '-f', 'html,md'], dir)).status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['resume.html', 'resume.md']);
    expect(readFileSync(join(dir, 'out/resume.html'), 'utf8')).toContain('Changed Name');
  }, 60_000);

  it('a build killed between renames leaves every file whole: each old or new, never half', async () => {
    const { dir, old } = await builtProject();
    await killMidBuild(dir, 'stall-rename');
    const html = readFileSync(join(dir, 'out/resume.html'));
    const md = readFileSync(join(dir, 'out/resume.md'));
    expect(html.toString()).toContain('Changed Name');
    expect(html.toString()).toMatch(/<\/html>\s*$/);
    expect(md.equals(old.md)).toBe(true);
  }, 60_000);

  it('when any format fails to render, nothing is written', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/resume.pdf'), 'old pdf');
    writeFileSync(join(dir, 'out/resume.md'), 'old md');
    // A page template that names a field the model lacks: strict Handlebars throws while rendering HTML,
    // after the PDF has rendered and before Markdown.
    // The Markdown page, rendered after the PDF and the HTML: a failure that late must still write nothing.
    mkdirSync(join(dir, 'broken/markdown'), { recursive: true });
    writeFileSync(join(dir, 'broken/markdown/page.hbs'), '<p>{{no.such.field}}</p>');
    await expect(
      build({
        source: join(dir, 'resume.yaml'),
        outDir: join(dir, 'out'),
        formats: ['pdf', 'html', 'md'],
        templatesDir: join(dir, 'broken'),
      }),
    ).rejects.toThrow(/no/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['resume.md', 'resume.pdf']);
    expect(readFileSync(join(dir, 'out/resume.pdf'), 'utf8')).toBe('old pdf');
    expect(readFileSync(join(dir, 'out/resume.md'), 'utf8')).toBe('old md');
  }, 60_000);

  it('an output directory that cannot be written is exit 1 with a plain message, and nothing changes', async () => {
    const { dir, old } = await builtProject();
    const r = spawnCli(['build', '-f', 'html,md'], dir, withFault('eacces'));
    expect(r).toMatchObject({ status: 1, stderr: 'error: cannot write to out: permission denied\n' });
    expect(readFileSync(join(dir, 'out/resume.html')).equals(old.html)).toBe(true);
  }, 30_000);

  it('an output directory that cannot be created is exit 1, without hanging (Node loops forever on /proc)', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    writeFileSync(join(dir, 'afile'), 'x');
    expect(await runCli(['build', '-f', 'md', '-o', 'afile/sub'], dir)).toMatchObject({
      status: 1,
      stderr: 'error: cannot create output directory afile/sub: a parent path is a file, not a directory\n',
    });
    if (existsSync('/proc/self')) {
      const t0 = performance.now();
      const r = await runCli(['build', '-f', 'md', '-o', '/proc/folio-cannot-exist'], dir);
      expect(r).toMatchObject({
        status: 1,
        stderr:
          'error: cannot create output directory /proc/folio-cannot-exist: this place does not allow new directories\n',
      });
      expect(performance.now() - t0).toBeLessThan(20_000);
    }
  }, 60_000);

  it('a directory where an output file should go is exit 1, naming it', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    mkdirSync(join(dir, 'out/resume.md'), { recursive: true });
    const r = await runCli(['build', '-f', 'md'], dir);
    expect(r).toMatchObject({
      status: 1,
      stderr: 'error: cannot write out/resume.md: a directory is in the way; nothing was written\n',
    });
    expect(readdirSync(join(dir, 'out'))).toEqual(['resume.md']);
  }, 30_000);

  it('never writes outside the output directory: an output name with a path is refused', async () => {
    for (const name of ['../escape.pdf', '/etc/passwd', 'a/b.pdf', 'a\\b.pdf', '..', '.', '']) {
      expect(() => checkOutputName(name)).toThrow(UserError);
    }
    expect(() => checkOutputName('cv.en.pdf')).not.toThrow();
    const dir = tempDir();
    await expect(writeAll(join(dir, 'out'), [{ name: '../escape.md', data: 'x' }])).rejects.toThrow(
      /outside the output directory/,
    );
    expect(existsSync(join(dir, 'escape.md'))).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});

describe('no stack traces for users', () => {
  it('a reader that closes the pipe early (folio --help | head -1) ends folio quietly', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" --help | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('Usage: folio [options] [command]\n');
    expect(r.stderr).toBe('');
  }, 30_000);

  it('a real bug exits 70 with a stack and a line asking to report it', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    const r = spawnCli(['build', '-f', 'md'], dir, withFault('bug'));
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(
      /^folio: internal error: this is a bug in folio, please report it with the command you ran\.\nTypeError: simulated bug/,
    );
    expect(r.stderr).toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 30_000);
});

describe('partial writes: every target is checked before the first is replaced', () => {
  it('a directory in the way of the last file leaves the earlier files as they were', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'm.yaml'));
    mkdirSync(join(dir, 'od/m.txt'), { recursive: true });
    writeFileSync(join(dir, 'od/m.html'), 'old html');
    writeFileSync(join(dir, 'od/m.md'), 'old md');
    await expect(
      build({ source: join(dir, 'm.yaml'), outDir: join(dir, 'od'), formats: ['html', 'md', 'txt'] }),
    ).rejects.toThrow(`error: cannot write ${join(dir, 'od/m.txt')}: a directory is in the way; nothing was written`);
    expect(readFileSync(join(dir, 'od/m.html'), 'utf8')).toBe('old html');
    expect(readFileSync(join(dir, 'od/m.md'), 'utf8')).toBe('old md');
    expect(readdirSync(join(dir, 'od')).sort()).toEqual(['m.html', 'm.md', 'm.txt']);
  });

  it('a temporary left by a killed readme (its process gone) is removed by the next write beside it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), 'x');
    // Above Linux's largest pid (2^22), so no live process has it.
    writeFileSync(join(dir, '.README.md.4194305.tmp'), 'half');
    writeFileSync(join(dir, '.other.md.4194305.tmp'), 'not ours');
    await replaceFile(join(dir, 'README.md'), Buffer.from('new'));
    expect(readdirSync(dir).sort()).toEqual(['.other.md.4194305.tmp', 'README.md']);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('new');
  });

  it('batch: two sources whose folio.output collide are both refused before writing; the others build', async () => {
    const dir = tempDir();
    const text = readFileSync(example, 'utf8').replace('folio:\n', 'folio:\n  output: "{name}-CV"\n');
    writeFileSync(join(dir, 'a.yaml'), text);
    writeFileSync(join(dir, 'b.yaml'), text);
    copyFileSync(example, join(dir, 'c.yaml'));
    const collisions = await outputCollisions([join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'c.yaml')], {
      outDir: join(dir, 'out'),
      formats: ['md'],
    });
    expect([...collisions.keys()]).toEqual([join(dir, 'a.yaml'), join(dir, 'b.yaml')]);
    expect(collisions.get(join(dir, 'a.yaml'))).toBe(
      `error: ${join(dir, 'a.yaml')} and ${join(dir, 'b.yaml')} would both write ${join(dir, 'out/Your-Name-CV')}.*; nothing was built for them. Give each its own folio.output, or build them into different --out folders`,
    );
    const r = await runCli(['build', 'a.yaml', 'b.yaml', 'c.yaml', '-f', 'md', '-j', '1'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: a.yaml and b.yaml would both write out/Your-Name-CV.*');
    expect(r.stdout).toContain('for 1 of 3 résumés');
    expect(readdirSync(join(dir, 'out'))).toEqual(['c.md']);
  }, 30_000);
});
