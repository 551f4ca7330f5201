// Printing for the command line: diagnostics, failures and sizes, to the streams of an Io.
import { type Diagnostic, formatDiagnostic, printable, UserError } from '../source/diagnostics.js';
import { isSystemError, systemUserError } from '../source/errno.js';
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

/**
 * What the user sees for a UserError: every diagnostic (or the one-line message), then a count when there are several.
 */
export function formatUserError(err: UserError, opts: { count: boolean } = { count: true }): string {
  let out = err.diagnostics.length
    ? err.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('')
    : `${printableLines(err.message)}\n`;
  const n = err.diagnostics.filter((d) => d.severity === 'error').length;
  // The count only: `validate` never writes, and a failed build's "nothing written" is the rule, not news.
  if (opts.count && n > 1) out += `${n} errors\n`;
  return out;
}

/**
 * The one error printer: a UserError as its diagnostics; a system error (a full disk, a name too long, a link
 * loop) in plain words, as the user's to fix; anything else as a bug with its stack. Returns which it was
 * (exit 1 or 70). Long-running commands print a failed rebuild without the count and carry on.
 */
export function printFailure(err: unknown, out: Out, opts: { count: boolean } = { count: true }): 'user' | 'bug' {
  if (err instanceof UserError) {
    out.write(formatUserError(err, opts));
    return 'user';
  }
  if (isSystemError(err)) {
    out.write(formatUserError(systemUserError(err), opts));
    return 'user';
  }
  const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
  out.write(`folio: internal error: this is a bug in folio, please report it with the command you ran.\n${stack}\n`);
  return 'bug';
}

/**
 * Text for the terminal, line by line: control characters (an escape sequence in a file name) shown as symbols, never
 * run.
 */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
