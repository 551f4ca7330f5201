// Stage output: the code that writes files: atomic multi-file writes, new files, README markers.
import { chmod, lstat, mkdir, readdir, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../source/diagnostics.js';
import { describeErrno, specialKind } from '../source/errno.js';
import { type InputFile, refuseOverwritingInputs } from './input-guard.js';

export interface OutputFile {
  /** File name inside the output directory (no directories). */
  name: string;
  data: string | Uint8Array;
}

/**
 * Create the output directory (and its parents); a clear error when it is a file or cannot be made.
 * `dir` is taken from `cwd` and named as given in messages (so are the paths below).
 */
export async function ensureDir(dir: string, cwd = ''): Promise<void> {
  const at = resolve(cwd, dir);
  const existing = await stat(at).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') {
      // A symbolic link to nowhere: say so, rather than "removed during the build" after a failed write.
      const link = await lstat(at).catch(() => null);
      if (link?.isSymbolicLink()) {
        throw new UserError(
          `error: output directory ${dir} is a symbolic link to ${await readlink(at)}, which does not exist; ` +
            `create it or choose another --out`,
        );
      }
      return null;
    }
    if (err.code === 'ENOTDIR') return null; // a file among its parents: reported as "cannot create" below
    throw new UserError(`error: cannot use output directory ${dir}: ${describe(err)}`);
  });
  if (existing && !existing.isDirectory())
    throw new UserError(`error: output directory ${dir} is a file; choose another with --out`);
  if (existing) return;
  try {
    await mkdirParents(at);
  } catch (err) {
    const why =
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'this place does not allow new directories' : describe(err);
    throw new UserError(`error: cannot create output directory ${dir}: ${why}`);
  }
}

/**
 * `mkdir -p`, one level at a time. Node 20's `mkdir(…, { recursive: true })`
 * never returns for a path inside /proc (it retries ENOENT forever); this fails instead.
 */
async function mkdirParents(dir: string): Promise<void> {
  const missing: string[] = [];
  let cur = dir;
  while (!(await stat(cur).catch(() => null))) {
    missing.unshift(cur);
    const parent = dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
  const parent = await stat(cur).catch(() => null);
  if (parent && !parent.isDirectory()) throw Object.assign(new Error(`${cur} is a file`), { code: 'ENOTDIR' });
  for (const d of missing) {
    await mkdir(d).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}

/** Longest output file name folio writes, in bytes: 255, less room for `.<name>.<pid>.tmp`. */
export const MAX_NAME_BYTES = 230;

/**
 * An output name must be a plain file name: a pattern that yields `../x` or `/x` would write outside the output
 * directory.
 */
export function checkOutputName(name: string): void {
  if (
    !name ||
    name === '.' ||
    name === '..' ||
    isAbsolute(name) ||
    /[/\\]/.test(name) ||
    basename(name) !== name ||
    name.includes('\0')
  ) {
    throw new UserError(
      `error: output name "${name}" would be written outside the output directory; use a plain file name`,
    );
  }
  // 255 bytes is the usual limit for one file name; the temporary name adds a dot, the process id and ".tmp".
  const bytes = Buffer.byteLength(name);
  if (bytes > MAX_NAME_BYTES) {
    throw new UserError(
      `error: output name "${name.slice(0, 40)}…" is ${bytes} bytes long; ` +
        `file systems allow 255 and folio needs room for a temporary name, so keep it under ${MAX_NAME_BYTES}: ` +
        "shorten --name, folio.output or the source's name",
    );
  }
}

/**
 * Write every file to a temporary name beside its target, then rename each into
 * place: a reader never sees a half-written file, and if any write fails the
 * temporaries are removed and no target has been replaced.
 */
export async function writeAll(
  dir: string,
  files: readonly OutputFile[],
  inputs: readonly InputFile[] = [],
  cwd = '',
): Promise<string[]> {
  for (const f of files) checkOutputName(f.name);
  await ensureDir(dir, cwd);
  const at = resolve(cwd, dir);
  // Every target is checked before the first is written: a directory in the way of the third
  // file must not leave the first two replaced.
  const finals = files.map((f) => join(dir, f.name));
  await refuseOverwritingInputs(finals, inputs, 'Choose another --out folder or --name.', cwd);
  for (const final of finals) await checkReplaceable(final, cwd);
  await removeStaleTemps(
    at,
    files.map((f) => f.name),
  );
  const staged: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = join(dir, f.name);
      const tmp = join(at, tempName(f.name, process.pid));
      staged.push({ tmp, final });
      await writeFile(tmp, f.data);
    }
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true }).catch(() => undefined)));
    throw new UserError(`error: cannot write to ${dir}: ${describe(err)}`);
  }
  for (const [i, s] of staged.entries()) {
    try {
      await rename(s.tmp, resolve(cwd, s.final));
    } catch (err) {
      await Promise.all(staged.slice(i).map((t) => rm(t.tmp, { force: true }).catch(() => undefined)));
      const done = staged.slice(0, i).map((t) => basename(t.final));
      const note = done.length ? ` (${done.join(', ')} already replaced)` : '';
      throw new UserError(`error: cannot replace ${s.final}: ${describe(err)}${note}`);
    }
  }
  return staged.map((s) => s.final);
}

