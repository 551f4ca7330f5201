import type { Command } from 'commander';
import { loadFile } from '../../source/load.js';
import { printDiagnostics } from '../report.js';
import { DEFAULT_LIMITS } from '../../source/limits.js';
import { prepareVariant } from '../../pipeline/variant-build.js';
import { validate } from '../../validate/validate.js';
import { maxSizeOption } from './max-size.js';

export function registerValidate(program: Command): void {
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
      const src = await loadFile(source, source, { ...DEFAULT_LIMITS, maxBytes: opts.maxSize ?? DEFAULT_LIMITS.maxBytes });
      const { resume, warnings } = validate(src, { strict: opts.strict });
      // Each variant's merged résumé too: an override can break a rule the base file keeps.
      for (const name of Object.keys(resume.variants ?? {})) prepareVariant(src, resume, name, { fallbackName: source });
      printDiagnostics(warnings);
      const w = warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : '';
      process.stdout.write(`${source}: valid${w}\n`);
    });
}
