import type { Command } from 'commander';
import { baseName } from '../../pipeline/build.js';
import { loadFile } from '../../source/load.js';
import { printDiagnostics } from '../report.js';
import { validate } from '../../validate/validate.js';
import { describeVariants } from '../variants-report.js';

export function registerVariants(program: Command): void {
  program
    .command('variants')
    .description('list the variants of a résumé and the items each one keeps')
    .argument('[source]', 'the résumé YAML', 'resume.yaml')
    .option('-o, --out <dir>', 'output directory the builds would use', 'out')
    .addHelpText(
      'after',
      `
For each variant: where it builds to, its include/exclude tags, its overrides,
and per section how many items it keeps and which. Writes nothing.

Examples:
  $ folio variants
  $ folio variants cv.yaml`,
    )
    .action(async (source: string, opts: { out: string }) => {
      const src = await loadFile(source);
      const { resume, warnings } = validate(src);
      printDiagnostics(warnings);
      process.stdout.write(describeVariants(src, resume, { fallbackName: baseName(source), outDir: opts.out }));
    });
}
