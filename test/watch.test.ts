import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './helpers.js';
import { type Running, start, waitFor } from './support/long-running.js';

const count = (s: string, what: string) => s.split(what).length - 1;

describe('folio build --watch', () => {
  let run: Running | undefined;
  afterEach(async () => {
    await run?.stop();
    run = undefined;
  });

  it('rebuilds on edit, keeps the last good files on a broken save, rebuilds on the fix', async () => {
    const dir = tempDir();
    const src = join(dir, 'resume.yaml');
    const good = readFileSync(example, 'utf8');
    writeFileSync(src, good);
    run = start(['build', '--watch', '-f', 'md,pdf'], dir);
    const r = run;
    const ctx = () => `${r.out()}\n--- stderr ---\n${r.err()}`;
    const md = () => readFileSync(join(dir, 'out/resume.md'), 'utf8');
    const built = () => count(r.out(), 'built 2 files');

    await waitFor(() => r.out().includes('watching resume.yaml for changes'), 'the first build', ctx);
    expect(built()).toBe(1);
    expect(md()).toContain('Your Name');

    // 1. an edit, saved in place
    writeFileSync(src, good.replace('name: Your Name', 'name: Grace Hopper'));
    await waitFor(() => built() === 2, 'a rebuild after the edit', ctx);
    expect(md()).toContain('Grace Hopper');
    const pdfBefore = readFileSync(join(dir, 'out/resume.pdf'));

    // 2. a broken save: errors printed with file:line:col, outputs left as they were
    const bad = good
      .replace('name: Your Name', 'name: Broken Save')
      .replace('startDate: 2021-01', 'startDate: March 2021');
    const line = bad.split('\n').findIndex((l) => l.includes('March 2021')) + 1;
    writeFileSync(src, bad);
    await waitFor(() => r.out().includes('build failed'), 'the failure message', ctx);
    expect(r.err()).toContain(
      `resume.yaml:${line}:16: error: work[0].startDate: expected a date like 2021-03 (got "March 2021")`,
    );
    expect(r.out()).toContain('the last good files in out/ are unchanged');
    expect(md()).toContain('Grace Hopper');
    expect(md()).not.toContain('Broken Save');
    expect(readFileSync(join(dir, 'out/resume.pdf')).equals(pdfBefore)).toBe(true);
    expect(r.exitCode()).toBeNull(); // still watching

    // 3. the fix, saved the way vim and JetBrains do: write a new file, rename it over the old one
    writeFileSync(join(dir, '.resume.yaml.swp'), good.replace('name: Your Name', 'name: Ada Fixed'));
    renameSync(join(dir, '.resume.yaml.swp'), src);
    await waitFor(() => md().includes('Ada Fixed'), 'a rebuild after a save by rename', ctx);
    await waitFor(() => built() === 3, 'the build report', ctx);

    // 4. a save in two writes (truncate, then write) is one build of the whole file, not an "empty file" error
    writeFileSync(src, '');
    writeFileSync(src, good.replace('name: Your Name', 'name: Two Writes'));
    await waitFor(() => md().includes('Two Writes'), 'a rebuild after a two-write save', ctx);
    await waitFor(() => built() === 4, 'the build report', ctx);
    expect(r.err()).not.toContain('empty');
    expect(count(r.out(), 'build failed')).toBe(1);

    // 5. the warm process: the PDF is rebuilt and reported with its time
    const times = [...r.out().matchAll(/out\/resume\.pdf .* (\d+) ms/g)].map((m) => Number(m[1]));
    expect(times.length).toBeGreaterThanOrEqual(4);

    expect(await run.stop()).toBe(0);
  }, 120_000);

  it('rebuilds when a file in the --templates folder changes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(example, 'utf8'));
    // The same page in the folder itself and in markdown/: the test holds whichever layout --templates reads.
    const tpls = [join(dir, 'mine'), join(dir, 'mine', 'markdown')];
    mkdirSync(tpls[1] as string, { recursive: true });
    const writeTemplates = (text: string) => tpls.forEach((t) => writeFileSync(join(t, 'page.hbs'), text));
    writeTemplates('first template\n');
    run = start(['build', '--watch', '-f', 'md,pdf', '--templates', 'mine'], dir);
    const r = run;
    const ctx = () => `${r.out()}\n--- stderr ---\n${r.err()}`;
    const md = () => readFileSync(join(dir, 'out/resume.md'), 'utf8');
    await waitFor(() => r.out().includes('watching resume.yaml and mine for changes'), 'the first build', ctx);
    expect(md()).toBe('first template\n');
    expect(r.out()).toContain('using your template mine/markdown/page.hbs');
    const pdf = join(dir, 'out/resume.pdf');
    const pdfBefore = { bytes: readFileSync(pdf), mtime: statSync(pdf).mtimeMs };
    const mark = r.out().length;
    writeTemplates('second template for {{header.name}}\n');
    await waitFor(() => md().startsWith('second template'), 'a rebuild after a template edit', ctx);
    await waitFor(() => r.out().slice(mark).includes('save → written:'), 'the latency line', ctx);
    expect(md()).toBe('second template for Your Name\n');
    // A template edit re-renders only the Markdown: the PDF reads no template and is left as it was.
    const rebuilt = r.out().slice(mark);
    expect(rebuilt).toContain('out/resume.md');
    expect(rebuilt).not.toContain('out/resume.pdf');
    expect(rebuilt).toMatch(/built 1 file in \d+ ms\nsave → written: \d+ ms\n/);
    expect(statSync(pdf).mtimeMs).toBe(pdfBefore.mtime);
    expect(readFileSync(pdf).equals(pdfBefore.bytes)).toBe(true);
    // A résumé edit after it builds every format again (negative control: the PDF is rewritten).
    const mark2 = r.out().length;
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(example, 'utf8').replace('name: Your Name', 'name: Ada'));
    await waitFor(() => r.out().slice(mark2).includes('save → written:'), 'a rebuild after a résumé edit', ctx);
    expect(r.out().slice(mark2)).toContain('out/resume.pdf');
    expect(md()).toBe('second template for Ada\n');
  }, 60_000);

  it('stops with a plain error when the folder to watch does not exist', async () => {
    const dir = tempDir();
    expect(await runCli(['build', '--watch', 'nope/cv.yaml'], dir)).toMatchObject({
      status: 1,
      stderr: 'error: cannot watch nope: no such folder\n',
    });
    writeFileSync(join(dir, 'resume.yaml'), readFileSync(example, 'utf8'));
    const r = await runCli(['build', '--watch', '--templates', 'mine'], dir);
    expect(r).toMatchObject({ status: 1, stderr: 'error: cannot watch mine: no such folder\n' });
  }, 60_000);
});
