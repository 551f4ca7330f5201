import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, example, fixture, root, runCli, spawnCli, tempDir } from './helpers.js';

describe('folio CLI, end to end in a temp dir', () => {
  it('builds the example into out/ and reports each file', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    const r = await runCli(['build'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const ext of ['pdf', 'html', 'md']) {
      const path = join(dir, 'out', `resume.${ext}`);
      expect(existsSync(path)).toBe(true);
      expect(r.stdout).toMatch(new RegExp(`out/resume\\.${ext} +[\\d.]+ (KB|B) .* \\d+ ms`));
    }
    expect(r.stdout).toMatch(/out\/resume\.pdf .* \d pages? /);
    expect(readFileSync(join(dir, 'out/resume.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('names outputs after the source and creates a nested --out', async () => {
    const dir = tempDir();
    copyFileSync(fixture('jsonresume-full.json'), join(dir, 'sample.resume.json'));
    const r = await runCli(['build', 'sample.resume.json', '-o', 'a/b/c', '-f', 'html,md'], dir);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'a/b/c/sample.resume.html'))).toBe(true);
    expect(existsSync(join(dir, 'a/b/c/sample.resume.md'))).toBe(true);
    expect(existsSync(join(dir, 'a/b/c/sample.resume.pdf'))).toBe(false);
  });

  it('does not load react-pdf or docx for an html+md build', () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    // The Word build builds the least résumé: what it loads does not depend on the content.
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    const hook = join(root, 'test/support/trace-imports.mjs');
    const loaded = (formats: string, source = 'resume.yaml') => {
      const trace = join(dir, `imports-${formats}.txt`);
      writeFileSync(trace, '');
      const r = spawnCli(['build', source, '-f', formats], dir, {
        FOLIO_TRACE_FILE: trace,
        NODE_OPTIONS: `--import=${hook}`,
      });
      expect(r.status).toBe(0);
      return readFileSync(trace, 'utf8');
    };
    // Which chunk of dist/ holds which package, as the build recorded it: the patterns below name real chunks
    // (the control that they could match; a PDF build of its own to show it was 1 s of this test).
    const { chunks } = JSON.parse(readFileSync(join(root, 'dist/chunks.json'), 'utf8')) as {
      chunks: { file: string; inputs: Record<string, number> }[];
    };
    const holding = (pkg: string) => chunks.filter((c) => pkg in c.inputs).map((c) => c.file);
    expect(holding('@react-pdf/layout')).toEqual([expect.stringMatching(/^chunk-pdf-[\w-]+\.js$/)]);
    expect(holding('docx')).toEqual([expect.stringMatching(/^chunk-docx-[\w-]+\.js$/)]);
    // react-pdf is bundled into the pdf chunk (dist/chunk-pdf-*.js): a build loads it only when it asks for a PDF.
    const htmlMd = loaded('html,md');
    expect(htmlMd).toMatch(/\/dist\/chunk-html-[\w-]+\.js/);
    expect(htmlMd).not.toMatch(/\/dist\/chunk-pdf-/);
    // The docx package likewise: only a Word build loads it, and it never loads react-pdf.
    expect(htmlMd).not.toMatch(/\/dist\/chunk-docx-/);
    const docx = loaded('docx', 'minimal.yaml');
    expect(docx).toMatch(/\/dist\/chunk-docx-[\w-]+\.js/);
    expect(docx).not.toMatch(/\/dist\/chunk-pdf-/);
  });

  it('answers --version and --help without loading YAML, the schema validator or a renderer', () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    const hook = join(root, 'test/support/trace-imports.mjs');
    // What each chunk of dist/ holds, as the build recorded it (bytes per npm package or per file of folio's own).
    const { chunks } = JSON.parse(readFileSync(join(root, 'dist/chunks.json'), 'utf8')) as {
      chunks: { file: string; bytes: number; inputs: Record<string, number> }[];
    };
    const loaded = (args: string[]) => {
      const trace = join(dir, 'imports.txt');
      writeFileSync(trace, '');
      const r = spawnCli(args, dir, { FOLIO_TRACE_FILE: trace, NODE_OPTIONS: `--import=${hook}` });
      expect(r.status).toBe(0);
      const urls = readFileSync(trace, 'utf8');
      const files = [...urls.matchAll(/\/dist\/([\w-]+\.js)$/gm)].map((m) => m[1]);
      return {
        stdout: r.stdout,
        bytes: chunks.filter((c) => files.includes(c.file)).reduce((sum, c) => sum + c.bytes, 0),
        inputs: new Set(chunks.filter((c) => files.includes(c.file)).flatMap((c) => Object.keys(c.inputs))),
      };
    };
    const heavy = ['yaml', 'src/generated/validate-resume.cjs', 'handlebars', '@react-pdf/layout', 'docx'];
    const version = loaded(['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    // The version comes from package.json before the command table loads: not even commander.
    expect(version.inputs.has('commander')).toBe(false);
    expect(version.bytes).toBeLessThan(8 * 1024);
    const help = loaded(['--help']);
    expect(help.stdout).toContain('Quick start:');
    expect(help.inputs.has('commander')).toBe(true);
    expect(help.bytes).toBeGreaterThan(version.bytes);
    for (const name of heavy) expect(help.inputs.has(name), name).toBe(false);
    // Negative control: a command that reads a résumé does load YAML and the validator, so the check can fail.
    const validate = loaded(['validate']);
    expect(validate.inputs.has('yaml')).toBe(true);
    expect(validate.inputs.has('src/generated/validate-resume.cjs')).toBe(true);
  });

  it('rejects a bad date with its line and column, exit 1, and leaves out/ untouched', async () => {
    const dir = tempDir();
    const good = readFileSync(example, 'utf8');
    writeFileSync(join(dir, 'resume.yaml'), good);
    expect((await runCli(['build', '-f', 'md'], dir)).status).toBe(0);
    const before = readFileSync(join(dir, 'out/resume.md'));
    const mtime = statSync(join(dir, 'out/resume.md')).mtimeMs;

    const bad = good.replace('startDate: 2021-01', 'startDate: March 2021');
    writeFileSync(join(dir, 'resume.yaml'), bad);
    const line = bad.split('\n').findIndex((l) => l.includes('March 2021')) + 1;
    const r = await runCli(['build'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `resume.yaml:${line}:16: error: work[0].startDate: expected a date like 2021-03 (got "March 2021")`,
    );
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(readFileSync(join(dir, 'out/resume.md')).equals(before)).toBe(true);
    expect(statSync(join(dir, 'out/resume.md')).mtimeMs).toBe(mtime);
    expect(existsSync(join(dir, 'out/resume.pdf'))).toBe(false);
  });

  it('rejects a wrong type the same way', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cv.yaml'), 'basics:\n  name: Ada\nskills: Java\n');
    const r = await runCli(['validate', 'cv.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('cv.yaml:3:9: error: skills: expected a list (got "Java")');
  });

  it('validate says valid and writes nothing', async () => {
    const dir = tempDir();
    copyFileSync(example, join(dir, 'resume.yaml'));
    const r = await runCli(['validate'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('resume.yaml: valid\n');
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('exits 1 with a clear message for a missing source or an --out that is a file', async () => {
    const dir = tempDir();
    expect(await runCli(['build', 'nope.yaml'], dir)).toMatchObject({
      status: 1,
      stderr: 'nope.yaml: error: no such file\n',
    });
    copyFileSync(example, join(dir, 'resume.yaml'));
    writeFileSync(join(dir, 'afile'), 'x');
    const r = await runCli(['build', '-f', 'md', '-o', 'afile'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('output directory afile is a file');
  });

  it('exits 2 on a usage error', async () => {
    const dir = tempDir();
    expect((await runCli(['build', '--nope'], dir)).status).toBe(2);
    expect((await runCli(['frobnicate'], dir)).status).toBe(2);
    const r = await runCli(['build', '-f', 'rtf'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown format "rtf"; choose from pdf, html, md, txt, png, docx');
  });

  it('exits quietly when the reader closes the pipe early (folio build --help | head -1)', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" build --help | head -1`], { encoding: 'utf8' });
    expect(r.stdout).toBe('Usage: folio build [options] [sources...]\n');
    expect(r.stderr).toBe('');
  });

  it('teaches with --help and answers --version', async () => {
    const dir = tempDir();
    const help = await runCli(['build', '--help'], dir);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('-f, --format <list>');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect((await runCli(['--version'], dir)).stdout.trim()).toBe(pkg.version);
  });
});
