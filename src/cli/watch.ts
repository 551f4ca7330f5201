import { type FSWatcher, realpathSync, statSync, watch } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { UserError } from '../source/diagnostics.js';

export interface WatchTargets {
  /** The résumé source. */
  file: string;
  /** The folder relative paths are taken from. */
  cwd?: string;
  /** Folders watched recursively (a --templates folder). */
  dirs?: readonly string[];
}

export interface Watcher {
  close(): void;
}

/** What one save (or burst of saves) changed, handed to `onChange`. */
export interface Change {
  /** `performance.now()` at the first file event of the burst: when the save happened, for save → written latency. */
  at: number;
  /** The source changed (or a platform could not say which file did): everything is built again. */
  source: boolean;
  /** Files under the watched `dirs` that changed, relative to their dir ('' when the platform gives no name). */
  inDirs: string[];
}

/**
 * Quiet time after the last file event before building. Measured here (scripts/measure-watch.mjs and
 * test/watch-latency.test.ts): vim's write-then-rename save and an in-place write (VS Code, `fs.writeFile`)
 * arrive as events at most 3 ms apart, so 20 ms folds a save into one build with room to spare; a file caught
 * mid-save (missing or empty) is waited for besides (see `settled`), so a slow disk cannot split a save either.
 */
export const DEBOUNCE_MS = 20;
/** How long a source that is missing or empty is waited for before it is built (and reported) as it is. */
const MID_SAVE_WAIT_MS = 300;

/**
 * Call `onChange` once things settle after the source or a file under `dirs` changes.
 * The source's folder is watched, not the file: editors that save by writing a new
 * file and renaming it over the old one (vim, JetBrains) replace the inode, and a
 * watch on the old inode would go silent. The debounce folds two-write saves
 * (truncate, then write) and bursts from "save all" into one call.
 */
export function watchFiles(
  targets: WatchTargets,
  onChange: (change: Change) => void,
  debounceMs = DEBOUNCE_MS,
  pollMs = 500,
): Watcher {
  const file = resolve(targets.cwd ?? '', targets.file);
  let timer: NodeJS.Timeout | undefined;
  let pending: Change | null = null;
  const deliver = (): void => {
    const change = pending;
    if (!change) return;
    // Caught between an editor's truncate and write, or between its rename away and the new file: wait for the rest.
    if (change.source && !settled(file) && performance.now() - change.at < MID_SAVE_WAIT_MS) {
      timer = setTimeout(deliver, debounceMs);
      return;
    }
    pending = null;
    onChange(change);
  };
  const note = (what: { source: true } | { dir: string }): void => {
    pending ??= { at: performance.now(), source: false, inDirs: [] };
    if ('source' in what) pending.source = true;
    else if (!pending.inDirs.includes(what.dir)) pending.inDirs.push(what.dir);
    clearTimeout(timer);
    timer = setTimeout(deliver, debounceMs);
  };
  const fire = (): void => note({ source: true });
  const watchers: FSWatcher[] = [];
  /** What the source resolved to when last watched ('' once a watch is known dead: the next poll watches afresh). */
  let seen = '';
  // The folder being set up, as the user wrote it, for the error message.
  let what = dirname(targets.file);
  let source: FSWatcher[] = [];
  // The watched folder itself deleted or moved away: its watch is dead even when a new folder of the same name gets
  // the same inode number (tmpfs and overlay file systems reuse it at once), which the poll below cannot tell apart.
  const lost = (): void => {
    seen = '';
  };
  try {
    source = watchSource(file, fire, lost);
    for (const d of targets.dirs ?? []) {
      what = d;
      watchers.push(
        watch(resolve(targets.cwd ?? '', d), { recursive: true }, (_event, changed) =>
          note({ dir: changed === null ? '' : String(changed) }),
        ),
      );
    }
  } catch (err) {
    for (const w of [...source, ...watchers]) w.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') throw new UserError(`error: cannot watch ${what}: no such folder`);
    if (e.code === 'ENOSPC' || e.code === 'EMFILE')
      throw new UserError(`error: cannot watch ${what}: the system's limit on watched files is reached (${e.code})`);
    throw err;
  }
  // A watch is on an inode: a folder deleted and made again, or a symbolic link pointed elsewhere, leaves it
  // watching nothing. A cheap poll of what the source resolves to notices, watches afresh and rebuilds.
  seen = identity(file);
  const poll = setInterval(() => {
    const now = identity(file);
    if (now === seen) return;
    seen = now;
    for (const w of source) w.close();
    try {
      source = watchSource(file, fire, lost);
    } catch {
      source = []; // the folder is gone for now: the next poll tries again
    }
    fire();
  }, pollMs);
  poll.unref();
  return {
    close() {
      clearTimeout(timer);
      clearInterval(poll);
      for (const w of [...source, ...watchers]) w.close();
    },
  };
}

/** The source is there and not empty: not caught in the middle of a save. */
function settled(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * Watch the source's folder for its name and, when the source is a symbolic link, the
 * folder of the file it points at too (an edit there changes no entry beside the link).
 */
function watchSource(file: string, fire: () => void, lost: () => void): FSWatcher[] {
  const out: FSWatcher[] = [];
  const places = [file];
  try {
    const real = realpathSync(file);
    if (real !== file) places.push(real);
  } catch {
    // A link to nowhere, or no file yet: its folder is still watched for it to appear.
  }
  try {
    for (const p of places) {
      const name = basename(p);
      const folder = basename(dirname(p));
      // filename is null on platforms that cannot tell: rebuild rather than miss a save. The folder's own name:
      // the folder was deleted or moved (Linux reports that so), and this watch hears nothing more.
      out.push(
        watch(dirname(p), (_event, changed) => {
          if (changed === folder) lost();
          if (changed === null || changed === name || changed === folder) fire();
        }),
      );
    }
  } catch (err) {
    for (const w of out) w.close();
    throw err;
  }
  return out;
}

/**
 * What the source is, as far as a watch cares: its folder's inode, and where the path leads and that folder's inode.
 */
function identity(file: string): string {
  const ino = (p: string): string => {
    try {
      const s = statSync(p);
      return `${s.dev}:${s.ino}`;
    } catch {
      return '-';
    }
  };
  let real = '';
  try {
    real = realpathSync(file);
  } catch {
    real = '-';
  }
  return `${ino(dirname(file))}|${real}|${real === '-' ? '' : ino(dirname(real))}`;
}

/**
 * Run `task` now, and again after it finishes if it was requested while running:
 * builds never overlap, and the last save is always built.
 */
export function serialise(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await task();
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  return run;
}
