import type { Command } from 'commander';
import { Document, isMap, isScalar } from 'yaml';
import { type Diagnostic, UserError } from '../../source/diagnostics.js';
import { fromJsonResume } from '../../convert/jsonresume/import.js';
import { DEFAULT_LIMITS } from '../../source/limits.js';
import { loadFile, parseSource } from '../../source/load.js';
import { modeline } from '../../source/modeline.js';
import { writeNewFile } from '../../output/new-file.js';
import { type Io, pathIn } from '../io.js';
import { printDiagnostics } from '../report.js';
import { validate } from '../../validate/validate.js';
import { maxSizeOption } from './max-size.js';

export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description('turn a JSON Resume file into a folio résumé YAML')
    .argument('<file>', 'a JSON Resume document (.json)')
    .option('-o, --out <file>', 'write the YAML here (default: print it)')
    .option('--force', 'overwrite the --out file if it exists')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Every field is kept, unknown ones included. Fields written by "folio export"
under "x-folio" go back in place; JSON Resume 0.x names (website, company,
picture, gpa) become their 1.0 names. What folio cannot use as is (a date like
"March 2021", a link without https://) is listed with its line in the new file:
fix those before building. Notes go to stderr, so stdout is only the YAML.

Examples:
  $ folio import resume.json -o resume.yaml
  $ folio import old.json > cv.yaml`,
    )
    .action(async (file: string, opts: { out?: string; force?: boolean; maxSize?: number }) => {
      const src = await loadFile(pathIn(io, file), file, { ...DEFAULT_LIMITS, maxBytes: opts.maxSize ?? DEFAULT_LIMITS.maxBytes });
      if (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data)) {
        throw new UserError(`${file}: error: expected a JSON Resume document (a JSON object with keys like basics and work)`);
      }
      const { data, notes } = fromJsonResume(src.data as Record<string, unknown>);
      const text = `${modeline(opts.out === undefined ? undefined : pathIn(io, opts.out), io.cwd)}\n# Imported from ${file} by "folio import".\n\n${toYaml(data)}`;
      const label = opts.out ?? '<stdout>';
      const problems = check(text, label);
      if (opts.out) await writeNewFile(opts.out, text, opts.force ?? false, [{ path: file, role: 'the file being imported' }], io.cwd);
      else io.stdout.write(text);

      for (const n of notes) io.stderr.write(`note: ${n}\n`);
      const errors = problems.filter((p) => p.severity === 'error').length;
      const unknown = problems.length - errors;
      printDiagnostics(problems, io.stderr);
      if (unknown) io.stderr.write(`kept ${unknown} field${unknown === 1 ? '' : 's'} folio does not know (listed above as warnings); folio ignores them\n`);
      if (errors) io.stderr.write(`could not map ${errors} value${errors === 1 ? '' : 's'} (listed above as errors): fix ${errors === 1 ? 'it' : 'them'} in ${label} before building\n`);
      if (opts.out) io.stderr.write(`wrote ${opts.out}${errors ? '' : `; next: folio build ${opts.out}`}\n`);
    });
}

/** YAML with a blank line between sections; long text stays on one line for the editor to wrap. */
function toYaml(data: Record<string, unknown>): string {
  const doc = new Document(data, { aliasDuplicateObjects: false });
  if (isMap(doc.contents)) doc.contents.items.forEach((pair, i) => {
    if (i > 0 && isScalar(pair.key)) pair.key.spaceBefore = true;
  });
  return doc.toString({ lineWidth: 0 });
}

/** Validate the YAML about to be written, so problems point at its lines. */
function check(text: string, label: string): Diagnostic[] {
  try {
    return validate(parseSource(text, label)).warnings;
  } catch (err) {
    if (err instanceof UserError) return err.diagnostics;
    throw err;
  }
}
