import { type Command, InvalidArgumentError, Option } from 'commander';
import { type PaperName, THEME_NAMES, type ThemeName } from '../../model/design.js';
import type { BuildOptions, BuildResult } from '../../pipeline/build.js';
import { DEFAULT_FORMATS, FORMATS, type Format } from '../../pipeline/formats.js';
import { printable, UsageError, UserError } from '../../source/diagnostics.js';
import { outputBaseName } from '../../tailor/output-name.js';
import { epochDate, type Io } from '../io.js';
import { formatBytes, printableLines, printDiagnostics, printFailure } from '../report.js';
import { letYoungGenerationGrow } from '../young-generation.js';
import { maxSizeOption } from './max-size.js';

/** Other names people use for a format. */
const FORMAT_ALIASES: Record<string, Format> = { markdown: 'md', text: 'txt', word: 'docx' };

/** `-f pdf,html` → ['pdf', 'html']; `markdown` is accepted for `md`, `text` for `txt`, `word` for `docx`. */
export function parseFormats(value: string): Format[] {
  const list = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((s) => FORMAT_ALIASES[s] ?? s);
  for (const f of list) {
    if (!(FORMATS as readonly string[]).includes(f))
      throw new InvalidArgumentError(`unknown format "${f}"; choose from ${FORMATS.join(', ')}`);
  }
  if (!list.length) throw new InvalidArgumentError(`give at least one of ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

/** `--paper a4|letter|a5|legal` (any case) → the name as folio.design.paper spells it. */
export function parsePaper(value: string): PaperName {
  const v = value.trim().toLowerCase();
  if (v === 'a4') return 'A4';
  if (v === 'a5') return 'A5';
  if (v === 'letter' || v === 'us-letter') return 'letter';
  if (v === 'legal' || v === 'us-legal') return 'legal';
  throw new InvalidArgumentError('choose A4, letter, A5 or legal');
}

/** `--name`: the pattern rules (no folders, no "..", only {name}) are checked as the flag is read, a usage mistake. */
export function parseNamePattern(value: string): string {
  try {
    outputBaseName(value, 'Name', 'resume');
  } catch (err) {
    if (err instanceof UserError) throw new InvalidArgumentError(err.message.replace(/^error: /, ''));
    throw err;
  }
  return value;
}

/** `--dpi <n>`: a whole number of dots per inch that gives a readable, bounded image. */
export function parseDpi(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 36 || n > 600)
    throw new InvalidArgumentError('expected a whole number of dots per inch from 36 to 600');
  return n;
}

/** `--theme <name>`: one of the themes `folio themes` lists. */
export function parseTheme(value: string): ThemeName {
  const v = value.trim().toLowerCase();
  if ((THEME_NAMES as string[]).includes(v)) return v as ThemeName;
  throw new InvalidArgumentError(`choose one of ${THEME_NAMES.join(', ')} (folio themes describes them)`);
}

/** A whole number ≥ 1 of `unit` (pages, worker threads). */
function positive(unit: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
      throw new InvalidArgumentError(`give a whole number of ${unit}, 1 or more`);
    return Number(value);
  };
}

/** A page count ≥ 1. */
export const parsePositive = positive('pages');
/** A number of worker threads ≥ 1. */
export const parseJobs = positive('worker threads');

interface BuildFlags {
  out: string;
  format?: Format[];
  strict?: boolean;
  templates?: string;
  watch?: boolean;
  variant?: string;
  allVariants?: boolean;
  fit?: boolean;
  paper?: PaperName;
  theme?: ThemeName;
  dpi?: number;
  name?: string;
  maxPages?: number;
  jobs?: number;
  maxSize?: number;
  dumpModel?: boolean;
}

export function registerBuild(program: Command, io: Io): void {
  program
    .command('build')
    .description(
      'validate a résumé and write the PDF, HTML page and Markdown (or the formats -f or folio.formats name)',
    )
    .argument('[sources...]', 'the résumé YAML (or JSON Resume .json); several files or a folder build them all', [
      'resume.yaml',
    ])
    .option('-o, --out <dir>', 'output directory, created if missing', 'out')
    .option(
      '-f, --format <list>',
      `comma-separated formats: ${FORMATS.join(', ')} (default: folio.formats, else ${DEFAULT_FORMATS.join(',')})`,
      parseFormats,
    )
    .option('--strict', 'treat warnings (unknown keys, future dates) as errors')
    .option(
      '--templates <dir>',
      "your templates, laid out like folio's templates/ (html/, markdown/): " +
        'each file replaces the built-in one of the same name',
    )
    .option('-w, --watch', 'build, then rebuild on every save of the source (and of --templates) until Ctrl-C')
    .option('--variant <name>', 'build one variant from the variants: block, into <out>/<name>/')
    .addOption(
      new Option('--all-variants', 'build every variant, each into <out>/<name>/').conflicts(['variant', 'watch']),
    )
    .option('--fit', "tighten a variant's PDF to its maxPages: spacing, then line height, then font size")
    .option(
      '--theme <name>',
      `the look: ${THEME_NAMES.join(', ')} (default: folio.design.theme, else default)`,
      parseTheme,
    )
    .option(
      '--dpi <n>',
      'resolution of page images (-f png: <name>-1.png, <name>-2.png …), 36 to 600 (default: 150)',
      parseDpi,
    )
    .option(
      '--paper <size>',
      'PDF and Word paper size: A4, letter, A5 or legal (default: folio.design.paper, else A4)',
      parsePaper,
    )
    .option(
      '--name <pattern>',
      'base name of every output file, e.g. "{name}-Resume" ({name}: your name in ASCII; ' +
        'default: folio.output, else the source name)',
      parseNamePattern,
    )
    .option(
      '--max-pages <n>',
      'fail, writing nothing, when the PDF would have more pages (default: folio.maxPages)',
      parsePositive,
    )
    .option(
      '-j, --jobs <n>',
      'with several sources: worker threads to build them on (default: one per core, as many as free memory holds)',
      parseJobs,
    )
    .addOption(maxSizeOption())
    .addOption(
      new Option(
        '--dump-model',
        'print the data the HTML and Markdown templates receive, as JSON, instead of building (docs/templates.md)',
      ).conflicts(['watch', 'allVariants']),
    )
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
  $ folio build -f txt                plain text for application forms: out/resume.txt
  $ folio build -f docx               a Word file for portals that ask for one: out/resume.docx
  $ folio build resume.json --strict  a JSON Resume file, warnings as errors
  $ folio build --paper letter        US Letter instead of A4
  $ folio build --theme classic       the serif look (folio themes lists them all)
  $ folio build -f png --dpi 100      page images: out/resume-1.png, out/resume-2.png
  $ folio build --name "{name}-Resume" out/Your-Name-Resume.pdf (and .html, .md)
  $ folio build --max-pages 2         fail if the PDF runs past two pages
  $ folio build --watch               rebuild on every save; errors keep the last good files
  $ folio build --templates mytheme   use mytheme/html/style.css, mytheme/html/partials/hero.hbs…
                                      in place of the built-in files of the same name
  $ folio build --variant backend     out/backend/, tailored by variants.backend
  $ folio build --all-variants --fit  every variant, each fitted to its maxPages
  $ folio build people/ -o out        every .yaml/.yml/.json in people/, on all cores
  $ folio build big.yaml --max-size 4MiB  read a file over the 2 MiB limit
  $ folio build --dump-model > model.json  the fields your --templates may use`,
    )
    .action(async (args: string[], opts: BuildFlags) => {
      const t0 = performance.now();
      const { expandSources } = await import('../../pipeline/batch.js');
      const sources = await expandSources(args, io.cwd);
      if (sources.length > 1 || args.length > 1) {
        if (opts.watch || opts.variant || opts.allVariants || opts.name || opts.dumpModel) {
          throw new UsageError(
            'error: --watch, --variant, --all-variants, --name and --dump-model take one source; ' +
              'several sources build with their own names',
          );
        }
        return buildBatch(sources, opts, t0, io);
      }
      const source = sources[0] ?? 'resume.yaml';
      if (opts.fit && !opts.variant && !opts.allVariants)
        throw new UsageError('error: --fit fits a variant to its maxPages: add --variant <name> or --all-variants');
      const buildOpts: BuildOptions = {
        source,
        cwd: io.cwd,
        date: epochDate(io.env),
        outDir: opts.out,
        formats: opts.format,
        strict: opts.strict,
        templatesDir: opts.templates,
        variant: opts.variant,
        fit: opts.fit,
        paper: opts.paper,
        theme: opts.theme,
        dpi: opts.dpi,
        name: opts.name,
        maxPages: opts.maxPages,
        maxBytes: opts.maxSize,
      };
      if (opts.dumpModel) return dumpModel(buildOpts, io);
      if (opts.allVariants) return buildAll(buildOpts, t0, io);
      // The pipeline loads when a build runs, not with the command table (`folio --help` needs none of it).
      const { build } = await import('../../pipeline/build.js');
      if (opts.watch) {
        // Loaded only when asked for, so a plain build pays nothing for it.
        const { watchBuild } = await import('./build-watch.js');
        return watchBuild(buildOpts, io, (r, ms) => printBuild(r, ms, io));
      }
      printBuild(await build(buildOpts), performance.now() - t0, io);
    });
}

