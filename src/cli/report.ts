// Stage cli: the command line behind the bin (src/cli.ts): commands/, printing diagnostics and failures, serve/, watch.
import { type Diagnostic, formatDiagnostic, printable, UserError } from '../source/diagnostics.js';

/** Human-readable size: `812 B`, `38.1 KB`, `1.2 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Print diagnostics to stderr, one block each. */
export function printDiagnostics(list: readonly Diagnostic[]): void {
  for (const d of list) process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** What the user sees for a UserError: every diagnostic (or the one-line message), then a count when there are several. */
export function formatUserError(err: UserError): string {
  let out = err.diagnostics.length ? err.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('') : `${printableLines(err.message)}\n`;
  const n = err.diagnostics.filter((d) => d.severity === 'error').length;
  // The count only: `validate` never writes, and a failed build's "nothing written" is the rule, not news.
  if (n > 1) out += `${n} errors\n`;
  return out;
}

/** A failed build in a long-running command: print it and carry on, as cli.ts would print it and exit. */
export function printFailure(err: unknown): void {
  if (err instanceof UserError) {
    if (err.diagnostics.length) printDiagnostics(err.diagnostics);
    else process.stderr.write(`${err.message}\n`);
  } else {
    const stack = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`folio: internal error: this is a bug in folio, please report it with the command you ran.\n${stack}\n`);
  }
}

/** Text for the terminal, line by line: control characters (an escape sequence in a file name) shown as symbols, never run. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
