import type { Command } from 'commander';
import type { Io } from '../io.js';
import { printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';

export function registerVariants(program: Command, io: Io): void {
  program
    .command('variants')
    .description('list the variants of a résumé and the items each one keeps')
    .argument('[source]', 'the résumé YAML', 'resume.yaml')
    .option('-o, --out <dir>', 'output directory the builds would use', 'out')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
For each variant: where it builds to, its include/exclude tags, its overrides,
and per section how many items it keeps and which. Writes nothing.

Examples:
  $ folio variants
  $ folio variants cv.yaml`,
    )
    .action(async (source: string, opts: { out: string; maxSize?: number }) => {
      const [{ baseName, loadValidated }, { describeVariants }] = await Promise.all([
        import('../../pipeline/build.js'),
        import('../variants-report.js'),
      ]);
      const { src, resume, warnings } = await loadValidated({ source, cwd: io.cwd, maxBytes: opts.maxSize });
      printDiagnostics(warnings, io.stderr);
      io.stdout.write(describeVariants(src, resume, { fallbackName: baseName(source), outDir: opts.out }));
    });
}
