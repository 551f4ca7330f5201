import { copyFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { example, fixture, runCli, tempDir } from './helpers.js';

/** A temp dir holding `name` copied from the fixtures (or the example). */
function withSource(from: string, name = 'resume.yaml'): string {
  const dir = tempDir();
  copyFileSync(from, join(dir, name));
  return dir;
}

const epoch = { SOURCE_DATE_EPOCH: '1767225600' };

describe('folio build: PDF options end to end', { timeout: 120_000 }, () => {
  it('--name "{name}-Resume" names every format, ASCII-folded; emoji warn with their field and line', async () => {
    const dir = withSource(fixture('unicode.yaml'), 'cv.yaml');
    const r = await runCli(['build', 'cv.yaml', '--name', '{name}-Resume'], dir, epoch);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([
      'Zoe-Lukasiewicz-Nunez-Resume.html',
      'Zoe-Lukasiewicz-Nunez-Resume.md',
      'Zoe-Lukasiewicz-Nunez-Resume.pdf',
    ]);
    expect(r.stderr).toMatch(/cv\.yaml:29:\d+: warning: work\[0\]\.highlights\[2\]: emoji 🚀 left out of the PDF/);
    expect(r.stdout).toMatch(/self-check \d+ ms/);
    // --strict turns the PDF's warnings into errors: nothing more is written.
    const strict = await runCli(['build', 'cv.yaml', '-f', 'pdf', '-o', 'strict', '--strict'], dir, epoch);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/error: work\[0\]\.highlights\[2\]: emoji/);
    expect(existsSync(join(dir, 'strict'))).toBe(false);
  });

  it('folio.output sets the pattern; folders, ".." and absolute paths are refused', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'resume.yaml'),
      `${readFileSync(example, 'utf8').replace('folio:\n', 'folio:\n  output: "{name} CV"\n')}`,
    );
    expect((await runCli(['build', '-f', 'md'], dir)).status).toBe(0);
    expect(existsSync(join(dir, 'out/Your-Name-CV.md'))).toBe(true);
    for (const bad of ['../escape', '/tmp/abs', '{nom}']) {
      const r = await runCli(['build', '-f', 'md', '--name', bad], dir);
      // A flag that breaks the pattern rules is a usage mistake (2); the same pattern in the file is bad input (1).
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/output name/);
    }
    writeFileSync(
      join(dir, 'resume.yaml'),
      `${readFileSync(example, 'utf8').replace('folio:\n', 'folio:\n  output: "../{name}"\n')}`,
    );
    expect(await runCli(['build', '-f', 'md'], dir)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/folio.output/),
    });
  });

  it('--paper letter (or a5) and folio.paper: letter give that size; A4 by default', async () => {
    // The paper size does not depend on the content: the least résumé makes the three PDFs quickly.
    const dir = withSource(fixture('minimal.yaml'));
    expect((await runCli(['build', '-f', 'pdf', '--paper', 'letter'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'out/resume.pdf'), 'latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    writeFileSync(
      join(dir, 'resume.yaml'),
      `${readFileSync(fixture('minimal.yaml'), 'utf8')}folio:\n  paper: letter\n`,
    );
    expect((await runCli(['build', '-f', 'pdf', '-o', 'b'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'b/resume.pdf'), 'latin1')).toMatch(/\/MediaBox \[0 0 612 792\]/);
    expect((await runCli(['build', '-f', 'pdf', '-o', 'c', '--paper', 'a5'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'c/resume.pdf'), 'latin1')).toMatch(/\/MediaBox \[0 0 419\.\d+ 595\.\d+\]/);
    expect((await runCli(['build', '--paper', 'B7'], dir)).status).toBe(2);
  });

  it('--max-pages fails with exit 1, names the entry that overflows and writes nothing', async () => {
    const dir = withSource(fixture('long.yaml'));
    const r = await runCli(['build', '--max-pages', '2'], dir, epoch);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/would have \d pages, over the budget of 2/);
    // The entry that runs onto page 3, with its line in the source.
    expect(r.stderr).toMatch(
      /resume\.yaml:\d+:\d+: error: work\[\d+\]: .*"[^"]+ · [^"]+" is the entry that runs onto page 3/,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // folio.maxPages does the same (the two-page example over a one-page budget); --max-pages overrides it.
    writeFileSync(
      join(dir, 'resume.yaml'),
      readFileSync(example, 'utf8').replace('folio:\n', 'folio:\n  maxPages: 1\n'),
    );
    const y = await runCli(['build', '-f', 'pdf'], dir, epoch);
    expect(y.status).toBe(1);
    expect(y.stderr).toMatch(/over the budget of 1/);
    // The first item past page 1 at its own line, not the section title before it or a folio setting.
    const firstPrinciple =
      readFileSync(join(dir, 'resume.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('principles:')) + 2;
    expect(y.stderr).toContain(`resume.yaml:${firstPrinciple}:5: error: principles[0]: the PDF would have 2 pages`);
    expect(y.stderr).toMatch(/"Design APIs around workflows" is the entry that runs onto page 2/);
    expect(y.stderr).not.toMatch(/error: folio:/);
    expect((await runCli(['build', '-f', 'pdf', '--max-pages', '2'], dir, epoch)).status).toBe(0);
  });

  it('a character no font covers is a build error naming field, line and code point', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resume.yaml'), 'basics:\n  name: Somchai Jaidee\n  label: "Engineer ✦ สมชาย"\n');
    const r = await runCli(['build', '-f', 'pdf,md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /resume\.yaml:3:19: error: basics\.label: U\+2726 "✦", U\+0E2A "ส", U\+0E21 "ม", .* are not covered by any PDF font/,
    );
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('is byte-identical across builds: SOURCE_DATE_EPOCH, else the source modification time', async () => {
    const dir = withSource(fixture('unicode.yaml'));
    expect((await runCli(['build', '-f', 'pdf', '-o', 'a'], dir, epoch)).status).toBe(0);
    expect((await runCli(['build', '-f', 'pdf', '-o', 'b'], dir, epoch)).status).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'a/resume.pdf')), readFileSync(join(dir, 'b/resume.pdf')))).toBe(0);
    expect(readFileSync(join(dir, 'a/resume.pdf'), 'latin1')).toContain('(D:20260101000000Z)');
    // The date from the modification time: on the least résumé, as the date does not depend on the content (the
    // Unicode one above holds the fonts and fallbacks that could make two builds differ).
    copyFileSync(fixture('minimal.yaml'), join(dir, 'minimal.yaml'));
    const when = new Date('2025-06-30T12:34:56Z');
    utimesSync(join(dir, 'minimal.yaml'), when, when);
    const noEpoch = { SOURCE_DATE_EPOCH: '' };
    expect((await runCli(['build', 'minimal.yaml', '-f', 'pdf', '-o', 'c'], dir, noEpoch)).status).toBe(0);
    expect((await runCli(['build', 'minimal.yaml', '-f', 'pdf', '-o', 'd'], dir, noEpoch)).status).toBe(0);
    const c = readFileSync(join(dir, 'c/minimal.pdf'));
    expect(Buffer.compare(c, readFileSync(join(dir, 'd/minimal.pdf')))).toBe(0);
    expect(c.toString('latin1')).toContain('(D:20250630123456Z)');
  });

  it('folio.photo puts a local basics.image in the header; URLs are never fetched', async () => {
    const dir = tempDir();
    copyFileSync(fixture('photo.png'), join(dir, 'me.png'));
    const yaml = (image: string, photo: boolean) =>
      `basics:\n  name: Ana Photo\n  image: ${image}\nfolio:\n  photo: ${photo}\n`;
    writeFileSync(join(dir, 'resume.yaml'), yaml('me.png', true));
    expect((await runCli(['build', '-f', 'pdf', '-o', 'with'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'with/resume.pdf'), 'latin1')).toMatch(/\/Subtype \/Image/);
    writeFileSync(join(dir, 'resume.yaml'), yaml('me.png', false));
    expect((await runCli(['build', '-f', 'pdf', '-o', 'without'], dir, epoch)).status).toBe(0);
    expect(readFileSync(join(dir, 'without/resume.pdf'), 'latin1')).not.toMatch(/\/Subtype \/Image/);
    writeFileSync(join(dir, 'resume.yaml'), yaml('https://example.com/me.png', true));
    const url = await runCli(['build', '-f', 'pdf', '-o', 'url'], dir, epoch);
    expect(url.status).toBe(0);
    expect(url.stderr).toMatch(/resume\.yaml:3:\d+: warning: basics\.image: .*never fetches/);
    writeFileSync(join(dir, 'resume.yaml'), yaml('missing.png', true));
    const missing = await runCli(['build', '-f', 'pdf', '-o', 'missing'], dir, epoch);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/resume\.yaml:3:\d+: error: basics\.image: cannot read the photo missing\.png/);
  });
});

describe('folio check', { timeout: 120_000 }, () => {
  // One build of the example, read by every test below.
  let dir = '';
  beforeAll(async () => {
    dir = withSource(example);
    copyFileSync(fixture('unicode.yaml'), join(dir, 'other.yaml'));
    expect((await runCli(['build', '-f', 'pdf,md'], dir, epoch)).status).toBe(0);
  }, 120_000);

  it('passes the example against its own source: pages, fonts, links, metadata, 100% in order', async () => {
    const r = await runCli(['check', 'out/resume.pdf', '--source', 'resume.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/pages +2\n/);
    expect(r.stdout).toMatch(/fonts +4, all embedded \(/);
    expect(r.stdout).toMatch(/links +5: mailto:you@example\.com +tel:\+15550100000 +https:\/\/example\.com/);
    expect(r.stdout).toMatch(/title +Your Name — Backend engineer for high-throughput systems\n/);
    expect(r.stdout).toMatch(/creator +folio\n/);
    expect(r.stdout).toMatch(/language +en\n/);
    // Every string of the source is found in order or not shown by design (meta, private keys on the page …).
    const m = /text +(\d+) of (\d+) strings from resume\.yaml found in order; (\d+) not shown by design\n/.exec(
      r.stdout,
    );
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m?.[1]) + Number(m?.[3])).toBe(Number(m?.[2]));
  });

  it('fails with exit 1 on a PDF built from another source, listing each missing string with its line', async () => {
    const r = await runCli(['check', 'out/resume.pdf', '--source', 'other.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/missing +other\.yaml:3 +basics\.name +"Zoë Łukasiewicz-Núñez"/);
    expect(r.stdout).toMatch(/missing +other\.yaml:\d+ +work\[1\]\.name +"Δίκτυο Δεδομένων Α\.Ε\."/);
    expect(r.stderr).toMatch(/check failed: \d+ missing/);
  });

  it('without --source reports the facts; refuses a file that is not a PDF', async () => {
    const r = await runCli(['check', 'out/resume.pdf'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/characters extracted; give --source/);
    const bad = await runCli(['check', 'out/resume.md'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/neither a PDF nor a Word \(\.docx\) file/);
  });
});
