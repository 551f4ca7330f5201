// Stage output: the code that writes files: atomic multi-file writes, new files, README markers.
import { chmod, mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../source/diagnostics.js';

export interface OutputFile {
  /** File name inside the output directory (no directories). */
  name: string;
  data: string | Uint8Array;
}

/** Create the output directory (and its parents); a clear error when it is a file or cannot be made. */
export async function ensureDir(dir: string, cwd = ''): Promise<void> {
  const existing = await stat(resolve(cwd, dir)).catch(() => null);
  if (existing && !existing.isDirectory()) throw new UserError(`error: output directory ${dir} is a file; choose another with --out`);
  if (existing) return;
  try {
    await mkdirParents(resolve(cwd, dir));
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'this place does not allow new directories' : describe(err);
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

/** An output name must be a plain file name: a pattern that yields `../x` or `/x` would write outside the output directory. */
export function checkOutputName(name: string): void {
  if (!name || name === '.' || name === '..' || isAbsolute(name) || /[/\\]/.test(name) || basename(name) !== name || name.includes('\0')) {
    throw new UserError(`error: output name "${name}" would be written outside the output directory; use a plain file name`);
  }
}

/**
 * Write every file to a temporary name beside its target, then rename each into
 * place: a reader never sees a half-written file, and if any write fails the
 * temporaries are removed and no target has been replaced. `dir` is taken from `cwd` and named as
 * given in messages; the returned paths are `dir`/name.
 */
export async function writeAll(dir: string, files: readonly OutputFile[], cwd = ''): Promise<string[]> {
  for (const f of files) checkOutputName(f.name);
  await ensureDir(dir, cwd);
  const at = resolve(cwd, dir);
  await removeStaleTemps(at, files);
  const staged: { tmp: string; final: string; shown: string }[] = [];
  try {
    for (const f of files) {
      const final = join(at, f.name);
      const tmp = join(at, tempName(f.name, process.pid));
      staged.push({ tmp, final, shown: join(dir, f.name) });
      await writeFile(tmp, f.data);
    }
  } catch (err) {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    throw new UserError(`error: cannot write to ${dir}: ${describe(err)}`);
  }
  for (const [i, s] of staged.entries()) {
    try {
      await rename(s.tmp, s.final);
    } catch (err) {
      await Promise.all(staged.slice(i).map((t) => rm(t.tmp, { force: true })));
      const done = staged.slice(0, i).map((t) => basename(t.final));
      const note = done.length ? ` (${done.join(', ')} already replaced)` : '';
      throw new UserError(`error: cannot replace ${s.shown}: ${describe(err)}${note}`);
    }
  }
  return staged.map((s) => s.shown);
}

function tempName(name: string, pid: number): string {
  return `.${name}.${pid}.tmp`;
}

/** Temporaries left by a build that was killed mid-write (its process is gone): never shipped with out/. */
async function removeStaleTemps(dir: string, files: readonly OutputFile[]): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const entry of entries) {
    for (const f of files) {
      const prefix = `.${f.name}.`;
      if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
      const pid = Number(entry.slice(prefix.length, -'.tmp'.length));
      if (Number.isInteger(pid) && pid > 0 && !alive(pid)) await rm(join(dir, entry), { force: true });
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

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOSPC') return 'no space left on the device';
  if (e.code === 'EROFS') return 'read-only file system';
  if (e.code === 'ENOTDIR') return 'a parent path is a file, not a directory';
  if (e.code === 'EISDIR') return 'a directory is in the way';
  if (e.code === 'ENOENT') return 'it was removed during the build';
  if (e.code === 'EDQUOT') return 'disk quota exceeded';
  return e.code ?? String(err);
}

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
  try {
    await writeFile(tmp, data, mode === undefined ? undefined : { mode });
    // writeFile's mode is filtered by the umask; the original file's permissions are what we want.
    if (mode !== undefined) await chmod(tmp, mode);
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
