import type { Command } from 'commander';
import { loadFile } from '../../source/load.js';
import { JOB_KIND, readInput } from '../../source/read-input.js';
import { formatMatch, matchJob } from '../../check/job-ad/match.js';
import { printDiagnostics } from '../report.js';
import { validate } from '../../validate/validate.js';
import { findVariant } from '../../tailor/variants.js';

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('compare a job description with your résumé or one variant, offline')
    .argument('<job>', 'the job description, as a plain text file')
    .option('--variant <name>', 'match this variant instead of the whole résumé')
    .option('-s, --source <file>', 'the résumé YAML', 'resume.yaml')
    .addHelpText(
      'after',
      `
Lists the technical terms of the job description (languages, tools, practices)
that the résumé shows, with FILE:LINE for each; with --variant, the terms that
are in your source but cut by that variant, and why; and the terms you do not
mention at all. Strong terms (required, or mentioned more than once) come first.
Nothing is sent anywhere and nothing is written or added to the résumé.

Examples:
  $ folio match job.txt
  $ folio match job.txt --variant backend
  $ folio match job.txt --variant ml-platform -s cv.yaml`,
    )
    .action(async (job: string, opts: { variant?: string; source: string }) => {
      const text = (await readInput(job, job, JOB_KIND)).toString('utf8');
      const src = await loadFile(opts.source);
      const { resume, warnings } = validate(src);
      printDiagnostics(warnings);
      if (opts.variant) findVariant(resume, opts.variant);
      process.stdout.write(formatMatch(matchJob(text, src, resume, opts.variant ?? null), job));
    });
}
