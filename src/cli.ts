#!/usr/bin/env node
// The only module that knows argv, the console and exit codes.
import { Command, CommanderError } from 'commander';
import { registerBuild } from './cli/commands/build.js';
import { registerCheck } from './cli/commands/check.js';
import { registerExport } from './cli/commands/export.js';
import { registerImport } from './cli/commands/import.js';
import { registerInit } from './cli/commands/init.js';
import { registerLocales } from './cli/commands/locales.js';
import { registerMatch } from './cli/commands/match.js';
import { registerReadme } from './cli/commands/readme.js';
import { registerSchema } from './cli/commands/schema.js';
import { registerServe } from './cli/commands/serve.js';
import { registerThemes } from './cli/commands/themes.js';
import { registerValidate } from './cli/commands/validate.js';
import { registerVariants } from './cli/commands/variants.js';
import { formatUserError } from './cli/report.js';
import { UsageError, UserError } from './source/diagnostics.js';
import { isSystemError, type SystemError, systemUserError } from './source/errno.js';
import { packageInfo } from './source/paths.js';

/** Exit codes: 0 ok, 1 bad input or environment, 2 usage error, 70 a bug in folio. */
export const EXIT = { ok: 0, user: 1, usage: 2, bug: 70 } as const;

function version(): string {
  return packageInfo().version;
}

function program(): Command {
  const p = new Command('folio')
    .description('One YAML résumé in: a PDF CV, an HTML portfolio page and a GitHub README out.')
    .version(version(), '-v, --version')
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
  registerBuild(p);
  registerValidate(p);
  registerReadme(p);
  registerInit(p);
  registerServe(p);
  registerImport(p);
  registerExport(p);
  registerVariants(p);
  registerMatch(p);
  registerCheck(p);
  registerLocales(p);
  registerSchema(p);
  registerThemes(p);
  // Subcommands inherit exitOverride so usage errors reach main() as CommanderError.
  for (const c of p.commands) c.exitOverride().showHelpAfterError('(run with --help for usage)');
  return p;
}

async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (err instanceof UserError) {
      process.stderr.write(formatUserError(err));
      process.exitCode = err instanceof UsageError ? EXIT.usage : EXIT.user;
    } else if (isSystemError(err)) {
      // The system said no (a full disk, a name too long, a link loop): the user's to fix, in plain words.
      process.stderr.write(formatUserError(systemUserError(err)));
      process.exitCode = EXIT.user;
    } else {
      const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(
        `folio: internal error: this is a bug in folio, please report it with the command you ran.\n${stack}\n`,
      );
      process.exitCode = EXIT.bug;
    }
  }
}

// A reader that stops early (`folio --help | head -1`) closes the pipe: end quietly, as other tools do, not with a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
    // Anything else (ENOSPC from `folio export > /dev/full`): say so on stderr if it is still there.
    if (stream !== process.stderr) process.stderr.write(formatUserError(systemUserError(err as SystemError)));
    process.exit(EXIT.user);
  });
}

await main(process.argv);
