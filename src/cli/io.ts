// Stage cli: the command line: run(argv, io) → exit code, commands/, printing diagnostics and failures, serve/, watch.
import { resolve } from 'node:path';

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

/** SOURCE_DATE_EPOCH (reproducible builds) as a date, when set to whole seconds. */
export function epochDate(env: Io['env']): Date | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : undefined;
}
