import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TemplateData } from '../src/pipeline/template-data.js';
import type { MarkdownEntry } from '../src/render/markdown.js';
import { example, fixture, runCli, tempDir } from './helpers.js';

// folio build --dump-model: the data the HTML and Markdown templates receive, as JSON on stdout and nothing else.

function setup(source = example): string {
  const dir = tempDir();
  copyFileSync(source, join(dir, 'resume.yaml'));
  return dir;
}

async function dump(dir: string, ...flags: string[]): Promise<TemplateData> {
  const r = await runCli(['build', 'resume.yaml', '--dump-model', ...flags], dir);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // The whole of stdout is the JSON: nothing before or after it.
  return JSON.parse(r.stdout) as TemplateData;
}

const entriesOf = (d: TemplateData, id: string): MarkdownEntry[] => {
  const s = d.markdown.sections.find((x) => x.id === id);
  return s && 'entries' in s ? s.entries : [];
};

describe('folio build --dump-model', () => {
  it('prints the templates’ data as JSON and builds nothing', async () => {
    const dir = setup();
    const data = await dump(dir);
    expect(Object.keys(data)).toEqual(['html', 'markdown']);
    expect(data.html.header.name).toBe('Your Name');
    expect(data.html.sections.map((s) => s.partial)).toContain('work');
    const work = data.html.sections.find((s) => s.id === 'work');
    expect(work && 'entries' in work && work.entries[0]?.heading).toBe('Senior Backend Engineer · Example Ad-Tech Co.');
    expect(entriesOf(data, 'work')[0]?.heading).toBe('Senior Backend Engineer · Example Ad-Tech Co.');
    expect(existsSync(join(dir, 'out')), 'nothing is written').toBe(false);
  });

  it('is the data a template sees: a custom partial prints dumped fields, in HTML and in Markdown', async () => {
    // Jobs, stories, talks and certificates, several with a link.
    const dir = setup(fixture('portfolio-full.yaml'));
    const mine = join(dir, 'mine');
    mkdirSync(join(mine, 'markdown/partials'), { recursive: true });
    mkdirSync(join(mine, 'html/partials'), { recursive: true });
    writeFileSync(join(mine, 'markdown/partials/entry.hbs'), '<<{{heading}}|{{meta}}>>\n');
    writeFileSync(
      join(mine, 'html/partials/entry.hbs'),
      '<p class="mine">{{headingRest}}|{{#if url}}{{url.label}}{{/if}}</p>\n',
    );
    const data = await dump(dir, '--templates', 'mine');
    const built = await runCli(['build', 'resume.yaml', '-f', 'html,md', '--templates', 'mine'], dir);
    expect(built.status).toBe(0);
    const md = readFileSync(join(dir, 'out/resume.md'), 'utf8');
    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8');
    const mdEntries = data.markdown.sections.flatMap((s) => ('entries' in s ? s.entries : []));
    expect(mdEntries.length).toBeGreaterThan(2);
    for (const e of mdEntries) expect(md).toContain(`<<${e.heading ?? ''}|${e.meta ?? ''}>>`);
    const linked = data.html.sections.flatMap((s) => ('entries' in s ? s.entries : [])).filter((e) => e.url);
    expect(linked.length).toBeGreaterThan(0);
    for (const e of linked)
      expect(html).toContain(`<p class="mine">${esc(e.headingRest ?? '')}|${esc(e.url?.label ?? '')}</p>`);
    // Negative control: a field the dump does not have is an error in the template, not an empty string.
    // (Another folder: templates are loaded once per process.)
    mkdirSync(join(dir, 'other/markdown/partials'), { recursive: true });
    writeFileSync(join(dir, 'other/markdown/partials/entry.hbs'), '{{headline}}\n');
    const misspelt = await runCli(['build', 'resume.yaml', '-f', 'md', '--templates', 'other'], dir);
    expect(misspelt.status).toBe(1);
    expect(misspelt.stderr).toContain('headline');
  });

  it('follows --variant and --theme', async () => {
    const dir = setup();
    const base = await dump(dir);
    const backend = await dump(dir, '--variant', 'backend');
    const count = (d: TemplateData) => d.markdown.sections.flatMap((s) => ('entries' in s ? s.entries : [])).length;
    expect(count(backend)).toBeLessThan(count(base));
    const classic = await dump(dir, '--theme', 'classic');
    expect(classic.html.css).not.toBe(base.html.css);
    expect(classic.markdown).toEqual(base.markdown);
  });

  it('reports errors as a build does, with nothing on stdout', async () => {
    const dir = tempDir();
    copyFileSync(fixture('minimal.yaml'), join(dir, 'resume.yaml'));
    writeFileSync(
      join(dir, 'resume.yaml'),
      `${readFileSync(join(dir, 'resume.yaml'), 'utf8')}\nwork:\n  - startDate: March 2021\n`,
    );
    const bad = await runCli(['build', 'resume.yaml', '--dump-model'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/resume\.yaml:\d+:\d+: error: work\[0\]\.startDate/);
    const usage = await runCli(['build', 'resume.yaml', '--dump-model', '--watch'], dir);
    expect(usage.status).toBe(2);
    expect(usage.stdout).toBe('');
  });
});

function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
    .replace(/`/g, '&#x60;')
    .replace(/=/g, '&#x3D;');
}
