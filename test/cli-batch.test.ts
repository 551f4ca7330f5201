import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runCli, spawnCli, tempDir } from './helpers.js';

/** A folder of résumés: the example under three names, the second one broken. */
function folder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'people'));
  const text = readFileSync(example, 'utf8');
  writeFileSync(join(dir, 'people/ada.yaml'), text.replace('name: Your Name', 'name: Ada Lovelace'));
  writeFileSync(join(dir, 'people/bob.yaml'), text.replace('startDate: 2021-01', 'startDate: someday'));
  writeFileSync(join(dir, 'people/cy.yml'), text.replace('name: Your Name', 'name: Cy Twombly'));
  writeFileSync(join(dir, 'people/notes.txt'), 'not a résumé');
  return dir;
}

describe('folio build with many sources (worker pool)', () => {
  for (const jobs of ['1', '2']) {
    it(`builds every résumé in a folder with ${jobs} worker(s); one broken source does not stop the rest`, async () => {
      const dir = folder();
      // Worker threads load the built dist/batch-worker.js: the pool is tested in a real process, one job in-process.
      const args = ['build', 'people', '-o', 'out', '-f', 'html,md', '-j', jobs];
      const r = jobs === '1' ? await runCli(args, dir) : spawnCli(args, dir);
      expect(r.status).toBe(1);
      for (const name of ['ada', 'cy']) {
        expect(readFileSync(join(dir, `out/${name}.md`), 'utf8')).toContain(
          name === 'ada' ? 'Ada Lovelace' : 'Cy Twombly',
        );
        expect(existsSync(join(dir, `out/${name}.html`))).toBe(true);
      }
      expect(existsSync(join(dir, 'out/bob.md'))).toBe(false);
      expect(existsSync(join(dir, 'out/notes.md'))).toBe(false);
      expect(r.stderr).toMatch(
        /people\/bob\.yaml:\d+:16: error: work\[0\]\.startDate: expected a date like 2021-03 \(got "someday"\)/,
      );
      expect(r.stderr).toContain('not built: people/bob.yaml');
      expect(r.stdout).toMatch(
        new RegExp(`built 4 files for 2 of 3 résumés in [\\d.]+ s \\([\\d.]+ résumés/s, ${jobs} workers?\\)`),
      );
    });
  }

  it('takes several files, and refuses two sources that would write the same outputs', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'people/ada.json'), '{"basics": {"name": "Ada JSON"}}');
    const ok = await runCli(['build', 'people/ada.yaml', 'people/cy.yml', '-f', 'md', '-j', '1'], dir);
    expect(ok.status).toBe(0);
    expect(existsSync(join(dir, 'out/ada.md')) && existsSync(join(dir, 'out/cy.md'))).toBe(true);
    const clash = await runCli(['build', 'people', '-f', 'md', '-o', 'o2'], dir);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('people/ada.json and people/ada.yaml would both write ada.*');
    expect(existsSync(join(dir, 'o2'))).toBe(false);
  });

  it('prints terminal escapes in file names as symbols, in the lines of built and broken sources', async () => {
    const dir = folder();
    const red = 'x\u001b[31mred';
    writeFileSync(join(dir, `people/${red}.yaml`), readFileSync(join(dir, 'people/ada.yaml')));
    writeFileSync(join(dir, `people/${red}-bad.yaml`), readFileSync(join(dir, 'people/bob.yaml')));
    const r = await runCli(['build', `people/${red}.yaml`, `people/${red}-bad.yaml`, '-f', 'md', '-j', '1'], dir);
    expect(r.status).toBe(1);
    // The file is written under its real name; the terminal is shown ␛, never the escape itself.
    expect(existsSync(join(dir, `out/${red}.md`))).toBe(true);
    expect(r.stdout).toMatch(/^out\/x␛\[31mred\.md /m);
    expect(r.stderr).toMatch(/^people\/x␛\[31mred-bad\.yaml:\d+:16: error: /m);
    expect(r.stdout + r.stderr).not.toContain('\u001b');
  });

  it('says so when a folder holds no résumés, and refuses one-source options', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    expect(await runCli(['build', 'empty'], dir)).toMatchObject({
      status: 1,
      stderr: 'empty: error: no .yaml, .yml or .json files in this folder\n',
    });
    const many = folder();
    const r = await runCli(['build', 'people', '--watch'], many);
    expect(r.status).toBe(2); // a usage mistake
    expect(r.stderr).toContain('take one source');
  });
});
