import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../source/diagnostics.js';
import { type InputFile, refuseOverwritingInputs } from './input-guard.js';
import { checkReplaceable, describe, ensureDir, writeViaTemp } from './write.js';

/**
 * Write a file the user asked for by name (`init`, `import -o`, `export -o`):
 * refuse to replace an existing one unless `force`, and write through a temporary
 * name so an interrupted write never leaves half a résumé behind.
 */
export async function writeNewFile(
  path: string,
  data: string,
  force: boolean,
  inputs: readonly InputFile[] = [],
  cwd = '',
): Promise<void> {
  const existing = await stat(resolve(cwd, path)).catch(() => null);
  if (existing?.isDirectory()) throw new UserError(`error: ${path} is a directory; give a file name`);
  await refuseOverwritingInputs([path], inputs, 'Give another file name.', cwd);
  if (existing && !force) throw new UserError(`error: ${path} already exists; add --force to overwrite it`);
  // --force replaces a regular file the user may write: never a device (/dev/null), a FIFO or a read-only file.
  await checkReplaceable(path, cwd);
  // `folio init cv/resume.yaml`: the folder is part of what was asked for.
  await ensureDir(dirname(resolve(cwd, path)));
  try {
    await writeViaTemp(resolve(cwd, path), data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(
      `error: cannot write ${path} (${code === 'ENOENT' ? 'its folder does not exist' : describe(err)})`,
    );
  }
}
