import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ThemeName } from '../../model/design.js';
import { baseName, type Format, loadValidated, type Prepared, prepare, render } from '../../pipeline/build.js';
import { clearTemplateCache } from '../../render/templates.js';
import { UserError } from '../../source/diagnostics.js';
import { findVariant } from '../../tailor/variants.js';
import { epochDate, type Io, pathIn } from '../io.js';
import { printDiagnostics, printFailure } from '../report.js';
import { mergeChanges, staleFormats } from '../stale-formats.js';
import { type Change, serialise, type Watcher, watchFiles } from '../watch.js';
import { letYoungGenerationGrow } from '../young-generation.js';
import { variantPicker } from './pages.js';
import { fileUrl, type PreviewSite, type PreviewState } from './routes.js';
import { HOST, startPreviewServer } from './server.js';

export interface ServeOptions {
  port?: number;
  templates?: string;
  strict?: boolean;
  /** Open the preview on this variant (/v/<name>/); the whole résumé stays at /. */
  variant?: string;
  maxSize?: number;
  theme?: ThemeName;
}

/** `folio serve`: render in memory on every save and serve the result on 127.0.0.1 until Ctrl-C; nothing is written. */
export async function serve(source: string, opts: ServeOptions, io: Io): Promise<void> {
  // A preview renders on every save: V8's default growth of the young generation pays there.
  letYoungGenerationGrow();
  // A file being created is waited for; one in a folder that does not exist is a mistake: say so and stop.
  let waiting = await missingSource(source, io);
  // The last good outputs of each page, in memory.
  const states = new Map<string | null, PreviewState>();
  // What each save rebuilds: the page asked for at the start, and every variant opened since (/v/<name>/).
  const wanted = new Set<string | null>([opts.variant ?? null]);
  const site: PreviewSite = {
    version: 0,
    variants: [],
    target(variant) {
      let s = states.get(variant);
      if (!s) {
        s = {
          name: baseName(source),
          html: null,
          pdf: null,
          md: null,
          failure: null,
          version: site.version,
          base: variant === null ? '' : `/v/${encodeURIComponent(variant)}`,
        };
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
  // While waiting there is no file to read the variants from: serve the one asked for, checked on the first build.
  if (opts.variant)
    site.variants = waiting ? [opts.variant] : await variantNames(source, opts.variant, io, opts.maxSize);

  // The last good read of each page's source: a template edit re-renders HTML and Markdown from it, not the PDF.
  const preparedOf = new Map<string | null, Prepared>();
  const ALL: readonly Format[] = ['pdf', 'html', 'md'];

  const buildOne = async (variant: string | null, change: Change | null): Promise<void> => {
    const state = site.target(variant);
    const t0 = performance.now();
    const what = variant === null ? '' : ` variant ${variant}`;
    const last = preparedOf.get(variant);
    const formats = last && change && !change.source ? staleFormats(change, ALL) : ALL;
    if (!formats.length) return;
    try {
      preparedOf.delete(variant);
      const prepared =
        last && formats !== ALL
          ? last
          : await prepare({
              source,
              cwd: io.cwd,
              strict: opts.strict,
              maxBytes: opts.maxSize,
              date: epochDate(io.env),
              theme: opts.theme,
              variant: variant ?? undefined,
            });
      const result = await render(prepared, formats, {
        strict: opts.strict,
        templatesDir: opts.templates,
        cwd: io.cwd,
      });
      // A variant's files carry its own name (folio.output, variants.<name>.output): serve them under it.
      state.name = prepared.name;
      for (const f of result.files) {
        if (f.format === 'pdf') state.pdf = typeof f.data === 'string' ? Buffer.from(f.data) : f.data;
        else if (f.format === 'html') state.html = String(f.data);
        else if (f.format === 'md') state.md = String(f.data);
      }
      state.failure = null;
      preparedOf.set(variant, prepared);
      printDiagnostics([...prepared.warnings, ...result.warnings], io.stderr);
      const pdf = result.files.find((f) => f.format === 'pdf');
      const done = performance.now();
      io.stdout.write(
        `[${clock()}] built${what}${formats === ALL ? '' : ` (${formats.join(', ')} only: a template changed)`}` +
          ` in ${Math.round(done - t0)} ms${pdf ? ` (PDF ${Math.round(pdf.ms)} ms)` : ''}` +
          `${change ? `; save → ready: ${Math.round(done - change.at)} ms` : ''}\n`,
      );
    } catch (err) {
      printFailure(err, io.stderr, { count: false });
      state.failure =
        err instanceof UserError
          ? { diagnostics: err.diagnostics, message: err.message }
          : { diagnostics: [], message: `internal error in folio: ${String(err)}` };
      io.stdout.write(`[${clock()}] build${what} failed; the preview shows the errors over the last good build\n`);
    }
  };

  // Saves not built yet: a save during a build is folded into the next one.
  let queued: Change | null = null;
  const rebuild = serialise(async () => {
    const change = queued;
    queued = null;
    if (opts.templates) clearTemplateCache();
    if (!change || change.source)
      site.variants = await variantNames(source, null, io, opts.maxSize).catch(() => site.variants);
    for (const variant of [...wanted]) await buildOne(variant, change);
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
  const stopped = io.untilInterrupted();
  try {
    watcher = watchFiles({ file: source, cwd: io.cwd, dirs: opts.templates ? [opts.templates] : [] }, (change) => {
      if (!waiting) {
        queued = mergeChanges(queued, change);
        return void rebuild();
      }
      // Until the source appears, other changes (a template saved) have nothing to build.
      void stat(pathIn(io, source)).then(
        () => {
          waiting = null;
          for (const s of states.values()) s.waiting = null;
          // The first build of the file: every format, whatever event told of it.
          queued = mergeChanges(queued, { ...change, source: true });
          void rebuild();
        },
        () => {},
      );
    });
    // It may have appeared while the watch was being set up, when no event would tell.
    if (waiting && (await stat(pathIn(io, source)).catch(() => null))) waiting = null;
    if (waiting) {
      io.stderr.write(`${waiting}\n`);
      site.target(opts.variant ?? null).waiting = waiting;
    } else await rebuild();
    server = await startPreviewServer(() => site, opts.port);
    const first = site.target(opts.variant ?? null);
    const base = `http://${HOST}:${server.port}${first.base ?? ''}`;
    const pages = [
      [`${base}/`, 'the HTML page'],
      [`${base}/pdf`, `the PDF (the file: ${first.base ?? ''}${fileUrl(first.name, 'pdf')})`],
      [`${base}${fileUrl(first.name, 'md')}`, 'the Markdown'],
    ];
    const width = Math.max(...pages.map(([u]) => (u ?? '').length));
    io.stdout.write(
      `previewing ${source}${opts.variant ? ` as variant ${opts.variant}` : ''}` +
        `${opts.templates ? ` with templates from ${opts.templates}` : ''}\n` +
        pages.map(([u, what]) => `  ${(u ?? '').padEnd(width)}  ${what}\n`).join('') +
        (site.variants.length
          ? `variants: ${site.variants.map((v) => `http://${HOST}:${server?.port}/v/${v}/`).join('  ')}` +
            ` (the whole résumé: /)\n`
          : '') +
        'pages reload on every save; Ctrl-C to stop\n',
    );
    await stopped;
  } finally {
    watcher?.close();
    await server?.close();
  }
}

/**
 * Null when the source exists. When it does not but its folder does (the file is
 * being created: `folio init` in another terminal, a first save from the editor),
 * what to say while waiting for it. When the folder does not exist either, a UserError.
 */
async function missingSource(source: string, io: Io): Promise<string | null> {
  const path = pathIn(io, source);
  if (await stat(path).catch(() => null)) return null;
  const init = `folio init${source === 'resume.yaml' ? '' : ` ${source}`}`;
  const folder = await stat(dirname(path)).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new UserError(
      `${source}: error: no such file, and no folder ${dirname(source)}/ to create it in; ` +
        `run "${init}" to start one (it makes the folder), or give the path of your résumé`,
    );
  }
  return `waiting for ${source} to appear: no such file yet; save it (or run "${init}") and the preview builds it`;
}

/**
 * The résumé's variant names; with `mustHave`, a UserError when that one is not among them (before serving anything).
 */
async function variantNames(source: string, mustHave: string | null, io: Io, maxBytes?: number): Promise<string[]> {
  const { resume } = await loadValidated({ source, cwd: io.cwd, maxBytes });
  if (mustHave !== null) findVariant(resume, mustHave);
  return Object.keys(resume.variants ?? {});
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}
