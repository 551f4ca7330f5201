import type { ThemeName } from '../../model/design.js';
import { baseName, prepare, render } from '../../pipeline/build.js';
import { UserError } from '../../source/diagnostics.js';
import { epochDate, type Io } from '../io.js';
import { printDiagnostics, printFailure } from '../report.js';
import { clearTemplateCache } from '../../render/templates.js';
import { serialise, type Watcher, watchFiles } from '../watch.js';
import { fileUrl, type PreviewState } from './routes.js';
import { HOST, startPreviewServer } from './server.js';

export interface ServeOptions {
  port?: number;
  templates?: string;
  strict?: boolean;
  maxSize?: number;
  theme?: ThemeName;
}

/** `folio serve`: render in memory on every save and serve the result on 127.0.0.1 until Ctrl-C; nothing is written. */
export async function serve(source: string, opts: ServeOptions, io: Io): Promise<void> {
  // The last good outputs, in memory.
  const state: PreviewState = { name: baseName(source), html: null, pdf: null, md: null, failure: null, version: 0 };
  let server: Awaited<ReturnType<typeof startPreviewServer>> | undefined;

  const rebuild = serialise(async () => {
    if (opts.templates) clearTemplateCache();
    const t0 = performance.now();
    try {
      const prepared = await prepare({ source, cwd: io.cwd, strict: opts.strict, maxBytes: opts.maxSize, date: epochDate(io.env), theme: opts.theme });
      const result = await render(prepared, ['pdf', 'html', 'md'], { strict: opts.strict, templatesDir: opts.templates, cwd: io.cwd });
      for (const f of result.files) {
        if (f.format === 'pdf') state.pdf = typeof f.data === 'string' ? Buffer.from(f.data) : f.data;
        else if (f.format === 'html') state.html = String(f.data);
        else if (f.format === 'md') state.md = String(f.data);
      }
      state.failure = null;
      printDiagnostics([...prepared.warnings, ...result.warnings], io.stderr);
      const pdf = result.files.find((f) => f.format === 'pdf');
      io.stdout.write(`[${clock()}] built in ${Math.round(performance.now() - t0)} ms (PDF ${Math.round(pdf?.ms ?? 0)} ms)\n`);
    } catch (err) {
      printFailure(err, io.stderr, { count: false });
      state.failure = err instanceof UserError ? { diagnostics: err.diagnostics, message: err.message } : { diagnostics: [], message: `internal error in folio: ${String(err)}` };
      io.stdout.write(`[${clock()}] build failed; the preview shows the errors over the last good build\n`);
    }
    state.version++;
    server?.notify();
  });

  // Watch first: a save during the first build is not missed, and a missing folder fails before anything starts.
  let watcher: Watcher | undefined;
  // Listen for Ctrl-C from the start, so one during the first build still cleans up.
  const stopped = io.untilInterrupted();
  try {
    watcher = watchFiles({ file: source, cwd: io.cwd, dirs: opts.templates ? [opts.templates] : [] }, () => void rebuild());
    await rebuild();
    server = await startPreviewServer(() => state, opts.port);
    const base = `http://${HOST}:${server.port}`;
    const pages = [[`${base}/`, 'the HTML page'], [`${base}/pdf`, `the PDF (the file: ${fileUrl(state.name, 'pdf')})`], [`${base}${fileUrl(state.name, 'md')}`, 'the Markdown']];
    const width = Math.max(...pages.map(([u]) => (u ?? '').length));
    io.stdout.write(
      `previewing ${source}${opts.templates ? ` with templates from ${opts.templates}` : ''}\n` +
        pages.map(([u, what]) => `  ${(u ?? '').padEnd(width)}  ${what}\n`).join('') +
        'pages reload on every save; Ctrl-C to stop\n',
    );
    await stopped;
  } finally {
    watcher?.close();
    await server?.close();
  }
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
