import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { modeline } from '../../source/modeline.js';
import { writeNewFile } from '../../output/new-file.js';
import { packageRoot } from '../../source/paths.js';
import { type Io, pathIn } from '../io.js';

/** The starter résumé with its schema line pointing at this installation's schema. */
export async function starterResume(target: string): Promise<string> {
  const text = await readFile(new URL('templates/init/resume.yaml', packageRoot), 'utf8');
  const [, ...rest] = text.split('\n');
  return [modeline(target), ...rest].join('\n');
}

export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('write a commented starter résumé to edit')
    .argument('[file]', 'where to write it', 'resume.yaml')
    .option('--force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      `
The starter shows every section once with example content; it validates and
builds as is. Line 1 points editors with the YAML language server at folio's
schema, so they complete and check every key.

Examples:
  $ folio init                  write resume.yaml
  $ folio init cv.yaml --force  replace cv.yaml with the starter`,
    )
    .action(async (file: string, opts: { force?: boolean }) => {
      await writeNewFile(file, await starterResume(pathIn(io, file)), opts.force ?? false, [], io.cwd);
      io.stdout.write(`wrote ${file}\nnext: edit it, then run "folio serve${file === 'resume.yaml' ? '' : ` ${file}`}" for a live preview or "folio build${file === 'resume.yaml' ? '' : ` ${file}`}"\n`);
    });
}
