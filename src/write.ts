import { chmod, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from './diagnostics.js';

export interface OutputFile {
  /** File name inside the output directory (no directories). */
  name: string;
  data: string | Uint8Array;
}

/** Create the output directory (and its parents); a clear error when it is a file or cannot be made. */
export async function ensureDir(dir: string): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UserError(`error: output directory ${dir} is a file; choose another with --out`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new UserError(`error: cannot create output directory ${dir}: ${describe(err)}`);
  }
}

/**
 * Write every file to a temporary name beside its target, then rename each into
 * place: a reader never sees a half-written file, and if any write fails the
 * temporaries are removed and no target has been replaced.
 */
export async function writeAll(dir: string, files: readonly OutputFile[]): Promise<string[]> {
  await ensureDir(dir);
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(dir, f.name);
      const tmp = join(dir, `.${f.name}.${process.pid}.tmp`);
      staged.push({ tmp, final });
      await writeFile(tmp, f.data);
    }
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw new UserError(`error: cannot write to ${dir}: ${describe(err)}`);
  }
  for (const s of staged) await rename(s.tmp, s.final);
  return staged.map((s) => s.final);
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOSPC') return 'no space left on the device';
  if (e.code === 'EROFS') return 'read-only file system';
  if (e.code === 'ENOTDIR') return 'a parent path is a file, not a directory';
  return e.code ?? String(err);
}

/**
 * Replace one existing file atomically: write a temporary file beside it, then rename
 * it over the original, so a reader (or a crash) never sees half a file. The original's
 * permissions are kept, and a symbolic link is followed so the link itself survives.
 */
export async function replaceFile(path: string, data: Uint8Array): Promise<void> {
  let target: string;
  let mode: number;
  try {
    target = await realpath(path);
    mode = (await stat(target)).mode & 0o7777;
  } catch (err) {
    throw new UserError(`error: cannot write ${path}: ${describe(err)}`);
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data, { mode });
    await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new UserError(`error: cannot write ${path}: ${describe(err)}`);
  }
}