/** The templates' data as JSON on stdout, and nothing else there: warnings go to stderr, as a build's do. */
async function dumpModel(opts: BuildOptions, io: Io): Promise<void> {
  const { prepare } = await import('../../pipeline/build.js');
  const prepared = await prepare(opts);
  const { templateData } = await import('../../pipeline/template-data.js');
  const data = await templateData(prepared, { templatesDir: opts.templatesDir, cwd: opts.cwd });
  printDiagnostics(prepared.warnings, io.stderr);
  io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

/** The build report: warnings, overridden templates, notes, one line per file, the total time. */
export function printBuild(result: BuildResult, totalMs: number, io: Io): void {
  printDiagnostics(result.warnings, io.stderr);
  printFiles(result, io);
  io.stdout.write(
    `built ${result.files.length} file${result.files.length === 1 ? '' : 's'} in ${Math.round(totalMs)} ms\n`,
  );
}

function printFiles(result: BuildResult, io: Io): void {
  for (const f of result.overridden) io.stdout.write(`using your template ${f}\n`);
  for (const n of result.notes) io.stdout.write(`${n}\n`);
  // A file name may hold terminal escapes (a source named "\e]0;…"): shown as visible symbols, never run.
  const shown = result.files.map((f) => printable(f.path));
  const width = Math.max(...shown.map((p) => p.length));
  for (const [i, f] of result.files.entries()) {
    const pages = f.pages === null ? '' : `  ${f.pages} page${f.pages === 1 ? '' : 's'}`;
    const check = f.checkMs ? ` (self-check ${Math.round(f.checkMs)} ms)` : '';
    io.stdout.write(
      `${(shown[i] ?? '').padEnd(width)}  ${formatBytes(f.bytes).padStart(8)}${pages.padEnd(10)}  ` +
        `${Math.round(f.ms)} ms${check}\n`,
    );
  }
}

/**
 * Build every variant in turn from one read of the source; one that fails is reported and the rest still build (exit 1
 * at the end).
 */
async function buildAll(opts: BuildOptions, t0: number, io: Io): Promise<void> {
  const { buildPrepared, loadValidated, prepareFrom } = await import('../../pipeline/build.js');
  const validated = await loadValidated(opts);
  const { resume, warnings } = validated;
  printDiagnostics(warnings, io.stderr);
  const names = Object.keys(resume.variants ?? {});
  if (!names.length)
    throw new UserError(
      `${opts.source}: error: no variants to build: add a variants: block (see "Tailoring" in the README)`,
    );
  const failed: string[] = [];
  let files = 0;
  for (const variant of names) {
    try {
      const result = await buildPrepared(await prepareFrom(validated, { ...opts, variant }), opts);
      printFiles(result, io);
      files += result.files.length;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      failed.push(variant);
      printFailure(err, io.stderr, { count: false });
    }
  }
  io.stdout.write(
    `built ${files} file${files === 1 ? '' : 's'} for ${names.length - failed.length} of ${names.length} variants ` +
      `in ${Math.round(performance.now() - t0)} ms\n`,
  );
  if (failed.length) throw new UserError(`variant${failed.length === 1 ? '' : 's'} not built: ${failed.join(', ')}`);
}

/** Several sources: built on a pool of worker threads, each reported as it finishes; exit 1 if any failed. */
async function buildBatch(sources: string[], opts: BuildFlags, t0: number, io: Io): Promise<void> {
  // Each worker renders résumé after résumé: V8's default growth pays there (V8's flags are the whole process's).
  letYoungGenerationGrow();
  const { buildMany, defaultJobs, outputCollisions, startPool } = await import('../../pipeline/batch.js');
  const jobs = opts.jobs ?? defaultJobs();
  // The workers load while the sources are checked for colliding outputs below.
  const pool = startPool(jobs, sources.length, opts.format);
  const common = {
    cwd: io.cwd,
    date: epochDate(io.env),
    outDir: opts.out,
    formats: opts.format,
    strict: opts.strict,
    templatesDir: opts.templates,
    paper: opts.paper,
    theme: opts.theme,
    dpi: opts.dpi,
    maxPages: opts.maxPages,
    maxBytes: opts.maxSize,
  };
  let files = 0;
  // Two sources whose folio.output names agree would overwrite each other: found before anything is written.
  const collisions = await outputCollisions(sources, common).catch(async (err: unknown) => {
    await Promise.all(pool.map((w) => w.terminate()));
    throw err;
  });
  for (const message of collisions.values()) io.stderr.write(`${printableLines(message)}\n`);
  const outcomes = await buildMany(
    sources.filter((s) => !collisions.has(s)),
    common,
    jobs,
    (o) => {
      if (o.ok) {
        printDiagnostics(o.result.warnings, io.stderr);
        printFiles(o.result, io);
        files += o.result.files.length;
      } else io.stderr.write(`${printableLines(o.message)}\n`);
    },
    pool,
  );
  const failed = [...collisions.keys(), ...outcomes.filter((o) => !o.ok).map((o) => o.source)];
  const s = (performance.now() - t0) / 1000;
  io.stdout.write(
    `built ${files} file${files === 1 ? '' : 's'} for ${sources.length - failed.length} of ${sources.length} résumés ` +
      `in ${s.toFixed(2)} s (${((sources.length - failed.length) / s).toFixed(1)} résumés/s, ` +
      `${Math.min(jobs, sources.length)} worker${jobs === 1 ? '' : 's'})\n`,
  );
  if (failed.length) throw new UserError(`not built: ${failed.join(', ')}`);
}
