import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../source/diagnostics.js';

/** A file this command reads, and what it is to the user ("the source", "your template"). */
export interface InputFile {
  path: string;
  role: string;
}

/**
 * Refuse, before anything is written, to write over a file this command read:
 * `folio build notes.md -o .` with a YAML source named notes.md would otherwise
 * replace the résumé with its own Markdown. Files are compared by device and
 * inode, so a symbolic link, a hard link or `./x` versus `x` cannot slip through.
 */
/** Paths are taken from `cwd` and named as given. */
export async function refuseOverwritingInputs(
  targets: readonly string[],
  inputs: readonly InputFile[],
  hint: string,
  cwd = '',
): Promise<void> {
  const ids = new Map<string, InputFile>();
  for (const input of inputs) {
    const s = await stat(resolve(cwd, input.path)).catch(() => null);
    if (s) ids.set(`${s.dev}:${s.ino}`, input);
  }
  for (const target of targets) {
    const s = await stat(resolve(cwd, target)).catch(() => null);
    const input = s && ids.get(`${s.dev}:${s.ino}`);
    if (input) {
      const which = input.path === target ? '' : ` (${input.path})`;
      throw new UserError(
        `error: ${target} is ${input.role}${which}: writing it would destroy what folio reads; ` +
          `nothing was written. ${hint}`,
      );
    }
  }
}
