import {
  type BuildOptions,
  type BuildResult,
  buildPrepared,
  DEFAULT_FORMATS,
  type Format,
  type Prepared,
  prepare,
} from '../../pipeline/build.js';
import { clearTemplateCache } from '../../render/templates.js';
import { printable } from '../../source/diagnostics.js';
import type { Io } from '../io.js';
import { printFailure } from '../report.js';
import { mergeChanges, staleFormats } from '../stale-formats.js';
import { type Change, serialise, watchFiles } from '../watch.js';
import { letYoungGenerationGrow } from '../young-generation.js';

/**
 * `folio build --watch`: build now, then after every save, in this warm process, until Ctrl-C.
 * A source edit builds everything again; a template edit re-renders only the formats that read
 * that template, from the résumé as last read (the PDF, the slow one, is left as it is).
 */
export async function watchBuild(
  opts: BuildOptions,
  io: Io,
  print: (r: BuildResult, ms: number) => void,
): Promise<void> {
  letYoungGenerationGrow();
  // The last good read of the source and the formats it builds; null until one succeeds, and after a broken save.
  let last: { prepared: Prepared; formats: readonly Format[] } | null = null;
  // Saves not built yet: a save during a build is folded into the next one.
  let queued: Change | null = null;
  const rebuild = serialise(async () => {
    const change = queued;
    queued = null;
    const t0 = performance.now();
    try {
      const only = last && change && !change.source ? staleFormats(change, last.formats) : null;
      let result: BuildResult;
      if (last && only) {
        if (!only.length) {
          io.stdout.write(
            `no format built here reads ${printable(change?.inDirs.join(', ') ?? '')}; nothing to rebuild\n`,
          );
          return;
        }
        clearTemplateCache();
        result = await buildPrepared(last.prepared, { ...opts, formats: only });
      } else {
        // A template edit must be read again; the fonts and the validator stay loaded.
        if (opts.templatesDir) clearTemplateCache();
        last = null;
        const prepared = await prepare(opts);
        const formats = opts.formats ?? prepared.base.folio?.formats ?? DEFAULT_FORMATS;
        result = await buildPrepared(prepared, { ...opts, formats });
        last = { prepared, formats };
      }
      print(result, performance.now() - t0);
      // What a user waits for: from the save to the files on disk, the settling of the save included.
      if (change) io.stdout.write(`save → written: ${Math.round(performance.now() - change.at)} ms\n`);
    } catch (err) {
      printFailure(err, io.stderr, { count: false });
      io.stdout.write(`build failed; the last good files in ${opts.outDir}/ are unchanged\n`);
    }
  });
  const watcher = watchFiles(
    { file: opts.source, cwd: io.cwd, dirs: opts.templatesDir ? [opts.templatesDir] : [] },
    (change) => {
      queued = mergeChanges(queued, change);
      const what = change.source
        ? opts.source
        : change.inDirs.map((f) => `${opts.templatesDir}/${f}`.replace(/\/$/, '')).join(', ');
      io.stdout.write(`\n[${new Date().toTimeString().slice(0, 8)}] ${printable(what)} changed, rebuilding\n`);
      void rebuild();
    },
  );
  const stopped = io.untilInterrupted();
  try {
    await rebuild();
    io.stdout.write(
      `watching ${[opts.source, opts.templatesDir].filter(Boolean).join(' and ')} for changes (Ctrl-C to stop)\n`,
    );
    await stopped;
  } finally {
    watcher.close();
  }
}
