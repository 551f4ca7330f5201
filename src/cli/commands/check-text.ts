import type { OrderedMatch } from '../../check/find-in-order.js';
import type { Leaf } from '../../check/leaves.js';
import type { LoadedSource } from '../../source/load.js';
import { formatPath } from '../../validate/format-path.js';
import type { Io } from '../io.js';
import { printDiagnostics } from '../report.js';

/** The strings the source asks the PDF (and the Word file, which shows the same) to show, in display order. */
export async function expectedStrings(
  source: string,
  io: Io,
  maxBytes?: number,
): Promise<{ src: LoadedSource; leaves: Leaf[] }> {
  const { loadValidated } = await import('../../pipeline/build.js');
  const { src, resume, warnings } = await loadValidated({ source, cwd: io.cwd, maxBytes });
  printDiagnostics(warnings, io.stderr);
  const { pdfLeaves } = await import('../../check/expected.js');
  return { src, leaves: pdfLeaves(resume) };
}

/** The text line of a report, and a line for each string missing or out of order. */
export function textRows(
  row: (k: string, v: string) => void,
  text: string,
  match: OrderedMatch | null,
  src: LoadedSource | null,
): void {
  if (!match || !src) {
    row('text', `${text.replace(/\s+/g, ' ').trim().length} characters extracted; give --source to check every string`);
  } else {
    const total = match.found.length + match.missing.length + match.outOfOrder.length;
    const pct = total ? Math.floor((match.found.length / total) * 1000) / 10 : 100;
    row('text', `${match.found.length} of ${total} strings from ${src.file} found in order (${pct}%)`);
    const where = (l: Leaf) =>
      `${src.file}:${src.locate(l.path).line}  ${formatPath(l.path)}  "${l.text.length > 70 ? `${l.text.slice(0, 67)}…` : l.text}"`;
    for (const l of match.missing) row('missing', where(l));
    for (const l of match.outOfOrder) row('order', `${where(l)} (found only earlier in the text)`);
  }
}
