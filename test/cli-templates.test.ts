// `folio build --templates <dir>`, end to end: the user's files replace built-in ones
// file by file, per format, and the build names each file it took from the user's folder.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, root, runCli, tempDir } from './helpers.js';

function project(): string {
  const dir = tempDir();
  copyFileSync(example, join(dir, 'resume.yaml'));
  return dir;
}

describe('folio build --templates', () => {
  it("takes the user's html/ and markdown/ files in place of the built-in ones and says which", async () => {
    const dir = project();
    expect((await runCli(['build', '-f', 'html,md', '-o', 'plain'], dir)).status).toBe(0);

    mkdirSync(join(dir, 'mytheme/html/partials'), { recursive: true });
    mkdirSync(join(dir, 'mytheme/markdown/partials'), { recursive: true });
    // A section partial and the stylesheet for the page; one partial for the README.
    writeFileSync(
      join(dir, 'mytheme/html/partials/principles.hbs'),
      '<section class="mine" aria-labelledby="p-t"><h2 id="p-t">{{title}}</h2>{{#each principles}}<p>{{number}} {{title}}</p>{{/each}}</section>\n',
    );
    writeFileSync(join(dir, 'mytheme/html/style.css'), 'body { font-family: Georgia, serif; }\n');
    writeFileSync(join(dir, 'mytheme/markdown/partials/principles.hbs'), '## {{title}} (my way)\n');
    const r = await runCli(['build', '-f', 'html,md', '--templates', 'mytheme'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('using your template mytheme/html/partials/principles.hbs\n');
    expect(r.stdout).toContain('using your template mytheme/html/style.css\n');
    expect(r.stdout).toContain('using your template mytheme/markdown/partials/principles.hbs\n');
    expect(r.stdout.match(/using your template/g)).toHaveLength(3);

    const html = readFileSync(join(dir, 'out/resume.html'), 'utf8');
    expect(html).toContain(
      '<section class="mine" aria-labelledby="p-t"><h2 id="p-t">How I think</h2><p>01 Design APIs around workflows</p>',
    );
    expect(html).toContain('body { font-family: Georgia, serif; }');
    expect(html).not.toContain('.hero-grid'); // the built-in stylesheet was replaced, not added to
    expect(html).toContain('--accent: #0f5e9c;'); // the tokens still come first, for a theme to use
    // Everything not overridden is the built-in template's output.
    const plain = readFileSync(join(dir, 'plain/resume.html'), 'utf8');
    const heroOf = (s: string) => s.slice(s.indexOf('<header class="hero">'), s.indexOf('</header>'));
    expect(heroOf(html)).toBe(heroOf(plain));

    const md = readFileSync(join(dir, 'out/resume.md'), 'utf8');
    expect(md).toContain('## How I think (my way)');
    // The html partial of the same name did not leak into the README.
    expect(md).not.toContain('class="mine"');
  });

  it('reports a bad folder, a wrong layout, a syntax error and a misspelt field as user errors (exit 1)', async () => {
    const dir = project();
    expect(await runCli(['build', '-f', 'html', '--templates', 'nothere'], dir)).toMatchObject({
      status: 1,
      stderr: '--templates nothere: no such folder\n',
    });
    // A file where the folder should be is called a file, not a missing folder.
    writeFileSync(join(dir, 'afile'), 'x');
    expect(await runCli(['build', '-f', 'html', '--templates', 'afile'], dir)).toMatchObject({
      status: 1,
      stderr: '--templates afile: is a file; give the folder that holds your html/ or markdown/ templates\n',
    });

    // Files straight in the folder, as if it were templates/html/ itself.
    mkdirSync(join(dir, 'flat/partials'), { recursive: true });
    writeFileSync(join(dir, 'flat/partials/hero.hbs'), '<header>{{header.name}}</header>');
    const flat = await runCli(['build', '-f', 'html', '--templates', 'flat'], dir);
    expect(flat.status).toBe(1);
    expect(flat.stderr).toContain(
      "--templates flat: expected an html/ or markdown/ folder inside it, laid out like folio's templates/ folder",
    );

    mkdirSync(join(dir, 'bad/html/partials'), { recursive: true });
    writeFileSync(join(dir, 'bad/html/partials/hero.hbs'), '<header>{{#if header.name}}</header>\n');
    const syntax = await runCli(['build', '-f', 'html', '--templates', 'bad'], dir);
    expect(syntax.status).toBe(1);
    expect(syntax.stderr).toBe(
      'bad/html/partials/hero.hbs:1:9: error: this {{#if}} block is never closed: add {{/if}} where it ends\n',
    );
    expect(syntax.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace

    writeFileSync(join(dir, 'bad/html/partials/hero.hbs'), '<header>{{header.nmae}}</header>\n');
    const field = await runCli(['build', '-f', 'html', '--templates', 'bad'], dir);
    expect(field.status).toBe(1);
    expect(field.stderr).toMatch(
      /^bad\/html\/partials\/hero\.hbs:1:11: error: "nmae" is neither a field of the model here nor a helper; .*--dump-model\)\n$/,
    );
  });

  it('is documented in --help and docs/templates.md', async () => {
    const help = await runCli(['build', '--help'], root);
    expect(help.stdout).toContain('--templates <dir>');
    expect(help.stdout).toContain('folio build --templates mytheme');
    expect(readFileSync(join(root, 'docs/templates.md'), 'utf8')).toContain('`--templates mytheme` takes files from');
  });
});
