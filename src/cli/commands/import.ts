import type { Command } from 'commander';
import type { Io } from '../io.js';
import { maxSizeOption } from './max-size.js';

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description('turn a JSON Resume, RenderCV, FRESH or YAMLResume file into a folio résumé YAML')
    .argument(
      '<file>',
      'a résumé in JSON Resume (.json), RenderCV (cv: + design:), FRESH (meta.format: FRESH@…) ' +
        'or YAMLResume (content: + layouts:) format',
    )
    .option('-o, --out <file>', 'write the YAML here (default: print it)')
    .option('--force', 'overwrite the --out file if it exists')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
The format is read from the file itself. Every field is mapped to its folio
place; a field folio has no place for is listed with its line in the input
(a theme setting, a date like "Fall 2025"), so nothing is lost silently.
JSON Resume: fields written by "folio export" under "x-folio" go back in
place, and 0.x names (website, company, picture, gpa) become 1.0 names.
RenderCV: each section goes to its folio kind or, with any other title, to a
custom section of the same title, in the file's order. FRESH: employment,
service, writing, recognition… to work, volunteer, publications, awards…
YAMLResume: natural dates ("Sep 1, 2016") become 2016-09; Markdown list
summaries become highlights. A file that holds no résumé exits 1.
Notes go to stderr, so stdout is only the YAML.

Examples:
  $ folio import resume.json -o resume.yaml
  $ folio import old.json > cv.yaml
  $ folio import rendercv_cv.yaml -o resume.yaml`,
    )
    .action(async (file: string, opts: { out?: string; force?: boolean; maxSize?: number }) => {
      const { runImport } = await import('./import-run.js');
      await runImport(file, opts, io);
    });
}