function tempName(name: string, pid: number): string {
  return `.${name}.${pid}.tmp`;
}

/**
 * Whether folio may put a new file at `path`: nothing there, or a regular file the user
 * may write. A directory, a device, a FIFO or a socket is never replaced (renaming over
 * /dev/null as root would turn it into a plain file), and a read-only file stays as it is.
 */
export async function checkReplaceable(path: string, cwd = ''): Promise<void> {
  const link = await lstat(resolve(cwd, path)).catch(() => null);
  if (!link) return;
  // A symbolic link is itself replaced by the rename; what it points at is never written.
  if (link.isSymbolicLink()) return;
  if (link.isDirectory())
    throw new UserError(`error: cannot write ${path}: a directory is in the way; nothing was written`);
  if (!link.isFile())
    throw new UserError(
      `error: cannot write ${path}: it is a ${specialKind(link)}, and folio replaces only regular files; ` +
        'nothing was written',
    );
  if ((link.mode & 0o222) === 0)
    throw new UserError(
      `error: cannot write ${path}: the file is read-only; ` +
        'make it writable (chmod u+w) if folio should replace it; nothing was written',
    );
}

/**
 * Temporaries left by a run that was killed mid-write (its process is gone): never shipped with out/ or beside a
 * README.
 */
async function removeStaleTemps(dir: string, names: readonly string[]): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    for (const name of names) {
      const prefix = `.${name}.`;
      if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
      const pid = Number(entry.slice(prefix.length, -'.tmp'.length));
      if (Number.isInteger(pid) && pid > 0 && !alive(pid))
        await rm(join(dir, entry), { force: true }).catch(() => undefined);
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** An errno in plain words. */
export const describe = describeErrno;

/**
 * Replace one existing file atomically: write a temporary file beside it, then rename
 * it over the original, so a reader (or a crash) never sees half a file. The original's
 * permissions are kept, and a symbolic link is followed so the link itself survives.
 */
export async function replaceFile(path: string, data: Uint8Array, cwd = ''): Promise<void> {
  let target: string;
  let mode: number;
  try {
    target = await realpath(resolve(cwd, path));
    mode = (await stat(target)).mode & 0o7777;
  } catch (err) {
    throw new UserError(`error: cannot write ${path}: ${describe(err)}`);
  }
  // Renaming over a file works even when the file is read-only: respect its permission instead.
  await checkReplaceable(target);
  try {
    await writeViaTemp(target, data, mode);
  } catch (err) {
    throw new UserError(`error: cannot write ${path}: ${describe(err)}`);
  }
}

/**
 * Write `data` to a temporary name beside `target`, then rename it into place: a reader never
 * sees half a file. The temporary is removed if either step fails, and the error is rethrown.
 */
export async function writeViaTemp(target: string, data: string | Uint8Array, mode?: number): Promise<void> {
  const tmp = join(dirname(target), tempName(basename(target), process.pid));
  await removeStaleTemps(dirname(target), [basename(target)]);
  try {
    await writeFile(tmp, data, mode === undefined ? undefined : { mode });
    // writeFile's mode is filtered by the umask; the original file's permissions are what we want.
    if (mode !== undefined) await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
