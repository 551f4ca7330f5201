// Stage cli: the command line, run(argv, io) → exit code: parses argv, runs a command (commands/), prints through io.
import { Command, CommanderError } from 'commander';
import { UsageError } from '../source/diagnostics.js';
import { packageInfo } from '../source/paths.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerExport } from './commands/export.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerLocales } from './commands/locales.js';
import { registerMatch } from './commands/match.js';
import { registerReadme } from './commands/readme.js';
import { registerSchema } from './commands/schema.js';
import { registerServe } from './commands/serve.js';
import { registerThemes } from './commands/themes.js';
import { registerValidate } from './commands/validate.js';
import { registerVariants } from './commands/variants.js';
import type { Io } from './io.js';
import { printFailure } from './report.js';

/** Exit codes: 0 ok, 1 bad input or environment, 2 usage error, 70 a bug in folio. */
export const EXIT = { ok: 0, user: 1, usage: 2, bug: 70 } as const;

function version(): string {
  return packageInfo().version;
}

/** The whole command line, printing to `io`. */
export function program(io: Io): Command {
  const p = new Command('folio')
    .description('One YAML résumé in: a PDF CV, an HTML portfolio page and a GitHub README out.')
    .version(version(), '-v, --version')
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Quick start:
  $ folio init                  write a commented starter resume.yaml
  $ folio serve                 live preview at http://127.0.0.1:4321/ while you edit
  $ folio build                 resume.yaml → out/resume.pdf, out/resume.html, out/resume.md
  $ folio validate resume.yaml  check it without writing anything
  $ folio build --all-variants  one tailored CV per variant: out/<variant>/
  $ folio readme README.md      update the résumé between the folio markers of a README
  $ folio check out/resume.pdf --source resume.yaml   read the PDF back as an ATS would
  $ folio init --ci             a GitHub Actions workflow that builds on every push

Run "folio help <command>" for a command's options and examples.`,
    );
  for (const register of [
    registerBuild,
    registerValidate,
    registerReadme,
    registerInit,
    registerServe,
    registerImport,
    registerExport,
    registerVariants,
    registerMatch,
    registerCheck,
    registerLocales,
    registerSchema,
    registerThemes,
  ]) {
    register(p, io);
  }
  // Subcommands inherit exitOverride so usage errors reach run() as CommanderError.
  for (const c of p.commands) c.exitOverride().showHelpAfterError('(run with --help for usage)');
  return p;
}

/**
 * Run folio with these arguments (without `node folio`) and return its exit code: the only
 * place that decides one. Nothing here touches the process: argv, streams, cwd and env come in `io`.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    await program(io).parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (err) {
    // --help and --version end here too, with exit code 0.
    if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const kind = printFailure(err, io.stderr);
    if (kind === 'bug') return EXIT.bug;
    return err instanceof UsageError ? EXIT.usage : EXIT.user;
  }
}
