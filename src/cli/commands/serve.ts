import { type Command, InvalidArgumentError } from 'commander';
import type { ThemeName } from '../../model/design.js';
import type { Io } from '../io.js';
import { parseTheme } from './build.js';
import { maxSizeOption } from './max-size.js';

/** Kept here (not imported from the server) so other commands never load the server and marked. */
const HOST = '127.0.0.1';
const DEFAULT_PORT = 4321;

function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0: any free port)');
  return n;
}

export function registerServe(program: Command, io: Io): void {
  program
    .command('serve')
    .description('preview the résumé in a browser; pages reload on every save')
    .argument('[source]', 'the résumé YAML (or JSON Resume .json)', 'resume.yaml')
    .option(
      '-p, --port <n>',
      `port on ${HOST} (default: ${DEFAULT_PORT}, or the next free one; 0: any free port)`,
      parsePort,
    )
    .option('--templates <dir>', 'a folder of your own templates, as for build (watched too)')
    .option('--strict', 'treat warnings as errors')
    .option('--variant <name>', 'open the preview on this variant, at /v/<name>/ (the whole résumé stays at /)')
    .option('--theme <name>', 'the look, as for build (default: folio.design.theme)', parseTheme)
    .addOption(maxSizeOption())
    .addHelpText(
      'after',
      `
Serves only on ${HOST} (this computer), and only these pages:
  /             the HTML page
  /pdf          the PDF in the browser's viewer; /resume.pdf is the file itself
  /resume.md    the Markdown, rendered as GitHub shows it
(named after the source: cv.yaml → /cv.pdf, /cv.md), and each variant of the
résumé under /v/<variant>/ (a picker on every page switches between them). A save that does not build
shows its errors over the page, with file:line:col; the last good build stays
underneath. A source that does not exist yet, in a folder that does, is
waited for: the page says so and builds when the file appears. Nothing is
written to out/: run "folio build" for the files.

Examples:
  $ folio serve                 preview resume.yaml at http://${HOST}:${DEFAULT_PORT}/
  $ folio serve cv.yaml -p 8080
  $ folio serve --variant backend  the backend variant at /v/backend/`,
    )
    .action(
      async (
        source: string,
        opts: {
          port?: number;
          templates?: string;
          strict?: boolean;
          theme?: ThemeName;
          variant?: string;
          maxSize?: number;
        },
      ) => {
        const { serve } = await import('../serve/run.js');
        await serve(source, opts, io);
      },
    );
}
