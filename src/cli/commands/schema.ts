import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { writeNewFile } from '../../output/new-file.js';
import { schemaPath, schemaUrl } from '../../source/modeline.js';
import type { Io } from '../io.js';

/** `folio schema [-o file]`: the JSON Schema of the résumé, for editors and other tools. */
export function registerSchema(program: Command, io: Io): void {
  program
    .command('schema')
    .description("print (or write with -o) the JSON Schema of folio's résumé, for editors and other tools")
    .option('-o, --out <file>', 'write it to this file instead of printing it')
    .option('--force', 'overwrite the -o file if it exists')
    .addHelpText(
      'after',
      () => `
The schema defines every key of resume.yaml. Editors with the YAML language server
(VS Code's YAML extension, Neovim, Zed) complete and check a résumé whose first line
names it; "folio init" writes that line. This version's schema is also online at
  ${schemaUrl()}

Examples:
  $ folio schema > resume.schema.json
  $ folio schema -o schema/resume.schema.json --force`,
    )
    .action(async (opts: { out?: string; force?: boolean }) => {
      const text = await readFile(schemaPath(), 'utf8');
      if (!opts.out) {
        io.stdout.write(text);
        return;
      }
      await writeNewFile(opts.out, text, opts.force ?? false, [], io.cwd);
      io.stdout.write(
        `wrote ${opts.out}\n` +
          `use it from a résumé's first line: ` +
          `# yaml-language-server: $schema=<path of ${opts.out} relative to the résumé>\n`,
      );
    });
}
