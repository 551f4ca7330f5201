import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runCli, tempDir } from './helpers.js';

/** CLI end to end: check, readme and export read a tailored CV with --variant, as build --variant makes it. */
function project(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'resume.yaml'), readFileSync(example, 'utf8'));
  return dir;
}

describe('--variant beyond build (cli)', () => {
  it('check: a variant PDF passes against its variant, fails against the whole résumé with a hint (negative control)', async () => {
    const dir = project();
    expect((await runCli(['build', '--variant', 'backend', '-f', 'pdf'], dir)).status).toBe(0);
    const ok = await runCli(
      ['check', 'out/backend/Your-Name-Backend-Resume.pdf', '--source', 'resume.yaml', '--variant', 'backend'],
      dir,
    );
    expect(ok.status).toBe(0);
    const m = /text {6}(\d+) of (\d+) strings from resume\.yaml found in order; (\d+) not shown by design\n/.exec(
      ok.stdout,
    );
    expect(m, ok.stdout).not.toBeNull();
    expect(Number(m?.[1]) + Number(m?.[3])).toBe(Number(m?.[2]));
    const whole = await runCli(['check', 'out/backend/Your-Name-Backend-Resume.pdf', '--source', 'resume.yaml'], dir);
    expect(whole.status).toBe(1);
    expect(whole.stderr).toMatch(
      /check failed: \d+ missing.*add --variant backend to check it against that variant\n$/,
    );
    expect(
      (await runCli(['check', 'out/backend/Your-Name-Backend-Resume.pdf', '--variant', 'backend'], dir)).status,
    ).toBe(2);
    const unknown = await runCli(
      ['check', 'out/backend/Your-Name-Backend-Resume.pdf', '--source', 'resume.yaml', '--variant', 'bakend'],
      dir,
    );
    expect(unknown).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('no variant "bakend" (did you mean "backend"?)'),
    });
  }, 60_000);

  it('readme and export show the variant: its label, not the base one; the base without the flag', async () => {
    const dir = project();
    const yaml = readFileSync(join(dir, 'resume.yaml'), 'utf8');
    const baseLabel = /^ {2}label: (.*)$/m.exec(yaml)?.[1];
    expect(baseLabel).toBeTruthy();
    writeFileSync(join(dir, 'README.md'), '# Me\n\n<!-- folio:start -->\n<!-- folio:end -->\n');
    expect((await runCli(['readme', 'README.md', '--variant', 'backend'], dir)).status).toBe(0);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const exported = JSON.parse((await runCli(['export', '--variant', 'backend'], dir)).stdout) as {
      basics: { label: string };
      variants?: unknown;
    };
    expect(exported.basics.label).not.toBe(baseLabel);
    expect(exported.variants).toBeUndefined();
    expect(readme).toContain(exported.basics.label);
    expect(readme).not.toContain(baseLabel);
    // --check knows the variant too, and its rerun line says so.
    expect((await runCli(['readme', 'README.md', '--variant', 'backend', '--check'], dir)).status).toBe(0);
    const stale = await runCli(['readme', 'README.md', '--check'], dir);
    expect(stale.status).toBe(1);
    const base = JSON.parse((await runCli(['export'], dir)).stdout) as { basics: { label: string } };
    expect(base.basics.label).toBe(baseLabel);
  }, 60_000);
});
