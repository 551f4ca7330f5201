// Stage cli: the command line: run(argv, io) → exit code, commands/, printing diagnostics and failures, serve/, watch.
import { resolve } from 'node:path';
import { UserError } from '../source/diagnostics.js';

/** Somewhere to print: process.stdout, or a buffer in a test. */
export interface Out {
  write(chunk: string | Uint8Array): unknown;
}

/** Everything a command may touch of the world outside its arguments; the bin passes the process's own. */
export interface Io {
  stdout: Out;
  stderr: Out;
  /** Relative paths in arguments are taken from here. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Resolves when a long-running command (serve, build --watch) should stop: Ctrl-C or SIGTERM in the bin.
   * Called only by those commands, so any other command is stopped by Ctrl-C as usual.
   */
  untilInterrupted(): Promise<void>;
}

/** A path argument, as the file system needs it: relative to io.cwd. */
export function pathIn(io: Io, path: string): string {
  return resolve(io.cwd, path);
}

/** 9999-12-31T23:59:59Z: PDF dates have four-digit years. */
const MAX_EPOCH = 253402300799;

/**
 * SOURCE_DATE_EPOCH (reproducible builds) as a date when set; a value that is not a time is an error, not silently
 * ignored.
 */
export function epochDate(env: Io['env']): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return undefined;
  if (!/^\d+$/.test(epoch) || Number(epoch) > MAX_EPOCH) {
    throw new UserError(
      `error: SOURCE_DATE_EPOCH=${epoch.slice(0, 30)} is not a time folio can use: ` +
        `give whole seconds since 1970, at most ${MAX_EPOCH} (the end of year 9999)`,
    );
  }
  return new Date(Number(epoch) * 1000);
}
