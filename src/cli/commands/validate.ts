import type { Command } from 'commander';
import type { NotShown } from '../../check/source-check.js';
import { UserError } from '../../source/diagnostics.js';
import { DEFAULT_LIMITS } from '../../source/limits.js';
import type { LoadedSource } from '../../source/load.js';
import { formatPath } from '../../validate/format-path.js';
import { type Io, pathIn } from '../io.js';
import { formatUserError, printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';

export function registerValidate(program: Command, io: Io): void {
  program
    .command('validate')
    .description('check a résumé against the schema without writing anything')
    .argument('[sources...]', 'the résumé YAML (or JSON Resume .json); several files are each checked', ['resume.yaml'])
    .option('--strict', 'treat warnings as errors')
    .option('--verbose', 'also list each string of the source that an output does not show, and why')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Every problem is reported at once as FILE:LINE:COL: error: PATH: message.
Exit code 0 when every file is valid, 1 when one is not.
--verbose lists every string of a valid source that an output leaves out, with
its line and the reason: by design (a photo path, a network name the profile
link already shows), private on the public page (phone, address), or not shown
anywhere. It is the definition "folio check --source" and the build's
self-check use; where the PDF and Word file differ from HTML and Markdown, each
says so.

Examples:
  $ folio validate
  $ folio validate cv.yaml --strict
  $ folio validate cv.yaml --verbose
  $ folio validate a.yaml b.yaml     check both, report each
  $ folio validate big.yaml --max-size 4MiB`,
    )
    .action(async (sources: string[], opts: ValidateOpts) => {
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

interface ValidateOpts {
  strict?: boolean;
  verbose?: boolean;
  maxSize?: number;
}

async function validateOne(source: string, opts: ValidateOpts, io: Io): Promise<void> {
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
  if (opts.verbose) {
    // Loaded only here: the checker's definition of what each output shows.
    const { notShown } = await import('../../check/source-check.js');
    io.stdout.write(notShownReport(src, notShown(resume)));
  }
}

/** "not shown: N strings", then a line per string and output group: `file:line  path  "text"  outputs: reason`. */
function notShownReport(src: LoadedSource, rows: NotShown[]): string {
  const lines = [`not shown: ${rows.length} string${rows.length === 1 ? '' : 's'}`];
  const line = (r: NotShown) => src.locate(r.path).line;
  for (const r of [...rows].sort((a, b) => line(a) - line(b))) {
    const text = r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text;
    const where = `${src.file}:${line(r)}  ${formatPath(r.path)}  "${text}"`;
    for (const { outputs, reason, dropped } of r.reasons)
      lines.push(`  ${where}  ${outputs}: ${dropped ? 'MISSING: ' : ''}${reason}`);
  }
  return `${lines.join('\n')}\n`;
}
