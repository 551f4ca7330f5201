import type { ThemeName } from '../../model/design.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { baseName, build } from '../../pipeline/build.js';
import { UserError } from '../../source/diagnostics.js';
import { printDiagnostics, printFailure } from '../report.js';
import { clearTemplateCache } from '../../render/templates.js';
import { serialise, untilInterrupted, type Watcher, watchFiles } from '../watch.js';
import { fileUrl, type PreviewState } from './routes.js';
import { HOST, startPreviewServer } from './server.js';

export interface ServeOptions {
  port?: number;
  templates?: string;
  strict?: boolean;
  theme?: ThemeName;
}

/** `folio serve`: build in memory on every save and serve the result on 127.0.0.1 until Ctrl-C. */
export async function serve(source: string, opts: ServeOptions): Promise<void> {
  // Builds go to a private folder; the server keeps the last good files in memory.
  const outDir = await mkdtemp(join(tmpdir(), 'folio-serve-'));
  const state: PreviewState = { name: baseName(source), html: null, pdf: null, md: null, failure: null, version: 0 };
  let server: Awaited<ReturnType<typeof startPreviewServer>> | undefined;

  const rebuild = serialise(async () => {
    if (opts.templates) clearTemplateCache();
    const t0 = performance.now();
    try {
      const result = await build({ source, outDir, formats: ['pdf', 'html', 'md'], strict: opts.strict, templatesDir: opts.templates, theme: opts.theme });
      for (const f of result.files) {
        const data = await readFile(f.path);
        if (f.format === 'pdf') state.pdf = data;
        else if (f.format === 'html') state.html = data.toString('utf8');
        else if (f.format === 'md') state.md = data.toString('utf8');
      }
      state.failure = null;
      printDiagnostics(result.warnings);
      const pdf = result.files.find((f) => f.format === 'pdf');
      process.stdout.write(`[${clock()}] built in ${Math.round(performance.now() - t0)} ms (PDF ${Math.round(pdf?.ms ?? 0)} ms)\n`);
    } catch (err) {
      printFailure(err);
      state.failure = err instanceof UserError ? { diagnostics: err.diagnostics, message: err.message } : { diagnostics: [], message: `internal error in folio: ${String(err)}` };
      process.stdout.write(`[${clock()}] build failed; the preview shows the errors over the last good build\n`);
    }
    state.version++;
    server?.notify();
  });

  // Watch first: a save during the first build is not missed, and a missing folder fails before anything starts.
  let watcher: Watcher | undefined;
  // Listen for Ctrl-C from the start, so one during the first build still cleans up.
  const stopped = untilInterrupted();
  try {
    watcher = watchFiles({ file: source, dirs: opts.templates ? [opts.templates] : [] }, () => void rebuild());
    await rebuild();
    server = await startPreviewServer(() => state, opts.port);
    const base = `http://${HOST}:${server.port}`;
    const pages = [[`${base}/`, 'the HTML page'], [`${base}/pdf`, `the PDF (the file: ${fileUrl(state.name, 'pdf')})`], [`${base}${fileUrl(state.name, 'md')}`, 'the Markdown']];
    const width = Math.max(...pages.map(([u]) => (u ?? '').length));
    process.stdout.write(
      `previewing ${source}${opts.templates ? ` with templates from ${opts.templates}` : ''}\n` +
        pages.map(([u, what]) => `  ${(u ?? '').padEnd(width)}  ${what}\n`).join('') +
        'pages reload on every save; Ctrl-C to stop\n',
    );
    await stopped;
  } finally {
    watcher?.close();
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
