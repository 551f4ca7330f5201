import { type BuildOptions, type BuildResult, build } from '../../pipeline/build.js';
import { clearTemplateCache } from '../../render/templates.js';
import type { Io } from '../io.js';
import { printFailure } from '../report.js';
import { serialise, watchFiles } from '../watch.js';

/** `folio build --watch`: build now, then after every save, in this warm process, until Ctrl-C. */
export async function watchBuild(
  opts: BuildOptions,
  io: Io,
  print: (r: BuildResult, ms: number) => void,
): Promise<void> {
  const rebuild = serialise(async () => {
    // A template edit must be read again; the fonts and the validator stay loaded.
    if (opts.templatesDir) clearTemplateCache();
    const t0 = performance.now();
    try {
      print(await build(opts), performance.now() - t0);
    } catch (err) {
      printFailure(err, io.stderr, { count: false });
      io.stdout.write(`build failed; the last good files in ${opts.outDir}/ are unchanged\n`);
    }
  });
  const watcher = watchFiles(
    { file: opts.source, cwd: io.cwd, dirs: opts.templatesDir ? [opts.templatesDir] : [] },
    () => {
      io.stdout.write(`\n[${new Date().toTimeString().slice(0, 8)}] change detected, rebuilding\n`);
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
