import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
// Types only at the top: the checker (fontkit, PDF.js) loads when `folio check` runs, not with every command.
import type { PdfFacts } from '../../check/extract.js';
import type { SourceCheck } from '../../check/summary.js';
import { UsageError, UserError } from '../../source/diagnostics.js';
import type { LoadedSource } from '../../source/load.js';
import { PDF_KIND, readInput } from '../../source/read-input.js';
import { type Io, pathIn } from '../io.js';
import { checkDocx } from './check-docx.js';
import { sourceRows } from './check-text.js';
import { maxSizeOption } from './max-size.js';
import { loadAsVariant, VARIANT_FLAGS, VARIANT_HELP } from './variant-source.js';

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
    .description('read a PDF or Word file back as an applicant-tracking system would and report what it finds')
    .argument('<file>', 'a PDF or .docx made by folio build')
    .option('-s, --source <file>', 'the résumé it was built from: every string it should show is looked for, in order')
    .option(VARIANT_FLAGS, `with --source: the PDF is this variant's (out/<name>/…); ${VARIANT_HELP}`)
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Reports pages, fonts (embedded or not), links, metadata and, with --source,
the share of the strings the PDF is designed to show that its extracted text
(PDF.js, as many ATS use) holds in the right order, listing each missing or
out-of-order string with its line in the source. A .docx is read from its XML
(no Word needed): its structure (title, headings, list items, tables, text
boxes), links, properties and text, checked against the source's strings.
Exit code 0 when everything is found, 1 otherwise.

Examples:
  $ folio check out/resume.pdf --source resume.yaml
  $ folio check out/resume.docx --source resume.yaml
  $ folio check out/backend/resume.pdf --source resume.yaml --variant backend
  $ folio check out/cv.pdf           facts only: pages, fonts, links, metadata`,
    )
    .action(async (pdfPath: string, opts: { source?: string; variant?: string; maxSize?: number }) => {
      if (opts.variant && !opts.source)
        throw new UsageError(
          'error: --variant says which variant of the --source résumé the PDF shows: add --source <file>',
        );
      const bytes = await readInput(pathIn(io, pdfPath), pdfPath, PDF_KIND);
      const { isZip } = await import('../../check/docx-read.js');
      if (isZip(bytes)) return checkDocx(pdfPath, bytes, opts, io);
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
        throw new UserError(`${pdfPath}: error: neither a PDF nor a Word (.docx) file`);
      let facts: PdfFacts;
      try {
        const { inspectPdf } = await import('../../check/extract.js');
        facts = await inspectPdf(bytes);
      } catch (err) {
        throw new UserError(
          `${pdfPath}: error: cannot read this PDF (${err instanceof Error ? err.message : String(err)})`,
        );
      }
      let checked: { src: LoadedSource; result: SourceCheck } | null = null;
      if (opts.source) {
        const { src, resume } = await loadAsVariant(opts.source, opts.variant, io, opts.maxSize);
        const { checkSource } = await import('../../check/source-check.js');
        checked = { src, result: checkSource(resume, facts.pages) };
      }
      io.stdout.write(report(pdfPath, facts, checked?.result ?? null, checked?.src ?? null));
      const problems = problemsOf(facts, checked?.result ?? null);
      const parts = [
        problems.missing && `${problems.missing} missing`,
        problems.outOfOrder && `${problems.outOfOrder} out of order`,
        problems.unembedded && `${problems.unembedded} font${problems.unembedded === 1 ? '' : 's'} not embedded`,
        problems.noText && 'no extractable text',
      ].filter(Boolean);
      if (parts.length)
        throw new UserError(
          `${pdfPath}: check failed: ${parts.join(', ')}${variantHint(pdfPath, opts, checked?.src.data)}`,
        );
    });
}

/** A PDF in out/<variant>/ checked against the whole résumé: say which flag would check it as built. */
function variantHint(pdfPath: string, opts: { variant?: string }, data: unknown): string {
  if (opts.variant || !data || typeof data !== 'object') return '';
  const folder = basename(dirname(resolve(pdfPath)));
  const variants = (data as { variants?: Record<string, unknown> }).variants ?? {};
  return folder in variants
    ? `; this PDF is in ${folder}/, a variant's folder: add --variant ${folder} to check it against that variant`
    : '';
}

/** Count what fails the check: strings the source holds and the PDF does not show count as missing. */
export function problemsOf(facts: PdfFacts, check: SourceCheck | null): CheckProblems {
  return {
    missing: (check?.match.missing.length ?? 0) + (check?.dropped.length ?? 0),
    outOfOrder: check?.match.outOfOrder.length ?? 0,
    unembedded: facts.fonts.filter((f) => !f.embedded).length,
    noText: facts.pages.join('').trim() === '',
  };
}

/** The human-readable report, one fact per line. */
export function report(pdfPath: string, facts: PdfFacts, check: SourceCheck | null, src: LoadedSource | null): string {
  const lines: string[] = [pdfPath];
  const row = (k: string, v: string) => lines.push(`  ${k.padEnd(10)}${v}`);
  row('pages', String(facts.pages.length));
  const unembedded = facts.fonts.filter((f) => !f.embedded);
  const names = facts.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).join(', ');
  row(
    'fonts',
    `${facts.fonts.length}, ` +
      `${unembedded.length ? `NOT EMBEDDED: ${unembedded.map((f) => f.name).join(', ')}` : 'all embedded'}` +
      `${names ? ` (${names})` : ''}`,
  );
  row('links', `${facts.links.length}${facts.links.length ? `: ${facts.links.join('  ')}` : ''}`);
  for (const key of ['Title', 'Author', 'Subject', 'Keywords', 'Creator'])
    row(key.toLowerCase(), facts.info[key] ?? '(none)');
  row('language', facts.language ?? '(none)');
  sourceRows(row, facts.pages.join(' '), check, src);
  return `${lines.join('\n')}\n`;
}
