import { type SourceCheck, summaryLine } from '../../check/summary.js';
import type { DataPath, LoadedSource } from '../../source/load.js';
import { formatPath } from '../../validate/format-path.js';

/**
 * The text rows of a report, the same for a PDF and a Word file (both checked by
 * check/source-check.ts): the summary, then each string missing, out of order or
 * not shown by design, with its line in the source.
 */
export function sourceRows(
  row: (k: string, v: string) => void,
  text: string,
  check: SourceCheck | null,
  src: LoadedSource | null,
): void {
  if (!check || !src) {
    row('text', `${text.replace(/\s+/g, ' ').trim().length} characters extracted; give --source to check every string`);
    return;
  }
  row('text', summaryLine(check, src.file));
  const where = (l: { path: DataPath; text: string }) =>
    `${src.file}:${src.locate(l.path).line}  ${formatPath(l.path)}  ` +
    `"${l.text.length > 70 ? `${l.text.slice(0, 67)}…` : l.text}"`;
  for (const l of check.match.missing) row('missing', where(l));
  for (const l of check.dropped) row('missing', `${where(l)} (${l.reason})`);
  for (const l of check.match.outOfOrder) row('order', `${where(l)} (found only earlier in the text)`);
  for (const l of check.byDesign) row('by design', `${where(l)} (${l.reason})`);
}
