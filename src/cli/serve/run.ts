import type { ThemeName } from '../../model/design.js';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { baseName, build } from '../../pipeline/build.js';
import { UserError } from '../../source/diagnostics.js';
import { printDiagnostics, printFailure } from '../report.js';
import { clearTemplateCache } from '../../render/templates.js';
import { serialise, untilInterrupted, type Watcher, watchFiles } from '../watch.js';
import { fileUrl, type PreviewSite, type PreviewState } from './routes.js';
import { variantPicker } from './pages.js';
import { loadFile } from '../../source/load.js';
import { validate } from '../../validate/validate.js';
import { findVariant } from '../../tailor/variants.js';
import { HOST, startPreviewServer } from './server.js';

export interface ServeOptions {
  port?: number;
  templates?: string;
  strict?: boolean;
  /** Open the preview on this variant (/v/<name>/); the whole résumé stays at /. */
  variant?: string;
  theme?: ThemeName;
}

/** `folio serve`: build in memory on every save and serve the result on 127.0.0.1 until Ctrl-C. */
export async function serve(source: string, opts: ServeOptions): Promise<void> {
  // A mistyped name would otherwise serve an error page until Ctrl-C: say so and stop.
  const found = await stat(source).catch(() => null);
  if (!found) {
    const init = `folio init${source === 'resume.yaml' ? '' : ` ${source}`}`;
    throw new UserError(`${source}: error: no such file; run "${init}" to start one, or give the path of your résumé`);
  }
  // Builds go to a private folder; the server keeps the last good files in memory.
  const outDir = await mkdtemp(join(tmpdir(), 'folio-serve-'));
  const states = new Map<string | null, PreviewState>();
  // What each save rebuilds: the page asked for at the start, and every variant opened since (/v/<name>/).
  const wanted = new Set<string | null>([opts.variant ?? null]);
  const site: PreviewSite = {
    version: 0,
    variants: [],
    target(variant) {
      let s = states.get(variant);
      if (!s) {
        s = { name: baseName(source), html: null, pdf: null, md: null, failure: null, version: site.version, base: variant === null ? '' : `/v/${encodeURIComponent(variant)}` };
        s.picker = variantPicker(site.variants, variant);
        states.set(variant, s);
      }
      if (!wanted.has(variant)) {
        wanted.add(variant);
        void rebuild();
      }
      return s;
    },
  };
  let server: Awaited<ReturnType<typeof startPreviewServer>> | undefined;
  if (opts.variant) site.variants = await variantNames(source, opts.variant);

  const buildOne = async (variant: string | null): Promise<void> => {
    const state = site.target(variant);
    const t0 = performance.now();
    const what = variant === null ? '' : ` variant ${variant}`;
    try {
      const result = await build({
        source, outDir, formats: ['pdf', 'html', 'md'], strict: opts.strict, templatesDir: opts.templates, variant: variant ?? undefined, theme: opts.theme,
      });
      for (const f of result.files) {
        const data = await readFile(f.path);
        // A variant's files carry its own name (folio.output, variants.<name>.output): serve them under it.
        state.name = basename(f.path).replace(/\.[^.]+$/, '');
        if (f.format === 'pdf') state.pdf = data;
        else if (f.format === 'html') state.html = data.toString('utf8');
        else if (f.format === 'md') state.md = data.toString('utf8');
      }
      state.failure = null;
      printDiagnostics(result.warnings);
      const pdf = result.files.find((f) => f.format === 'pdf');
      process.stdout.write(`[${clock()}] built${what} in ${Math.round(performance.now() - t0)} ms (PDF ${Math.round(pdf?.ms ?? 0)} ms)\n`);
    } catch (err) {
      printFailure(err);
      state.failure = err instanceof UserError ? { diagnostics: err.diagnostics, message: err.message } : { diagnostics: [], message: `internal error in folio: ${String(err)}` };
      process.stdout.write(`[${clock()}] build${what} failed; the preview shows the errors over the last good build\n`);
    }
  };

  const rebuild = serialise(async () => {
    if (opts.templates) clearTemplateCache();
    site.variants = await variantNames(source, null).catch(() => site.variants);
    for (const variant of [...wanted]) await buildOne(variant);
    site.version++;
    for (const [variant, s] of states) {
      s.version = site.version;
      s.picker = variantPicker(site.variants, variant);
    }
    server?.notify();
  });

  // Watch first: a save during the first build is not missed, and a missing folder fails before anything starts.
  let watcher: Watcher | undefined;
  // Listen for Ctrl-C from the start, so one during the first build still cleans up.
  const stopped = untilInterrupted();
  try {
    watcher = watchFiles({ file: source, dirs: opts.templates ? [opts.templates] : [] }, () => void rebuild());
    await rebuild();
    server = await startPreviewServer(() => site, opts.port);
    const first = site.target(opts.variant ?? null);
    const base = `http://${HOST}:${server.port}${first.base ?? ''}`;
    const pages = [[`${base}/`, 'the HTML page'], [`${base}/pdf`, `the PDF (the file: ${first.base ?? ''}${fileUrl(first.name, 'pdf')})`], [`${base}${fileUrl(first.name, 'md')}`, 'the Markdown']];
    const width = Math.max(...pages.map(([u]) => (u ?? '').length));
    process.stdout.write(
      `previewing ${source}${opts.variant ? ` as variant ${opts.variant}` : ''}${opts.templates ? ` with templates from ${opts.templates}` : ''}\n` +
        pages.map(([u, what]) => `  ${(u ?? '').padEnd(width)}  ${what}\n`).join('') +
        (site.variants.length ? `variants: ${site.variants.map((v) => `http://${HOST}:${server?.port}/v/${v}/`).join('  ')} (the whole résumé: /)\n` : '') +
        'pages reload on every save; Ctrl-C to stop\n',
    );
    await stopped;
  } finally {
    watcher?.close();
    await server?.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

/** The résumé's variant names; with `mustHave`, a UserError when that one is not among them (before serving anything). */
async function variantNames(source: string, mustHave: string | null): Promise<string[]> {
  const { resume } = validate(await loadFile(source));
  if (mustHave !== null) findVariant(resume, mustHave);
  return Object.keys(resume.variants ?? {});
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
