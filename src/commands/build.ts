import { join } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { build, type BuildResult, DEFAULT_FORMATS, FORMATS, type Format } from '../build.js';
import { formatBytes, printDiagnostics } from '../report.js';

/** `-f pdf,html` → ['pdf', 'html']; `markdown` is accepted for `md`, `text` for `txt`. */
export function parseFormats(value: string): Format[] {
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean).map((s) => (s === 'markdown' ? 'md' : s === 'text' ? 'txt' : s));
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
    .option('-f, --format <list>', `comma-separated formats: ${FORMATS.join(', ')}`, parseFormats, [...DEFAULT_FORMATS])
    .option('--strict', 'treat warnings (unknown keys, future dates) as errors')
.option('--templates <dir>', 'your templates, laid out like folio\'s templates/ (html/, markdown/): each file replaces the built-in one of the same name')
    .option('-w, --watch', 'build, then rebuild on every save of the source (and of --templates) until Ctrl-C')
    .addHelpText(
      'after',
      `
Outputs are named after the source: cv.yaml → out/cv.pdf, out/cv.html, out/cv.md.
Nothing is written unless every format renders.

Examples:
  $ folio build                       build resume.yaml into out/
  $ folio build cv.yaml -o dist       build cv.yaml into dist/
  $ folio build -f html,md            skip the PDF (fast)
  $ folio build -f txt                plain text for application forms: out/resume.txt
  $ folio build resume.json --strict  a JSON Resume file, warnings as errors
  $ folio build --watch               rebuild on every save; errors keep the last good files
  $ folio build --templates mytheme   use mytheme/html/style.css, mytheme/html/partials/hero.hbs…
                                      in place of the built-in files of the same name`,
    )
    .action(async (source: string, opts: { out: string; format: Format[]; strict?: boolean; templates?: string; watch?: boolean }) => {
      const buildOpts = { source, outDir: opts.out, formats: opts.format, strict: opts.strict, templatesDir: opts.templates };
      if (opts.watch) {
        // Loaded only when asked for, so a plain build pays nothing for it.
        const { watchBuild } = await import('./build-watch.js');
        return watchBuild(buildOpts, printBuild);
      }
      const t0 = performance.now();
      printBuild(await build(buildOpts), performance.now() - t0);
    });
}

/** The build report: warnings, overridden templates, one line per file, the total time. */
export function printBuild(result: BuildResult, totalMs: number): void {
  printDiagnostics(result.warnings);
  for (const f of result.overridden) process.stdout.write(`using your template ${f}\n`);
  const width = Math.max(...result.files.map((f) => f.path.length));
  for (const f of result.files) {
    const pages = f.pages === null ? '' : `  ${f.pages} page${f.pages === 1 ? '' : 's'}`;
    process.stdout.write(`${f.path.padEnd(width)}  ${formatBytes(f.bytes).padStart(8)}${pages.padEnd(10)}  ${Math.round(f.ms)} ms\n`);
  }
  process.stdout.write(`built ${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${Math.round(totalMs)} ms\n`);
}
