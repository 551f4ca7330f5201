import { type Diagnostic, formatDiagnostic, type UserError } from './diagnostics.js';

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
  let out = err.diagnostics.length ? err.diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('') : `${err.message}\n`;
  const n = err.diagnostics.filter((d) => d.severity === 'error').length;
  // The count only: `validate` never writes, and a failed build's "nothing written" is the rule, not news.
  if (n > 1) out += `${n} errors\n`;
  return out;
}
