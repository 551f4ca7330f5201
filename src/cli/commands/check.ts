import type { Command } from 'commander';
// Types only at the top: the checker (fontkit, PDF.js) loads when `folio check` runs, not with every command.
import type { PdfFacts } from '../../check/extract.js';
import type { OrderedMatch } from '../../check/find-in-order.js';
import { UserError } from '../../source/diagnostics.js';
import type { Leaf } from '../../check/leaves.js';
import type { LoadedSource } from '../../source/load.js';
import { PDF_KIND, readInput } from '../../source/read-input.js';
import { loadValidated } from '../../pipeline/build.js';
import { type Io, pathIn } from '../io.js';
import { printDiagnostics } from '../report.js';
import { formatPath } from '../../validate/validate.js';
import { maxSizeOption } from './max-size.js';

/** What a check found wrong; empty when the PDF passes. */
export interface CheckProblems {
  missing: number;
  outOfOrder: number;
  unembedded: number;
  noText: boolean;
}

/** `folio check <pdf> [--source file]`: the ATS self-check report; exit 1 when anything is missing. */
export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('read a PDF back as an applicant-tracking system would and report what it finds')
    .argument('<pdf>', 'a PDF made by folio build')
    .option('-s, --source <file>', 'the résumé it was built from: every string it should show is looked for, in order')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Reports pages, fonts (embedded or not), links, metadata and, with --source,
the share of the strings the PDF is designed to show that its extracted text
(PDF.js, as many ATS use) holds in the right order, listing each missing or
out-of-order string with its line in the source.
Exit code 0 when everything is found, 1 otherwise.

Examples:
  $ folio check out/resume.pdf --source resume.yaml
  $ folio check out/cv.pdf           facts only: pages, fonts, links, metadata`,
    )
    .action(async (pdfPath: string, opts: { source?: string; maxSize?: number }) => {
      const bytes = await readInput(pathIn(io, pdfPath), pdfPath, PDF_KIND);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UserError(`${pdfPath}: error: not a PDF file`);
      let facts: PdfFacts;
      try {
        const { inspectPdf } = await import('../../check/extract.js');
        facts = await inspectPdf(bytes);
      } catch (err) {
        throw new UserError(`${pdfPath}: error: cannot read this PDF (${err instanceof Error ? err.message : String(err)})`);
      }
      let expected: { src: LoadedSource; leaves: Leaf[] } | null = null;
      if (opts.source) {
        const { src, resume, warnings } = await loadValidated({ source: opts.source, cwd: io.cwd, maxBytes: opts.maxSize });
        printDiagnostics(warnings, io.stderr);
        const { pdfLeaves } = await import('../../check/expected.js');
        expected = { src, leaves: pdfLeaves(resume) };
      }
      const { matchInOrder } = await import('../../check/find-in-order.js');
      const match = expected ? matchInOrder(expected.leaves, facts.pages) : null;
      io.stdout.write(report(pdfPath, facts, match, expected?.src ?? null));
      const problems = problemsOf(facts, match);
      const parts = [
        problems.missing && `${problems.missing} missing`,
        problems.outOfOrder && `${problems.outOfOrder} out of order`,
        problems.unembedded && `${problems.unembedded} font${problems.unembedded === 1 ? '' : 's'} not embedded`,
        problems.noText && 'no extractable text',
      ].filter(Boolean);
      if (parts.length) throw new UserError(`${pdfPath}: check failed: ${parts.join(', ')}`);
    });
}

/** Count what fails the check. */
export function problemsOf(facts: PdfFacts, match: OrderedMatch | null): CheckProblems {
  return {
    missing: match?.missing.length ?? 0,
    outOfOrder: match?.outOfOrder.length ?? 0,
    unembedded: facts.fonts.filter((f) => !f.embedded).length,
    noText: facts.pages.join('').trim() === '',
  };
}

/** The human-readable report, one fact per line. */
export function report(pdfPath: string, facts: PdfFacts, match: OrderedMatch | null, src: LoadedSource | null): string {
  const lines: string[] = [pdfPath];
  const row = (k: string, v: string) => lines.push(`  ${k.padEnd(10)}${v}`);
  row('pages', String(facts.pages.length));
  const unembedded = facts.fonts.filter((f) => !f.embedded);
  const names = facts.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).join(', ');
  row('fonts', `${facts.fonts.length}, ${unembedded.length ? `NOT EMBEDDED: ${unembedded.map((f) => f.name).join(', ')}` : 'all embedded'}${names ? ` (${names})` : ''}`);
  row('links', `${facts.links.length}${facts.links.length ? `: ${facts.links.join('  ')}` : ''}`);
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator']) row(key.toLowerCase(), facts.info[key] ?? '(none)');
  row('language', facts.language ?? '(none)');
  if (!match || !src) {
    row('text', `${facts.pages.join(' ').replace(/\s+/g, ' ').trim().length} characters extracted; give --source to check every string`);
  } else {
    const total = match.found.length + match.missing.length + match.outOfOrder.length;
    const pct = total ? Math.floor((match.found.length / total) * 1000) / 10 : 100;
    row('text', `${match.found.length} of ${total} strings from ${src.file} found in order (${pct}%)`);
    const where = (l: Leaf) => `${src.file}:${src.locate(l.path).line}  ${formatPath(l.path)}  "${l.text.length > 70 ? `${l.text.slice(0, 67)}…` : l.text}"`;
    for (const l of match.missing) row('missing', where(l));
    for (const l of match.outOfOrder) row('order', `${where(l)} (found only earlier in the text)`);
  }
  return `${lines.join('\n')}\n`;
}
