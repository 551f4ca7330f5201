import { type ChildProcess, spawn } from 'node:child_process';
import { run } from '../../src/cli/run.js';
import { cli, collector } from '../helpers.js';

/** A CLI run that keeps going (watch, serve), with its output so far. */
export interface Running {
  out: () => string;
  err: () => string;
  /** The exit code once it has ended, null while it runs. */
  exitCode: () => number | null;
  /** Stop it (as Ctrl-C would) and wait for its exit code. */
  stop: () => Promise<number | null>;
}

/** Start `folio <args>` in `cwd`, in this process through run(); stop() is its Ctrl-C. */
export function start(args: string[], cwd: string): Running {
  const stdout = collector();
  const stderr = collector();
  let interrupt = (): void => {};
  const interrupted = new Promise<void>((done) => (interrupt = done));
  let code: number | null = null;
  const exited = run(args, { stdout, stderr, cwd, env: process.env, untilInterrupted: () => interrupted }).then(
    (c) => (code = c),
  );
  return {
    out: stdout.text,
    err: stderr.text,
    exitCode: () => code,
    stop: async () => {
      interrupt();
      return exited;
    },
  };
}

/** Start `folio <args>` in `cwd` as a real process and collect its output; stop() sends SIGTERM. */
export function spawnStart(args: string[], cwd: string): Running & { proc: ChildProcess } {
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
    exitCode: () => proc.exitCode,
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
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  context: () => string,
  ms = 30_000,
): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}\n--- output ---\n${context()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a run printed, stdout then stderr: the context of a timeout's message. */
export function outputOf(run: Running): string {
  return `${run.out()}\n--- stderr ---\n${run.err()}`;
}

/** The port a started `folio serve` listens on, once it prints its address; fails after `ms` with its output. */
export async function servePort(run: Running, ms = 30_000): Promise<number> {
  const m = await waitFor(
    () => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(run.out()),
    'the server address',
    () => outputOf(run),
    ms,
  );
  return Number(m[1]);
}
