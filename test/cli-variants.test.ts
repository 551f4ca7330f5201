import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { missingLeaves, pdfOmits, sourceLeaves } from '../src/check/leaves.js';
import { countPages } from '../src/render/pdf.js';
import { applyVariant } from '../src/tailor/variants.js';
import { example, fixture, loadResume, pdfText, runCli, tempDir } from './helpers.js';
import { itDefault, itFull } from './support/full.js';

/** A temp dir holding the variants fixture as cv.yaml. */
function withFixture(): string {
  const dir = tempDir();
  copyFileSync(fixture('variants.yaml'), join(dir, 'cv.yaml'));
  return dir;
}

describe('folio CLI: tailoring, end to end', () => {
  itDefault(
    'build --all-variants --fit: each variant in out/<name>/, the fit reported, the one that cannot fit named',
    {
      timeout: 120_000,
    },
    async () => {
      const dir = withFixture();
      const r = await runCli(['build', 'cv.yaml', '--all-variants', '--fit'], dir);
      expect(r.status).toBe(1);
      // backend: named by its output pattern, fits as it is.
      expect(readdirSync(join(dir, 'out/backend')).sort()).toEqual([
        'Ada-Example-Backend.html',
        'Ada-Example-Backend.md',
        'Ada-Example-Backend.pdf',
      ]);
      // data: 2 pages as designed; --fit brings it to 1 and says what it changed.
      expect(readdirSync(join(dir, 'out/data')).sort()).toEqual(['cv.html', 'cv.md', 'cv.pdf']);
      const dataPdf = readFileSync(join(dir, 'out/data/cv.pdf'));
      expect(countPages(dataPdf)).toBe(1);
      // Fitting changes the type, never the words.
      const { resume } = loadResume(join(dir, 'cv.yaml'));
      const text = await pdfText(dataPdf);
      expect(
        missingLeaves(sourceLeaves(applyVariant(resume, 'data'), { audience: 'private', omit: pdfOmits }), text).map(
          (l) => l.text,
        ),
      ).toEqual([]);
      expect(r.stdout).toMatch(
        /^data: fitted to 1 page: (font [\d.]+ → [\d.]+ pt, )?(line height [\d.]+ → [\d.]+, )?spacing −\d+%$/m,
      );
      expect(r.stdout).not.toMatch(/^backend: fitted/m);
      expect(r.stdout).toMatch(/out\/data\/cv\.pdf +[\d.]+ KB +1 page /);
      // lead: cannot fit even at the floors; nothing written for it, the overflowing item named with its line.
      expect(existsSync(join(dir, 'out/lead'))).toBe(false);
      const m =
        /variant lead does not fit on 1 page, even at the floors of the design \(font 9\.5 → 8\.5 pt, line height 1\.4 → 1\.25, spacing −45%\): 2 pages; it overflows at (\w+)\[(\d+)\] "([^"]+)" \(cv\.yaml:(\d+)\)/.exec(
          r.stderr,
        );
      expect(m, r.stderr).not.toBeNull();
      const [, section, index, title, line] = m as RegExpExecArray;
      const yaml = readFileSync(join(dir, 'cv.yaml'), 'utf8').split('\n');
      // The line is that item's first line, and the title is what the reader sees for it.
      expect(yaml[Number(line) - 1]).toMatch(/^ {2}- /);
      expect(
        yaml
          .slice(0, Number(line) - 1)
          .reverse()
          .find((l) => /^\w+:/.test(l)),
      ).toBe(`${section}:`);
      // The item that starts there (up to the next item) holds the words the title shows.
      const rest = yaml.slice(Number(line));
      const end = rest.findIndex((l) => /^ {2}- |^\w/.test(l));
      const item = [yaml[Number(line) - 1], ...rest.slice(0, end < 0 ? undefined : end)].join('\n');
      // A degree reads "MSc in Data Science" (the English degree phrase): its first word is the source's studyType.
      expect(item).toContain(title?.split(/ · | in /)[0]);
      expect(Number(index)).toBeGreaterThanOrEqual(0);
      expect(r.stderr).toContain('Cut items with tags or sections, or raise maxPages.');
      expect(r.stderr).toContain('variant not built: lead');
      expect(r.stdout).toContain('built 6 files for 2 of 3 variants');
    },
  );

  // The shipped example's own variants (a check of its content more than of --all-variants, which the test above
  // drives end to end): two more PDFs with their self-checks, in test:full.
  itFull(
    'builds the example: both variants on one page each, and the base build unchanged',
    {
      timeout: 120_000,
    },
    async () => {
      const dir = tempDir();
      copyFileSync(example, join(dir, 'resume.yaml'));
      const r = await runCli(['build', '--all-variants', '-f', 'pdf'], dir);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(countPages(readFileSync(join(dir, 'out/backend/Your-Name-Backend-Resume.pdf')))).toBe(1);
      expect(countPages(readFileSync(join(dir, 'out/ml-platform/Your-Name-ML-Platform-Resume.pdf')))).toBe(1);
      expect(existsSync(join(dir, 'out/resume.pdf'))).toBe(false);
    },
  );

  itDefault('folio variants lists each variant with the items it keeps', async () => {
    const dir = withFixture();
    const r = await runCli(['variants', 'cv.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^backend \(cv\.yaml:\d+\) → out\/backend\/Ada-Example-Backend\.pdf, \.html, \.md, max 1 page$/,
    );
    expect(r.stdout).toContain('  include backend · exclude ml\n  overrides basics.label\n');
    expect(r.stdout).toMatch(
      / {2}work +2 of 4 {2}Staff Backend Engineer · Zephyr Payments \(2 of 3 bullets\), Software Engineer · Numbat Consulting\n/,
    );
    expect(r.stdout).toMatch(/ {2}skills +2 of 4 {2}Backend, Practices\n/);
    expect(r.stdout).toContain('  left out: education, awards, references (not in sections)');
    expect(r.stdout).toMatch(
      /\ndata \(cv\.yaml:\d+\) → out\/data\/cv\.pdf, \.html, \.md, max 1 page\n {2}include data, ml\n/,
    );
    expect(r.stdout).toMatch(/\nlead .*\n {2}include every tag · exclude intern\n/);
  });

  itDefault('folio match reports shown, cut and missing terms, offline, and writes nothing', async () => {
    const dir = withFixture();
    copyFileSync(fixture('job-data-engineer.txt'), join(dir, 'job.txt'));
    const r = await runCli(['match', 'job.txt', '--variant', 'data', '-s', 'cv.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^job\.txt: 16 technical terms; variant data shows \d+ \(\d+%\)\n\nshown \(\d+\)\n {2}stream processing +×3 required +cv\.yaml:\d+/,
    );
    // Each claim cites the source's own words at file:line:col.
    expect(r.stdout).toMatch(
      /\n {2}Kafka +×2 required +cv\.yaml:\d+:\d+ {2}“…ingestion pipeline on Kafka and Flink for 2B events a…”\n {35}cv\.yaml:\d+:\d+ {2}“Kafka”\n/,
    );
    // Strong terms first: SQL is required, and only the Heron project (tagged backend) mentions it.
    expect(r.stdout).toMatch(
      /\nin your source but cut by variant data \(2, 1 strong\)\n {2}SQL +×1 required +cv\.yaml:\d+:\d+ {2}“…Heron planner for a toy SQL engine, written in Rust\.”: projects\[0\] tagged backend, none of them in include \(data, ml\)\n {2}Go +×1 +cv\.yaml:\d+:\d+ {2}“…latency by 40% with a Go rewrite of the card router\.”: work\[0\] tagged backend, none of them in include \(data, ml\)\n {35}cv\.yaml:\d+:\d+ {2}“Go”\n/,
    );
    expect(r.stdout).toMatch(/\nnot in your résumé \(\d+\)\n {2}BigQuery +×1 required\n/);
    expect(readdirSync(dir).sort()).toEqual(['cv.yaml', 'job.txt']);
    expect(await runCli(['match', 'job.txt', '--variant', 'dta', '-s', 'cv.yaml'], dir)).toMatchObject({
      status: 1,
      stderr: 'error: no variant "dta" (did you mean "data"?); variants: backend, data, lead\n',
    });
  });

  itDefault('rejects an undeclared tag with its line, and flag misuse', async () => {
    const dir = withFixture();
    const text = readFileSync(join(dir, 'cv.yaml'), 'utf8').replace('    tags: intern\n', '    tags: internn\n');
    writeFileSync(join(dir, 'cv.yaml'), text);
    const line = text.split('\n').indexOf('    tags: internn') + 1;
    const r = await runCli(['build', 'cv.yaml', '--variant', 'backend', '-f', 'md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `cv.yaml:${line}:11: error: work[2].tags: tag "internn" is not in any variant's include or exclude (did you mean "intern"?)`,
    );
    expect(await runCli(['build', 'cv.yaml', '--fit'], dir)).toMatchObject({
      status: 2,
      stderr: 'error: --fit fits a variant to its maxPages: add --variant <name> or --all-variants\n',
    });
    expect((await runCli(['build', 'cv.yaml', '--variant', 'data', '--all-variants'], dir)).status).toBe(2);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
