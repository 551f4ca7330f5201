import type { Command } from 'commander';
import { THEME_NAMES, THEMES } from '../../model/design.js';
import { epochDate, type Io, pathIn } from '../io.js';
import { formatBytes, printDiagnostics } from '../report.js';

/** `folio themes`: the themes, one per line, name first; `--gallery <dir>` builds the résumé in each. */
export function registerThemes(program: Command, io: Io): void {
  program
    .command('themes')
    .description('list the looks folio ships; --gallery builds your résumé in each, side by side')
    .argument('[source]', 'the résumé to build with --gallery', 'resume.yaml')
    .option(
      '--gallery <dir>',
      'build the résumé in every theme into <dir>/<theme>/ (PDF and page 1 as PNG) ' +
        'with an index.html showing them side by side',
    )
    .addHelpText(
      'after',
      `
Pick one with folio.design.theme in the YAML, or --theme on build and serve;
any single setting (font, colours, margins, headings …) can be changed on top:
  folio:
    design:
      theme: classic
      colors: { accent: "#7c2d12" }

Examples:
  $ folio themes                         the list
  $ folio themes --gallery gallery/      gallery/index.html: page 1 in every theme
  $ folio build --theme compact          one build in another look`,
    )
    .action(async (source: string, opts: { gallery?: string }) => {
      if (!opts.gallery) {
        const width = Math.max(...THEME_NAMES.map((n) => n.length));
        for (const name of THEME_NAMES) io.stdout.write(`${name.padEnd(width)}  ${THEMES[name].description}\n`);
        return;
      }
      const { buildGallery } = await import('../../pipeline/gallery.js');
      const { stat } = await import('node:fs/promises');
      const r = await buildGallery({ source, dir: opts.gallery, cwd: io.cwd, date: epochDate(io.env) });
      printDiagnostics(r.warnings, io.stderr);
      for (const t of r.themes) {
        const size = formatBytes((await stat(pathIn(io, t.pdf))).size);
        io.stdout.write(
          `${t.theme.padEnd(8)}  ${t.pdf}  ${size}  ` +
            `${t.pages} page${t.pages === 1 ? '' : 's'}  ${Math.round(t.ms)} ms\n`,
        );
      }
      io.stdout.write(`gallery: ${r.index}\n`);
    });
}
