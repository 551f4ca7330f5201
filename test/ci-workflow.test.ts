import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type WorkflowKind, type WorkflowOptions, workflow } from '../src/cli/ci-workflow.js';
import { runCli, tempDir } from './helpers.js';

/** GitHub's own parser (the one its editor tooling uses): every error it reports, as text. */
async function githubErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
  }
  return errors;
}

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}
interface Parsed {
  on: { push: { paths: string[]; tags?: string[]; branches?: string[] }; schedule?: { cron: string }[] };
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }>;
}

function steps(text: string): Step[] {
  const jobs = Object.values((parse(text) as Parsed).jobs);
  expect(jobs).toHaveLength(1);
  return jobs[0]?.steps ?? [];
}

const base: WorkflowOptions = { source: 'resume.yaml', version: '1.2.3', local: null, variants: false };
const cases: [string, WorkflowKind, WorkflowOptions][] = [
  ['résumé, global install', 'resume', base],
  ['résumé with variants, local dependency', 'resume', { ...base, variants: true, local: { lockFile: true } }],
  ['résumé in a folder with a space', 'resume', { ...base, source: "cv/Zoë's cv.yaml", local: { lockFile: false } }],
  ['profile, global install', 'profile', base],
  ['profile, local dependency', 'profile', { ...base, source: 'cv/resume.yaml', local: { lockFile: true } }],
];

describe('ci-workflow: the workflows folio init --ci writes', () => {
  it.each(cases)(
    "%s: parses as YAML and passes GitHub's workflow parser with no error",
    async (_label, kind, options) => {
      const text = workflow(kind, options);
      expect(() => parse(text)).not.toThrow();
      expect(await githubErrors('folio.yml', text)).toEqual([]);
    },
  );

  it('negative control: the parser does report a broken workflow', async () => {
    const text = workflow('resume', base).replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest');
    expect(await githubErrors('folio.yml', text)).not.toEqual([]);
    const badExpr = workflow('resume', base).replace(
      "startsWith(github.ref, 'refs/tags/v')",
      "startsWith(github.ref, 'refs/tags/v'",
    );
    expect(await githubErrors('folio.yml', badExpr)).not.toEqual([]);
  });

  it('résumé: installs the version that wrote it, builds, keeps out/, releases the PDFs on a v* tag', () => {
    const text = workflow('resume', base);
    const on = (parse(text) as Parsed).on;
    expect(on.push.paths).toEqual(['resume.yaml', '.github/workflows/folio.yml']);
    expect(on.push.tags).toEqual(['v*']);
    const s = steps(text);
    expect(s.map((x) => x.run ?? x.uses)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm install --global folio-cv@1.2.3 --no-audit --no-fund',
      'folio build resume.yaml',
      'actions/upload-artifact@v4',
      expect.stringContaining('gh release upload "$TAG" release/*.pdf --clobber'),
    ]);
    expect(s.at(-1)?.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(text).not.toContain('--all-variants');
  });

  it('résumé with variants and folio-cv in package.json: npm ci, npx --no-install, every variant', () => {
    const s = steps(workflow('resume', { ...base, variants: true, local: { lockFile: true } }));
    const runs = s.map((x) => x.run).filter(Boolean);
    expect(runs.slice(0, 3)).toEqual([
      'npm ci --no-audit --no-fund',
      'npx --no-install folio build resume.yaml',
      'npx --no-install folio build resume.yaml --all-variants',
    ]);
  });

  it('a path with spaces and quotes reaches the shell as one word', () => {
    const s = steps(workflow('resume', { ...base, source: "cv/Zoë's cv.yaml" }));
    expect(s.find((x) => x.name === 'Build')?.run?.trim()).toBe("folio build 'cv/Zoë'\\''s cv.yaml'");
  });

  it('profile: weekly and on push, folio readme, commits only a changed README', () => {
    const text = workflow('profile', { ...base, source: 'cv/resume.yaml' });
    const parsed = parse(text) as Parsed;
    expect(parsed.on.push.paths).toEqual(['cv/resume.yaml', '.github/workflows/folio-profile.yml']);
    expect(parsed.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \d$/);
    const s = steps(text);
    expect(s.map((x) => x.run).filter(Boolean)[1]).toBe('folio readme README.md --source cv/resume.yaml');
    const commit = s.at(-1)?.run ?? '';
    expect(commit).toMatch(/^if git diff --quiet -- README\.md; then .* exit 0; fi$/m);
    expect(commit).toContain('git push');
  });
});

describe('folio init --ci (CLI)', () => {
  it('in a fresh repository: the starter and the workflow; again: refuses, then --force replaces only the workflow', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    const r = await runCli(['init', '--ci'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'wrote resume.yaml\nwrote .github/workflows/folio.yml\nnext: edit resume.yaml ("folio serve" previews it), then commit both files and push\n',
    );
    expect(r.status).toBe(0);
    const resume = readFileSync(join(dir, 'resume.yaml'), 'utf8');
    expect(readFileSync(join(dir, '.github/workflows/folio.yml'), 'utf8')).toContain('run: folio build resume.yaml');

    const again = await runCli(['init', '--ci'], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('.github/workflows/folio.yml already exists; add --force');
    writeFileSync(join(dir, 'resume.yaml'), `${resume}\n# my own edit\n`);
    const forced = await runCli(['init', '--ci', '--force'], dir);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(
      'wrote .github/workflows/folio.yml\nnext: commit .github/workflows/folio.yml and push; its first lines say what it does\n',
    );
    expect(readFileSync(join(dir, 'resume.yaml'), 'utf8')).toContain('# my own edit');
  });

  it('from a subfolder of a repository with folio-cv in package.json and variants in the résumé', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'cv'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { 'folio-cv': '^0.1.0' } }));
    writeFileSync(join(dir, 'cv/resume.yaml'), 'basics:\n  name: Ada\nvariants:\n  short:\n    include: [core]\n');
    const r = await runCli(['init', '--ci'], join(dir, 'cv'));
    expect(r.status).toBe(0);
    const text = readFileSync(join(dir, '.github/workflows/folio.yml'), 'utf8');
    expect(text).toContain('run: npm install --no-audit --no-fund');
    expect(text).toContain('run: npx --no-install folio build cv/resume.yaml --all-variants');
    expect(existsSync(join(dir, 'cv/.github'))).toBe(false);
  });

  it('--ci profile names a README without markers; --ci with a file name as its value is a usage error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'README.md'), '# Hi\n');
    const r = await runCli(['init', '--ci', 'profile'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('note: README.md has no folio markers yet');
    expect(r.stdout).toContain('is not a git repository yet');
    expect(existsSync(join(dir, '.github/workflows/folio-profile.yml'))).toBe(true);
    const bad = await runCli(['init', '--ci', 'cv.yaml'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('put it first: folio init cv.yaml --ci');
  });
});
