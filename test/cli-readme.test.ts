import {
  chmodSync,
  copyFileSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './helpers.js';

const START = '<!-- folio:start -->';
const END = '<!-- folio:end -->';
const ABOVE = '# Hi, I’m Ada 👋\n\nI write the words up here by hand. *Really.*\n\n';
const BELOW = '\n\n## Elsewhere\n\nHand-written footer with a trailing space \n';

/** A temp dir with the example résumé and a README with hand-written text around the markers. */
function setup(readme = `${ABOVE}${START}\nstale content\n${END}${BELOW}`): { dir: string; path: string } {
  const dir = tempDir();
  copyFileSync(example, join(dir, 'resume.yaml'));
  writeFileSync(join(dir, 'README.md'), readme);
  return { dir, path: join(dir, 'README.md') };
}

// Spawns the CLI several times per test: allow for a busy machine.
describe('folio readme, end to end', { timeout: 30_000 }, () => {
  it('writes the résumé between the markers, leaves the rest byte for byte, and is idempotent', async () => {
    const { dir, path } = setup();
    const r = await runCli(['readme', 'README.md'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('README.md: updated from resume.yaml\n');
    expect(r.status).toBe(0);
    const text = readFileSync(path, 'utf8');
    // Under the README's own top heading (# Hi…), the block starts one level below it.
    expect(text.startsWith(`${ABOVE}${START}\n\n## Your Name\n`)).toBe(true);
    expect(text.endsWith(`\n\n${END}${BELOW}`)).toBe(true);
    expect(text).not.toContain('stale content');
    // What goes between the markers is what `folio build -f md` writes.
    expect((await runCli(['build', '-f', 'md'], dir)).status).toBe(0);
    const md = readFileSync(join(dir, 'out/resume.md'), 'utf8');
    expect(text).toBe(`${ABOVE}${START}\n\n${md.replace(/^(#+) /gm, '#$1 ')}\n${END}${BELOW}`);
    // GitHub's view: the hand-written heading, then the résumé, then the footer.
    const html = marked.parse(text, { gfm: true, async: false });
    expect([...html.matchAll(/<h[123]>([^<]*)</g)].map((m) => m[1])).toEqual([
      'Hi, I’m Ada 👋',
      'Your Name',
      'Production thinking',
      'Selected engineering stories',
      'Experience',
      'How I think',
      'Stack',
      'Beyond backend',
      'Available for backend roles',
      'Elsewhere',
    ]);

    const mtime = statSync(path).mtimeMs;
    const again = await runCli(['readme', 'README.md'], dir);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe('README.md: already up to date\n');
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mtimeMs).toBe(mtime);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('--check exits 1 when out of date without writing, 0 once up to date', async () => {
    const { dir, path } = setup();
    const before = readFileSync(path);
    const stale = await runCli(['readme', 'README.md', '--check', '--sections', 'projects,skills'], dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toBe(
      'README.md: out of date with resume.yaml; run: folio readme README.md --sections projects,skills\n',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect((await runCli(['readme', 'README.md', '--sections', 'projects,skills'], dir)).status).toBe(0);
    const fresh = await runCli(['readme', 'README.md', '--check', '--sections', 'projects,skills'], dir);
    expect(fresh.status).toBe(0);
    expect(fresh.stdout).toBe('README.md: already up to date\n');
    // The same README is out of date for a different selection.
    expect((await runCli(['readme', 'README.md', '--check'], dir)).status).toBe(1);
  });

  it('--sections picks what goes in, by section id; basics is the header', async () => {
    const { dir, path } = setup();
    expect((await runCli(['readme', 'README.md', '--sections', 'skills,projects'], dir)).status).toBe(0);
    const inside = readFileSync(path, 'utf8').split(START)[1]?.split(END)[0] ?? '';
    expect(inside.match(/^#{1,3} .*/gm)).toEqual(['### Selected engineering stories', '### Stack']);
    const r = await runCli(['readme', 'README.md', '--sections', 'basics,awards'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('resume.yaml: warning: --sections: "awards" has nothing to show\n');
    expect(readFileSync(path, 'utf8')).toContain(`${START}\n\n## Your Name\n`);
    // --heading-level overrides the README's own headings; --check knows it.
    expect((await runCli(['readme', 'README.md', '--sections', 'basics', '--heading-level', '4'], dir)).status).toBe(0);
    expect(readFileSync(path, 'utf8')).toContain(`${START}\n\n#### Your Name\n`);
    expect(
      (await runCli(['readme', 'README.md', '--sections', 'basics', '--heading-level', '4', '--check'], dir)).status,
    ).toBe(0);
    expect(await runCli(['readme', 'README.md', '--heading-level', '6'], dir)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('give a heading level from 1 (# Name) to 5'),
    });
  });

  it('without --heading-level: one below the nearest heading above the marker, or 2 when there is none', async () => {
    const cases: [string, string][] = [
      ['Intro text, no heading.\n\n', '## Your Name\n'],
      ['# Me\n\n## About\n\nText.\n\n', '### Your Name\n\n**'],
      ['# Me\n\n', '## Your Name\n'],
    ];
    for (const [above, heading] of cases) {
      const { dir, path } = setup(`${above}${START}\n${END}\n`);
      expect((await runCli(['readme', 'README.md', '--sections', 'basics,skills'], dir)).status).toBe(0);
      const inside = readFileSync(path, 'utf8').split(START)[1] ?? '';
      expect(inside.startsWith(`\n\n${heading}`), `${above}→${inside.slice(0, 40)}`).toBe(true);
      // Sections one level below the name.
      const level = heading.indexOf(' ');
      expect(inside).toContain(`\n${'#'.repeat(level + 1)} Stack\n`);
    }
  });

  it('rejects an unknown section id with the list of known ones (usage error, exit 2)', async () => {
    const { dir, path } = setup();
    const before = readFileSync(path);
    const r = await runCli(['readme', 'README.md', '--sections', 'projets,skills'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'unknown section "projets" (did you mean "projects"?); section ids are basics, metrics, projects, work, principles, skills',
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('missing markers: exit 1 with the two lines to paste; the file is untouched', async () => {
    const { dir, path } = setup('# My README\n');
    const r = await runCli(['readme', 'README.md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('README.md: error: no folio markers found.');
    expect(r.stderr.endsWith(`\n\n${START}\n${END}\n`)).toBe(true);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(readFileSync(path, 'utf8')).toBe('# My README\n');
  });

  it('duplicated or reversed markers: exit 1, the file untouched', async () => {
    for (const readme of [`${START}\n${START}\n${END}\n`, `${END}\nx\n${START}\n`]) {
      const { dir, path } = setup(readme);
      const r = await runCli(['readme', 'README.md'], dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/appears 2 times|comes before/);
      expect(readFileSync(path, 'utf8')).toBe(readme);
    }
  });

  it('a missing README or résumé is a clear user error', async () => {
    const { dir } = setup();
    const r = await runCli(['readme', 'NOPE.md'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `NOPE.md: error: no such file. Create it with the two marker lines where the résumé should go:\n\n${START}\n${END}\n`,
    );
    const s = await runCli(['readme', 'README.md', '--source', 'cv.yaml'], dir);
    expect(s.status).toBe(1);
    expect(s.stderr).toBe('cv.yaml: error: no such file\n');
  });

  it('writes through a symbolic link and keeps the file’s permissions', async () => {
    const { dir, path } = setup();
    chmodSync(path, 0o640);
    symlinkSync('README.md', join(dir, 'link.md'));
    expect((await runCli(['readme', 'link.md'], dir)).status).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('## Your Name');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'link.md', 'resume.yaml']);
  });
});
