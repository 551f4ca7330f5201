import { type Command, InvalidArgumentError } from 'commander';
import { writeNewFile } from '../../output/new-file.js';
import { UserError } from '../../source/diagnostics.js';
import type { Io } from '../io.js';
import { maxSizeOption } from './max-size.js';
import { loadAsVariant, VARIANT_FLAGS, VARIANT_HELP } from './variant-source.js';

const EXPORT_FORMATS = ['jsonresume'] as const;

export function registerExport(program: Command, io: Io): void {
  program
    .command('export')
    .description('write the résumé as a JSON Resume v1 document, for JSON Resume themes and tools')
    .argument('[source]', 'the résumé YAML', 'resume.yaml')
    .option(
      '--format <format>',
      `what to export to: ${EXPORT_FORMATS.join(', ')} (the only one, and the default)`,
      (v: string) => {
        if (!(EXPORT_FORMATS as readonly string[]).includes(v))
          throw new InvalidArgumentError(`unknown export format "${v}"; choose from ${EXPORT_FORMATS.join(', ')}`);
        return v;
      },
      'jsonresume',
    )
    .option('-o, --out <file>', 'write the JSON here (default: print it)')
    .option(VARIANT_FLAGS, `${VARIANT_HELP}; without it, the whole résumé, variants: block included`)
    .option('--force', 'overwrite the --out file if it exists')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
The output validates against the official JSON Resume v1 schema. folio's own
fields (tagline, metrics, principles, tags, …) move into an "x-folio" key in
the object that held them: themes ignore it and "folio import" puts them back.
Notes go to stderr, so stdout is only the JSON.

Examples:
  $ folio export --format jsonresume -o resume.json
  $ folio export --variant backend -o backend.json  the backend variant as a JSON Resume
  $ folio export cv.yaml --format jsonresume | resume-cli export cv.html`,
    )
    .action(
      async (
        source: string,
        opts: { format: string; out?: string; force?: boolean; variant?: string; maxSize?: number },
      ) => {
        const { resume, raw } = await loadAsVariant(source, opts.variant, io, opts.maxSize);
        // The data as written (not as validated, which drops "" values): an imported file exports unchanged.
        // A variant is a new résumé made from it, exported as that variant shows it.
        const { toJsonResume } = await import('../../convert/jsonresume/export.js');
        const { doc, notes } = toJsonResume((opts.variant ? resume : raw.data) as Record<string, unknown>);
        const json = `${JSON.stringify(doc, null, 2)}\n`;
        if (opts.out) {
          if (/\.ya?ml$/i.test(opts.out))
            throw new UserError(
              `error: ${opts.out} looks like a YAML file; JSON Resume export writes JSON (e.g. -o resume.json)`,
            );
          await writeNewFile(opts.out, json, opts.force ?? false, [{ path: source, role: 'the source' }], io.cwd);
        } else io.stdout.write(json);
        for (const n of notes) io.stderr.write(`note: ${n}\n`);
        if (opts.out) io.stderr.write(`wrote ${opts.out}\n`);
      },
    );
}
