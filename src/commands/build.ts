import { type Command, InvalidArgumentError } from 'commander';
import { build, FORMATS, type Format } from '../build.js';
import { formatBytes, printDiagnostics } from '../report.js';
import { maxSizeOption } from './max-size.js';

/** `-f pdf,html` → ['pdf', 'html']; `markdown` is accepted for `md`. */
export function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).map((s) => (s === 'markdown' ? 'md' : s));
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new InvalidArgumentError(`unknown format "${f}"; choose from ${FORMATS.join(', ')}`);
  }
  if (!list.length) throw new InvalidArgumentError(`give at least one of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('validate a résumé and write the PDF, HTML page and Markdown')
    .argument('[source]', 'the résumé YAML (or JSON Resume .json)', 'resume.yaml')
    .option('-o, --out <dir>', 'output directory, created if missing', 'out')
    .option('-f, --format <list>', `comma-separated formats: ${FORMATS.join(', ')}`, parseFormats, [...FORMATS])
    .option('--strict', 'treat warnings (unknown keys, future dates) as errors')
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Outputs are named after the source: cv.yaml → out/cv.pdf, out/cv.html, out/cv.md.
Nothing is written unless every format renders.

Examples:
  $ folio build                       build resume.yaml into out/
  $ folio build cv.yaml -o dist       build cv.yaml into dist/
  $ folio build -f html,md            skip the PDF (fast)
  $ folio build resume.json --strict  a JSON Resume file, warnings as errors
  $ folio build big.yaml --max-size 4MiB  read a file over the 2 MiB limit`,
    )
    .action(async (source: string, opts: { out: string; format: Format[]; strict?: boolean; maxSize?: number }) => {
      const t0 = performance.now();
      const result = await build({ source, outDir: opts.out, formats: opts.format, strict: opts.strict, maxBytes: opts.maxSize });
      printDiagnostics(result.warnings);
      for (const f of result.overridden) process.stdout.write(`using your template ${f}\n`);
      const width = Math.max(...result.files.map((f) => f.path.length));
      for (const f of result.files) {
        const pages = f.pages === null ? '' : `  ${f.pages} page${f.pages === 1 ? '' : 's'}`;
        process.stdout.write(`${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(8)}${pages.padEnd(10)}  ${Math.round(f.ms)} ms\n`);
      }
      process.stdout.write(`built ${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${Math.round(performance.now() - t0)} ms\n`);
    });
}
