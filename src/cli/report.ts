// Printing for the command line: diagnostics, failures and sizes, to the streams of an Io.
import { type Diagnostic, formatDiagnostic, UserError } from '../source/diagnostics.js';
import type { Out } from './io.js';

/** Human-readable size: `812 B`, `38.1 KB`, `1.2 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Print diagnostics, one block each. */
export function printDiagnostics(list: readonly Diagnostic[], out: Out): void {
  for (const d of list) out.write(`${formatDiagnostic(d)}\n`);
}

/** What the user sees for a UserError: every diagnostic (or the one-line message), then a count when there are several. */
export function formatUserError(err: UserError, opts: { count: boolean } = { count: true }): string {
  let out = err.diagnostics.length ? err.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('') : `${err.message}\n`;
  const n = err.diagnostics.filter((d) => d.severity === 'error').length;
  // The count only: `validate` never writes, and a failed build's "nothing written" is the rule, not news.
  if (opts.count && n > 1) out += `${n} errors\n`;
  return out;
}

/**
 * The one error printer: a UserError as its diagnostics, anything else as a bug with its stack.
 * Returns whether it was the user's error (exit 1) or folio's (exit 70). Long-running commands
 * print a failed rebuild without the count and carry on.
 */
export function printFailure(err: unknown, out: Out, opts: { count: boolean } = { count: true }): 'user' | 'bug' {
  if (err instanceof UserError) {
    out.write(formatUserError(err, opts));
    return 'user';
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  out.write(`folio: internal error: this is a bug in folio, please report it with the command you ran.\n${stack}\n`);
  return 'bug';
}
