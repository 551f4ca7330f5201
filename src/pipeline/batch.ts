import { readdir, stat } from 'node:fs/promises';
import { availableParallelism, freemem } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { formatDiagnostic, UserError } from '../source/diagnostics.js';
import { isSystemError, systemUserError } from '../source/errno.js';
import { DEFAULT_LIMITS } from '../source/limits.js';
import { loadFile } from '../source/load.js';
import { outputBaseName } from '../tailor/output-name.js';
import { validate } from '../validate/validate.js';
import { type BuildOptions, type BuildResult, baseName, build } from './build.js';

/** The file kinds a directory of résumés may hold. */
const SOURCE_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** One source's outcome: its build, or the message a failed build prints. */
export type BatchOutcome =
  | { source: string; ok: true; result: BuildResult }
  | { source: string; ok: false; message: string };

/**
 * Sources as given, with each directory replaced by the résumé files in it (sorted), duplicates of an output name
 * refused.
 */
export async function expandSources(args: readonly string[], cwd?: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    const s = await stat(resolve(cwd ?? '', arg)).catch(() => null);
    if (s?.isDirectory()) {
      const names = (await readdir(resolve(cwd ?? '', arg)))
        .filter((n) => SOURCE_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('.'))
        .sort();
      if (!names.length) throw new UserError(`${arg}: error: no .yaml, .yml or .json files in this folder`);
      out.push(...names.map((n) => join(arg, n)));
    } else out.push(arg);
  }
  // Two sources with one base name (cv.yaml, cv.json) would overwrite each other's outputs.
  const seen = new Map<string, string>();
  for (const s of out) {
    const b = baseName(s);
    const other = seen.get(b);
    if (other)
      throw new UserError(
        `error: ${other} and ${s} would both write ${b}.*; rename one, or build them into different --out folders`,
      );
    seen.set(b, s);
  }
  return out;
}

/**
 * Build many résumés: on `jobs` worker threads, each with its own warm fonts,
 * templates and validator. With one job, everything runs in this thread.
 * A failing source does not stop the others. `pool` (from startPool) lets the
 * workers load while the caller does other work first.
 */
export async function buildMany(
  sources: readonly string[],
  opts: Omit<BuildOptions, 'source'>,
  jobs: number,
  onDone: (o: BatchOutcome) => void,
  pool: Worker[] = startPool(jobs, sources.length, opts.formats),
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  const finish = (o: BatchOutcome) => {
    outcomes.push(o);
    onDone(o);
  };
  if (!pool.length) {
    for (const source of sources) finish(await buildOne({ ...opts, source }));
    return outcomes;
  }
  const queue = [...sources];
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const source = queue.shift();
        if (source === undefined) return resolve();
        worker.postMessage({ ...opts, source } satisfies BuildOptions);
      };
      worker.on('message', (o: BatchOutcome) => {
        finish(o);
        next();
      });
      worker.on('error', reject);
      next();
    });
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return outcomes;
}

/**
 * The worker threads for a batch, started now: each loads folio (and, when PDFs are wanted, the PDF renderer and its
 * fonts) while the caller checks the sources, so the first résumé does not wait for it. None for one job or one source.
 */
export function startPool(jobs: number, sources: number, formats?: readonly string[]): Worker[] {
  if (jobs <= 1 || sources <= 1) return [];
  const warmPdf = !formats || formats.includes('pdf') || formats.includes('png');
  const url = new URL('./batch-worker.js', import.meta.url);
  return Array.from({ length: Math.min(jobs, sources) }, () => new Worker(url, { workerData: { warmPdf } }));
}

/** Build one source; a user error becomes its printed message, a bug still throws. */
export async function buildOne(opts: BuildOptions): Promise<BatchOutcome> {
  try {
    return { source: opts.source, ok: true, result: await build(opts) };
  } catch (caught) {
    // A full disk or a name the file system refuses is this source's problem, not the batch's.
    const err = isSystemError(caught) ? systemUserError(caught) : caught;
    if (!(err instanceof UserError)) throw err;
    const message = err.diagnostics.length ? err.diagnostics.map(formatDiagnostic).join('\n') : err.message;
    return { source: opts.source, ok: false, message };
  }
}

/** What one worker thread holds at its peak, measured (`npm run bench`: −j 2 peaks ~120 MB above −j 1), with room. */
const WORKER_MB = 160;

/**
 * Worker threads to use by default: one per core, as many as free memory holds at WORKER_MB each (at least one).
 * More threads than cores only add memory and switching: the work is all CPU.
 */
export function defaultJobs(cores = availableParallelism(), freeBytes = freemem()): number {
  return Math.max(1, Math.min(cores, Math.floor(freeBytes / (WORKER_MB * 1024 * 1024))));
}

/**
 * Sources that would write the same output files (folio.output names them alike, e.g. both
 * "{name}-Resume" with one owner), each with the message that says so. Each source is read
 * and validated once more for this; one that fails here is left to its build to report.
 */
export async function outputCollisions(
  sources: readonly string[],
  opts: Omit<BuildOptions, 'source'>,
): Promise<Map<string, string>> {
  const byOutput = new Map<string, string[]>();
  for (const source of sources) {
    let name: string;
    try {
      const { resume } = validate(
        await loadFile(resolve(opts.cwd ?? '', source), source, {
          ...DEFAULT_LIMITS,
          maxBytes: opts.maxBytes ?? DEFAULT_LIMITS.maxBytes,
        }),
        { strict: opts.strict },
      );
      name = outputBaseName(resume.folio?.output, resume.basics?.name, baseName(source));
    } catch (err) {
      if (err instanceof UserError) continue;
      throw err;
    }
    const key = join(opts.outDir, name);
    byOutput.set(key, [...(byOutput.get(key) ?? []), source]);
  }
  const out = new Map<string, string>();
  for (const [key, list] of byOutput) {
    if (list.length < 2) continue;
    for (const source of list) {
      const others = list.filter((s) => s !== source).join(', ');
      out.set(
        source,
        `error: ${source} and ${others} would ${list.length === 2 ? 'both' : 'all'} write ${key}.*; ` +
          `nothing was built for them. Give each its own folio.output, or build them into different --out folders`,
      );
    }
  }
  return out;
}
