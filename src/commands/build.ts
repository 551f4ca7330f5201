import { type Command, InvalidArgumentError } from 'commander';
import { build, FORMATS, type Format } from '../build.js';
import { formatBytes, printDiagnostics } from '../report.js';

/** `-f pdf,html` → ['pdf', 'html']; `markdown` is accepted for `md`. */
export function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).map((s) => (s === 'markdown' ? 'md' : s));
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`unknown format "${f}"; choose from ${FORMATS.join(', ')}`);
  }
  if (!list.length) throw new InvalidArgumentError(`give at least one of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

/** `--paper a4|letter` (any case) → 'A4' | 'letter'. */
export function parsePaper(value: string): 'A4' | 'letter' {
  const v = value.trim().toLowerCase();
  if (v === 'a4') return 'A4';
  if (v === 'letter' || v === 'us-letter') return 'letter';
  throw new InvalidArgumentError('choose A4 or letter');
}

/** A whole number ≥ 1. */
export function parsePositive(value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) throw new InvalidArgumentError('give a whole number of pages, 1 or more');
  return Number(value);
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('validate a résumé and write the PDF, HTML page and Markdown')
    .argument('[source]', 'the résumé YAML (or JSON Resume .json)', 'resume.yaml')
    .option('-o, --out <dir>', 'output directory, created if missing', 'out')
    .option('-f, --format <list>', `comma-separated formats: ${FORMATS.join(', ')}`, parseFormats, [...FORMATS])
    .option('--strict', 'treat warnings (unknown keys, future dates) as errors')
    .option('--paper <size>', 'PDF paper size: A4 or letter (default: folio.paper, else A4)', parsePaper)
    .option('--name <pattern>', 'base name of every output file, e.g. "{name}-Resume" ({name}: your name in ASCII; default: folio.output, else the source name)')
    .option('--max-pages <n>', 'fail, writing nothing, when the PDF would have more pages (default: folio.maxPages)', parsePositive)
    .addHelpText(
      'after',
      `
Outputs are named after the source: cv.yaml → out/cv.pdf, out/cv.html, out/cv.md,
or after --name: "{name}-Resume" → out/Zoe-Lukasiewicz-Resume.pdf, .html and .md.
Nothing is written unless every format renders. After rendering the PDF, folio
reads its text back (as an applicant-tracking system would) and warns about
any string it cannot find in order; run "folio check" for the full report.

Examples:
  $ folio build                       build resume.yaml into out/
  $ folio build cv.yaml -o dist       build cv.yaml into dist/
  $ folio build -f html,md            skip the PDF (fast)
  $ folio build resume.json --strict  a JSON Resume file, warnings as errors
  $ folio build --paper letter        US Letter instead of A4
  $ folio build --name "{name}-Resume" out/Your-Name-Resume.pdf (and .html, .md)
  $ folio build --max-pages 2         fail if the PDF runs past two pages`,
    )
    .action(async (source: string, opts: { out: string; format: Format[]; strict?: boolean; paper?: 'A4' | 'letter'; name?: string; maxPages?: number }) => {
      const t0 = performance.now();
      const result = await build({
        source, outDir: opts.out, formats: opts.format, strict: opts.strict, paper: opts.paper, name: opts.name, maxPages: opts.maxPages,
      });
      printDiagnostics(result.warnings);
      for (const f of result.overridden) process.stdout.write(`using your template ${f}\n`);
      const width = Math.max(...result.files.map((f) => f.path.length));
      for (const f of result.files) {
        const pages = f.pages === null ? '' : `  ${f.pages} page${f.pages === 1 ? '' : 's'}`;
        const check = f.checkMs ? ` (self-check ${Math.round(f.checkMs)} ms)` : '';
        process.stdout.write(`${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(8)}${pages.padEnd(10)}  ${Math.round(f.ms)} ms${check}\n`);
      }
      process.stdout.write(`built ${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${Math.round(performance.now() - t0)} ms\n`);
    });
}
