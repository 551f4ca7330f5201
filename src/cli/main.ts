import { type SystemError, systemUserError } from '../source/errno.js';
import { formatUserError } from './report.js';
import { EXIT, run } from './run.js';
import { keepYoungGenerationSmall } from './young-generation.js';

/** The bin's body: run folio on this process's argv, streams, folder and environment, and set its exit code. */
export async function main(): Promise<void> {
  // Peak memory of a one-shot build (see the module); watch, serve and a batch let it grow again when they start.
  keepYoungGenerationSmall();
  // A reader that stops early (`folio --help | head -1`) closes the pipe: end quietly, as other tools do, not with a
  // stack.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      // Anything else (ENOSPC from `folio export > /dev/full`): say so on stderr if it is still there.
      if (stream !== process.stderr) process.stderr.write(formatUserError(systemUserError(err as SystemError)));
      process.exit(EXIT.user);
    });
  }
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    untilInterrupted,
  });
}

/** Resolve when the process is asked to stop (Ctrl-C or SIGTERM). */
function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
