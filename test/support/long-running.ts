import { type ChildProcess, spawn } from 'node:child_process';
import { cli } from '../helpers.js';

/** A CLI process that keeps running (watch, serve), with its output so far. */
export interface Running {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  /** Stop it (SIGTERM, as Ctrl-C would) and wait for its exit code. */
  stop: () => Promise<number | null>;
}

/** Start `folio <args>` in `cwd` and collect its output. */
export function start(args: string[], cwd: string): Running {
  const proc = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  return {
    proc,
    out: () => out,
    err: () => err,
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * Poll `check` every 50 ms until it returns a truthy value; fail after `ms` with
 * `context()` in the message, so a timeout says what the process printed.
 */
export async function waitFor<T>(check: () => T | Promise<T>, what: string, context: () => string, ms = 30_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}\n--- output ---\n${context()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
