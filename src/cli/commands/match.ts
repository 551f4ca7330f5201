import type { Command } from 'commander';
import { JOB_KIND, readInput } from '../../source/read-input.js';
import { type Io, pathIn } from '../io.js';
import { printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';

export function registerMatch(program: Command, io: Io): void {
  program
    .command('match')
    .description('compare a job description with your résumé or one variant, offline')
    .argument('<job>', 'the job description, as a plain text file')
    .option('--variant <name>', 'match this variant instead of the whole résumé')
    .option('-s, --source <file>', 'the résumé YAML', 'resume.yaml')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Lists the technical terms of the job description (languages, tools, practices)
that the résumé shows, citing your words at FILE:LINE:COL for each; with
--variant, the terms that are in your source but cut by that variant, and why;
and the terms you do not mention at all. A phrase counts only as that phrase
(in any inflection), never as one of its words. Strong terms (required, or mentioned more than once) come first.
Nothing is sent anywhere and nothing is written or added to the résumé.

Examples:
  $ folio match job.txt
  $ folio match job.txt --variant backend
  $ folio match job.txt --variant ml-platform -s cv.yaml`,
    )
    .action(async (job: string, opts: { variant?: string; source: string; maxSize?: number }) => {
      const [{ formatMatch, matchJob }, { loadValidated }, { findVariant }] = await Promise.all([
        import('../../check/job-ad/match.js'),
        import('../../pipeline/build.js'),
        import('../../tailor/variants.js'),
      ]);
      const text = (await readInput(pathIn(io, job), job, JOB_KIND)).toString('utf8');
      const { src, resume, warnings } = await loadValidated({
        source: opts.source,
        cwd: io.cwd,
        maxBytes: opts.maxSize,
      });
      printDiagnostics(warnings, io.stderr);
      if (opts.variant) findVariant(resume, opts.variant);
      io.stdout.write(formatMatch(matchJob(text, src, resume, opts.variant ?? null), job));
    });
}
