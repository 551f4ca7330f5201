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

/**
 * Call `onChange` once things settle after the source or a file under `dirs` changes.
 * The source's folder is watched, not the file: editors that save by writing a new
 * file and renaming it over the old one (vim, JetBrains) replace the inode, and a
 * watch on the old inode would go silent. The debounce folds two-write saves
 * (truncate, then write) and bursts from "save all" into one call.
 */
export function watchFiles(targets: WatchTargets, onChange: () => void, debounceMs = 100, pollMs = 500): Watcher {
  const file = resolve(targets.cwd ?? '', targets.file);
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  // The folder being set up, as the user wrote it, for the error message.
  let what = dirname(targets.file);
  let source: FSWatcher[] = [];
  try {
    source = watchSource(file, fire);
    for (const d of targets.dirs ?? []) {
      what = d;
      watchers.push(watch(resolve(targets.cwd ?? '', d), { recursive: true }, fire));
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
  let seen = identity(file);
  const poll = setInterval(() => {
    const now = identity(file);
    if (now === seen) return;
    seen = now;
    for (const w of source) w.close();
    try {
      source = watchSource(file, fire);
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

/**
 * Watch the source's folder for its name and, when the source is a symbolic link, the
 * folder of the file it points at too (an edit there changes no entry beside the link).
 */
function watchSource(file: string, fire: () => void): FSWatcher[] {
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
      // filename is null on platforms that cannot tell: rebuild rather than miss a save.
      out.push(
        watch(dirname(p), (_event, changed) => {
          if (changed === null || changed === name) fire();
        }),
      );
    }
  } catch (err) {
    for (const w of out) w.close();
    throw err;
  }
  return out;
}

/** What the source is, as far as a watch cares: its folder's inode, and where the path leads and that folder's inode. */
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
