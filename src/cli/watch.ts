import { type FSWatcher, watch } from 'node:fs';
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
export function watchFiles(targets: WatchTargets, onChange: () => void, debounceMs = 100): Watcher {
  const file = resolve(targets.cwd ?? '', targets.file);
  const name = basename(file);
  let timer: NodeJS.Timeout | undefined;
  const fire = (): void => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  // The folder being set up, as the user wrote it, for the error message.
  let what = dirname(targets.file);
  try {
    // filename is null on platforms that cannot tell: rebuild rather than miss a save.
    watchers.push(watch(dirname(file), (_event, changed) => {
      if (changed === null || changed === name) fire();
    }));
    for (const d of targets.dirs ?? []) {
      what = d;
      watchers.push(watch(resolve(targets.cwd ?? '', d), { recursive: true }, fire));
    }
  } catch (err) {
    for (const w of watchers) w.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') throw new UserError(`error: cannot watch ${what}: no such folder`);
    if (e.code === 'ENOSPC' || e.code === 'EMFILE') throw new UserError(`error: cannot watch ${what}: the system's limit on watched files is reached (${e.code})`);
    throw err;
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
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
