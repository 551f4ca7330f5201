/** A problem found in the input, located in the source file. */
export interface Diagnostic {
  /** `note`: information that is not a problem (a custom section found, an old key read under its new name). */
  severity: 'error' | 'warning' | 'note';
  /** Source file as the user named it, e.g. `resume.yaml`. */
  file: string;
  /** 1-based line and column; 0 when the problem concerns the whole file. */
  line: number;
  col: number;
  /** Data path such as `work[1].startDate`, or '' for syntax problems. */
  path: string;
  message: string;
  /** The source line, for the caret display. */
  sourceLine?: string;
}

/**
 * An error the user can fix (bad input, unwritable output): printed without a
 * stack, exit code 1. Anything else that escapes is a bug.
 */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics;
  }
}

/**
 * A mistake in how a command was called (flags that need another flag, a bad option value): exit code 2, like
 * commander's own.
 */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Sort by line then column so the user reads problems top to bottom. */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
}

/** `file:line:col: error: path: message`, then the source line with a caret under the column. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const head = printable(`${where}: ${d.severity}: ${d.path ? `${d.path}: ` : ''}${d.message}`);
  if (d.sourceLine === undefined || d.line === 0) return head;
  const gutter = `${String(d.line).padStart(4)} | `;
  const { text, col } = excerpt(printable(d.sourceLine), d.col);
  // Keep tabs in the caret line so it lines up under tab-indented source.
  const pad = text.slice(0, Math.max(0, col - 1)).replace(/[^\t]/g, ' ');
  return `${head}\n${gutter}${text}\n${' '.repeat(gutter.length - 2)}| ${pad}^`;
}

/**
 * Terminal-safe text: control characters (an ANSI escape in a key or a source
 * line could rewrite the terminal) become visible symbols, one for one so columns still line up.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

const EXCERPT = 100;

/** At most ~100 characters of a long line (minified JSON, a pasted blob) around the column, marked with …. */
function excerpt(line: string, col: number): { text: string; col: number } {
  if (line.length <= EXCERPT + 20) return { text: line, col };
  const start = Math.max(0, Math.min(col - 1 - EXCERPT / 2, line.length - EXCERPT));
  const end = start + EXCERPT;
  const text = `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
  return { text, col: col - start + (start > 0 ? 1 : 0) };
}

/** A short, single-line rendering of a bad value for "(got …)". */
export function showValue(value: unknown): string {
  let s: string;
  if (value === undefined) s = 'nothing';
  else if (typeof value === 'string') s = JSON.stringify(value);
  else if (Array.isArray(value)) s = 'a list';
  else if (value !== null && typeof value === 'object') s = 'a mapping';
  else s = String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
