/**
 * Bounds on what folio will read. A résumé is a few kilobytes; these stop a
 * mistaken or hostile input (a log file, a generated dump, a YAML alias bomb)
 * from eating memory or time, and say which limit was hit.
 */
export interface InputLimits {
  /** Largest source file, in bytes (`--max-size`). */
  maxBytes: number;
  /** Deepest nesting of lists and mappings; a résumé needs about 6. */
  maxDepth: number;
  /** Most items in one list; generous enough for an academic's publication list. */
  maxItems: number;
  /** yaml's alias budget: how many times aliases may be expanded. Real résumés use a handful. */
  maxAliases: number;
  /**
   * Read a list item indented past the one above as YAML does (more text of that item) instead of
   * refusing it as a slip: in folio's own files it is a slip, but it is how RenderCV writes a nested
   * bullet, so `folio import` reads other tools' files as written.
   */
  nestedItemsAsText?: boolean;
  /**
   * Most list items in the whole résumé (entries, bullets, keywords… together, aliases expanded). The PDF's
   * layout costs more than linearly in the number of boxes it paginates: this keeps every résumé folio accepts
   * buildable within 30 s on a 2-core machine (docs/limits.md has the measurements).
   */
  maxListItems: number;
  /** Most text in the whole résumé, in characters, aliases expanded: the same bound on the layout's time. */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxBytes: 2 * 1024 * 1024,
  maxDepth: 32,
  maxItems: 500,
  maxAliases: 100,
  maxListItems: 500,
  maxTextChars: 256 * 1024,
};

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** `4MiB`, `500KB`, `3m`, `1048576` → bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  if (!m) return null;
  const unit = UNITS[(m[2] ?? '').toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(m[1]) * unit);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : null;
}

/** 2097152 → `2 MiB`, 3000000 → `2.9 MiB`, 2000 → `2,000 bytes`: binary units, exact when not round. */
export function showSize(bytes: number): string {
  const MiB = 1024 ** 2;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes.toLocaleString('en')} bytes`;
}
