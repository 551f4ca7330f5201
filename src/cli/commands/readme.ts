import { type Command, InvalidArgumentError } from 'commander';
import { refuseOverwritingInputs } from '../../output/input-guard.js';
import { END_MARKER, headingLevelAbove, START_MARKER, spliceReadme } from '../../output/readme-markers.js';
import { replaceFile } from '../../output/write.js';
import { wrap } from '../../render/text-wrap.js';
import { UserError } from '../../source/diagnostics.js';
import { README_KIND, readInput } from '../../source/read-input.js';
import { HEADER_ID, sectionIds } from '../../validate/schema.js';
import { suggestKey } from '../../validate/suggest.js';
import { type Io, pathIn } from '../io.js';
import { printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';
import { VARIANT_FLAGS, VARIANT_HELP } from './variant-source.js';

/** Ids `--sections` accepts: `basics` (the header) and every section id, in display order. */
export function readmeSectionIds(): string[] {
  return [HEADER_ID, ...sectionIds()];
}

/** `--heading-level 2`: 1 to 5, so sections (one below) and entries (two below) stay real headings. */
export function parseHeadingLevel(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 5)
    throw new InvalidArgumentError('give a heading level from 1 (# Name) to 5');
  return n;
}

/** `--sections projects,skills` → ['projects', 'skills']; an unknown id is a usage error naming the known ones. */
export function parseSections(value: string): string[] {
  const known = readmeSectionIds();
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!list.length) throw new InvalidArgumentError(`give at least one section id: ${known.join(', ')}`);
  for (const id of list) {
    if (known.includes(id)) continue;
    const hint = suggestKey(id, known);
    throw new InvalidArgumentError(
      `unknown section "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}; section ids are ${known.join(', ')}`,
    );
  }
  return [...new Set(list)];
}

interface ReadmeFlags {
  source: string;
  check?: boolean;
  sections?: string[];
  variant?: string;
  headingLevel?: number;
  maxSize?: number;
}

/** `folio readme <file>`: render the Markdown and splice it between the README's folio markers. */
export function registerReadme(program: Command, io: Io): void {
  program
    .command('readme')
    .description(`write the résumé as Markdown between ${START_MARKER} and ${END_MARKER} in a README`)
    .argument('<file>', 'the README to update, e.g. README.md of your <user>/<user> GitHub repository')
    .option('-s, --source <file>', 'the résumé YAML (or JSON Resume .json)', 'resume.yaml')
    .option('--check', 'exit 1 if the README is out of date, without writing it (for CI)')
    .option(VARIANT_FLAGS, VARIANT_HELP)
    .option(
      '--heading-level <n>',
      "level of the block's top heading (your name), 1 to 5; sections one below " +
        '(default: one below the nearest heading above the start marker, or 2)',
      parseHeadingLevel,
    )
    .option(
      '--sections <ids>',
      'comma-separated ids of what to include: basics (the header) and section ids, e.g. projects,skills',
      parseSections,
    )
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      () => `
Only the lines between the two markers are replaced; every byte outside them stays
as it was. Put them, each on a line of its own, where the résumé should go:

  ${START_MARKER}
  ${END_MARKER}

Sections keep the résumé's order (folio.order). Ids for --sections:
${wrap(readmeSectionIds().join(', '), 78, '  ').join('\n')}

Examples:
  $ folio readme README.md                      the whole résumé
  $ folio readme README.md --sections projects,skills,callToAction
                                                a shorter profile
  $ folio readme README.md --check              in CI: exit 1 when it is stale
  $ folio readme README.md --source cv.yaml     from another source file
  $ folio readme README.md --variant backend    as the backend variant shows it
  $ folio readme README.md --heading-level 3    ### Name, #### sections`,
    )
    .action(async (file: string, flags: ReadmeFlags) => {
      await refuseOverwritingInputs(
        [file],
        [{ path: flags.source, role: 'the source' }],
        'Name the README to update, and the résumé with --source.',
        io.cwd,
      );
      // 1. render the Markdown (load, validate, normalise, render: the build's first steps)
      const { prepare } = await import('../../pipeline/build.js');
      const { model, warnings } = await prepare({
        source: flags.source,
        cwd: io.cwd,
        maxBytes: flags.maxSize,
        variant: flags.variant,
      });
      printDiagnostics(warnings, io.stderr);
      if (flags.sections) {
        const present = new Set<string>([
          ...(model.header.name ? [HEADER_ID] : []),
          ...model.sections.map((s) => s.id),
        ]);
        for (const id of flags.sections.filter((s) => !present.has(s))) {
          io.stderr.write(`${flags.source}: warning: --sections: "${id}" has nothing to show\n`);
        }
      }
      // 2. read the README as it is on disk
      let before: Buffer;
      try {
        before = await readInput(pathIn(io, file), file, README_KIND);
      } catch (err) {
        // Only a README that is not there is told how to start one.
        if (err instanceof UserError && err.message === `${file}: error: no such file`) {
          throw new UserError(
            `${err.message}. Create it with the two marker lines where the résumé should go:\n\n` +
              `${START_MARKER}\n${END_MARKER}`,
          );
        }
        throw err;
      }
      // The block sits under the README's own headings: one level below the nearest one above the marker.
      const above = flags.headingLevel === undefined ? headingLevelAbove(before, file) : 0;
      const headingLevel = flags.headingLevel ?? (above ? Math.min(5, above + 1) : 2);
      // Imported here so other commands never load Handlebars at start-up.
      const { renderMarkdown } = await import('../../render/markdown.js');
      const { markdown } = renderMarkdown(model, { sections: flags.sections, headingLevel });
      // 3. splice it between the markers
      const { data, changed } = spliceReadme(before, markdown, file);
      // 4. report, or write
      if (!changed) {
        io.stdout.write(`${file}: already up to date\n`);
        return;
      }
      if (flags.check) {
        throw new UserError(`${file}: out of date with ${flags.source}; run: ${rerun(file, flags)}`);
      }
      await replaceFile(file, data, io.cwd);
      io.stdout.write(`${file}: updated from ${flags.source}\n`);
    });
}

/** The command that brings the README up to date, for --check's message. */
function rerun(file: string, flags: ReadmeFlags): string {
  const q = (s: string) => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  const parts = ['folio readme', q(file)];
  if (flags.source !== 'resume.yaml') parts.push('--source', q(flags.source));
  if (flags.sections) parts.push('--sections', flags.sections.join(','));
  if (flags.variant) parts.push('--variant', q(flags.variant));
  if (flags.headingLevel) parts.push('--heading-level', String(flags.headingLevel));
  return parts.join(' ');
}
