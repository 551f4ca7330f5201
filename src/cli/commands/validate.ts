import type { Command } from 'commander';
import { UserError } from '../../source/diagnostics.js';
import { DEFAULT_LIMITS } from '../../source/limits.js';
import { type Io, pathIn } from '../io.js';
import { formatUserError, printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a résumé against the schema without writing anything')
    .argument('[sources...]', 'the résumé YAML (or JSON Resume .json); several files are each checked', ['resume.yaml'])
    .option('--strict', 'treat warnings as errors')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Every problem is reported at once as FILE:LINE:COL: error: PATH: message.
Exit code 0 when every file is valid, 1 when one is not.

Examples:
  $ folio validate
  $ folio validate cv.yaml --strict
  $ folio validate a.yaml b.yaml     check both, report each
  $ folio validate big.yaml --max-size 4MiB`,
    )
    .action(async (sources: string[], opts: { strict?: boolean; maxSize?: number }) => {
      if (sources.length === 1) return validateOne(sources[0] as string, opts, io);
      // Several files: each is reported, one that fails does not hide the others.
      const failed: string[] = [];
      for (const source of sources) {
        try {
          await validateOne(source, opts, io);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          io.stderr.write(formatUserError(err));
          failed.push(source);
        }
      }
      if (failed.length)
        throw new UserError(`${failed.length} of ${sources.length} files not valid: ${failed.join(', ')}`);
    });
}

async function validateOne(source: string, opts: { strict?: boolean; maxSize?: number }, io: Io): Promise<void> {
  // Loaded when the command runs, not with the command table (`folio --help` needs neither YAML nor the schema).
  const [{ loadFile }, { validate }, { prepareVariant }] = await Promise.all([
    import('../../source/load.js'),
    import('../../validate/validate.js'),
    import('../../pipeline/variant-build.js'),
  ]);
  const src = await loadFile(pathIn(io, source), source, {
    ...DEFAULT_LIMITS,
    maxBytes: opts.maxSize ?? DEFAULT_LIMITS.maxBytes,
  });
  const { resume, warnings, notes } = validate(src, { strict: opts.strict });
  // Each variant's merged résumé too: an override can break a rule the base file keeps.
  for (const name of Object.keys(resume.variants ?? {})) prepareVariant(src, resume, name, { fallbackName: source });
  printDiagnostics(warnings, io.stderr);
  // What folio read in a way worth knowing: custom sections found, JSON Resume 0.x keys read under their 1.0 names.
  printDiagnostics(notes, io.stderr);
  const w = warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : '';
  io.stdout.write(`${source}: valid${w}\n`);
}
