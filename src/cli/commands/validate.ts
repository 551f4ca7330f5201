import type { Command } from 'commander';
import { loadValidated } from '../../pipeline/build.js';
import { prepareVariant } from '../../pipeline/variant-build.js';
import type { Io } from '../io.js';
import { printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a résumé against the schema without writing anything')
    .argument('[source]', 'the résumé YAML (or JSON Resume .json)', 'resume.yaml')
    .option('--strict', 'treat warnings as errors')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Every problem is reported at once as FILE:LINE:COL: error: PATH: message.
Exit code 0 when valid, 1 when not.

Examples:
  $ folio validate
  $ folio validate cv.yaml --strict
  $ folio validate big.yaml --max-size 4MiB`,
    )
    .action(async (source: string, opts: { strict?: boolean; maxSize?: number }) => {
      const { src, resume, warnings } = await loadValidated({ source, cwd: io.cwd, maxBytes: opts.maxSize, strict: opts.strict });
      // Each variant's merged résumé too: an override can break a rule the base file keeps.
      for (const name of Object.keys(resume.variants ?? {})) prepareVariant(src, resume, name, { fallbackName: source });
      printDiagnostics(warnings, io.stderr);
      const w = warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : '';
      io.stdout.write(`${source}: valid${w}\n`);
    });
}
